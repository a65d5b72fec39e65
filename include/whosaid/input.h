/* Input: turns the paths a user gives (files, directories, "-" for stdin)
 * into a stream of documents. Compression (gzip) is recognised by content,
 * directories are walked recursively in sorted order, and every document is
 * capped at max_bytes. Memory does not grow with the number of inputs. */
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
    const char *source; /* the path as given ("-" for stdin), or
                           path + ":" + record number for containers */
    const char *data;   /* decompressed bytes, data[len] == '\0' */
    size_t len;
    const char *url;     /* NULL when unknown */
    const char *charset; /* charset declared by the container, or NULL */
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
 * WS_ERR_NOENT-like errors for one input that could not be read (the
 * message, naming the file and byte offset, is in ws_input_errmsg) and the
 * caller may call again to go on with the next input; returns
 * WS_STATUS_COUNT at the end of all inputs. */
ws_status ws_input_next(ws_input *in, ws_document *doc);

/* The message of the last error, e.g. "a.html.gz: corrupt gzip stream at
 * byte 1234"; "" when none. */
const char *ws_input_errmsg(const ws_input *in);

/* Bytes of input files consumed so far (compressed bytes for gzip files):
 * with the inputs' total size, how far the run is. */
uint64_t ws_input_position(const ws_input *in);

/* Frees the reader; NULL is a no-op. */
void ws_input_free(ws_input *in);

#ifdef __cplusplus
}
#endif
#endif
