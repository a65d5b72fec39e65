/* Request rate per client: a token bucket per address. The table is fixed
 * in size (memory does not grow with the number of clients an attacker can
 * forge): a client hashes to a short run of slots and, when all are taken
 * by others, replaces the one idle longest. Forgetting an idle client only
 * gives it a full bucket back, which it would have had anyway. */
#include "http.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 8192
#define PROBE 8
#define KEYMAX 16

typedef struct slot {
    unsigned char key[KEYMAX];
    size_t len; /* 0: empty */
    double tokens, seen;
} slot;

struct ws_ratelimit {
    double rate, burst;
    pthread_mutex_t lock;
    slot slots[SLOTS];
};

ws_ratelimit *ws_ratelimit_new(double rate, double burst)
{
    if (rate <= 0)
        return NULL;
    ws_ratelimit *rl = calloc(1, sizeof *rl);
    if (!rl)
        abort();
    rl->rate = rate;
    rl->burst = burst < 1 ? 1 : burst;
    pthread_mutex_init(&rl->lock, NULL);
    return rl;
}

void ws_ratelimit_free(ws_ratelimit *rl)
{
    if (!rl)
        return;
    pthread_mutex_destroy(&rl->lock);
    free(rl);
}

/* FNV-1a: spreads addresses well enough for a table nobody can probe. */
static size_t hash(const unsigned char *k, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ k[i]) * 1099511628211u;
    return (size_t)(h % SLOTS);
}

int ws_ratelimit_take(ws_ratelimit *rl, const void *key, size_t len, double now)
{
    if (!rl)
        return 0;
    if (len > KEYMAX)
        len = KEYMAX;
    if (len == 0) { /* an address of no known family: one shared bucket */
        key = "-";
        len = 1;
    }
    size_t h = hash(key, len);
    pthread_mutex_lock(&rl->lock);
    slot *s = NULL, *oldest = NULL;
    for (size_t i = 0; i < PROBE && !s; i++) {
        slot *c = &rl->slots[(h + i) % SLOTS];
        if (c->len == len && memcmp(c->key, key, len) == 0)
            s = c;
        else if (!oldest || c->len == 0 ||
                 (oldest->len != 0 && c->seen < oldest->seen))
            oldest = c;
    }
    if (!s) {
        s = oldest;
        memcpy(s->key, key, len);
        s->len = len;
        s->tokens = rl->burst;
        s->seen = now;
    }
    s->tokens += (now - s->seen) * rl->rate;
    if (s->tokens > rl->burst)
        s->tokens = rl->burst;
    s->seen = now;
    int wait = 0;
    if (s->tokens >= 1) {
        s->tokens -= 1;
    } else {
        /* Whole seconds, rounded up, for Retry-After. */
        double need = (1 - s->tokens) / rl->rate;
        wait = (int)need;
        if (wait < need || wait < 1)
            wait++;
    }
    pthread_mutex_unlock(&rl->lock);
    return wait;
}
