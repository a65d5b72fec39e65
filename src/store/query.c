/* Queries over the store: statements (with every report), speakers (with
 * aliases and titles), stories (with their articles) and one article back
 * as a record; and the JSON shapes the CLI prints and the HTTP API serves.
 * Every user value is a bound parameter, never part of the SQL text. */
#include "store_impl.h"

#include <stdio.h>
#include <string.h>

/* A list of strings owned by the list. */
typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

static void list_add(strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = ws_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = ws_xstrdup(s ? s : "");
}

static bool list_has(const strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return true;
    return false;
}

static void list_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Aliases of a speaker other than its name, sorted. *q is the prepared
 * query, made on first use and kept by the caller for the next speaker. */
static ws_status load_aliases(ws_store *st, ws_stmt **q, int64_t speaker,
                              strlist *out)
{
    const ws_db_ops *o = st->ops;
    if (!*q)
        *q = ws_store_prepare(
            st, "SELECT a.alias FROM alias a JOIN speaker p"
                " ON p.id = a.speaker WHERE a.speaker = ? AND a.alias <> p.name"
                " ORDER BY a.alias");
    if (!*q)
        return WS_ERR_DB;
    o->bind_int(*q, 1, speaker);
    int r;
    while ((r = o->step(*q)) == WS_STEP_ROW)
        list_add(out, o->col_text(*q, 0));
    o->reset(*q);
    return r == WS_STEP_DONE ? WS_OK : ws_store_dberr(st, "aliases");
}

/* ---- statements ---- */

typedef struct stmt_ctx {
    ws_store *st;
    ws_stmt *head, *reports, *aliases;
    /* The aliases of the last speaker seen: a speaker's timeline asks for
     * the same list on every row. */
    int64_t alias_of;
    strlist alias_cache;
} stmt_ctx;

static ws_status emit_statement(stmt_ctx *c, int64_t id, ws_statement_fn each,
                                void *ud, int *stop)
{
    ws_store *st = c->st;
    const ws_db_ops *o = st->ops;
    ws_statement_rec r = {0};
    strlist aliases = {0}, outlets = {0};
    ws_report_rec *reps = NULL;
    size_t n_reps = 0, cap = 0;
    char *speaker = NULL, *text = NULL, *date = NULL, *story_title = NULL;
    int64_t speaker_id = 0;
    ws_status rc = WS_OK;

    o->bind_int(c->head, 1, id);
    int s = o->step(c->head);
    if (s == WS_STEP_ROW) {
        speaker_id = o->col_int(c->head, 0);
        speaker = ws_store_dup(o->col_text(c->head, 1));
        text = ws_store_dup(o->col_text(c->head, 2));
        date = ws_store_dup(o->col_text(c->head, 3));
        r.story = o->col_int(c->head, 4);
        story_title = ws_store_dup(o->col_text(c->head, 5));
    }
    o->reset(c->head);
    if (s != WS_STEP_ROW) {
        rc = s == WS_STEP_DONE ? WS_OK : ws_store_dberr(st, "statement");
        goto done;
    }
    if (speaker_id > 0 && speaker_id != c->alias_of) {
        list_free(&c->alias_cache);
        c->alias_of = 0;
        if ((rc = load_aliases(st, &c->aliases, speaker_id, &c->alias_cache)))
            goto done;
        c->alias_of = speaker_id;
    }
    if (speaker_id > 0)
        aliases = c->alias_cache;

    o->bind_int(c->reports, 1, id);
    while ((s = o->step(c->reports)) == WS_STEP_ROW) {
        if (n_reps == cap) {
            cap = cap ? cap * 2 : 8;
            reps = ws_xrealloc(reps, cap * sizeof *reps);
        }
        ws_report_rec *p = &reps[n_reps++];
        p->article = o->col_int(c->reports, 0);
        p->source = ws_store_dup(o->col_text(c->reports, 1));
        p->url = ws_store_dup(o->col_text(c->reports, 2));
        p->outlet = ws_store_dup(o->col_text(c->reports, 3));
        p->date = ws_store_dup(o->col_text(c->reports, 4));
        p->kind = ws_store_dup(o->col_text(c->reports, 5));
        p->text = ws_store_dup(o->col_text(c->reports, 6));
        if (p->outlet && !list_has(&outlets, p->outlet))
            list_add(&outlets, p->outlet);
    }
    o->reset(c->reports);
    if (s != WS_STEP_DONE) {
        rc = ws_store_dberr(st, "reports");
        goto done;
    }

    r.id = id;
    r.speaker = speaker;
    r.aliases = (const char *const *)aliases.v;
    r.n_aliases = aliases.n;
    r.text = text;
    r.date = date;
    r.outlets = (const char *const *)outlets.v;
    r.n_outlets = outlets.n;
    r.reports = reps;
    r.n_reports = n_reps;
    r.story_title = story_title;
    *stop = each(&r, ud);
done:
    for (size_t i = 0; i < n_reps; i++) {
        free((char *)reps[i].source);
        free((char *)reps[i].url);
        free((char *)reps[i].outlet);
        free((char *)reps[i].date);
        free((char *)reps[i].kind);
        free((char *)reps[i].text);
    }
    free(reps);
    list_free(&outlets);
    free(speaker);
    free(text);
    free(date);
    free(story_title);
    return rc;
}

ws_status ws_store_statements(ws_store *st, const ws_statement_query *q,
                              ws_statement_fn each, void *ud)
{
    const ws_db_ops *o = st->ops;
    ws_buf sql;
    ws_buf_init(&sql, 0);
    char *key = NULL, *match = NULL, *cursor_day = NULL;
    int64_t cursor = q->before_id;
    stmt_ctx c = {.st = st};
    ws_stmt *list = NULL;
    ws_status rc = WS_OK;
    const char *desc = q->oldest_first ? "" : " DESC";
    const char *lt = q->oldest_first ? ">" : "<";

    if (q->about && !(match = o->match_words(q->about)))
        goto done; /* no word at all: nothing can match */
    if (cursor > 0) {
        /* Keyset paging: the cursor statement's place in the order. */
        ws_stmt *cs = ws_store_prepare(st, "SELECT day FROM statement "
                                           "WHERE id = ?");
        if (!cs) {
            rc = WS_ERR_DB;
            goto done;
        }
        o->bind_int(cs, 1, cursor);
        int r = o->step(cs);
        if (r == WS_STEP_ROW)
            cursor_day = ws_store_dup(o->col_text(cs, 0));
        o->finalize(cs);
        if (r != WS_STEP_ROW)
            goto done; /* unknown cursor: past the end */
    }

    ws_buf_puts(&sql, "SELECT s.id FROM statement s WHERE 1 = 1");
    if (q->speaker) {
        key = ws_store_fold(q->speaker);
        ws_buf_puts(&sql, " AND s.speaker IN (SELECT speaker FROM alias "
                          "WHERE key = ?)");
    }
    if (q->since)
        ws_buf_puts(&sql, " AND s.day >= ?");
    if (q->until)
        ws_buf_puts(&sql, " AND s.day <= ?");
    if (match)
        ws_buf_printf(&sql,
                      " AND s.id IN (SELECT g.statement FROM "
                      "quote_group g JOIN quote q ON q.id = g.quote "
                      "WHERE %s)",
                      o->quote_match);
    if (q->outlet)
        ws_buf_puts(&sql, " AND s.id IN (SELECT g.statement FROM "
                          "quote_group g JOIN quote q ON q.id = g.quote "
                          "JOIN article a ON a.id = q.article "
                          "WHERE lower(a.outlet) = lower(?))");
    if (q->kind)
        ws_buf_puts(&sql, " AND s.id IN (SELECT g.statement FROM "
                          "quote_group g JOIN quote q ON q.id = g.quote "
                          "WHERE q.kind = ?)");
    if (q->id > 0)
        ws_buf_puts(&sql, " AND s.id = ?");
    if (q->story > 0)
        ws_buf_puts(&sql, " AND s.story = ?");
    /* Dated statements in date order, undated after them either way. */
    if (cursor > 0 && cursor_day)
        ws_buf_printf(&sql,
                      " AND (s.day IS NULL OR s.day %s ? OR "
                      "(s.day = ? AND s.id %s ?))",
                      lt, lt);
    else if (cursor > 0)
        ws_buf_printf(&sql, " AND s.day IS NULL AND s.id %s ?", lt);
    /* NULLS LAST rather than an "IS NULL" key: the newest-first order then
     * walks the (speaker, day, id) and (day, id) indexes, no sort. */
    ws_buf_printf(&sql, " ORDER BY s.day%s NULLS LAST, s.id%s", desc, desc);
    if (q->limit)
        ws_buf_puts(&sql, " LIMIT ?");

    list = ws_store_prepare(st, ws_buf_cstr(&sql));
    c.head = ws_store_prepare(
        st, "SELECT s.speaker, p.name, s.text, s.date, s.story, t.title"
            " FROM statement s LEFT JOIN speaker p ON p.id = s.speaker"
            " LEFT JOIN story t ON t.id = s.story WHERE s.id = ?");
    c.reports = ws_store_prepare(
        st,
        "SELECT a.id, a.source, a.url, a.outlet, a.date, q.kind, q.text"
        " FROM quote_group g JOIN quote q ON q.id = g.quote"
        " JOIN article a ON a.id = q.article WHERE g.statement = ?"
        " ORDER BY a.day IS NULL, a.day, a.date, a.source, a.doc_hash, q.seq");
    if (!list || !c.head || !c.reports) {
        rc = WS_ERR_DB;
        goto done;
    }
    int i = 1;
    if (key)
        o->bind_text(list, i++, key);
    if (q->since)
        o->bind_text(list, i++, q->since);
    if (q->until)
        o->bind_text(list, i++, q->until);
    if (match)
        o->bind_text(list, i++, match);
    if (q->outlet)
        o->bind_text(list, i++, q->outlet);
    if (q->kind)
        o->bind_text(list, i++, q->kind);
    if (q->id > 0)
        o->bind_int(list, i++, q->id);
    if (q->story > 0)
        o->bind_int(list, i++, q->story);
    if (cursor > 0 && cursor_day) {
        o->bind_text(list, i++, cursor_day);
        o->bind_text(list, i++, cursor_day);
    }
    if (cursor > 0)
        o->bind_int(list, i++, cursor);
    if (q->limit)
        o->bind_int(list, i++, (int64_t)q->limit);

    int r, stop = 0;
    while (!stop && (r = o->step(list)) == WS_STEP_ROW) {
        rc = emit_statement(&c, o->col_int(list, 0), each, ud, &stop);
        if (rc)
            break;
    }
    if (!stop && rc == WS_OK && r != WS_STEP_DONE)
        rc = ws_store_dberr(st, "cannot list statements");
done:
    if (list)
        o->finalize(list);
    if (c.head)
        o->finalize(c.head);
    if (c.reports)
        o->finalize(c.reports);
    if (c.aliases)
        o->finalize(c.aliases);
    list_free(&c.alias_cache);
    ws_buf_cleanup(&sql);
    free(key);
    free(match);
    free(cursor_day);
    return rc;
}

/* ---- speakers ---- */

ws_status ws_store_speakers(ws_store *st, const ws_speaker_query *q,
                            ws_speaker_fn each, void *ud)
{
    const ws_db_ops *o = st->ops;
    ws_buf sql;
    ws_buf_init(&sql, 0);
    char *lo = NULL, *hi = NULL;
    ws_status rc = WS_OK;
    ws_buf_puts(&sql, "SELECT id, name, kind, statements FROM speaker p "
                      "WHERE 1 = 1");
    if (q->prefix && *q->prefix) {
        /* A prefix range on the folded key uses the index in any backend:
         * U+10FFFF sorts after every character that may follow. */
        lo = ws_store_fold(q->prefix);
        size_t n = strlen(lo);
        hi = ws_xmalloc(n + 5);
        memcpy(hi, lo, n);
        memcpy(hi + n, "\xf4\x8f\xbf\xbf", 5);
        ws_buf_puts(&sql, " AND id IN (SELECT speaker FROM alias "
                          "WHERE key >= ? AND key < ?)");
    }
    if (q->id > 0)
        ws_buf_puts(&sql, " AND id = ?");
    else if (!q->all)
        ws_buf_puts(&sql, " AND statements > 0");
    ws_buf_puts(&sql, " ORDER BY statements DESC, name, id");
    if (q->limit)
        ws_buf_puts(&sql, " LIMIT ?");
    ws_stmt *list = ws_store_prepare(st, ws_buf_cstr(&sql));
    ws_stmt *aq = NULL;
    ws_stmt *tq = ws_store_prepare(
        st, "SELECT title, since, until FROM title WHERE speaker = ?"
            " ORDER BY since IS NULL, since, title");
    if (!list || !tq) {
        rc = WS_ERR_DB;
        goto done;
    }
    int i = 1;
    if (lo) {
        o->bind_text(list, i++, lo);
        o->bind_text(list, i++, hi);
    }
    if (q->id > 0)
        o->bind_int(list, i++, q->id);
    if (q->limit)
        o->bind_int(list, i++, (int64_t)q->limit);
    int r, stop = 0;
    while (!stop && (r = o->step(list)) == WS_STEP_ROW) {
        ws_speaker_rec rec = {0};
        strlist aliases = {0}, tstr = {0};
        rec.id = o->col_int(list, 0);
        char *name = ws_store_dup(o->col_text(list, 1));
        char *kind = ws_store_dup(o->col_text(list, 2));
        rec.statements = (size_t)o->col_int(list, 3);
        rc = load_aliases(st, &aq, rec.id, &aliases);
        ws_speaker_title *titles = NULL;
        size_t n_titles = 0;
        o->bind_int(tq, 1, rec.id);
        while (rc == WS_OK && o->step(tq) == WS_STEP_ROW) {
            /* An unknown date is stored as "" here and given back as
             * NULL below. */
            for (int k = 0; k < 3; k++)
                list_add(&tstr, o->col_text(tq, k));
            n_titles++;
        }
        o->reset(tq);
        if (n_titles) {
            titles = ws_xcalloc(n_titles, sizeof *titles);
            for (size_t k = 0; k < n_titles; k++) {
                titles[k].title = tstr.v[3 * k];
                titles[k].from = *tstr.v[3 * k + 1] ? tstr.v[3 * k + 1] : NULL;
                titles[k].until = *tstr.v[3 * k + 2] ? tstr.v[3 * k + 2] : NULL;
            }
        }
        rec.name = name;
        rec.kind = kind;
        rec.aliases = (const char *const *)aliases.v;
        rec.n_aliases = aliases.n;
        rec.titles = titles;
        rec.n_titles = n_titles;
        if (rc == WS_OK)
            stop = each(&rec, ud);
        free(titles);
        list_free(&tstr);
        list_free(&aliases);
        free(name);
        free(kind);
        if (rc)
            break;
    }
    if (!stop && rc == WS_OK && r != WS_STEP_DONE)
        rc = ws_store_dberr(st, "cannot list speakers");
done:
    if (list)
        o->finalize(list);
    if (tq)
        o->finalize(tq);
    if (aq)
        o->finalize(aq);
    ws_buf_cleanup(&sql);
    free(lo);
    free(hi);
    return rc;
}

/* ---- stories ---- */

ws_status ws_store_stories(ws_store *st, const ws_story_query *q,
                           ws_story_fn each, void *ud)
{
    const ws_db_ops *o = st->ops;
    ws_buf sql;
    ws_buf_init(&sql, 0);
    ws_status rc = WS_OK;
    ws_buf_puts(&sql, "SELECT id, title, date FROM story WHERE 1 = 1");
    if (q->id > 0)
        ws_buf_puts(&sql, " AND id = ?");
    if (q->since)
        ws_buf_puts(&sql, " AND day >= ?");
    if (q->until)
        ws_buf_puts(&sql, " AND day <= ?");
    ws_buf_puts(&sql, " ORDER BY day DESC NULLS LAST, id DESC");
    if (q->limit)
        ws_buf_puts(&sql, " LIMIT ?");
    ws_stmt *list = ws_store_prepare(st, ws_buf_cstr(&sql));
    ws_stmt *aq = ws_store_prepare(
        st, "SELECT a.id, a.source, a.url, a.outlet, a.title, a.date"
            " FROM article_story x JOIN article a ON a.id = x.article"
            " WHERE x.story = ?"
            " ORDER BY a.day IS NULL, a.day, a.date, a.source, a.doc_hash");
    if (!list || !aq) {
        rc = WS_ERR_DB;
        goto done;
    }
    int i = 1;
    if (q->id > 0)
        o->bind_int(list, i++, q->id);
    if (q->since)
        o->bind_text(list, i++, q->since);
    if (q->until)
        o->bind_text(list, i++, q->until);
    if (q->limit)
        o->bind_int(list, i++, (int64_t)q->limit);
    int r, stop = 0;
    while (!stop && (r = o->step(list)) == WS_STEP_ROW) {
        ws_story_rec rec = {0};
        rec.id = o->col_int(list, 0);
        char *title = ws_store_dup(o->col_text(list, 1));
        char *date = ws_store_dup(o->col_text(list, 2));
        ws_story_article *arts = NULL;
        size_t n = 0, cap = 0;
        o->bind_int(aq, 1, rec.id);
        while (o->step(aq) == WS_STEP_ROW) {
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                arts = ws_xrealloc(arts, cap * sizeof *arts);
            }
            ws_story_article *p = &arts[n++];
            p->id = o->col_int(aq, 0);
            p->source = ws_store_dup(o->col_text(aq, 1));
            p->url = ws_store_dup(o->col_text(aq, 2));
            p->outlet = ws_store_dup(o->col_text(aq, 3));
            p->title = ws_store_dup(o->col_text(aq, 4));
            p->date = ws_store_dup(o->col_text(aq, 5));
        }
        o->reset(aq);
        rec.title = title;
        rec.date = date;
        rec.articles = arts;
        rec.n_articles = n;
        stop = each(&rec, ud);
        for (size_t k = 0; k < n; k++) {
            free((char *)arts[k].source);
            free((char *)arts[k].url);
            free((char *)arts[k].outlet);
            free((char *)arts[k].title);
            free((char *)arts[k].date);
        }
        free(arts);
        free(title);
        free(date);
    }
    if (!stop && r != WS_STEP_DONE)
        rc = ws_store_dberr(st, "cannot list stories");
done:
    if (list)
        o->finalize(list);
    if (aq)
        o->finalize(aq);
    ws_buf_cleanup(&sql);
    return rc;
}

/* ---- one article ---- */

ws_status ws_store_article(ws_store *st, int64_t id, ws_article **out)
{
    static const char *const formats[] = {"html", "text"};
    const ws_db_ops *o = st->ops;
    *out = NULL;
    ws_stmt *as = ws_store_prepare(
        st, "SELECT source, text_hash, url, outlet, title, date, language,"
            " dateline, text, format, charset FROM article WHERE id = ?");
    ws_stmt *qs = ws_store_prepare(
        st, "SELECT q.text, q.kind, coalesce(p.name, q.speaker_name),"
            " coalesce(p.kind, q.speaker_kind), q.mention, q.cue, q.start,"
            " q.stop, q.confidence FROM quote q"
            " LEFT JOIN quote_group g ON g.quote = q.id"
            " LEFT JOIN speaker p ON p.id = g.speaker"
            " WHERE q.article = ? ORDER BY q.seq");
    ws_status rc = as && qs ? WS_OK : WS_ERR_DB;
    if (rc)
        goto done;
    o->bind_int(as, 1, id);
    int r = o->step(as);
    if (r != WS_STEP_ROW) {
        rc = r == WS_STEP_DONE ? WS_ERR_NOENT
                               : ws_store_dberr(st, "cannot read an article");
        goto done;
    }
    ws_article *a = ws_xcalloc(1, sizeof *a);
    a->source = ws_store_dup(o->col_text(as, 0));
    a->id = ws_store_dup(o->col_text(as, 1));
    a->url = ws_store_dup(o->col_text(as, 2));
    a->outlet = ws_store_dup(o->col_text(as, 3));
    a->title = ws_store_dup(o->col_text(as, 4));
    a->date = ws_store_dup(o->col_text(as, 5));
    a->language = ws_store_dup(o->col_text(as, 6));
    a->dateline = ws_store_dup(o->col_text(as, 7));
    a->text = ws_store_dup(o->col_text(as, 8));
    a->text_len = a->text ? strlen(a->text) : 0;
    const char *f = o->col_text(as, 9);
    for (size_t k = 0; f && k < 2; k++)
        if (strcmp(f, formats[k]) == 0)
            a->format = formats[k];
    a->charset = "utf-8";
    o->bind_int(qs, 1, id);
    size_t cap = 0;
    while ((r = o->step(qs)) == WS_STEP_ROW) {
        if (a->n_quotes == cap) {
            cap = cap ? cap * 2 : 8;
            a->quotes = ws_xrealloc(a->quotes, cap * sizeof *a->quotes);
        }
        ws_store_read_quote(st, qs, 0, &a->quotes[a->n_quotes++]);
    }
    if (!a->text)
        a->text = ws_xstrdup("");
    *out = a;
done:
    if (as)
        o->finalize(as);
    if (qs)
        o->finalize(qs);
    return rc;
}

/* ---- JSON ---- */

static void json_opt(ws_buf *b, const char *key, const char *v)
{
    ws_buf_printf(b, "\"%s\":", key);
    if (v)
        ws_buf_json(b, v, strlen(v));
    else
        ws_buf_puts(b, "null");
}

static void json_list(ws_buf *b, const char *key, const char *const *v,
                      size_t n)
{
    ws_buf_printf(b, "\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            ws_buf_putc(b, ',');
        ws_buf_json(b, v[i], strlen(v[i]));
    }
    ws_buf_putc(b, ']');
}

char *ws_statement_to_json(const ws_statement_rec *r)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "{\"id\":%lld,", (long long)r->id);
    json_opt(&b, "speaker", r->speaker);
    ws_buf_putc(&b, ',');
    json_list(&b, "aliases", r->aliases, r->n_aliases);
    ws_buf_putc(&b, ',');
    json_opt(&b, "text", r->text);
    ws_buf_putc(&b, ',');
    json_opt(&b, "date", r->date);
    ws_buf_putc(&b, ',');
    json_list(&b, "outlets", r->outlets, r->n_outlets);
    ws_buf_puts(&b, ",\"reports\":[");
    for (size_t i = 0; i < r->n_reports; i++) {
        const ws_report_rec *p = &r->reports[i];
        ws_buf_puts(&b, i ? ",{" : "{");
        json_opt(&b, "source", p->source);
        ws_buf_putc(&b, ',');
        json_opt(&b, "url", p->url);
        ws_buf_putc(&b, ',');
        json_opt(&b, "outlet", p->outlet);
        ws_buf_putc(&b, ',');
        json_opt(&b, "date", p->date);
        ws_buf_putc(&b, ',');
        json_opt(&b, "kind", p->kind);
        ws_buf_putc(&b, ',');
        json_opt(&b, "text", p->text);
        ws_buf_printf(&b, ",\"article\":%lld}", (long long)p->article);
    }
    ws_buf_puts(&b, "],\"story\":");
    if (r->story > 0) {
        ws_buf_printf(&b, "{\"id\":%lld,", (long long)r->story);
        json_opt(&b, "title", r->story_title);
        ws_buf_putc(&b, '}');
    } else {
        ws_buf_puts(&b, "null");
    }
    ws_buf_putc(&b, '}');
    return ws_buf_detach(&b, NULL);
}

char *ws_speaker_to_json(const ws_speaker_rec *r)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "{\"id\":%lld,", (long long)r->id);
    json_opt(&b, "name", r->name);
    ws_buf_putc(&b, ',');
    json_opt(&b, "kind", r->kind);
    ws_buf_putc(&b, ',');
    json_list(&b, "aliases", r->aliases, r->n_aliases);
    ws_buf_puts(&b, ",\"titles\":[");
    for (size_t i = 0; i < r->n_titles; i++) {
        ws_buf_puts(&b, i ? ",{" : "{");
        json_opt(&b, "title", r->titles[i].title);
        ws_buf_putc(&b, ',');
        json_opt(&b, "from", r->titles[i].from);
        ws_buf_putc(&b, ',');
        json_opt(&b, "until", r->titles[i].until);
        ws_buf_putc(&b, '}');
    }
    ws_buf_printf(&b, "],\"statements\":%zu}", r->statements);
    return ws_buf_detach(&b, NULL);
}

char *ws_story_to_json(const ws_story_rec *r)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "{\"id\":%lld,", (long long)r->id);
    json_opt(&b, "title", r->title);
    ws_buf_putc(&b, ',');
    json_opt(&b, "date", r->date);
    ws_buf_puts(&b, ",\"articles\":[");
    for (size_t i = 0; i < r->n_articles; i++) {
        const ws_story_article *p = &r->articles[i];
        ws_buf_printf(&b, "%s{\"id\":%lld,", i ? "," : "", (long long)p->id);
        json_opt(&b, "source", p->source);
        ws_buf_putc(&b, ',');
        json_opt(&b, "url", p->url);
        ws_buf_putc(&b, ',');
        json_opt(&b, "outlet", p->outlet);
        ws_buf_putc(&b, ',');
        json_opt(&b, "title", p->title);
        ws_buf_putc(&b, ',');
        json_opt(&b, "date", p->date);
        ws_buf_putc(&b, '}');
    }
    ws_buf_puts(&b, "]}");
    return ws_buf_detach(&b, NULL);
}

/* Quotebank's quotation-centric record: the quotation, its speaker ("None"
 * when unknown, as Quotebank writes it), the first report's date as
 * "YYYY-MM-DD HH:MM:SS", the number of occurrences and where it appeared
 * (the URL, or the source path when the URL is unknown). */
char *ws_statement_to_quotebank(const ws_statement_rec *r)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "{\"quoteID\":\"whosaid-%lld\",", (long long)r->id);
    json_opt(&b, "quotation", r->text);
    ws_buf_putc(&b, ',');
    json_opt(&b, "speaker", r->speaker ? r->speaker : "None");
    ws_buf_puts(&b, ",\"qids\":[],\"date\":");
    char day[11];
    ws_store_day(r->date, day);
    if (day[0]) {
        char hm[6] = "00:00", sec[3] = "00";
        size_t n = strlen(r->date);
        if (n >= 16 && r->date[10] == 'T') {
            memcpy(hm, r->date + 11, 5);
            if (n >= 19 && r->date[16] == ':')
                memcpy(sec, r->date + 17, 2);
        }
        ws_buf_printf(&b, "\"%s %s:%s\"", day, hm, sec);
    } else {
        ws_buf_puts(&b, "null");
    }
    ws_buf_printf(&b, ",\"numOccurrences\":%zu,\"urls\":[", r->n_reports);
    for (size_t i = 0; i < r->n_reports; i++) {
        const char *u =
            r->reports[i].url ? r->reports[i].url : r->reports[i].source;
        if (i)
            ws_buf_putc(&b, ',');
        ws_buf_json(&b, u ? u : "", u ? strlen(u) : 0);
    }
    ws_buf_puts(&b, "],\"phase\":\"whosaid\"}");
    return ws_buf_detach(&b, NULL);
}
