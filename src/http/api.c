/* The JSON API, /api/v1/...: each endpoint checks its parameters (unknown
 * ones are an error, not ignored, so a typo never silently widens a query),
 * runs one store query and writes the records in the shapes the CLI prints
 * (ws_*_to_json). Lists are pages: {"items": [...], "next": cursor|null};
 * the cursor is opaque to clients. Anything not under /api/ is a file of
 * the web page. */
#include "http.h"
#include "whosaid/whosaid.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define JSON_TYPE "application/json; charset=utf-8"
#define PAGE_DEFAULT 50
#define PAGE_MAX 200
#define TIMELINE_DEFAULT 500
#define TIMELINE_MAX 2000
#define STORY_STATEMENTS_MAX 1000
#define STORY_OFFSET_MAX 100000
#define HEALTH_TTL 30.0

/* ---- parameters ---- */

typedef struct params {
    const ws_http_target *t;
    ws_http_reply *r;
    bool bad; /* an error reply is set */
} params;

static bool fail(params *p, int status, const char *msg)
{
    if (!p->bad)
        ws_http_error(p->r, status, msg);
    p->bad = true;
    return false;
}

/* Every parameter of the request must be one of `allowed` (NULL-ended). */
static bool only(params *p, const char *const *allowed)
{
    for (size_t i = 0; i < p->t->n_args; i++) {
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, p->t->args[i].key) == 0;
        if (!known) {
            char msg[300];
            snprintf(msg, sizeof msg, "unknown parameter '%.200s'",
                     p->t->args[i].key);
            return fail(p, 400, msg);
        }
    }
    return true;
}

/* The value of parameter key; NULL when absent or empty. */
static const char *arg(const params *p, const char *key)
{
    for (size_t i = 0; i < p->t->n_args; i++)
        if (strcmp(p->t->args[i].key, key) == 0)
            return p->t->args[i].value[0] ? p->t->args[i].value : NULL;
    return NULL;
}

/* A positive whole number of at most 18 digits; 0 when s is not one. */
static int64_t number(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 18)
        return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static size_t limit_arg(params *p, size_t dflt, size_t max)
{
    const char *v = arg(p, "limit");
    if (!v)
        return dflt;
    int64_t n = number(v);
    if (n < 1 || (uint64_t)n > max) {
        char msg[100];
        snprintf(msg, sizeof msg, "limit must be a number from 1 to %zu", max);
        fail(p, 400, msg);
        return 0;
    }
    return (size_t)n;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* YYYY, YYYY-MM or YYYY-MM-DD into out as a day: the first day of the year
 * or month for a lower bound, the last for an upper one (as the CLI). */
static bool date_arg(params *p, const char *key, bool until, char out[16])
{
    const char *s = arg(p, key);
    if (!s)
        return false;
    size_t n = strlen(s);
    static const char pat[] = "dddd-dd-dd";
    bool ok = n == 4 || n == 7 || n == 10;
    for (size_t i = 0; ok && i < n; i++)
        ok = pat[i] == 'd' ? s[i] >= '0' && s[i] <= '9' : s[i] == '-';
    int y = 0, m = 1, d = 1;
    if (ok) {
        y = atoi(s);
        m = n >= 7 ? atoi(s + 5) : (until ? 12 : 1);
        ok = m >= 1 && m <= 12;
    }
    if (ok) {
        d = n == 10 ? atoi(s + 8) : (until ? days_in(y, m) : 1);
        ok = d >= 1 && d <= days_in(y, m);
    }
    if (!ok) {
        char msg[300];
        snprintf(msg, sizeof msg,
                 "%s must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not "
                 "'%.200s'",
                 key, s);
        fail(p, 400, msg);
        return false;
    }
    snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
    return true;
}

static const char *kind_arg(params *p)
{
    const char *k = arg(p, "kind");
    if (k && strcmp(k, "direct") && strcmp(k, "mixed") &&
        strcmp(k, "indirect")) {
        fail(p, 400, "kind must be direct, mixed or indirect");
        return NULL;
    }
    return k;
}

/* '<', '>' and '&' can stand only inside JSON strings, where \u003c and
 * the like mean the same: written so, a body holds no markup even for a
 * client that would sniff it or paste it into a page. */
static void reply_json(ws_http_reply *r, ws_hbuf *in)
{
    ws_hbuf out = {0}, *b = in;
    size_t from = 0;
    for (size_t i = 0; i < in->len; i++) {
        char c = in->p[i];
        if (c != '<' && c != '>' && c != '&')
            continue;
        b = &out;
        hbuf_put(&out, in->p + from, i - from);
        hbuf_puts(&out, c == '<'   ? "\\u003c"
                        : c == '>' ? "\\u003e"
                                   : "\\u0026");
        from = i + 1;
    }
    if (b == &out) {
        hbuf_put(&out, in->p + from, in->len - from);
        hbuf_cleanup(in);
    }
    hbuf_puts(b, "\n");
    r->status = 200;
    r->content_type = JSON_TYPE;
    r->fd = -1;
    r->body = hbuf_take(b, &r->len);
}

static void store_failed(ws_http_reply *r, ws_store *st)
{
    /* The store's message names the database file: logged by the caller's
     * stderr, not told to the client. */
    fprintf(stderr, "whosaid: serve: %s\n", ws_store_errmsg(st));
    ws_http_error(r, 500, "the store could not answer");
}

/* ---- list collectors ---- */

typedef struct page {
    ws_hbuf b;
    size_t n, limit; /* items written; items wanted (one more is asked) */
    int64_t last;    /* the id of the last item written */
    bool more;
} page;

static void page_item(page *pg, char *json, int64_t id)
{
    if (pg->n)
        hbuf_puts(&pg->b, ",");
    hbuf_puts(&pg->b, json);
    free(json);
    pg->n++;
    pg->last = id;
}

static int page_statement(const ws_statement_rec *r, void *ud)
{
    page *pg = ud;
    if (pg->limit && pg->n == pg->limit) {
        pg->more = true;
        return 1;
    }
    page_item(pg, ws_statement_to_json(r), r->id);
    return 0;
}

static int page_speaker(const ws_speaker_rec *r, void *ud)
{
    page *pg = ud;
    if (pg->limit && pg->n == pg->limit) {
        pg->more = true;
        return 1;
    }
    page_item(pg, ws_speaker_to_json(r), r->id);
    return 0;
}

/* ---- endpoints ---- */

static void statements(params *p, ws_store *st, int64_t id)
{
    ws_http_reply *r = p->r;
    if (id) {
        static const char *const none[] = {NULL};
        if (!only(p, none))
            return;
        page pg = {.limit = 1};
        ws_statement_query q = {.id = id};
        if (ws_store_statements(st, &q, page_statement, &pg) != WS_OK)
            store_failed(r, st);
        else if (!pg.n)
            ws_http_error(r, 404, "no statement with this id");
        else
            reply_json(r, &pg.b);
        hbuf_cleanup(&pg.b);
        return;
    }
    static const char *const keys[] = {"speaker", "about", "since", "until",
                                       "outlet",  "kind",  "limit", "cursor",
                                       "order",   NULL};
    if (!only(p, keys))
        return;
    char since[16], until[16];
    ws_statement_query q = {.speaker = arg(p, "speaker"),
                            .about = arg(p, "about"),
                            .outlet = arg(p, "outlet")};
    if (date_arg(p, "since", false, since))
        q.since = since;
    if (date_arg(p, "until", true, until))
        q.until = until;
    q.kind = kind_arg(p);
    size_t limit = limit_arg(p, PAGE_DEFAULT, PAGE_MAX);
    const char *cur = arg(p, "cursor"), *order = arg(p, "order");
    if (cur && !(q.before_id = number(cur)))
        fail(p, 400, "cursor must be a value of \"next\" from a page");
    if (order && strcmp(order, "newest") && strcmp(order, "oldest"))
        fail(p, 400, "order must be newest or oldest");
    if (p->bad)
        return;
    q.oldest_first = order && strcmp(order, "oldest") == 0;
    q.limit = limit + 1;
    page pg = {.limit = limit};
    hbuf_puts(&pg.b, "{\"items\":[");
    if (ws_store_statements(st, &q, page_statement, &pg) != WS_OK) {
        store_failed(r, st);
    } else {
        if (pg.more)
            hbuf_printf(&pg.b, "],\"next\":\"%lld\"}", (long long)pg.last);
        else
            hbuf_puts(&pg.b, "],\"next\":null}");
        reply_json(r, &pg.b);
    }
    hbuf_cleanup(&pg.b);
}

static void speakers(params *p, ws_store *st, int64_t id)
{
    ws_http_reply *r = p->r;
    static const char *const none[] = {NULL};
    static const char *const keys[] = {"q", "limit", NULL};
    if (!only(p, id ? none : keys))
        return;
    ws_speaker_query q = {.id = id, .prefix = arg(p, "q")};
    size_t limit = id ? 1 : limit_arg(p, 20, PAGE_MAX);
    if (p->bad)
        return;
    q.limit = limit;
    page pg = {.limit = limit};
    if (!id)
        hbuf_puts(&pg.b, "{\"items\":[");
    if (ws_store_speakers(st, &q, page_speaker, &pg) != WS_OK)
        store_failed(r, st);
    else if (id && !pg.n)
        ws_http_error(r, 404, "no speaker with this id");
    else {
        if (!id)
            hbuf_puts(&pg.b, "]}");
        reply_json(r, &pg.b);
    }
    hbuf_cleanup(&pg.b);
}

/* A speaker's statements by date, grouped by story (stories in the order
 * of their first statement), as the timeline command shows them. */
typedef struct tl_item {
    int64_t story;
    char *story_title;
    char *json;
} tl_item;

typedef struct timeline {
    const char *name; /* only statements of this speaker */
    tl_item *v;
    size_t n, cap, limit;
    bool more;
} timeline;

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        abort();
    return memcpy(d, s, n);
}

static int timeline_row(const ws_statement_rec *r, void *ud)
{
    timeline *tl = ud;
    /* The speaker filter matches any alias: an alias shared with another
     * speaker must not bring that speaker's statements in. */
    if (!r->speaker || strcmp(r->speaker, tl->name) != 0)
        return 0;
    if (tl->n == tl->limit) {
        tl->more = true;
        return 1;
    }
    if (tl->n == tl->cap) {
        tl->cap = tl->cap ? tl->cap * 2 : 64;
        tl->v = realloc(tl->v, tl->cap * sizeof *tl->v);
        if (!tl->v)
            abort();
    }
    tl->v[tl->n++] = (tl_item){r->story, dup_or_null(r->story_title),
                               ws_statement_to_json(r)};
    return 0;
}

typedef struct name_of {
    char *name, *json;
} name_of;

static int speaker_name(const ws_speaker_rec *r, void *ud)
{
    name_of *n = ud;
    n->name = dup_or_null(r->name);
    n->json = ws_speaker_to_json(r);
    return 1;
}

static void speaker_timeline(params *p, ws_store *st, int64_t id)
{
    ws_http_reply *r = p->r;
    static const char *const keys[] = {"about", "since", "until", "outlet",
                                       "kind",  "limit", NULL};
    if (!only(p, keys))
        return;
    char since[16], until[16];
    ws_statement_query q = {.about = arg(p, "about"),
                            .outlet = arg(p, "outlet"),
                            .oldest_first = 1};
    if (date_arg(p, "since", false, since))
        q.since = since;
    if (date_arg(p, "until", true, until))
        q.until = until;
    q.kind = kind_arg(p);
    size_t limit = limit_arg(p, TIMELINE_DEFAULT, TIMELINE_MAX);
    if (p->bad)
        return;
    name_of who = {0};
    ws_speaker_query sq = {.id = id, .limit = 1};
    if (ws_store_speakers(st, &sq, speaker_name, &who) != WS_OK) {
        store_failed(r, st);
        return;
    }
    if (!who.name) {
        ws_http_error(r, 404, "no speaker with this id");
        return;
    }
    timeline tl = {.name = who.name, .limit = limit};
    q.speaker = who.name;
    if (ws_store_statements(st, &q, timeline_row, &tl) != WS_OK) {
        store_failed(r, st);
    } else {
        ws_hbuf b = {0};
        hbuf_puts(&b, "{\"speaker\":");
        hbuf_puts(&b, who.json);
        hbuf_puts(&b, ",\"stories\":[");
        /* Stable grouping: each story is written once, at its first
         * statement, with every later statement of it. */
        bool *done = calloc(tl.n + 1, sizeof *done);
        if (!done)
            abort();
        bool first = true;
        for (size_t i = 0; i < tl.n; i++) {
            if (done[i])
                continue;
            hbuf_puts(&b, first ? "{\"story\":" : ",{\"story\":");
            first = false;
            if (tl.v[i].story > 0) {
                hbuf_printf(
                    &b, "{\"id\":%lld,\"title\":", (long long)tl.v[i].story);
                hbuf_json_str(&b, tl.v[i].story_title);
                hbuf_puts(&b, "}");
            } else {
                hbuf_puts(&b, "null");
            }
            hbuf_puts(&b, ",\"statements\":[");
            bool one = true;
            for (size_t k = i; k < tl.n; k++) {
                if (done[k] || tl.v[k].story != tl.v[i].story)
                    continue;
                done[k] = true;
                if (!one)
                    hbuf_puts(&b, ",");
                one = false;
                hbuf_puts(&b, tl.v[k].json);
            }
            hbuf_puts(&b, "]}");
        }
        free(done);
        hbuf_printf(&b, "],\"count\":%zu,\"truncated\":%s}", tl.n,
                    tl.more ? "true" : "false");
        reply_json(r, &b);
    }
    for (size_t i = 0; i < tl.n; i++) {
        free(tl.v[i].story_title);
        free(tl.v[i].json);
    }
    free(tl.v);
    free(who.name);
    free(who.json);
}

typedef struct story_page {
    ws_hbuf b;
    size_t skip, n, limit;
    bool more;
} story_page;

static int page_story(const ws_story_rec *r, void *ud)
{
    story_page *sp = ud;
    if (sp->skip) {
        sp->skip--;
        return 0;
    }
    if (sp->n == sp->limit) {
        sp->more = true;
        return 1;
    }
    char *j = ws_story_to_json(r);
    if (sp->n++)
        hbuf_puts(&sp->b, ",");
    hbuf_puts(&sp->b, j);
    free(j);
    return 0;
}

static void stories(params *p, ws_store *st)
{
    ws_http_reply *r = p->r;
    static const char *const keys[] = {"since", "until", "limit", "cursor",
                                       NULL};
    if (!only(p, keys))
        return;
    char since[16], until[16];
    ws_story_query q = {0};
    if (date_arg(p, "since", false, since))
        q.since = since;
    if (date_arg(p, "until", true, until))
        q.until = until;
    size_t limit = limit_arg(p, PAGE_DEFAULT, PAGE_MAX);
    /* The store pages stories by count only, so the cursor is an offset
     * into the newest-first list ("s" + number). */
    size_t offset = 0;
    const char *cur = arg(p, "cursor");
    if (cur) {
        int64_t o = cur[0] == 's' ? number(cur + 1) : 0;
        if (o < 1 || o > STORY_OFFSET_MAX)
            fail(p, 400, "cursor must be a value of \"next\" from a page");
        offset = (size_t)o;
    }
    if (p->bad)
        return;
    q.limit = offset + limit + 1;
    story_page sp = {.skip = offset, .limit = limit};
    hbuf_puts(&sp.b, "{\"items\":[");
    if (ws_store_stories(st, &q, page_story, &sp) != WS_OK) {
        store_failed(r, st);
    } else {
        if (sp.more)
            hbuf_printf(&sp.b, "],\"next\":\"s%zu\"}", offset + sp.n);
        else
            hbuf_puts(&sp.b, "],\"next\":null}");
        reply_json(r, &sp.b);
    }
    hbuf_cleanup(&sp.b);
}

static int one_story(const ws_story_rec *r, void *ud)
{
    char **json = ud;
    *json = ws_story_to_json(r);
    return 1;
}

/* The story record with one more member: "statements", the statements
 * first reported in it, oldest first. */
static void story(params *p, ws_store *st, int64_t id)
{
    ws_http_reply *r = p->r;
    static const char *const none[] = {NULL};
    if (!only(p, none))
        return;
    char *json = NULL;
    ws_story_query q = {.id = id, .limit = 1};
    if (ws_store_stories(st, &q, one_story, &json) != WS_OK) {
        store_failed(r, st);
        return;
    }
    if (!json) {
        ws_http_error(r, 404, "no story with this id");
        return;
    }
    size_t n = strlen(json);
    page pg = {.limit = STORY_STATEMENTS_MAX};
    if (n && json[n - 1] == '}')
        json[--n] = '\0';
    hbuf_puts(&pg.b, json);
    hbuf_puts(&pg.b, ",\"statements\":[");
    free(json);
    ws_statement_query sq = {
        .story = id, .oldest_first = 1, .limit = STORY_STATEMENTS_MAX + 1};
    if (ws_store_statements(st, &sq, page_statement, &pg) != WS_OK) {
        store_failed(r, st);
    } else {
        hbuf_printf(&pg.b, "],\"statements_truncated\":%s}",
                    pg.more ? "true" : "false");
        reply_json(r, &pg.b);
    }
    hbuf_cleanup(&pg.b);
}

static void article(params *p, ws_store *st, int64_t id)
{
    ws_http_reply *r = p->r;
    static const char *const none[] = {NULL};
    if (!only(p, none))
        return;
    ws_article *a = NULL;
    ws_status s = ws_store_article(st, id, &a);
    if (s == WS_ERR_NOENT || (s == WS_OK && !a)) {
        ws_http_error(r, 404, "no article with this id");
    } else if (s != WS_OK) {
        store_failed(r, st);
    } else {
        size_t len = 0;
        char *j = ws_article_to_json(a, &len);
        ws_hbuf b = {0};
        hbuf_put(&b, j, len);
        free(j);
        reply_json(r, &b);
    }
    ws_article_free(a);
}

/* ---- health ---- */

typedef struct health {
    pthread_mutex_t lock;
    bool valid, busy; /* busy: a thread is counting */
    double at;
    size_t articles, stories, speakers, statements;
} health;

void *ws_http_health_new(void)
{
    health *h = calloc(1, sizeof *h);
    if (!h)
        abort();
    pthread_mutex_init(&h->lock, NULL);
    return h;
}

void ws_http_health_free(void *hp)
{
    health *h = hp;
    if (!h)
        return;
    pthread_mutex_destroy(&h->lock);
    free(h);
}

static int count_story(const ws_story_rec *r, void *ud)
{
    health *h = ud;
    h->stories++;
    h->articles += r->n_articles;
    return 0;
}

static int count_speaker(const ws_speaker_rec *r, void *ud)
{
    (void)r;
    ((health *)ud)->speakers++;
    return 0;
}

static int count_statement(const ws_statement_rec *r, void *ud)
{
    (void)r;
    ((health *)ud)->statements++;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The counts walk the whole store (it has no count query), so they are
 * computed at most once per HEALTH_TTL seconds and shared. Articles are
 * counted through their stories: every grouped article is in one. */
static void health_get(const ws_http_site *site, params *p, ws_store *st)
{
    static const char *const none[] = {NULL};
    if (!only(p, none))
        return;
    health *h = site->health, c = {0};
    pthread_mutex_lock(&h->lock);
    /* While one thread counts, the others answer with the last counts. */
    bool fresh = h->valid && (now_s() - h->at < HEALTH_TTL || h->busy);
    if (!fresh)
        h->busy = true;
    if (fresh) {
        c.articles = h->articles;
        c.stories = h->stories;
        c.speakers = h->speakers;
        c.statements = h->statements;
    }
    pthread_mutex_unlock(&h->lock);
    if (!fresh) {
        ws_story_query sq = {0};
        ws_speaker_query pq = {0};
        ws_statement_query tq = {0};
        if (ws_store_stories(st, &sq, count_story, &c) != WS_OK ||
            ws_store_speakers(st, &pq, count_speaker, &c) != WS_OK ||
            ws_store_statements(st, &tq, count_statement, &c) != WS_OK) {
            pthread_mutex_lock(&h->lock);
            h->busy = false;
            pthread_mutex_unlock(&h->lock);
            store_failed(p->r, st);
            return;
        }
        pthread_mutex_lock(&h->lock);
        h->busy = false;
        h->valid = true;
        h->at = now_s();
        h->articles = c.articles;
        h->stories = c.stories;
        h->speakers = c.speakers;
        h->statements = c.statements;
        pthread_mutex_unlock(&h->lock);
    }
    ws_hbuf b = {0};
    hbuf_printf(&b,
                "{\"status\":\"ok\",\"version\":\"%s\",\"articles\":%zu,"
                "\"stories\":%zu,\"speakers\":%zu,\"statements\":%zu}",
                WHOSAID_VERSION, c.articles, c.stories, c.speakers,
                c.statements);
    reply_json(p->r, &b);
}

/* ---- routing ---- */

/* Splits "a/b/c" into at most 3 segments; false when there are more or
 * one is empty. */
static bool segments(const char *path, char seg[3][64], size_t *n)
{
    *n = 0;
    const char *p = path;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0 || len >= 64 || *n == 3)
            return false;
        memcpy(seg[*n], p, len);
        seg[*n][len] = '\0';
        (*n)++;
        if (!slash)
            break;
        p = slash + 1;
        if (!*p)
            return false; /* a trailing slash */
    }
    return *n > 0;
}

static void api(const ws_http_site *site, ws_store *st, const char *path,
                params *p)
{
    char seg[3][64];
    size_t n;
    if (!segments(path, seg, &n)) {
        ws_http_error(p->r, 404, "no such endpoint");
        return;
    }
    int64_t id = 0;
    if (n >= 2) {
        id = number(seg[1]);
        if (!id) {
            ws_http_error(p->r, 400, "the id must be a positive whole number");
            return;
        }
    }
    const char *what = seg[0];
    if (n == 1 && strcmp(what, "health") == 0)
        health_get(site, p, st);
    else if (n <= 2 && strcmp(what, "statements") == 0)
        statements(p, st, id);
    else if (n <= 2 && strcmp(what, "speakers") == 0)
        speakers(p, st, id);
    else if (n == 3 && strcmp(what, "speakers") == 0 &&
             strcmp(seg[2], "timeline") == 0)
        speaker_timeline(p, st, id);
    else if (n == 1 && strcmp(what, "stories") == 0)
        stories(p, st);
    else if (n == 2 && strcmp(what, "stories") == 0)
        story(p, st, id);
    else if (n == 2 && strcmp(what, "articles") == 0)
        article(p, st, id);
    else
        ws_http_error(p->r, 404, "no such endpoint");
}

void ws_http_route(const ws_http_site *site, ws_store *st, const char *method,
                   const ws_http_target *t, ws_http_reply *r)
{
    *r = (ws_http_reply){.fd = -1};
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        ws_http_error(r, 405, "only GET and HEAD are allowed");
        r->allow = true;
        return;
    }
    static const char prefix[] = "/api/v1/";
    params p = {.t = t, .r = r};
    if (strncmp(t->path, prefix, sizeof prefix - 1) == 0) {
        api(site, st, t->path + sizeof prefix - 1, &p);
    } else if (strcmp(t->path, "/api") == 0 ||
               strncmp(t->path, "/api/", 5) == 0) {
        ws_http_error(r, 404, "no such endpoint (the API is under /api/v1/)");
    } else {
        /* The page keeps its state in the fragment (#/speaker/3), so a
         * query string on a file is ignored. */
        ws_static_serve(site->static_root, t->path, r);
    }
}
