/* Regrouping: runs the corpus stage (speakers, statements, stories) over
 * every stored article in time order and writes what it decides back, in
 * one transaction. Articles stream from the database twice (learn, then
 * assign), so memory stays with the groupings' own windows, not with the
 * collection; the per-statement and per-story summaries are then computed
 * by the database itself. */
#include "store_impl.h"

#include <string.h>

/* Time order: by day, time, source and content, never by order of
 * storage, so a store merged from shards regroups exactly as one run over
 * everything. Undated articles come last, read as of the newest day: a
 * scraped page that lost its date is far more often a recent one than an
 * old one, and this lets it join the live statements and stories. */
#define SCAN_SQL                                                               \
    "SELECT a.id, a.title, a.date, a.language, a.text, a.outlet, a.url,"       \
    " a.source, q.id, q.text, q.kind, q.speaker_name, q.speaker_kind,"         \
    " q.mention, q.cue, q.start, q.stop, q.confidence"                         \
    " FROM article a LEFT JOIN quote q ON q.article = a.id"                    \
    " ORDER BY a.day IS NULL, a.day, a.date, a.source, a.doc_hash, q.seq"

typedef struct scan {
    ws_store *st;
    ws_stmt *s;
    int row; /* WS_STEP_* of the last step */
} scan;

/* Reads the next article and its quotes into *a (quote ids into
 * *qids, capacity *qcap); returns 1, 0 at the end, -1 on error. */
static int next_article(scan *sc, ws_article *a, int64_t *aid, int64_t **qids,
                        size_t *qcap)
{
    const ws_db_ops *o = sc->st->ops;
    ws_stmt *s = sc->s;
    if (sc->row != WS_STEP_ROW)
        return sc->row == WS_STEP_DONE ? 0 : -1;
    memset(a, 0, sizeof *a);
    *aid = o->col_int(s, 0);
    a->title = ws_store_dup(o->col_text(s, 1));
    a->date = ws_store_dup(o->col_text(s, 2));
    a->language = ws_store_dup(o->col_text(s, 3));
    a->text = ws_store_dup(o->col_text(s, 4));
    a->text_len = a->text ? strlen(a->text) : 0;
    a->outlet = ws_store_dup(o->col_text(s, 5));
    a->url = ws_store_dup(o->col_text(s, 6));
    a->source = ws_store_dup(o->col_text(s, 7));
    size_t cap = 0;
    while (sc->row == WS_STEP_ROW && o->col_int(s, 0) == *aid) {
        if (o->col_text(s, 9)) {
            if (a->n_quotes == cap) {
                cap = cap ? cap * 2 : 8;
                a->quotes = ws_xrealloc(a->quotes, cap * sizeof *a->quotes);
            }
            if (a->n_quotes == *qcap) {
                *qcap = *qcap ? *qcap * 2 : 8;
                *qids = ws_xrealloc(*qids, *qcap * sizeof **qids);
            }
            (*qids)[a->n_quotes] = o->col_int(s, 8);
            ws_store_read_quote(sc->st, s, 9, &a->quotes[a->n_quotes++]);
        }
        sc->row = o->step(s);
    }
    if (!a->text)
        a->text = ws_xstrdup("");
    return 1;
}

/* Frees what next_article duplicated. */
static void clear_article(ws_article *a)
{
    ws_quote_list_free(a->quotes, a->n_quotes);
    free(a->title);
    free(a->date);
    free(a->language);
    free(a->text);
    free(a->outlet);
    free(a->url);
    free(a->source);
}

static ws_status scan_start(scan *sc, ws_store *st)
{
    sc->st = st;
    /* Streamed: the whole collection passes, a batch at a time, while the
     * assignments are written on the same connection. */
    sc->s = st->ops->prepare_stream(st->db, SCAN_SQL);
    if (!sc->s)
        return ws_store_dberr(st, "cannot prepare a query");
    sc->row = st->ops->step(sc->s);
    return WS_OK;
}

static void scan_end(scan *sc)
{
    if (sc->s)
        sc->st->ops->finalize(sc->s);
    sc->s = NULL;
}

/* Statement and story rows from their members: the first report's date
 * and story, the fullest report's words, the number of reports. */
static const char *const summary_sql =
    "INSERT INTO statement (id, speaker, date, day, text, reports, story)"
    " SELECT statement, speaker, date, day, fullest, n, story FROM ("
    "  SELECT g.statement, g.speaker, a.date, a.day, x.story,"
    "   first_value(q.text) OVER (PARTITION BY g.statement"
    "    ORDER BY length(q.text) DESC, a.day IS NOT NULL, a.day, a.date, "
    "a.source, a.doc_hash, q.seq)"
    "    AS fullest,"
    "   count(*) OVER (PARTITION BY g.statement) AS n,"
    "   row_number() OVER (PARTITION BY g.statement"
    "    ORDER BY a.day IS NULL, a.day, a.date, a.source, a.doc_hash, q.seq) "
    "AS rn"
    "  FROM quote_group g JOIN quote q ON q.id = g.quote"
    "  JOIN article a ON a.id = q.article"
    "  LEFT JOIN article_story x ON x.article = a.id) t WHERE rn = 1;"
    "INSERT INTO story (id, title, date, day, articles)"
    " SELECT story, title, date, day, n FROM ("
    "  SELECT x.story, a.title, a.date, a.day,"
    "   count(*) OVER (PARTITION BY x.story) AS n,"
    "   row_number() OVER (PARTITION BY x.story"
    "    ORDER BY a.day IS NULL, a.day, a.date, a.source, a.doc_hash) AS rn"
    "  FROM article_story x JOIN article a ON a.id = x.article) t"
    " WHERE rn = 1;"
    "UPDATE speaker SET statements = (SELECT count(*) FROM statement s"
    " WHERE s.speaker = speaker.id);";

static ws_status write_speakers(ws_store *st, const ws_speakers *sp)
{
    const ws_db_ops *o = st->ops;
    ws_stmt *ps =
        ws_store_prepare(st, "INSERT INTO speaker (id, name, kind, statements) "
                             "VALUES (?,?,?,0)");
    ws_stmt *pa = ws_store_prepare(
        st, "INSERT INTO alias (speaker, alias, key) VALUES (?,?,?)");
    ws_stmt *pt =
        ws_store_prepare(st, "INSERT INTO title (speaker, title, since, until) "
                             "VALUES (?,?,?,?)");
    ws_status rc = ps && pa && pt ? WS_OK : WS_ERR_DB;
    size_t n = ws_speakers_count(sp);
    for (size_t i = 0; rc == WS_OK && i < n; i++) {
        ws_speaker_info info;
        if (ws_speakers_get(sp, i, &info) != 0)
            continue;
        int64_t id = (int64_t)i + 1;
        o->bind_int(ps, 1, id);
        o->bind_text(ps, 2, info.name);
        o->bind_text(ps, 3, info.kind ? info.kind : "person");
        int r = o->step(ps);
        o->reset(ps);
        /* The canonical name is an alias too, so one lookup finds both. */
        for (size_t k = 0; r == WS_STEP_DONE && k <= info.n_aliases; k++) {
            const char *al = k == 0 ? info.name : info.aliases[k - 1];
            char *key = ws_store_fold(al);
            o->bind_int(pa, 1, id);
            o->bind_text(pa, 2, al);
            o->bind_text(pa, 3, key);
            r = o->step(pa);
            o->reset(pa);
            free(key);
        }
        for (size_t k = 0; r == WS_STEP_DONE && k < info.n_titles; k++) {
            o->bind_int(pt, 1, id);
            o->bind_text(pt, 2, info.titles[k].title);
            o->bind_text(pt, 3, info.titles[k].from);
            o->bind_text(pt, 4, info.titles[k].until);
            r = o->step(pt);
            o->reset(pt);
        }
        if (r != WS_STEP_DONE)
            rc = ws_store_dberr(st, "cannot store a speaker");
    }
    if (ps)
        o->finalize(ps);
    if (pa)
        o->finalize(pa);
    if (pt)
        o->finalize(pt);
    return rc;
}

/* The assignments go out as one multi-row INSERT per BATCH_ROWS rows
 * rather than one statement per article or quote: a server backend pays
 * a round trip per statement. */
enum { BATCH_ROWS = 256, BATCH_WIDTH = 3 };

typedef struct rows {
    ws_store *st;
    const char *insert; /* "INSERT INTO t (a, b) VALUES " */
    int width;          /* values per row, <= BATCH_WIDTH */
    size_t n;
    int64_t v[BATCH_ROWS * BATCH_WIDTH]; /* <= 0: NULL */
    ws_stmt *full; /* for BATCH_ROWS rows, prepared on first use */
} rows;

static ws_stmt *rows_prepare(rows *u, size_t n)
{
    ws_buf sql;
    ws_buf_init(&sql, 1 << 14); /* 256 rows of "(?,?,?)": 2 KB */
    ws_buf_puts(&sql, u->insert);
    for (size_t r = 0; r < n; r++) {
        ws_buf_puts(&sql, r ? ",(?" : "(?");
        for (int c = 1; c < u->width; c++)
            ws_buf_puts(&sql, ",?");
        ws_buf_putc(&sql, ')');
    }
    ws_stmt *s = ws_store_prepare(u->st, ws_buf_cstr(&sql));
    ws_buf_cleanup(&sql);
    return s;
}

static ws_status rows_flush(rows *u)
{
    const ws_db_ops *o = u->st->ops;
    if (!u->n)
        return WS_OK;
    ws_stmt *s = u->n == BATCH_ROWS ? u->full : NULL;
    if (!s)
        s = rows_prepare(u, u->n);
    if (!s)
        return WS_ERR_DB;
    if (u->n == BATCH_ROWS)
        u->full = s;
    for (size_t i = 0; i < u->n * (size_t)u->width; i++) {
        if (u->v[i] > 0)
            o->bind_int(s, (int)i + 1, u->v[i]);
        else
            o->bind_text(s, (int)i + 1, NULL);
    }
    int r = o->step(s);
    if (s == u->full)
        o->reset(s);
    else
        o->finalize(s);
    u->n = 0;
    return r == WS_STEP_DONE ? WS_OK
                             : ws_store_dberr(u->st, "cannot store groupings");
}

static ws_status rows_add(rows *u, int64_t a, int64_t b, int64_t c)
{
    int64_t *row = &u->v[u->n * (size_t)u->width];
    const int64_t vals[BATCH_WIDTH] = {a, b, c};
    memcpy(row, vals, (size_t)u->width * sizeof *row);
    return ++u->n == BATCH_ROWS ? rows_flush(u) : WS_OK;
}

static ws_status assign(ws_store *st, const ws_speakers *sp,
                        ws_stories *stories, ws_regroup_stats *stats)
{
    const ws_db_ops *o = st->ops;
    ws_statements *stmts = ws_statements_new(NULL);
    rows ua = {.st = st,
               .width = 2,
               .insert = "INSERT INTO article_story (article, story) VALUES "};
    rows uq = {.st = st,
               .width = 3,
               .insert = "INSERT INTO quote_group (quote, speaker, statement)"
                         " VALUES "};
    ws_status rc = WS_OK;
    size_t n_statements = 0, n_stories = 0;
    int64_t *qids = NULL;
    size_t qcap = 0;
    scan sc = {0};
    if (rc == WS_OK)
        rc = scan_start(&sc, st);
    while (rc == WS_OK) {
        ws_article a;
        int64_t aid;
        int r = next_article(&sc, &a, &aid, &qids, &qcap);
        if (r <= 0) {
            if (r < 0)
                rc = ws_store_dberr(st, "cannot read the articles");
            break;
        }
        size_t story = ws_stories_add(stories, &a);
        if (story + 1 > n_stories)
            n_stories = story + 1;
        rc = rows_add(&ua, aid, (int64_t)story + 1, 0);
        for (size_t i = 0; rc == WS_OK && i < a.n_quotes; i++) {
            size_t who = ws_speakers_resolve(sp, &a, &a.quotes[i]);
            size_t sid = ws_statements_add(stmts, who, &a, &a.quotes[i]);
            if (sid + 1 > n_statements)
                n_statements = sid + 1;
            rc = rows_add(&uq, qids[i],
                          who == WS_CORPUS_NONE ? 0 : (int64_t)who + 1,
                          (int64_t)sid + 1);
        }
        stats->articles++;
        stats->quotes += a.n_quotes;
        clear_article(&a);
    }
    scan_end(&sc);
    free(qids);
    if (rc == WS_OK)
        rc = rows_flush(&ua);
    if (rc == WS_OK)
        rc = rows_flush(&uq);
    if (ua.full)
        o->finalize(ua.full);
    if (uq.full)
        o->finalize(uq.full);
    ws_statements_free(stmts);
    stats->statements = n_statements;
    stats->stories = n_stories;
    return rc;
}

/* Every article has its story row from the last regrouping, so the
 * groupings are current when no article lacks one: the counts are then
 * read from the tables and stats->current set. */
static ws_status grouped_already(ws_store *st, ws_regroup_stats *stats)
{
    const ws_db_ops *o = st->ops;
    ws_stmt *s = o->prepare(
        st->db, "SELECT (SELECT COUNT(*) FROM article a WHERE NOT EXISTS "
                "(SELECT 1 FROM article_story x WHERE x.article = a.id)),"
                " (SELECT COUNT(*) FROM article), (SELECT COUNT(*) FROM "
                "quote), (SELECT COUNT(*) FROM speaker), (SELECT COUNT(*) "
                "FROM statement), (SELECT COUNT(*) FROM story)");
    if (!s)
        return ws_store_dberr(st, "cannot count the groupings");
    int r = o->step(s);
    if (r == WS_STEP_ROW && o->col_int(s, 0) == 0) {
        stats->current = 1;
        stats->articles = (size_t)o->col_int(s, 1);
        stats->quotes = (size_t)o->col_int(s, 2);
        stats->speakers = (size_t)o->col_int(s, 3);
        stats->statements = (size_t)o->col_int(s, 4);
        stats->stories = (size_t)o->col_int(s, 5);
    }
    o->finalize(s);
    return r == WS_STEP_ERROR ? ws_store_dberr(st, "cannot count the groupings")
                              : WS_OK;
}

ws_status ws_store_regroup(ws_store *st, unsigned flags,
                           ws_regroup_stats *stats)
{
    const ws_db_ops *o = st->ops;
    ws_regroup_stats local;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (!st->db || !st->write || st->in_tx) {
        ws_store_fail(st,
                      "database '%s': regroup needs a writable store "
                      "outside a transaction",
                      st->path);
        return WS_ERR_USAGE;
    }
    /* One regrouping at a time among the processes writing this store,
     * over one snapshot of it; ingests go on meanwhile, and what they add
     * is grouped by the regrouping each of them runs when it ends. */
    if (o->begin_exclusive(st->db) != WS_OK)
        return ws_store_dberr(st, "cannot begin regrouping");
    ws_status rc = WS_OK;
    if (!(flags & WS_REGROUP_FORCE))
        rc = grouped_already(st, stats);
    if (rc != WS_OK || stats->current) {
        if (o->end_exclusive(st->db, 0) != WS_OK && rc == WS_OK)
            rc = ws_store_dberr(st, "cannot end regrouping");
        return rc;
    }
    if (o->exec(st->db, "DELETE FROM quote_group; DELETE FROM article_story;"
                        "DELETE FROM speaker; DELETE FROM alias;"
                        "DELETE FROM title; DELETE FROM statement;"
                        "DELETE FROM story;") != WS_OK)
        rc = ws_store_dberr(st, "cannot clear the groupings");

    /* Pass 1: what the whole collection says about its speakers. */
    ws_speakers *sp = ws_speakers_new();
    ws_stories *stories = ws_stories_new(NULL);
    scan sc = {0};
    int64_t *qids = NULL;
    size_t qcap = 0;
    if (rc == WS_OK)
        rc = scan_start(&sc, st);
    while (rc == WS_OK) {
        ws_article a;
        int64_t aid;
        int r = next_article(&sc, &a, &aid, &qids, &qcap);
        if (r <= 0) {
            if (r < 0)
                rc = ws_store_dberr(st, "cannot read the articles");
            break;
        }
        ws_speakers_learn(sp, &a);
        ws_stories_observe(stories, &a);
        clear_article(&a);
    }
    scan_end(&sc);
    free(qids);
    ws_speakers_settle(sp);
    stats->speakers = ws_speakers_count(sp);

    if (rc == WS_OK)
        rc = write_speakers(st, sp);
    /* Pass 2: each article and quote in time order. */
    if (rc == WS_OK)
        rc = assign(st, sp, stories, stats);
    if (rc == WS_OK && o->exec(st->db, summary_sql) != WS_OK)
        rc = ws_store_dberr(st, "cannot summarise statements and stories");
    ws_speakers_free(sp);
    ws_stories_free(stories);
    if (rc != WS_OK) {
        o->end_exclusive(st->db, 0);
        return rc;
    }
    if (o->end_exclusive(st->db, 1) != WS_OK) {
        rc = ws_store_dberr(st, "cannot commit regrouping");
        o->end_exclusive(st->db, 0);
        return rc;
    }
    return WS_OK;
}
