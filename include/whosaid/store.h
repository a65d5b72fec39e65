/* The store: where a collection lives. Articles and their quotes go in
 * (ws_store_add), the corpus groupings are computed over everything stored
 * (ws_store_regroup) and the queries read statements, speakers and stories
 * back as records. SQLite (a file path) is the default backend; every
 * backend sits behind the same functions. A handle is used by one thread. */
#ifndef WHOSAID_STORE_H
#define WHOSAID_STORE_H

#include "whosaid/article.h"
#include "whosaid/corpus.h"
#include "whosaid/status.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ws_store ws_store;

enum ws_store_mode {
    WS_STORE_READ = 0,  /* queries only; the database must exist */
    WS_STORE_WRITE = 1, /* ingest; creates and migrates the database */
};

/* Opens the store at `where` (a file path; "" or NULL: ./whosaid.db).
 * Always sets *out (free it with ws_store_close even on error, to read the
 * message with ws_store_errmsg). Errors: WS_ERR_IO (cannot open, not a
 * whosaid database, corrupt, or a newer schema), with the reason and the
 * path in the message. */
ws_status ws_store_open(const char *where, enum ws_store_mode mode,
                        ws_store **out);

/* The last error as a sentence naming the database; "" when none. */
const char *ws_store_errmsg(const ws_store *st);

/* Closes the handle (a transaction still open is rolled back). NULL is a
 * no-op. */
void ws_store_close(ws_store *st);

/* ---- ingest ---- */

/* Transactions: ws_store_add calls between begin and commit are durable
 * together once commit returns WS_OK (a killed process loses none of them). */
ws_status ws_store_begin(ws_store *st);
ws_status ws_store_commit(ws_store *st);

/* Stores article a (its quotes included) read from bytes[0..len). A
 * document already stored (the same bytes, or the same URL with the same
 * text) is not stored again: *added is set to 0 then, 1 otherwise. The
 * article's groupings are computed by the next ws_store_regroup. */
ws_status ws_store_add(ws_store *st, const ws_article *a, const char *bytes,
                       size_t len, int *added);

/* Copies every article of src (with its quotes) that dst does not hold
 * into dst, in one transaction; counts them in *added and the ones dst
 * had in *known. Groupings are not copied: run ws_store_regroup on dst
 * after the last merge. */
ws_status ws_store_merge(ws_store *dst, ws_store *src, size_t *added,
                         size_t *known);

typedef struct ws_regroup_stats {
    size_t articles, quotes, speakers, statements, stories;
    int current; /* the groupings were current: nothing was recomputed */
} ws_regroup_stats;

enum {
    /* Recompute even when no article was added since the last regrouping
     * (after an upgrade of whosaid's rules). */
    WS_REGROUP_FORCE = 1
};

/* Recomputes speakers, statements and stories over every stored article in
 * time order (date, then order of storage), in one transaction. The result
 * depends only on what is stored, never on the order of ingest runs. When
 * every article is grouped already it only counts, unless flags has
 * WS_REGROUP_FORCE. */
ws_status ws_store_regroup(ws_store *st, unsigned flags,
                           ws_regroup_stats *stats);

/* ---- queries ----
 * Each query calls `each` once per record; the record and its strings are
 * valid only during the call. A non-zero return from `each` stops the query
 * (the query then returns WS_OK). An absent name or word gives no record. */

typedef struct ws_report_rec {
    int64_t article;
    const char *source, *url, *outlet, *date, *kind, *text;
} ws_report_rec;

typedef struct ws_statement_rec {
    int64_t id;
    const char *speaker; /* NULL when unresolved */
    const char *const *aliases;
    size_t n_aliases;
    const char *text;           /* the fullest report's wording */
    const char *date;           /* of the first report */
    const char *const *outlets; /* distinct, in order of first report */
    size_t n_outlets;
    const ws_report_rec *reports; /* in order of date */
    size_t n_reports;
    int64_t story; /* the story of its first report, 0 when none */
    const char *story_title;
} ws_statement_rec;

typedef struct ws_statement_query {
    const char *speaker;       /* any alias of the speaker, any letter case */
    const char *about;         /* words, all present in some report */
    const char *since, *until; /* YYYY-MM-DD bounds on the date, inclusive */
    const char *outlet;        /* some report in this outlet */
    const char *kind;          /* some report of this kind */
    int64_t id;                /* > 0: only this statement */
    int64_t story;             /* > 0: only statements first reported in it */
    int oldest_first;          /* default newest first */
    size_t limit;              /* 0: no limit */
    int64_t before_id;         /* > 0: paging cursor (statements listed after
                                  the one with this id in the order used) */
} ws_statement_query;

typedef int (*ws_statement_fn)(const ws_statement_rec *r, void *ud);
ws_status ws_store_statements(ws_store *st, const ws_statement_query *q,
                              ws_statement_fn each, void *ud);

typedef struct ws_speaker_rec {
    int64_t id;
    const char *name, *kind;
    const char *const *aliases;
    size_t n_aliases;
    const ws_speaker_title *titles;
    size_t n_titles;
    size_t statements;
} ws_speaker_rec;

typedef struct ws_speaker_query {
    const char *prefix; /* aliases starting with this, any case; NULL: all */
    int64_t id;         /* > 0: only this speaker */
    int all;            /* also those named in articles but never quoted */
    size_t limit;
} ws_speaker_query;

typedef int (*ws_speaker_fn)(const ws_speaker_rec *r, void *ud);
/* Speakers with most statements first. */
ws_status ws_store_speakers(ws_store *st, const ws_speaker_query *q,
                            ws_speaker_fn each, void *ud);

typedef struct ws_story_article {
    int64_t id;
    const char *source, *url, *outlet, *title, *date;
} ws_story_article;

typedef struct ws_story_rec {
    int64_t id;
    const char *title, *date;         /* of its first article */
    const ws_story_article *articles; /* in time order */
    size_t n_articles;
} ws_story_rec;

typedef struct ws_story_query {
    int64_t id; /* > 0: only this story */
    const char *since, *until;
    size_t limit;
} ws_story_query;

typedef int (*ws_story_fn)(const ws_story_rec *r, void *ud);
/* Stories newest first. */
ws_status ws_store_stories(ws_store *st, const ws_story_query *q,
                           ws_story_fn each, void *ud);

/* Reads one stored article back as a record (quotes with their canonical
 * speakers); *out is NULL and WS_ERR_NOENT returned when there is none. */
ws_status ws_store_article(ws_store *st, int64_t id, ws_article **out);

/* JSON for the records (one object, no newline; malloc'd, caller frees),
 * in the shapes `whosaid` prints and the HTTP API serves. */
char *ws_statement_to_json(const ws_statement_rec *r);
char *ws_speaker_to_json(const ws_speaker_rec *r);
char *ws_story_to_json(const ws_story_rec *r);
/* The statement as a Quotebank quotation-centric record. */
char *ws_statement_to_quotebank(const ws_statement_rec *r);

#ifdef __cplusplus
}
#endif
#endif
