/* The store handle shared by the store's files (store.c, regroup.c,
 * query.c); internal to libwhosaid. */
#ifndef WS_STORE_IMPL_H
#define WS_STORE_IMPL_H

#include "whosaid/store.h"

#include "../core/core.h"
#include "../quote/quote.h"
#include "backend.h"

#include <stdlib.h>

enum { WS_STORE_QUOTE_ROWS = 8 };

struct ws_store {
    const ws_db_ops *ops;
    ws_db *db;
    char *path;
    int write;
    int in_tx;
    int savepoint; /* a document's savepoint is open (backend.h deadlocked) */
    /* ingest statements, prepared on first use; put_quotes[k] stores k + 1
     * quotes at once */
    ws_stmt *find, *put_article, *put_quotes[WS_STORE_QUOTE_ROWS];
    char err[1024];
};

void ws_store_fail(ws_store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Records the backend's message after `what`; returns WS_ERR_DB. */
ws_status ws_store_dberr(ws_store *st, const char *what);
/* Prepares sql or records the error and returns NULL. */
ws_stmt *ws_store_prepare(ws_store *st, const char *sql);
/* Fills day with the date's YYYY-MM-DD, or "" when it has none. */
void ws_store_day(const char *date, char day[11]);
/* A case-folded copy for alias lookups (malloc'd). */
char *ws_store_fold(const char *s);
/* A malloc'd copy of s, or NULL for NULL. */
char *ws_store_dup(const char *s);
/* Fills *q from the quote columns at col.. col+8 of the current row of s:
 * text, kind, speaker name, speaker kind, mention, cue, start, stop,
 * confidence (the order of the quote table). Strings are malloc'd; kind
 * and speaker kind point to static names. */
void ws_store_read_quote(ws_store *st, ws_stmt *s, int col, ws_quote *q);
/* (ws_quote_list_free of the quote stage frees what it copied.) */

#endif
