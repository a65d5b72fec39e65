/* The store handle and ingest: opening a backend, bringing its schema to
 * the current version, and adding articles with their quotes exactly once
 * (a document is known by the hash of its bytes, and by its URL with the
 * hash of its text). Regrouping is in regroup.c, queries in query.c. */
#include "store_impl.h"

#include "../meta/lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ws_store_fail(ws_store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
}

ws_status ws_store_dberr(ws_store *st, const char *what)
{
    ws_store_fail(st, "database '%s': %s: %s", st->path, what,
                  st->db ? st->ops->errmsg(st->db) : "not open");
    return WS_ERR_DB;
}

ws_stmt *ws_store_prepare(ws_store *st, const char *sql)
{
    ws_stmt *s = st->ops->prepare(st->db, sql);
    if (!s)
        ws_store_dberr(st, "cannot prepare a query");
    return s;
}

const char *ws_store_errmsg(const ws_store *st)
{
    return st ? st->err : "";
}

/* Brings the schema to the newest version, one migration per transaction,
 * so a database made by an older whosaid is upgraded in place. Each step
 * runs alone and reads the version again first: another process opening
 * the same new database at the same time may have migrated it already. */
static ws_status migrate(ws_store *st)
{
    const ws_db_ops *o = st->ops;
    for (;;) {
        int v;
        if (o->begin_exclusive(st->db) != WS_OK)
            return ws_store_dberr(st, "cannot begin the schema migration");
        if (o->get_version(st->db, &v) != WS_OK) {
            ws_status rc = ws_store_dberr(st, "cannot read the schema "
                                              "version");
            o->end_exclusive(st->db, 0);
            return rc;
        }
        if (v >= (int)o->n_migrations)
            return o->end_exclusive(st->db, 1) == WS_OK
                       ? WS_OK
                       : ws_store_dberr(st, "cannot end the migration");
        if (o->exec(st->db, o->migrations[v]) != WS_OK ||
            o->set_version(st->db, v + 1) != WS_OK) {
            ws_status rc = ws_store_dberr(st, "schema migration failed");
            o->end_exclusive(st->db, 0);
            return rc;
        }
        if (o->end_exclusive(st->db, 1) != WS_OK) {
            ws_status rc = ws_store_dberr(st, "cannot commit the schema "
                                              "migration");
            o->end_exclusive(st->db, 0);
            return rc;
        }
    }
}

static bool is_pg_url(const char *where)
{
    return strncmp(where, "postgresql://", 13) == 0 ||
           strncmp(where, "postgres://", 11) == 0;
}

ws_status ws_store_open(const char *where, enum ws_store_mode mode,
                        ws_store **out)
{
    ws_store *st = ws_xcalloc(1, sizeof *st);
    *out = st;
    if (!where || !*where)
        where = "whosaid.db";
    st->write = mode == WS_STORE_WRITE;
    if (is_pg_url(where)) {
        /* Messages name the database without its password. */
        char shown[512];
        ws_pg_redact(where, shown, sizeof shown);
        st->path = ws_xstrdup(shown);
        st->db =
            ws_pg_open(where, st->write, &st->ops, st->err, sizeof st->err);
    } else {
        st->path = ws_xstrdup(where);
        st->db =
            ws_sqlite_open(where, st->write, &st->ops, st->err, sizeof st->err);
    }
    if (!st->db)
        return WS_ERR_IO;
    where = st->path;
    int version;
    if (st->ops->get_version(st->db, &version) != WS_OK) {
        ws_store_dberr(st, "cannot read the schema version");
        return WS_ERR_IO;
    }
    if (version > (int)st->ops->n_migrations) {
        ws_store_fail(st,
                      "database '%s' has schema version %d; this whosaid "
                      "knows versions up to %zu (upgrade whosaid)",
                      where, version, st->ops->n_migrations);
        return WS_ERR_IO;
    }
    if (!st->write && version == 0) {
        ws_store_fail(st,
                      "database '%s' is not a whosaid database (create "
                      "one with 'whosaid ingest')",
                      where);
        return WS_ERR_IO;
    }
    if (st->write && version < (int)st->ops->n_migrations &&
        migrate(st) != WS_OK)
        return WS_ERR_IO;
    return WS_OK;
}

void ws_store_close(ws_store *st)
{
    if (!st)
        return;
    if (st->db) {
        st->ops->finalize(st->find);
        st->ops->finalize(st->put_article);
        for (size_t k = 0; k < WS_STORE_QUOTE_ROWS; k++)
            st->ops->finalize(st->put_quotes[k]);
        if (st->in_tx)
            st->ops->exec(st->db, "ROLLBACK");
        st->ops->close(st->db);
    }
    free(st->path);
    free(st);
}

ws_status ws_store_begin(ws_store *st)
{
    if (!st->db || !st->write) {
        ws_store_fail(st, "database '%s' is not open for writing", st->path);
        return WS_ERR_USAGE;
    }
    if (st->ops->exec(st->db, st->ops->begin_write) != WS_OK)
        return ws_store_dberr(st, "cannot begin a transaction");
    st->in_tx = 1;
    st->savepoint = 0;
    return WS_OK;
}

ws_status ws_store_commit(ws_store *st)
{
    if (!st->in_tx)
        return WS_OK;
    st->in_tx = 0;
    st->savepoint = 0;
    if (st->ops->exec(st->db, "COMMIT") != WS_OK) {
        ws_status rc = ws_store_dberr(st, "cannot commit");
        st->ops->exec(st->db, "ROLLBACK");
        return rc;
    }
    return WS_OK;
}

/* The YYYY-MM-DD of a record date, for ordering and date filters. */
void ws_store_day(const char *date, char day[11])
{
    day[0] = '\0';
    if (!date || strlen(date) < 10)
        return;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? date[i] != '-' : !ws_is_digit((unsigned char)date[i]))
            return;
    }
    memcpy(day, date, 10);
    day[10] = '\0';
}

char *ws_store_fold(const char *s)
{
    size_t n = strlen(s);
    size_t cap = n * 2 + 8; /* lower case may grow a character's bytes */
    char *out = ws_xmalloc(cap + 1);
    size_t len = ws_lex_fold(s, n, out, cap);
    out[len] = '\0';
    return out;
}

char *ws_store_dup(const char *s)
{
    return s ? ws_xstrdup(s) : NULL;
}

/* The static name among names[0..n) equal to k, or NULL. */
static const char *static_name(const char *k, const char *const *names,
                               size_t n)
{
    for (size_t i = 0; k && i < n; i++)
        if (strcmp(k, names[i]) == 0)
            return names[i];
    return NULL;
}

void ws_store_read_quote(ws_store *st, ws_stmt *s, int col, ws_quote *q)
{
    static const char *const kinds[] = {"direct", "mixed", "indirect"};
    static const char *const speaker_kinds[] = {"person", "organisation",
                                                "anonymous"};
    const ws_db_ops *o = st->ops;
    const char *t = o->col_text(s, col);
    memset(q, 0, sizeof *q);
    q->text = ws_xstrdup(t ? t : "");
    q->kind = static_name(o->col_text(s, col + 1), kinds, 3);
    if (!q->kind)
        q->kind = kinds[0];
    q->speaker = ws_store_dup(o->col_text(s, col + 2));
    q->speaker_kind = static_name(o->col_text(s, col + 3), speaker_kinds, 3);
    q->mention = ws_store_dup(o->col_text(s, col + 4));
    q->cue = ws_store_dup(o->col_text(s, col + 5));
    q->start = (size_t)o->col_int(s, col + 6);
    q->end = (size_t)o->col_int(s, col + 7);
    q->confidence = o->col_double(s, col + 8);
}

static ws_status prepare_ingest(ws_store *st)
{
    if (st->find)
        return WS_OK;
    st->find = ws_store_prepare(
        st, "SELECT id FROM article WHERE doc_hash = ? OR"
            " (url IS NOT NULL AND url = ? AND text_hash = ?) LIMIT 1");
    /* DO NOTHING on either unique key (doc_hash; url with text_hash):
     * two writers adding the same document at once store it once, and
     * the one that comes second gets no row back. */
    st->put_article = ws_store_prepare(
        st, "INSERT INTO article (doc_hash, text_hash, source, url, outlet,"
            " title, date, day, authors, language, dateline, format, charset,"
            " text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING RETURNING id");
    return st->find && st->put_article ? WS_OK : WS_ERR_DB;
}

/* The statement that stores n quotes (1 <= n <= WS_STORE_QUOTE_ROWS) in
 * one round trip to a server. */
static ws_stmt *quote_insert(ws_store *st, size_t n)
{
    if (st->put_quotes[n - 1])
        return st->put_quotes[n - 1];
    ws_buf sql;
    ws_buf_init(&sql, 1 << 12);
    ws_buf_puts(&sql, "INSERT INTO quote (article, seq, text, kind,"
                      " speaker_name, speaker_kind, mention, cue, start,"
                      " stop, confidence) VALUES ");
    for (size_t i = 0; i < n; i++)
        ws_buf_puts(&sql,
                    i ? ",(?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?)");
    st->put_quotes[n - 1] = ws_store_prepare(st, ws_buf_cstr(&sql));
    ws_buf_cleanup(&sql);
    return st->put_quotes[n - 1];
}

/* Inserts the article row unless a stored document has its hash or its
 * URL and text; *id is its new id, or 0 when it was there. Returns
 * WS_STEP_DONE or WS_STEP_ERROR. */
static int insert_article(ws_store *st, const char *doc_hash,
                          const char *text_hash, const ws_article *a,
                          const char *day, const char *authors, int64_t *id)
{
    const ws_db_ops *o = st->ops;
    ws_stmt *s = st->put_article;
    o->bind_text(s, 1, doc_hash);
    o->bind_text(s, 2, text_hash);
    o->bind_text(s, 3, a->source ? a->source : "-");
    o->bind_text(s, 4, a->url);
    o->bind_text(s, 5, a->outlet);
    o->bind_text(s, 6, a->title);
    o->bind_text(s, 7, a->date);
    o->bind_text(s, 8, day[0] ? day : NULL);
    o->bind_text(s, 9, authors);
    o->bind_text(s, 10, a->language);
    o->bind_text(s, 11, a->dateline);
    o->bind_text(s, 12, a->format);
    o->bind_text(s, 13, a->charset);
    o->bind_text(s, 14, a->text ? a->text : "");
    *id = 0;
    int rc = o->step(s);
    if (rc == WS_STEP_ROW) {
        *id = o->col_int(s, 0);
        rc = o->step(s);
    }
    o->reset(s);
    return rc == WS_STEP_DONE ? WS_STEP_DONE : WS_STEP_ERROR;
}

/* Stores the article row under a savepoint where writers lock rows until
 * commit. There a document another writer is storing right now makes the
 * insert wait for that transaction; if that writer in turn waits for one
 * of ours, the server breaks the cycle by failing one insert. The
 * savepoint keeps the rest of our transaction; committing it releases
 * what the other writer waits for, and the retry, holding nothing, can
 * only wait, not deadlock. */
static ws_status store_article(ws_store *st, const char *doc_hash,
                               const char *text_hash, const ws_article *a,
                               const char *day, const char *authors,
                               int64_t *id)
{
    const ws_db_ops *o = st->ops;
    bool locking = o->deadlocked != NULL;
    for (int attempt = 0;; attempt++) {
        /* The previous document's savepoint is released as this one's is
         * taken, in one round trip; commit releases the last. */
        if (locking &&
            o->exec(st->db, st->savepoint ? "RELEASE SAVEPOINT ws_doc;"
                                            "SAVEPOINT ws_doc"
                                          : "SAVEPOINT ws_doc") != WS_OK)
            return ws_store_dberr(st, "cannot store an article");
        st->savepoint = locking;
        int rc = insert_article(st, doc_hash, text_hash, a, day, authors, id);
        if (rc == WS_STEP_DONE)
            return WS_OK;
        if (!locking || attempt > 0 || !o->deadlocked(st->db))
            return ws_store_dberr(st, "cannot store an article");
        st->savepoint = 0;
        if (o->exec(st->db, "ROLLBACK TO SAVEPOINT ws_doc") != WS_OK ||
            o->exec(st->db, "COMMIT") != WS_OK ||
            o->exec(st->db, o->begin_write) != WS_OK)
            return ws_store_dberr(st, "cannot retry an article");
    }
}

/* Stores a document known by doc_hash unless it is there already. */
static ws_status insert_doc(ws_store *st, const char *doc_hash,
                            const ws_article *a, const char *authors_json,
                            int *added)
{
    const ws_db_ops *o = st->ops;
    *added = 0;
    if (!st->in_tx) {
        ws_store_fail(st, "database '%s': add outside a transaction", st->path);
        return WS_ERR_USAGE;
    }
    if (prepare_ingest(st) != WS_OK)
        return WS_ERR_DB;
    const char *text_hash = a->id ? a->id : "";

    o->bind_text(st->find, 1, doc_hash);
    o->bind_text(st->find, 2, a->url);
    o->bind_text(st->find, 3, text_hash);
    int rc = o->step(st->find);
    o->reset(st->find);
    if (rc == WS_STEP_ERROR)
        return ws_store_dberr(st, "cannot look up a document");
    if (rc == WS_STEP_ROW)
        return WS_OK;

    char day[11];
    ws_store_day(a->date, day);
    int64_t id = 0;
    ws_status res =
        store_article(st, doc_hash, text_hash, a, day, authors_json, &id);
    if (res != WS_OK)
        return res;
    if (id <= 0) /* another writer stored it first */
        return WS_OK;

    for (size_t i = 0; i < a->n_quotes;) {
        size_t n = a->n_quotes - i;
        if (n > WS_STORE_QUOTE_ROWS)
            n = WS_STORE_QUOTE_ROWS;
        ws_stmt *s = quote_insert(st, n);
        if (!s)
            return WS_ERR_DB;
        for (size_t k = 0; k < n; k++, i++) {
            const ws_quote *q = &a->quotes[i];
            int p = (int)k * 11;
            o->bind_int(s, p + 1, id);
            o->bind_int(s, p + 2, (int64_t)i);
            o->bind_text(s, p + 3, q->text ? q->text : "");
            o->bind_text(s, p + 4, q->kind ? q->kind : "direct");
            o->bind_text(s, p + 5, q->speaker);
            o->bind_text(s, p + 6, q->speaker_kind);
            o->bind_text(s, p + 7, q->mention);
            o->bind_text(s, p + 8, q->cue);
            o->bind_int(s, p + 9, (int64_t)q->start);
            o->bind_int(s, p + 10, (int64_t)q->end);
            o->bind_double(s, p + 11, q->confidence);
        }
        rc = o->step(s);
        o->reset(s);
        if (rc != WS_STEP_DONE)
            return ws_store_dberr(st, "cannot store a quote");
    }
    *added = 1;
    return WS_OK;
}

ws_status ws_store_add(ws_store *st, const ws_article *a, const char *bytes,
                       size_t len, int *added)
{
    /* The bytes' hash with their length: two documents collide only if
     * both agree, which 64-bit hashes of equal-length inputs make
     * negligible at any corpus size a user runs. */
    char doc_hash[40];
    snprintf(doc_hash, sizeof doc_hash, "%016llx-%zx",
             (unsigned long long)ws_hash64(bytes, len), len);
    ws_buf authors;
    ws_buf_init(&authors, 0);
    ws_buf_putc(&authors, '[');
    for (size_t i = 0; i < a->n_authors; i++) {
        if (i)
            ws_buf_putc(&authors, ',');
        ws_buf_json(&authors, a->authors[i], strlen(a->authors[i]));
    }
    ws_buf_putc(&authors, ']');
    ws_status rc = insert_doc(st, doc_hash, a, ws_buf_cstr(&authors), added);
    ws_buf_cleanup(&authors);
    return rc;
}

/* The article row of src at the cursor as a record: the strings point
 * into the row (valid until the next step); the quotes come next. */
static ws_status merge_one(ws_store *dst, ws_store *src, ws_stmt *row,
                           ws_stmt *qs, int *added)
{
    const ws_db_ops *o = src->ops;
    ws_article a;
    memset(&a, 0, sizeof a);
    int64_t id = o->col_int(row, 0);
    char *cols[14];
    for (int i = 0; i < 14; i++) {
        const char *v = o->col_text(row, i + 1);
        cols[i] = v ? ws_xstrdup(v) : NULL;
    }
    /* doc_hash, text_hash, source, url, outlet, title, date, authors,
     * language, dateline, format, charset, text */
    a.id = cols[1];
    a.source = cols[2];
    a.url = cols[3];
    a.outlet = cols[4];
    a.title = cols[5];
    a.date = cols[6];
    a.language = cols[8];
    a.dateline = cols[9];
    /* format and charset are copied as stored (the record's static
     * strings point to these copies for the time of the insert). */
    a.format = cols[10];
    a.charset = cols[11];
    a.text = cols[12];
    a.text_len = a.text ? strlen(a.text) : 0;

    size_t cap = 0;
    o->bind_int(qs, 1, id);
    int r;
    while ((r = o->step(qs)) == WS_STEP_ROW) {
        if (a.n_quotes == cap) {
            cap = cap ? cap * 2 : 8;
            a.quotes = ws_xrealloc(a.quotes, cap * sizeof *a.quotes);
        }
        ws_store_read_quote(src, qs, 0, &a.quotes[a.n_quotes++]);
    }
    o->reset(qs);
    ws_status rc =
        r == WS_STEP_DONE ? WS_OK : ws_store_dberr(src, "cannot read quotes");
    if (rc == WS_OK) {
        rc = insert_doc(dst, cols[0] ? cols[0] : "", &a,
                        cols[7] ? cols[7] : "[]", added);
    }
    ws_quote_list_free(a.quotes, a.n_quotes);
    for (int i = 0; i < 14; i++)
        free(cols[i]);
    return rc;
}

ws_status ws_store_merge(ws_store *dst, ws_store *src, size_t *added,
                         size_t *known)
{
    *added = *known = 0;
    const ws_db_ops *o = src->ops;
    /* Streamed: a source store larger than memory passes in batches. */
    ws_stmt *row = src->ops->prepare_stream(
        src->db, "SELECT id, doc_hash, text_hash, source, url, outlet, title,"
                 " date, authors, language, dateline, format, charset, text,"
                 " day FROM article ORDER BY id");
    if (!row)
        ws_store_dberr(src, "cannot prepare a query");
    ws_stmt *qs = ws_store_prepare(
        src, "SELECT text, kind, speaker_name, speaker_kind, mention, cue,"
             " start, stop, confidence FROM quote WHERE article = ?"
             " ORDER BY seq");
    ws_status rc = row && qs ? WS_OK : WS_ERR_DB;
    if (rc == WS_OK)
        rc = ws_store_begin(dst);
    int r = WS_STEP_DONE;
    while (rc == WS_OK && (r = o->step(row)) == WS_STEP_ROW) {
        int was_added = 0;
        rc = merge_one(dst, src, row, qs, &was_added);
        if (rc != WS_OK) {
            /* the message is in whichever store failed: keep dst's */
            if (!dst->err[0])
                ws_store_fail(dst, "%s", src->err);
            break;
        }
        if (was_added)
            ++*added;
        else
            ++*known;
    }
    if (rc == WS_OK && r != WS_STEP_DONE) {
        ws_store_dberr(src, "cannot read articles");
        ws_store_fail(dst, "%s", src->err);
        rc = WS_ERR_DB;
    }
    if (rc == WS_OK)
        rc = ws_store_commit(dst);
    else if (dst->in_tx) {
        dst->ops->exec(dst->db, "ROLLBACK");
        dst->in_tx = 0;
    }
    if (row)
        o->finalize(row);
    if (qs)
        o->finalize(qs);
    return rc;
}
