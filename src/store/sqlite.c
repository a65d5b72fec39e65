/* The SQLite backend of the store: the default, one file, no server. WAL
 * journal so queries can read while an ingest writes, synchronous=NORMAL
 * (a committed transaction survives the process being killed), FTS5 for the
 * words of quotes and articles. Implements the driver table of backend.h. */
#include "backend.h"

#include "../core/core.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ws_db {
    sqlite3 *conn;
};

struct ws_stmt {
    sqlite3_stmt *st;
};

/* Schema versions; each entry makes version i+1 from i. Never edit a
 * released entry: add one. */
static const char *const migrations[] = {
    /* 1: articles, quotes, the corpus groupings, full-text indexes */
    "CREATE TABLE article ("
    " id INTEGER PRIMARY KEY,"
    " doc_hash TEXT NOT NULL UNIQUE," /* hash of the document's bytes */
    " text_hash TEXT NOT NULL,"       /* the record's id: hash of the body */
    " source TEXT NOT NULL, url TEXT, outlet TEXT, title TEXT,"
    " date TEXT, day TEXT," /* day: the date's YYYY-MM-DD */
    " authors TEXT NOT NULL, language TEXT, dateline TEXT,"
    " format TEXT, charset TEXT, text TEXT NOT NULL);"
    "CREATE UNIQUE INDEX article_url_text ON article(url, text_hash)"
    " WHERE url IS NOT NULL;"
    "CREATE INDEX article_day ON article(day, id);"

    "CREATE TABLE quote ("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES article(id),"
    " seq INTEGER NOT NULL,"
    " text TEXT NOT NULL, kind TEXT NOT NULL,"
    " speaker_name TEXT, speaker_kind TEXT, mention TEXT, cue TEXT,"
    " start INTEGER NOT NULL, stop INTEGER NOT NULL,"
    " confidence REAL NOT NULL,"
    " UNIQUE (article, seq));"
    /* The groupings live apart from the documents: regrouping rewrites
     * these small rows, never the article and quote rows with their text. */
    "CREATE TABLE article_story ("
    " article INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
    "CREATE INDEX article_story_story ON article_story(story);"
    "CREATE TABLE quote_group ("
    " quote INTEGER PRIMARY KEY, speaker INTEGER, statement INTEGER NOT NULL);"
    "CREATE INDEX quote_group_statement ON quote_group(statement);"
    "CREATE TABLE speaker ("
    " id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " statements INTEGER NOT NULL);"
    "CREATE TABLE alias ("
    " speaker INTEGER NOT NULL, alias TEXT NOT NULL,"
    " key TEXT NOT NULL);" /* case-folded alias, for lookups */
    "CREATE INDEX alias_key ON alias(key, speaker);"
    "CREATE INDEX alias_speaker ON alias(speaker);"
    "CREATE TABLE title ("
    " speaker INTEGER NOT NULL, title TEXT NOT NULL,"
    " since TEXT, until TEXT);"
    "CREATE INDEX title_speaker ON title(speaker);"
    "CREATE TABLE statement ("
    " id INTEGER PRIMARY KEY, speaker INTEGER, date TEXT, day TEXT,"
    " text TEXT NOT NULL, reports INTEGER NOT NULL, story INTEGER);"
    "CREATE INDEX statement_speaker ON statement(speaker, day, id);"
    "CREATE INDEX statement_day ON statement(day, id);"
    "CREATE INDEX statement_story ON statement(story);"
    "CREATE TABLE story ("
    " id INTEGER PRIMARY KEY, title TEXT, date TEXT, day TEXT,"
    " articles INTEGER NOT NULL);"
    "CREATE INDEX story_day ON story(day, id);"
    "CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quote',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER quote_fts_ai AFTER INSERT ON quote BEGIN"
    " INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END;"
    "CREATE TRIGGER quote_fts_ad AFTER DELETE ON quote BEGIN"
    " INSERT INTO quote_fts(quote_fts, rowid, text)"
    " VALUES ('delete', old.id, old.text); END;"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text,"
    " content='article', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN"
    " INSERT INTO article_fts(rowid, title, text)"
    " VALUES (new.id, new.title, new.text); END;"
    "CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text); END;",
};

static ws_status db_exec(ws_db *db, const char *sql)
{
    return sqlite3_exec(db->conn, sql, NULL, NULL, NULL) == SQLITE_OK
               ? WS_OK
               : WS_ERR_DB;
}

static ws_stmt *db_prepare(ws_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                           NULL) != SQLITE_OK)
        return NULL;
    ws_stmt *s = ws_xmalloc(sizeof *s);
    s->st = st;
    return s;
}

static void db_bind_text(ws_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s->st, i);
}

static void db_bind_int(ws_stmt *s, int i, int64_t v)
{
    sqlite3_bind_int64(s->st, i, v);
}

static void db_bind_double(ws_stmt *s, int i, double v)
{
    sqlite3_bind_double(s->st, i, v);
}

static int db_step(ws_stmt *s)
{
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_ROW)
        return WS_STEP_ROW;
    if (rc == SQLITE_DONE)
        return WS_STEP_DONE;
    return WS_STEP_ERROR;
}

static const char *db_col_text(ws_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s->st, i);
}

static int64_t db_col_int(ws_stmt *s, int i)
{
    return sqlite3_column_int64(s->st, i);
}

static double db_col_double(ws_stmt *s, int i)
{
    return sqlite3_column_double(s->st, i);
}

static void db_reset(ws_stmt *s)
{
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
}

static void db_finalize(ws_stmt *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->st);
    free(s);
}

static const char *db_errmsg(ws_db *db)
{
    return sqlite3_errmsg(db->conn);
}

static void db_close(ws_db *db)
{
    if (!db)
        return;
    sqlite3_close_v2(db->conn);
    free(db);
}

/* BEGIN IMMEDIATE takes the write lock at once, so the version or the
 * articles read next cannot change before this transaction writes. */
static ws_status db_begin_exclusive(ws_db *db)
{
    return db_exec(db, "BEGIN IMMEDIATE");
}

static ws_status db_end_exclusive(ws_db *db, int commit)
{
    return db_exec(db, commit ? "COMMIT" : "ROLLBACK");
}

static ws_status db_get_version(ws_db *db, int *version)
{
    sqlite3_stmt *st;
    *version = 0;
    if (sqlite3_prepare_v2(db->conn, "PRAGMA user_version", -1, &st, NULL) !=
        SQLITE_OK)
        return WS_ERR_DB;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? WS_OK : WS_ERR_DB;
}

static ws_status db_set_version(ws_db *db, int version)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    return db_exec(db, sql);
}

/* FTS5 query: every word as a quoted prefix term ("talk"* also finds
 * "talks"), all required; quotes inside a word are doubled so the user's
 * text can never be read as FTS5 syntax. */
static char *match_words(const char *words)
{
    ws_buf b;
    ws_buf_init(&b, 4096);
    const char *p = words;
    size_t n_terms = 0;
    while (*p) {
        while (*p && ws_is_space((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && !ws_is_space((unsigned char)*p))
            p++;
        if (p == w)
            break;
        if (n_terms++)
            ws_buf_putc(&b, ' ');
        ws_buf_putc(&b, '"');
        for (const char *c = w; c < p; c++) {
            if (*c == '"')
                ws_buf_putc(&b, '"');
            ws_buf_putc(&b, *c);
        }
        ws_buf_puts(&b, "\"*");
    }
    if (!n_terms) {
        ws_buf_cleanup(&b);
        return NULL;
    }
    return ws_buf_detach(&b, NULL);
}

static const ws_db_ops sqlite_ops = {
    .name = "sqlite",
    .exec = db_exec,
    .prepare = db_prepare,
    .prepare_stream = db_prepare,
    .bind_text = db_bind_text,
    .bind_int = db_bind_int,
    .bind_double = db_bind_double,
    .step = db_step,
    .col_text = db_col_text,
    .col_int = db_col_int,
    .col_double = db_col_double,
    .reset = db_reset,
    .finalize = db_finalize,
    .errmsg = db_errmsg,
    .close = db_close,
    .migrations = migrations,
    .n_migrations = sizeof migrations / sizeof migrations[0],
    .get_version = db_get_version,
    .set_version = db_set_version,
    /* The write lock up front: a deferred transaction that read first
     * could not take it once another writer has committed (BUSY_SNAPSHOT,
     * which the busy timeout does not wait out). */
    .begin_write = "BEGIN IMMEDIATE",
    .begin_exclusive = db_begin_exclusive,
    .end_exclusive = db_end_exclusive,
    .quote_match = "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts "
                   "MATCH ?)",
    .match_words = match_words,
};

ws_db *ws_sqlite_open(const char *path, int write, const ws_db_ops **ops,
                      char *err, size_t errlen)
{
    sqlite3 *conn = NULL;
    int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                      : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path, &conn, flags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot open database '%s': %s%s", path,
                 conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc),
                 write ? "" : " (create it with 'whosaid ingest')");
        sqlite3_close_v2(conn);
        return NULL;
    }
    /* A reader waits for a writer's commit rather than failing. */
    sqlite3_busy_timeout(conn, 30000);
    sqlite3_extended_result_codes(conn, 1);
    const char *setup = write ? "PRAGMA journal_mode=WAL;"
                                "PRAGMA synchronous=NORMAL;"
                                "PRAGMA foreign_keys=ON;"
                              : "PRAGMA query_only=1;";
    /* Reading the schema here turns "file is not a database" into an error
     * at open, naming the file, rather than at the first query. */
    if (sqlite3_exec(conn, setup, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(conn, "SELECT count(*) FROM sqlite_schema", NULL, NULL,
                     NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open database '%s': %s", path,
                 sqlite3_errmsg(conn));
        sqlite3_close_v2(conn);
        return NULL;
    }
    ws_db *db = ws_xmalloc(sizeof *db);
    db->conn = conn;
    *ops = &sqlite_ops;
    return db;
}
