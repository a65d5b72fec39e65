/* Feeds the ECB+ documents (docs.jsonl) to the story grouping in seeded
 * random orders and prints "method<TAB>seed<TAB>doc_id<TAB>story" lines for
 * stories_score.py. Also runs the naive reference (plain TF-IDF, one pass,
 * centroid cosine) in the same harness, for a side-by-side.
 * usage: bench_stories DOCS.jsonl THRESHOLD|0 SEED...
 *        bench_stories --stream N (memory and speed on a synthetic stream) */
#include "whosaid/corpus.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define BASELINE_THRESHOLD 0.20

typedef struct doc {
    char *id, *text;
} doc;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "bench_stories: out of memory\n");
        exit(1);
    }
    return p;
}

static void put_utf8(char **o, unsigned cp)
{
    unsigned char *p = (unsigned char *)*o;
    if (cp < 0x80) {
        *p++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *p++ = (unsigned char)(0xC0 | cp >> 6);
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *p++ = (unsigned char)(0xE0 | cp >> 12);
        *p++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *p++ = (unsigned char)(0xF0 | cp >> 18);
        *p++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *p++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *o = (char *)p;
}

/* The string value of "key" in one JSON line (a flat object), unescaped;
 * NULL when absent. */
static char *json_str(const char *line, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(line, pat);
    if (!p)
        return NULL;
    p += strlen(pat);
    while (*p == ' ')
        p++;
    if (*p != '"')
        return NULL;
    p++;
    char *out = xmalloc(strlen(p) + 1), *o = out;
    while (*p && *p != '"') {
        if (*p != '\\') {
            *o++ = *p++;
            continue;
        }
        p++;
        switch (*p) {
        case 'n':
            *o++ = '\n';
            break;
        case 't':
            *o++ = '\t';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'u': {
            unsigned cp = (unsigned)strtoul(
                (char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                unsigned lo = (unsigned)strtoul(
                    (char[5]){p[3], p[4], p[5], p[6], 0}, NULL, 16);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
            put_utf8(&o, cp);
            break;
        }
        default:
            *o++ = *p;
            break;
        }
        if (*p)
            p++;
    }
    *o = 0;
    return out;
}

static doc *read_docs(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t cap = 1024, len = 0;
    doc *d = xmalloc(cap * sizeof *d);
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        if (len == cap)
            d = realloc(d, (cap *= 2) * sizeof *d);
        d[len].id = json_str(line, "doc_id");
        d[len].text = json_str(line, "text");
        if (d[len].id && d[len].text)
            len++;
    }
    free(line);
    fclose(f);
    *n = len;
    return d;
}

/* splitmix64: a fixed, portable sequence for the seeded orders. */
static uint64_t next_rand(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static void shuffle(size_t *order, size_t n, uint64_t seed)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    uint64_t x = seed;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_rand(&x) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

static ws_article as_article(const doc *d)
{
    ws_article a;
    memset(&a, 0, sizeof a);
    a.id = d->id;
    a.language = "en";
    a.text = d->text;
    a.text_len = strlen(d->text);
    return a;
}

static void run_whosaid(const doc *d, size_t n, const size_t *order,
                        double threshold, unsigned long seed)
{
    ws_story_opts o = {0, threshold};
    ws_stories *s = ws_stories_new(&o);
    for (size_t i = 0; i < n; i++) {
        ws_article a = as_article(&d[i]);
        ws_stories_observe(s, &a);
    }
    for (size_t i = 0; i < n; i++) {
        ws_article a = as_article(&d[order[i]]);
        printf("whosaid\t%lu\t%s\t%zu\n", seed, d[order[i]].id,
               ws_stories_add(s, &a));
    }
    ws_stories_free(s);
}

/* ---- the naive reference: lower-cased ASCII words, stopwords out, log tf
 * x idf, L2; each document joins the most similar centroid at or above
 * 0.20, else starts a cluster. Dense centroids: fine at this size. */

static const char *const base_stop[] = {
    "a",    "an",    "and",   "are",   "as",   "at",   "be",   "been", "but",
    "by",   "for",   "from",  "had",   "has",  "have", "he",   "her",  "his",
    "i",    "in",    "is",    "it",    "its",  "of",   "on",   "or",   "that",
    "the",  "their", "they",  "this",  "to",   "was",  "we",   "were", "which",
    "who",  "will",  "with",  "would", "you",  "she",  "him",  "not",  "no",
    "s",    "said",  "after", "about", "up",   "out",  "one",  "all",  "so",
    "if",   "than",  "them",  "there", "when", "what", "been", "also", "into",
    "more", "can",   "could", "do",    "did",  "our",
};

typedef struct vocab {
    char **word;
    size_t *slot, n, cap;
} vocab;

static size_t vocab_id(vocab *v, const char *w, size_t len)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    size_t mask = v->cap - 1, i = (size_t)h & mask;
    while (v->slot[i]) {
        const char *x = v->word[v->slot[i] - 1];
        if (strlen(x) == len && memcmp(x, w, len) == 0)
            return v->slot[i] - 1;
        i = (i + 1) & mask;
    }
    v->word[v->n] = xmalloc(len + 1);
    memcpy(v->word[v->n], w, len);
    v->word[v->n][len] = 0;
    v->slot[i] = ++v->n;
    return v->n - 1;
}

static bool base_stopword(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof base_stop / sizeof *base_stop; i++)
        if (strlen(base_stop[i]) == len && memcmp(base_stop[i], w, len) == 0)
            return true;
    return false;
}

static void run_baseline(const doc *d, size_t n, const size_t *order,
                         unsigned long seed)
{
    vocab v = {0};
    v.cap = 1 << 18;
    v.word = xmalloc(v.cap / 2 * sizeof *v.word);
    v.slot = calloc(v.cap, sizeof *v.slot);
    size_t **ids = xmalloc(n * sizeof *ids), *nid = calloc(n, sizeof *nid);
    for (size_t k = 0; k < n; k++) {
        const char *t = d[k].text;
        ids[k] = xmalloc((strlen(t) / 2 + 1) * sizeof **ids);
        char w[64];
        size_t wl = 0;
        for (const char *p = t;; p++) {
            if (*p && isalnum((unsigned char)*p)) {
                if (wl < sizeof w)
                    w[wl++] = (char)tolower((unsigned char)*p);
                continue;
            }
            if (wl && !base_stopword(w, wl) && v.n < v.cap / 2)
                ids[k][nid[k]++] = vocab_id(&v, w, wl);
            wl = 0;
            if (!*p)
                break;
        }
    }
    double *df = calloc(v.n, sizeof *df), *tf = calloc(v.n, sizeof *tf);
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < nid[k]; i++)
            if (tf[ids[k][i]]++ == 0)
                df[ids[k][i]]++;
        for (size_t i = 0; i < nid[k]; i++)
            tf[ids[k][i]] = 0;
    }
    double **cent = xmalloc(n * sizeof *cent),
           *cnorm = calloc(n, sizeof *cnorm);
    double *vec = calloc(v.n, sizeof *vec);
    size_t nc = 0;
    for (size_t r = 0; r < n; r++) {
        size_t k = order[r];
        for (size_t i = 0; i < nid[k]; i++)
            tf[ids[k][i]]++;
        double norm = 0;
        for (size_t i = 0; i < nid[k]; i++) {
            size_t t = ids[k][i];
            if (tf[t] > 0) {
                vec[t] = (1 + log(tf[t])) * log((double)n / df[t]);
                norm += vec[t] * vec[t];
                tf[t] = 0;
            }
        }
        norm = sqrt(norm);
        size_t best = SIZE_MAX;
        double best_sim = BASELINE_THRESHOLD;
        for (size_t c = 0; c < nc && norm > 0; c++) {
            double dp = 0;
            for (size_t i = 0; i < nid[k]; i++) {
                size_t t = ids[k][i];
                if (vec[t] != 0 && tf[t] == 0) {
                    dp += vec[t] * cent[c][t];
                    tf[t] = 1; /* count each term once */
                }
            }
            for (size_t i = 0; i < nid[k]; i++)
                tf[ids[k][i]] = 0;
            double sim = cnorm[c] > 0 ? dp / norm / cnorm[c] : 0;
            if (sim >= best_sim) {
                best_sim = sim;
                best = c;
            }
        }
        if (best == SIZE_MAX) {
            best = nc++;
            cent[best] = calloc(v.n, sizeof **cent);
        }
        for (size_t i = 0; i < nid[k]; i++) {
            size_t t = ids[k][i];
            if (vec[t] != 0) {
                cent[best][t] += norm > 0 ? vec[t] / norm : 0;
                vec[t] = 0;
            }
        }
        double cn = 0;
        for (size_t t = 0; t < v.n; t++)
            cn += cent[best][t] * cent[best][t];
        cnorm[best] = sqrt(cn);
        printf("baseline\t%lu\t%s\t%zu\n", seed, d[k].id, best);
    }
    for (size_t c = 0; c < nc; c++)
        free(cent[c]);
    for (size_t k = 0; k < n; k++)
        free(ids[k]);
    for (size_t i = 0; i < v.n; i++)
        free(v.word[i]);
    free(cent), free(cnorm), free(vec), free(df), free(tf), free(ids),
        free(nid), free(v.word), free(v.slot);
}

/* ---- a synthetic stream for memory and speed: n articles over n/300
 * days, each drawn from one of the events of its week (ten signature
 * names) plus words from a Zipf-like vocabulary. Prints peak memory as the
 * stream goes: it should stay flat once the window is full. */
static void word_of(uint64_t k, bool name, char *out)
{
    static const char *const syl[] = {"ka", "lo",  "mi", "ter", "son", "va",
                                      "ri", "den", "po", "shi", "nu",  "gar"};
    uint64_t x = k * 0x9E3779B97F4A7C15u + 7;
    size_t o = 0;
    for (int i = 0; i < 2 + (int)(next_rand(&x) % 3); i++) {
        const char *p = syl[next_rand(&x) % 12];
        while (*p)
            out[o++] = *p++;
    }
    if (name)
        out[0] = (char)toupper((unsigned char)out[0]);
    out[o] = 0;
}

static void run_stream(size_t n)
{
    ws_stories *s = ws_stories_new(NULL);
    char *text = xmalloc(8192), date[32], w[32];
    uint64_t x = 1;
    size_t stories = 0;
    for (size_t i = 0; i < n; i++) {
        size_t day = i / 300, ev = day / 7 * 1000 + next_rand(&x) % 60;
        size_t o = 0;
        for (int k = 0; k < 150; k++) {
            uint64_t r = next_rand(&x);
            bool sig = r % 5 == 0;
            /* Zipf-like: the square of a uniform number favours small ids */
            uint64_t u = (r >> 8) % 5000;
            word_of(sig ? 1000000 + ev * 10 + r % 10 : u * u / 50, sig, w);
            o += (size_t)snprintf(text + o, 8192 - o, "%s%s", w,
                                  k % 15 == 14 ? ". " : " ");
        }
        snprintf(date, sizeof date, "%04zu-%02zu-%02zu", 2000 + day / 336,
                 1 + day / 28 % 12, 1 + day % 28);
        ws_article a;
        memset(&a, 0, sizeof a);
        a.date = date;
        a.language = "en";
        a.text = text;
        a.text_len = o;
        size_t id = ws_stories_add(s, &a);
        stories = id + 1 > stories ? id + 1 : stories;
        if ((i + 1) % (n / 10 ? n / 10 : 1) == 0) {
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf("articles %zu stories %zu peak_rss_kb %ld\n", i + 1, stories,
                   ru.ru_maxrss);
            fflush(stdout);
        }
    }
    free(text);
    ws_stories_free(s);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--stream") == 0) {
        run_stream(strtoul(argv[2], NULL, 10));
        return 0;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: %s DOCS.jsonl THRESHOLD|0 SEED...\n", argv[0]);
        return 2;
    }
    size_t n;
    doc *d = read_docs(argv[1], &n);
    double threshold = strtod(argv[2], NULL);
    size_t *order = xmalloc(n * sizeof *order);
    for (int a = 3; a < argc; a++) {
        unsigned long seed = strtoul(argv[a], NULL, 10);
        shuffle(order, n, seed);
        run_whosaid(d, n, order, threshold, seed);
        run_baseline(d, n, order, seed);
    }
    for (size_t i = 0; i < n; i++)
        free(d[i].id), free(d[i].text);
    free(d);
    free(order);
    return 0;
}
