/* The one interface every database backend implements: a small SQL driver
 * (prepare, bind, step, read columns) plus the backend's dialect (its schema
 * migrations and its full-text match). The store's ingest, regroup and
 * queries are written once over this table, so a second backend answers
 * with the same SQL. Placeholders are written `?`; a backend whose server
 * numbers them ($1, $2 ...) rewrites them in prepare. */
#ifndef WS_STORE_BACKEND_H
#define WS_STORE_BACKEND_H

#include "whosaid/status.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ws_db ws_db;     /* a backend connection */
typedef struct ws_stmt ws_stmt; /* a prepared statement */

enum { WS_STEP_ERROR = -1, WS_STEP_DONE = 0, WS_STEP_ROW = 1 };

typedef struct ws_db_ops {
    const char *name;
    /* Runs one or more statements that return no rows. */
    ws_status (*exec)(ws_db *db, const char *sql);
    /* NULL on error (message in errmsg). */
    ws_stmt *(*prepare)(ws_db *db, const char *sql);
    /* The same for a SELECT whose rows may be too many to hold at once
     * (read inside a transaction); other statements may run on the
     * connection between its steps. */
    ws_stmt *(*prepare_stream)(ws_db *db, const char *sql);
    /* Parameters are numbered from 1; a NULL text binds SQL NULL. */
    void (*bind_text)(ws_stmt *s, int i, const char *v);
    void (*bind_int)(ws_stmt *s, int i, int64_t v);
    void (*bind_double)(ws_stmt *s, int i, double v);
    int (*step)(ws_stmt *s); /* WS_STEP_* */
    /* Columns are numbered from 0; text is NULL for SQL NULL and valid
     * until the next step, reset or finalize. */
    const char *(*col_text)(ws_stmt *s, int i);
    int64_t (*col_int)(ws_stmt *s, int i);
    double (*col_double)(ws_stmt *s, int i);
    void (*reset)(ws_stmt *s); /* also clears the bindings */
    void (*finalize)(ws_stmt *s);
    const char *(*errmsg)(ws_db *db);
    /* Non-NULL for a backend whose writers lock rows until commit (an
     * insert may wait for another writer's transaction): true when the
     * last error was the server breaking a deadlock, which is retried. */
    int (*deadlocked)(ws_db *db);
    void (*close)(ws_db *db);
    /* Dialect: the SQL that makes schema version i+1 from version i. */
    const char *const *migrations;
    size_t n_migrations;
    ws_status (*get_version)(ws_db *db, int *version);
    ws_status (*set_version)(ws_db *db, int version);
    /* Begins an ingest transaction (writers take their locks the way the
     * backend serialises them). */
    const char *begin_write;
    /* A transaction that runs alone among every process writing the
     * database and reads one snapshot throughout (schema migrations,
     * regrouping); ended by end_exclusive (commit or roll back; after a
     * failed commit, call it again to roll back). */
    ws_status (*begin_exclusive)(ws_db *db);
    ws_status (*end_exclusive)(ws_db *db, int commit);
    /* A condition true for quote rows (alias q) whose text holds all the
     * words bound to its one parameter. */
    const char *quote_match;
    /* Rewrites the user's words into the parameter for quote_match;
     * returns a malloc'd string (NULL when there is no word at all). */
    char *(*match_words)(const char *words);
} ws_db_ops;

/* Opens the SQLite file at path; on failure returns NULL and puts a
 * sentence into err[0..errlen). */
ws_db *ws_sqlite_open(const char *path, int write, const ws_db_ops **ops,
                      char *err, size_t errlen);

/* Opens the PostgreSQL database at a libpq URL (postgresql://...); the
 * same contract as ws_sqlite_open. */
ws_db *ws_pg_open(const char *url, int write, const ws_db_ops **ops, char *err,
                  size_t errlen);

/* The URL with any password replaced by "***", for messages; at most
 * cap - 1 bytes. */
void ws_pg_redact(const char *url, char *out, size_t cap);

#endif
