/* Stories: articles about one event grouped online, in time order. Each
 * article becomes a short TF-IDF vector of its strongest terms (names and
 * numbers weigh more than words, see story_terms.c); it joins the live
 * story whose centroid and nearest recent member it is most like, when
 * they share an entity, or starts a story; a year the article dates itself
 * in that the story never named counts against it. Stories idle for the
 * window close and leave memory, so memory stays flat however long the
 * stream. */
#include "story_terms.h"
#include "whosaid/corpus.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The parameters (docs/stories.md shows how the figures move with them);
 * overridable at compile time for the sweeps in bench/. */
#ifndef WS_STORY_WINDOW
#define WS_STORY_WINDOW 7 /* days */
#endif
#ifndef WS_STORY_THRESHOLD
#define WS_STORY_THRESHOLD 0.25
#endif
#ifndef WS_STORY_TOPK
#define WS_STORY_TOPK 200 /* terms kept per article */
#endif
#ifndef WS_STORY_CENTROID
#define WS_STORY_CENTROID 300 /* terms kept per story centroid */
#endif
#ifndef WS_STORY_MEMBERS
#define WS_STORY_MEMBERS 8 /* recent members a story compares with */
#endif
#ifndef WS_STORY_MAX_LIVE
#define WS_STORY_MAX_LIVE 512 /* live stories compared per article */
#endif
#ifndef WS_STORY_MIX
#define WS_STORY_MIX 0.5 /* weight of the centroid against the member */
#endif
/* centroid cosine under which a story's members are not compared */
#ifndef WS_STORY_SKIP
#define WS_STORY_SKIP 0.05
#endif
#ifndef WS_STORY_ENTITY_MIN
#define WS_STORY_ENTITY_MIN 0.0 /* shared names and numbers to join */
#endif
/* The year rule: an article with a dated year (one that closes a date in
 * its title or lead, see story_terms.c) none of whose dated years any
 * member of a story of at least YEAR_MIN members has named is unlikely to
 * be of that story's event (the same kind of event, another year): its
 * similarity is multiplied by YEAR_PENALTY. */
#ifndef WS_STORY_YEAR_MIN
#define WS_STORY_YEAR_MIN 1
#endif
#ifndef WS_STORY_YEAR_PENALTY
#define WS_STORY_YEAR_PENALTY 0.7
#endif
#ifndef WS_STORY_YEAR_DATED
#define WS_STORY_YEAR_DATED 1 /* 0: a year named twice (or in the lead) */
#endif
#ifndef WS_STORY_YEAR_TF
#define WS_STORY_YEAR_TF 2 /* what "twice" is, when not YEAR_DATED */
#endif
#define STORY_YEARS 32 /* years and months a story remembers */
#ifndef WS_STORY_B_DATED
#define WS_STORY_B_DATED 3.0 /* a dated year weighs this many years */
#endif
#ifndef WS_STORY_B_NAME
#define WS_STORY_B_NAME 2.0
#endif
#ifndef WS_STORY_B_SKEL
#define WS_STORY_B_SKEL 1.0
#endif
#ifndef WS_STORY_B_NUM
#define WS_STORY_B_NUM 3.0
#endif
#ifndef WS_STORY_B_YEAR
#define WS_STORY_B_YEAR 1.5
#endif
#ifndef WS_STORY_B_TIME
#define WS_STORY_B_TIME 1.0
#endif
#ifndef WS_STORY_DROP_SINGLE
#define WS_STORY_DROP_SINGLE 1
#endif

/* Document frequencies in a count-min sketch: fixed memory (8 MB) for any
 * vocabulary; a collision can only make a term look commoner. */
#define CM_ROWS 4
#define CM_BITS 20
#define CM_WIDTH ((size_t)1 << CM_BITS)

static const double kind_boost[WS_STORY_KINDS] = {
    [WS_STORY_WORD] = 1.0,
    [WS_STORY_NAME] = WS_STORY_B_NAME,
    [WS_STORY_SKEL] = WS_STORY_B_SKEL,
    [WS_STORY_NUM] = WS_STORY_B_NUM,
    [WS_STORY_YEAR] = WS_STORY_B_YEAR,
    [WS_STORY_TIME] = WS_STORY_B_TIME,
};

typedef struct wterm {
    uint64_t hash;
    float w;
    uint8_t kind;
    bool strong; /* a dated year (or month): the year rule checks it */
} wterm;

/* A weighted vector, sorted by hash for merge-based dot products. */
typedef struct vec {
    wterm *t;
    size_t n;
    uint32_t lang; /* the article's language code packed, 0 unknown */
    float free2;   /* squared weight of the language-free terms */
} vec;

/* Terms that read the same in every language: name keys, numbers,
 * years, months. Articles in two languages are compared on these alone. */
static bool language_free(uint8_t kind)
{
    return kind != WS_STORY_WORD && kind != WS_STORY_NAME;
}

static uint32_t lang_code(const char *l)
{
    uint32_t c = 0;
    for (size_t i = 0; l && l[i] && i < 4; i++)
        c = c << 8 | ws_lower((unsigned char)l[i]);
    return c;
}

typedef struct story {
    size_t id, size;
    double last;  /* day of the latest article */
    bool dated;   /* last is known */
    vec centroid; /* sum of the members' unit vectors, pruned */
    double cnorm;
    vec member[WS_STORY_MEMBERS];   /* the latest members, a ring */
    size_t n_member, next_member;
    uint64_t year[STORY_YEARS];       /* years its members named, first met */
    uint32_t year_dated[STORY_YEARS]; /* members that wrote each in a date */
    size_t n_year;
} story;

struct ws_stories {
    unsigned window;
    double threshold;
    uint16_t *df;
    size_t docs;
    bool observed; /* df counted up front by ws_stories_observe */
    ws_story_termset terms;
    story *live;
    size_t n_live;
    size_t next_id;
    double now; /* latest article day seen */
    bool have_now;
};

static size_t cm_slot(uint64_t h, size_t row)
{
    static const uint64_t mul[CM_ROWS] = {
        0x9E3779B97F4A7C15u, 0xC2B2AE3D27D4EB4Fu, 0x165667B19E3779F9u,
        0xD6E8FEB86659FD93u};
    return row * CM_WIDTH + (size_t)((h * mul[row]) >> (64 - CM_BITS));
}

static void df_count(ws_stories *s, const ws_story_termset *ts)
{
    for (size_t i = 0; i < ts->n; i++)
        for (size_t r = 0; r < CM_ROWS; r++) {
            uint16_t *c = &s->df[cm_slot(ts->list[i].hash, r)];
            if (*c < UINT16_MAX)
                (*c)++;
        }
    s->docs++;
}

static size_t df_get(const ws_stories *s, uint64_t h)
{
    size_t m = UINT16_MAX;
    for (size_t r = 0; r < CM_ROWS; r++)
        m = WS_MIN(m, (size_t)s->df[cm_slot(h, r)]);
    return m;
}

/* "YYYY-MM-DD[Thh:mm...]" as a day number with the hour as a fraction;
 * false when the string is not such a date. */
static bool parse_day(const char *d, double *out)
{
    if (!d)
        return false;
    for (size_t i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? d[i] != '-' : !ws_is_digit((unsigned char)d[i]))
            return false;
    }
    long y = strtol(d, NULL, 10), m = strtol(d + 5, NULL, 10),
         dd = strtol(d + 8, NULL, 10);
    if (m < 1 || m > 12 || dd < 1 || dd > 31)
        return false;
    /* days from the civil date (proleptic Gregorian, March-based year) */
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    double day = (double)(era * 146097 + doe);
    if ((d[10] == 'T' || d[10] == ' ') && ws_is_digit((unsigned char)d[11]) &&
        ws_is_digit((unsigned char)d[12]) && d[13] == ':')
        day += (double)strtol(d + 11, NULL, 10) / 24.0;
    *out = day;
    return true;
}

static int by_weight(const void *a, const void *b)
{
    const wterm *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static int by_hash(const void *a, const void *b)
{
    const wterm *x = a, *y = b;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static void swap_terms(wterm *a, wterm *b)
{
    wterm t = *a;
    *a = *b;
    *b = t;
}

/* Moves the k first terms in by_weight order to t[0..k), in any order
 * (quickselect; by_weight is a total order, so the set is unique). */
static void select_top(wterm *t, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        /* median of three as the pivot, moved to the end */
        size_t mid = lo + (hi - lo) / 2;
        if (by_weight(&t[mid], &t[lo]) < 0)
            swap_terms(&t[mid], &t[lo]);
        if (by_weight(&t[hi - 1], &t[lo]) < 0)
            swap_terms(&t[hi - 1], &t[lo]);
        if (by_weight(&t[mid], &t[hi - 1]) < 0)
            swap_terms(&t[mid], &t[hi - 1]);
        size_t store = lo;
        for (size_t i = lo; i + 1 < hi; i++)
            if (by_weight(&t[i], &t[hi - 1]) < 0)
                swap_terms(&t[i], &t[store++]);
        swap_terms(&t[store], &t[hi - 1]);
        if (store == k)
            return;
        if (store < k)
            lo = store + 1;
        else
            hi = store;
    }
}

/* Keeps the cap heaviest terms of v (ties by hash, so the result does not
 * depend on the order terms were met) and sorts them by hash. */
static void keep_top(vec *v, size_t cap)
{
    if (v->n > cap) {
        select_top(v->t, v->n, cap);
        v->n = cap;
    }
    qsort(v->t, v->n, sizeof *v->t, by_hash);
}

static vec article_vec(const ws_stories *s, const ws_story_termset *ts,
                       const char *lang)
{
    vec v = {ws_xmalloc((ts->n ? ts->n : 1) * sizeof *v.t), 0, lang_code(lang),
             0};
    double docs = (double)s->docs;
    for (size_t i = 0; i < ts->n; i++) {
        const ws_story_term *t = &ts->list[i];
        size_t df = df_get(s, t->hash);
        /* Observed up front, a word in one article alone can match
         * nothing and would only dilute the article's other terms. A name
         * or number no other article has stays: it says the article is
         * about something new (without it, an article of new names
         * shrinks to its few common words and matches on those). */
        if (WS_STORY_DROP_SINGLE && s->observed && df <= 1 &&
            t->kind == WS_STORY_WORD)
            continue;
        double idf = log((docs + 1.0) / ((double)df + 1.0)) + 1.0;
        double w = (1.0 + log((double)t->tf)) * idf * kind_boost[t->kind];
        if (t->dated && t->kind == WS_STORY_YEAR)
            w *= WS_STORY_B_DATED;
        v.t[v.n++] = (wterm){
            t->hash, (float)w, t->kind,
            (t->kind == WS_STORY_YEAR || t->kind == WS_STORY_TIME) &&
                (WS_STORY_YEAR_DATED ? t->dated : t->tf >= WS_STORY_YEAR_TF)};
    }
    keep_top(&v, WS_STORY_TOPK);
    double norm = 0;
    for (size_t i = 0; i < v.n; i++)
        norm += (double)v.t[i].w * v.t[i].w;
    norm = sqrt(norm);
    for (size_t i = 0; i < v.n; i++) {
        v.t[i].w = (float)(v.t[i].w / norm);
        if (language_free(v.t[i].kind))
            v.free2 += v.t[i].w * v.t[i].w;
    }
    return v;
}

/* What two vectors share: the dot product, the part of it that names,
 * numbers and months make, the part on language-free terms, and whether a
 * name key is among them. */
typedef struct overlap {
    double all, entity, free;
    bool name;
} overlap;

static overlap overlap_of(const vec *a, const vec *b)
{
    overlap o = {0, 0, 0, false};
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].hash < b->t[j].hash) {
            i++;
        } else if (a->t[i].hash > b->t[j].hash) {
            j++;
        } else {
            uint8_t k = a->t[i].kind;
            double p = (double)a->t[i].w * b->t[j].w;
            o.all += p;
            o.entity += k != WS_STORY_WORD ? p : 0;
            o.free += language_free(k) ? p : 0;
            o.name |= k == WS_STORY_SKEL;
            i++, j++;
        }
    }
    return o;
}

/* The cosine of a and b on their language-free terms, for articles in two
 * languages; 0 unless they share a name, since years, months and small
 * numbers alone would pair any two articles of one week. */
static double cos_across(const vec *a, const vec *b, const overlap *o)
{
    if (!o->name || a->free2 <= 0 || b->free2 <= 0)
        return 0;
    return o->free / sqrt((double)a->free2 * b->free2);
}

static bool across(const vec *a, const vec *b)
{
    return a->lang && b->lang && a->lang != b->lang;
}

static void centroid_add(story *st, const vec *v)
{
    vec *c = &st->centroid;
    wterm *m = ws_xmalloc((c->n + v->n + 1) * sizeof *m);
    size_t n = 0, i = 0, j = 0;
    while (i < c->n || j < v->n) {
        if (j == v->n || (i < c->n && c->t[i].hash < v->t[j].hash)) {
            m[n++] = c->t[i++];
        } else if (i == c->n || c->t[i].hash > v->t[j].hash) {
            m[n++] = v->t[j++];
        } else {
            m[n] = c->t[i++];
            m[n++].w += v->t[j++].w;
        }
    }
    free(c->t);
    c->t = m;
    c->n = n;
    keep_top(c, WS_STORY_CENTROID);
    double norm = 0;
    for (size_t k = 0; k < c->n; k++)
        norm += (double)c->t[k].w * c->t[k].w;
    st->cnorm = sqrt(norm);
}

static void story_cleanup(story *st)
{
    free(st->centroid.t);
    for (size_t i = 0; i < st->n_member; i++)
        free(st->member[i].t);
}

static size_t story_year(const story *st, uint64_t h)
{
    for (size_t i = 0; i < st->n_year; i++)
        if (st->year[i] == h)
            return i;
    return SIZE_MAX;
}

/* The year rule (WS_STORY_YEAR_PENALTY): the article has dated years and
 * the story has named none of them. */
static bool year_clash(const story *st, const vec *v)
{
    if (st->size < WS_STORY_YEAR_MIN)
        return false;
    bool year = false, year_met = false;
    for (size_t i = 0; i < v->n; i++) {
        if (v->t[i].kind != WS_STORY_YEAR || !v->t[i].strong)
            continue;
        year = true;
        year_met |= story_year(st, v->t[i].hash) != SIZE_MAX;
    }
    return year && !year_met;
}

/* Adds v (owned by the story from now on) to st. */
static void story_join(story *st, vec v, double day, bool dated)
{
    if (st->size == 0)
        st->centroid.lang = v.lang; /* the language the story began in */
    centroid_add(st, &v);
    for (size_t i = 0; i < v.n; i++) {
        if (v.t[i].kind != WS_STORY_YEAR && v.t[i].kind != WS_STORY_TIME)
            continue;
        size_t k = story_year(st, v.t[i].hash);
        if (k == SIZE_MAX && st->n_year < STORY_YEARS) {
            k = st->n_year++;
            st->year[k] = v.t[i].hash;
            st->year_dated[k] = 0;
        }
        if (k != SIZE_MAX && v.t[i].strong)
            st->year_dated[k]++;
    }
    if (st->n_member < WS_STORY_MEMBERS) {
        st->member[st->n_member++] = v;
    } else {
        free(st->member[st->next_member].t);
        st->member[st->next_member] = v;
    }
    st->next_member = (st->next_member + 1) % WS_STORY_MEMBERS;
    st->size++;
    if (dated && (!st->dated || day > st->last)) {
        st->last = day;
        st->dated = true;
    }
}

static void live_remove(ws_stories *s, size_t i)
{
    story_cleanup(&s->live[i]);
    memmove(&s->live[i], &s->live[i + 1],
            (s->n_live - i - 1) * sizeof *s->live);
    s->n_live--;
}

/* Closes the stories idle for longer than the window and, when the live
 * list is full, the one idle longest: the order of creation is kept so
 * that ties go to the older story. */
static void close_idle(ws_stories *s)
{
    for (size_t i = 0; s->have_now && i < s->n_live;) {
        story *st = &s->live[i];
        if (st->dated && st->last + s->window < s->now)
            live_remove(s, i);
        else
            i++;
    }
    if (s->n_live < WS_STORY_MAX_LIVE)
        return;
    size_t oldest = 0;
    for (size_t i = 1; i < s->n_live; i++) {
        const story *a = &s->live[i], *b = &s->live[oldest];
        if (a->dated ? b->dated && a->last < b->last : b->dated)
            oldest = i;
    }
    live_remove(s, oldest);
}

/* How like story st the article v is: the centroid and the nearest of the
 * recent members, mixed; *entity is the like part that names and numbers
 * make, the larger of the two. */
static double similarity(const story *st, const vec *v, double *entity)
{
    double best = 0, em = 0;
    overlap c = overlap_of(v, &st->centroid);
    double cn = st->cnorm > 0 ? st->cnorm : 1;
    /* Nothing in common with the centroid: the members, a part of it,
     * share little more; skipping them is most of the time saved. */
    bool members = across(v, &st->centroid) || c.all / cn >= WS_STORY_SKIP;
    for (size_t i = 0; members && i < st->n_member; i++) {
        const vec *m = &st->member[i];
        overlap o = overlap_of(v, m);
        double d = across(v, m) ? cos_across(v, m, &o) : o.all;
        if (d > best) {
            best = d;
            em = across(v, m) ? d : o.entity;
        }
    }
    *entity = WS_MAX(c.entity / cn, em);
    /* A story told in another language: its centroid's words cannot
     * match, so the nearest member decides alone. */
    double pen = year_clash(st, v) ? WS_STORY_YEAR_PENALTY : 1.0;
    if (across(v, &st->centroid))
        return pen * best;
    return pen * (WS_STORY_MIX * c.all / cn + (1.0 - WS_STORY_MIX) * best);
}

ws_stories *ws_stories_new(const ws_story_opts *opts)
{
    ws_stories *s = ws_xcalloc(1, sizeof *s);
    s->window = opts && opts->window_days ? opts->window_days : WS_STORY_WINDOW;
    s->threshold =
        opts && opts->threshold > 0 ? opts->threshold : WS_STORY_THRESHOLD;
    s->df = ws_xcalloc(CM_ROWS * CM_WIDTH, sizeof *s->df);
    s->live = ws_xmalloc(WS_STORY_MAX_LIVE * sizeof *s->live);
    ws_story_termset_init(&s->terms);
    return s;
}

void ws_stories_free(ws_stories *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_live; i++)
        story_cleanup(&s->live[i]);
    free(s->live);
    free(s->df);
    ws_story_termset_cleanup(&s->terms);
    free(s);
}

void ws_stories_observe(ws_stories *s, const ws_article *a)
{
    ws_story_terms_collect(&s->terms, a);
    df_count(s, &s->terms);
    s->observed = true;
}

size_t ws_stories_add(ws_stories *s, const ws_article *a)
{
    ws_story_terms_collect(&s->terms, a);
    if (!s->observed)
        df_count(s, &s->terms); /* weights learnt as the stream goes */
    vec v = article_vec(s, &s->terms, a->language);

    /* An undated article happened when the one before it did. */
    double day = s->now;
    bool dated = parse_day(a->date, &day);
    if (dated) {
        if (!s->have_now)
            for (size_t i = 0; i < s->n_live; i++)
                if (!s->live[i].dated) {
                    s->live[i].last = day;
                    s->live[i].dated = true;
                }
        s->now = s->have_now ? WS_MAX(s->now, day) : day;
        s->have_now = true;
    } else {
        dated = s->have_now;
    }
    close_idle(s);

    size_t best = SIZE_MAX;
    double best_sim = 0;
    for (size_t i = 0; v.n && i < s->n_live; i++) {
        double entity, sim = similarity(&s->live[i], &v, &entity);
        if (sim >= s->threshold && entity > WS_STORY_ENTITY_MIN &&
            sim > best_sim) {
            best = i;
            best_sim = sim;
        }
    }
    if (best == SIZE_MAX) {
        best = s->n_live++;
        memset(&s->live[best], 0, sizeof s->live[best]);
        s->live[best].id = s->next_id++;
    }
    story_join(&s->live[best], v, day, dated);
    return s->live[best].id;
}
