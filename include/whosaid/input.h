/* Input: turns the paths a user gives (files, directories, "-" for stdin)
 * into a stream of documents. Compression (gzip) and containers (WARC,
 * JSON Lines) are recognised by content, directories are walked
 * recursively in sorted order, and every document is capped at max_bytes.
 * Memory does not grow with the number of inputs or the size of a file. */
#ifndef WHOSAID_INPUT_H
#define WHOSAID_INPUT_H

#include "whosaid/status.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ws_input ws_input;

/* One document. All pointers stay valid until the next ws_input_next or
 * ws_input_free on the same handle. */
typedef struct ws_document {
    const char *source; /* the path as given ("-" for stdin); for a WARC
                           record path + ":" + its byte offset, for a JSON
                           line path + ":" + its line number */
    const char *data;   /* decompressed bytes, data[len] == '\0' */
    size_t len;
    const char *url;     /* NULL when unknown */
    const char *charset; /* charset declared by the container, or NULL */
    const char *format;  /* "html" or "text" when the container says
                            (a JSON line's "html" or "text"), else NULL */
    const char *date;    /* publication date the container gives (a JSON
                            line's "date"), NULL when none */
    const char *outlet;  /* outlet the container gives, NULL when none */
    const char *crawl_date; /* when the page was fetched (WARC-Date); not a
                               publication date. NULL when unknown */
} ws_document;

typedef struct ws_input_opts {
    size_t max_bytes; /* cap per document after decompression; 0 gives
                         WS_INPUT_DEFAULT_MAX_BYTES */
    /* Sharding: with shard_n > 1 only the files whose path hashes to
     * shard_k (0-based, < shard_n) are read; every file falls in exactly
     * one of the shard_n shards, decided by its path as given. */
    unsigned shard_k, shard_n;
} ws_input_opts;

#define WS_INPUT_DEFAULT_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* Creates a reader over paths[0..n) (copied). n == 0 reads stdin. Never
 * NULL. */
ws_input *ws_input_new(const char *const *paths, size_t n,
                       const ws_input_opts *opts);

/* Advances to the next document. Returns WS_OK and fills *doc; returns
 * WS_ERR_NOENT-like errors for one input (or one WARC record or JSON line)
 * that could not be read (the message, naming the file and byte offset or
 * line, is in ws_input_errmsg) and the caller may call again to go on with
 * the next record, line or input; returns WS_STATUS_COUNT at the end of
 * all inputs. */
ws_status ws_input_next(ws_input *in, ws_document *doc);

/* The message of the last error, e.g. "a.html.gz: corrupt gzip stream at
 * byte 1234"; "" when none. */
const char *ws_input_errmsg(const ws_input *in);

/* Bytes of input files consumed so far (compressed bytes for gzip files):
 * with the inputs' total size, how far the run is. */
uint64_t ws_input_position(const ws_input *in);

/* What the reader passed over without error, counted over all inputs so
 * far. Records that fail (too big, corrupt) are reported as errors by
 * ws_input_next, not counted here. */
typedef struct ws_input_stats {
    size_t documents;     /* documents returned with WS_OK */
    size_t warc_request;  /* WARC records skipped by type */
    size_t warc_metadata;
    size_t warc_warcinfo;
    size_t warc_revisit;
    size_t warc_other;    /* conversion, continuation, unknown types */
    size_t http_status;   /* responses with a status other than 2xx */
    size_t not_text;      /* payloads that are not HTML or text (images,
                             PDF, scripts) or in an unsupported
                             Content-Encoding */
    size_t blank_lines;   /* empty lines in JSON Lines files */
} ws_input_stats;

/* Fills *out with the counts so far. */
void ws_input_stats_get(const ws_input *in, ws_input_stats *out);

/* One line for a person: "skipped 3 WARC records (2 request, 1
 * metadata), 1 non-2xx response" or "" when nothing was skipped. Owned by
 * the reader, valid until the next call on it. */
const char *ws_input_summary(ws_input *in);

/* Frees the reader; NULL is a no-op. */
void ws_input_free(ws_input *in);

#ifdef __cplusplus
}
#endif
#endif
