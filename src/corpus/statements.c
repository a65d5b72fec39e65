/* Statements: the same words of one speaker reported by several outlets,
 * grouped online. Each quote, in time order, is compared with the live
 * statements of its speaker (reported within the window) through up to a
 * few of their reports, and joins the most similar one above the threshold
 * or starts its own. Statements that fall out of the window are freed, so
 * memory follows the window, not the collection. See docs/statements.md. */
#include "whosaid/corpus.h"

#include "core/core.h"
#include "corpus/statement_terms.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WINDOW_DAYS 3
#define DEFAULT_THRESHOLD 0.35
/* Reports of a statement a new quote is compared with: the first one and
 * the latest others (a chain of partial overlaps keeps its newest links). */
#define REPORTS_KEPT 4
/* Statements of one speaker compared per quote, newest first, and kept
 * live at most: a speaker quoted hundreds of times a day costs a bounded
 * scan, and undated collections (never expiring) stay bounded. */
#define SPEAKER_SCAN 256
#define SPEAKER_KEEP 512
/* Shared weight at which the evidence counts fully: below it, a fragment
 * of two or three words that happens to lie inside another quote scores
 * proportionally less, so it cannot glue unrelated statements. */
#define EVIDENCE_STEMS 8.0
#define EVIDENCE_KEYS 5.0

/* Word weights fall with how many quotes so far carried the word: a word
 * in most of the collection's quotes ("Ukraine" in a war's news) says less
 * that two quotes are one statement. Counts are kept in a fixed table of
 * hashed slots (collisions only make a rare word look commoner), with a
 * prior of DF_PRIOR quotes so the first quotes are not all rare. */
#define DF_SLOTS (1u << 18)
#define DF_PRIOR 10.0
#define DF_STEEPNESS 8.0

#define DAY_UNKNOWN LONG_MIN

typedef struct report {
    ws_stmt_term *t;
    size_t n;
    double weight[WS_STMT_LAYERS];
    int script;
} report;

typedef struct statement {
    size_t id;
    long last_day; /* day of the latest report, DAY_UNKNOWN when undated */
    report rep[REPORTS_KEPT];
    size_t n_rep;
    size_t next_slot; /* round-robin over slots 1.. once full */
} statement;

/* The live statements of one speaker, oldest first. */
typedef struct bucket {
    size_t speaker; /* WS_CORPUS_NONE: empty slot */
    statement **v;
    size_t n, cap;
} bucket;

struct ws_statements {
    unsigned window;
    double threshold;
    size_t next_id;
    long now;      /* latest day seen, DAY_UNKNOWN before any */
    long prev_day; /* day of the previous article, for undated ones */
    bucket *tab;   /* open addressing on speaker, power-of-two size */
    size_t tab_cap, tab_used;
    uint32_t *df; /* DF_SLOTS counts of quotes per term */
    double n_quotes;
    ws_stmt_terms scratch;
};

/* Days since 1970-01-01 of a "YYYY-MM-DD..." date (the civil calendar);
 * DAY_UNKNOWN when the string does not start with one. */
static long day_of(const char *date)
{
    if (!date)
        return DAY_UNKNOWN;
    for (size_t i = 0; i < 10; i++) {
        bool want_dash = i == 4 || i == 7;
        if (want_dash ? date[i] != '-' : !ws_is_digit((unsigned char)date[i]))
            return DAY_UNKNOWN;
    }
    long y = atol(date), m = atol(date + 5), d = atol(date + 8);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return DAY_UNKNOWN;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void statement_free(statement *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_rep; i++)
        free(s->rep[i].t);
    free(s);
}

static void report_set(report *r, const ws_stmt_terms *t)
{
    free(r->t);
    r->t = ws_xmalloc((t->n ? t->n : 1) * sizeof *r->t);
    memcpy(r->t, t->t, t->n * sizeof *r->t);
    r->n = t->n;
    memcpy(r->weight, t->weight, sizeof r->weight);
    r->script = t->script;
}

static size_t slot_of(const bucket *tab, size_t cap, size_t speaker)
{
    uint64_t h = ws_hash64(&speaker, sizeof speaker);
    size_t i = (size_t)h & (cap - 1);
    while (tab[i].speaker != WS_CORPUS_NONE && tab[i].speaker != speaker)
        i = (i + 1) & (cap - 1);
    return i;
}

static bucket *new_table(size_t cap)
{
    bucket *tab = ws_xcalloc(cap, sizeof *tab);
    for (size_t i = 0; i < cap; i++)
        tab[i].speaker = WS_CORPUS_NONE;
    return tab;
}

/* Moves the non-empty buckets into a fresh table of cap slots (also how
 * emptied buckets leave: open addressing has no cheap delete). */
static void rehash(ws_statements *st, size_t cap)
{
    bucket *tab = new_table(cap);
    size_t used = 0;
    for (size_t i = 0; i < st->tab_cap; i++) {
        bucket *b = &st->tab[i];
        if (b->speaker == WS_CORPUS_NONE)
            continue;
        if (b->n == 0) {
            free(b->v);
            continue;
        }
        tab[slot_of(tab, cap, b->speaker)] = *b;
        used++;
    }
    free(st->tab);
    st->tab = tab;
    st->tab_cap = cap;
    st->tab_used = used;
}

/* Frees every statement whose latest report is older than the window
 * before day now; runs once per new day, so its cost is per day, not per
 * quote. Undated statements take the first known day as theirs. */
static void expire(ws_statements *st)
{
    for (size_t i = 0; i < st->tab_cap; i++) {
        bucket *b = &st->tab[i];
        if (b->speaker == WS_CORPUS_NONE)
            continue;
        size_t k = 0;
        for (size_t j = 0; j < b->n; j++) {
            statement *s = b->v[j];
            if (s->last_day == DAY_UNKNOWN)
                s->last_day = st->now;
            if (st->now - s->last_day > (long)st->window)
                statement_free(s);
            else
                b->v[k++] = s;
        }
        b->n = k;
    }
    size_t cap = 16;
    while (cap < 2 * st->tab_used)
        cap *= 2;
    rehash(st, cap);
}

static bucket *bucket_for(ws_statements *st, size_t speaker)
{
    if (2 * (st->tab_used + 1) > st->tab_cap)
        rehash(st, st->tab_cap * 2);
    size_t i = slot_of(st->tab, st->tab_cap, speaker);
    if (st->tab[i].speaker == WS_CORPUS_NONE) {
        st->tab[i].speaker = speaker;
        st->tab_used++;
    }
    return &st->tab[i];
}

/* Weighted containment of the smaller quote in the larger, times how much
 * evidence the shared part is. */
static double similarity(const ws_stmt_terms *q, const report *r)
{
    double shared[WS_STMT_LAYERS] = {0, 0, 0};
    size_t i = 0, j = 0;
    while (i < q->n && j < r->n) {
        const ws_stmt_term *a = &q->t[i], *b = &r->t[j];
        if (a->layer != b->layer) {
            if (a->layer < b->layer)
                i++;
            else
                j++;
        } else if (a->hash != b->hash) {
            if (a->hash < b->hash)
                i++;
            else
                j++;
        } else {
            shared[a->layer] += WS_MIN(a->weight, b->weight);
            i++;
            j++;
        }
    }
    /* One script: stems and keys pooled (a key is a second opinion on a
     * word, and the only link between synonyms). Two scripts: keys and
     * name skeletons. */
    bool one_script = q->script == r->script;
    int other = one_script ? WS_STMT_STEM : WS_STMT_NAME;
    double shared_w = shared[WS_STMT_KEY] + shared[other];
    double min_w = WS_MIN(q->weight[WS_STMT_KEY] + q->weight[other],
                          r->weight[WS_STMT_KEY] + r->weight[other]);
    double evidence = one_script ? EVIDENCE_STEMS : EVIDENCE_KEYS;
    double score = 0;
    if (min_w > 0)
        score = shared_w / min_w * WS_MIN(1.0, shared_w / evidence);
    return score;
}

ws_statements *ws_statements_new(const ws_statement_opts *opts)
{
    ws_statements *st = ws_xcalloc(1, sizeof *st);
    st->window =
        opts && opts->window_days ? opts->window_days : DEFAULT_WINDOW_DAYS;
    st->threshold =
        opts && opts->threshold > 0 ? opts->threshold : DEFAULT_THRESHOLD;
    st->now = st->prev_day = DAY_UNKNOWN;
    st->tab_cap = 16;
    st->tab = new_table(st->tab_cap);
    st->df = ws_xcalloc(DF_SLOTS, sizeof *st->df);
    return st;
}

void ws_statements_free(ws_statements *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->tab_cap; i++) {
        bucket *b = &st->tab[i];
        for (size_t j = 0; j < b->n; j++)
            statement_free(b->v[j]);
        free(b->v);
    }
    free(st->tab);
    free(st->df);
    free(st);
}

/* Scales each term's weight by how rare it has been, then counts the
 * quote's terms in. */
static void weigh(ws_statements *st, ws_stmt_terms *t)
{
    for (size_t i = 0; i < t->n; i++) {
        uint32_t *c = &st->df[t->t[i].hash & (DF_SLOTS - 1)];
        double p = *c / (st->n_quotes + DF_PRIOR);
        t->t[i].weight = (float)(t->t[i].weight / (1.0 + DF_STEEPNESS * p));
        if (*c < UINT32_MAX)
            (*c)++;
    }
    st->n_quotes++;
    ws_stmt_terms_total(t);
}

static size_t start_statement(ws_statements *st, bucket *b, long day)
{
    statement *s = ws_xcalloc(1, sizeof *s);
    s->id = st->next_id++;
    s->last_day = day;
    report_set(&s->rep[0], &st->scratch);
    s->n_rep = 1;
    if (b->n == SPEAKER_KEEP) {
        statement_free(b->v[0]);
        memmove(b->v, b->v + 1, (b->n - 1) * sizeof *b->v);
        b->n--;
    }
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 4;
        b->v = ws_xrealloc(b->v, b->cap * sizeof *b->v);
    }
    b->v[b->n++] = s;
    return s->id;
}

size_t ws_statements_add(ws_statements *st, size_t speaker, const ws_article *a,
                         const ws_quote *q)
{
    long day = day_of(a ? a->date : NULL);
    if (day == DAY_UNKNOWN)
        day = st->prev_day;
    st->prev_day = day;
    if (day != DAY_UNKNOWN && (st->now == DAY_UNKNOWN || day > st->now)) {
        st->now = day;
        expire(st);
    }
    if (speaker == WS_CORPUS_NONE || !q || !q->text)
        return st->next_id++;

    ws_stmt_terms_make(q->text, strlen(q->text), a ? a->language : NULL,
                       &st->scratch);
    weigh(st, &st->scratch);
    bucket *b = bucket_for(st, speaker);
    statement *best = NULL;
    double best_score = 0;
    size_t scanned = 0;
    for (size_t j = b->n; j-- > 0 && scanned < SPEAKER_SCAN; scanned++) {
        statement *s = b->v[j];
        if (day != DAY_UNKNOWN && s->last_day != DAY_UNKNOWN &&
            labs(day - s->last_day) > (long)st->window)
            continue;
        for (size_t r = 0; r < s->n_rep; r++) {
            double sc = similarity(&st->scratch, &s->rep[r]);
            /* strictly better: ties go to the newest statement */
            if (sc > best_score) {
                best_score = sc;
                best = s;
            }
        }
    }
    if (!best || best_score < st->threshold)
        return start_statement(st, b, day);

    if (best->n_rep < REPORTS_KEPT) {
        report_set(&best->rep[best->n_rep++], &st->scratch);
    } else {
        size_t slot = 1 + best->next_slot++ % (REPORTS_KEPT - 1);
        report_set(&best->rep[slot], &st->scratch);
    }
    if (day != DAY_UNKNOWN &&
        (best->last_day == DAY_UNKNOWN || day > best->last_day))
        best->last_day = day;
    return best->id;
}
