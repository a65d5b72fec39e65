/* Parallel extraction in input order: the main thread reads documents and
 * hands copies to N - 1 worker threads through a bounded ring, working on
 * them itself when the ring is full; results are given back to the main
 * thread strictly in input order, so output and database content are the
 * same for every N. With N == 1 no thread is started. Progress on stderr is
 * drawn here too (documents, MB, rate, ETA when the inputs' total size is
 * known). */
#ifndef WS_CLI_POOL_H
#define WS_CLI_POOL_H

#include "cli.h"

#include <stdint.h>

typedef struct ws_job {
    /* the document (copies, owned by the job) */
    char *source, *url, *charset;
    char *format, *date, *outlet; /* what the container says, or NULL */
    const char *data; /* the bytes, data[len] == '\0': in buf, or with one
                         thread the input's own (valid until the next) */
    size_t len;
    char *buf;         /* the job's copy with threads, kept for the next */
    size_t cap;        /* buf's size */
    char *input_error; /* the input failed: its message; work is skipped */
    /* filled by the work function */
    ws_status status;
    ws_article *art;
    char *out;
    size_t out_len;
} ws_job;

/* Runs in a worker thread: must only touch the job and read-only ctx. */
typedef void (*ws_job_work)(ws_job *job, const void *ctx);
/* Runs in the main thread, in input order; non-zero stops the run. */
typedef int (*ws_job_emit)(ws_job *job, void *ctx);

typedef struct ws_pool_opts {
    unsigned threads;     /* 0 or 1: in the calling thread */
    bool progress;        /* draw progress on stderr */
    uint64_t total_bytes; /* inputs' size for the ETA, 0 when unknown */
} ws_pool_opts;

/* Sets xo's per-document fields (source, url, charset and the container's
 * hints) from the job; the format the container names wins over auto. */
void ws_job_extract_opts(const ws_job *j, ws_extract_opts *xo);

/* Reads every document of in, runs work on each and emit on each in order.
 * Returns the number of input errors seen, or -1 when emit stopped the
 * run. */
long ws_pool_run(ws_input *in, const ws_pool_opts *opts, ws_job_work work,
                 const void *work_ctx, ws_job_emit emit, void *emit_ctx);

/* The total size of the regular files under paths (directories walked),
 * or 0 when some input's size cannot be known (stdin, a pipe). */
uint64_t ws_pool_input_size(const char *const *paths, size_t n);

/* Parses "-j N" / "--jobs N" values: 1..256, or "0"/"auto" for the number
 * of online processors. */
bool ws_pool_parse_jobs(const char *v, unsigned *out);

#endif
