/* The in-order worker pool of `extract -j N` and `ingest -j N` (see
 * pool.h). N - 1 worker threads and the main thread share the work: the
 * main thread reads documents into a ring of 8 slots per thread, emits
 * results from its tail in order, and takes jobs itself when the ring is
 * full, so N threads run on N cores and none is woken per document. One
 * mutex and two condition variables (work ready, oldest job done) guard
 * the ring; its size keeps every thread busy past one large page and
 * bounds the documents held in memory. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "pool.h"

#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum slot_state { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* a job is ready, or the run is over */
    pthread_cond_t done_cv; /* a job is done */
    ws_job *jobs;
    enum slot_state *state;
    size_t n_slots;
    size_t head;     /* next slot the reader fills */
    size_t claim;    /* next slot a worker takes */
    size_t tail;     /* next slot to emit */
    unsigned idle;   /* workers waiting for work */
    bool main_waits; /* the main thread waits for the slot at tail */
    bool finished;
    ws_job_work work;
    const void *ctx;
} pool;

static char *copy_str(const char *s)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

/* A slot keeps its copy buffer up to this size for the next document, so
 * that steady work touches the same pages instead of fresh ones. */
#define KEEP_BUFFER (1u << 20)

static void job_clear(ws_job *j)
{
    char *keep = NULL;
    size_t cap = 0;
    if (j->cap <= KEEP_BUFFER) {
        keep = j->buf;
        cap = j->cap;
        j->buf = NULL;
    }
    free(j->source);
    free(j->url);
    free(j->charset);
    free(j->format);
    free(j->date);
    free(j->outlet);
    free(j->buf);
    free(j->input_error);
    ws_article_free(j->art);
    free(j->out);
    memset(j, 0, sizeof *j);
    j->buf = keep;
    j->cap = cap;
}

void ws_job_extract_opts(const ws_job *j, ws_extract_opts *xo)
{
    xo->source = j->source;
    xo->url = j->url;
    xo->charset_hint = j->charset;
    xo->date_hint = j->date;
    xo->outlet_hint = j->outlet;
    if (xo->format == WS_FORMAT_AUTO && j->format)
        xo->format =
            strcmp(j->format, "text") == 0 ? WS_FORMAT_TEXT : WS_FORMAT_HTML;
}

static void run_one(ws_job *j, ws_job_work work, const void *ctx)
{
    if (!j->input_error)
        work(j, ctx);
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->claim == p->head && !p->finished) {
            p->idle++;
            pthread_cond_wait(&p->work_cv, &p->mu);
            p->idle--;
        }
        if (p->claim == p->head)
            break;
        size_t i = p->claim++ % p->n_slots;
        p->state[i] = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        run_one(&p->jobs[i], p->work, p->ctx);
        pthread_mutex_lock(&p->mu);
        p->state[i] = SLOT_DONE;
        if (p->main_waits && i == p->tail % p->n_slots)
            pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- progress ---- */

typedef struct progress {
    bool on;
    uint64_t total;
    double start, last;
    size_t docs;
    uint64_t bytes;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_draw(progress *pr, ws_input *in, bool final)
{
    double t = now();
    if (!pr->on || (!final && t - pr->last < 0.25))
        return;
    pr->last = t;
    double el = t - pr->start > 1e-6 ? t - pr->start : 1e-6;
    char eta[48] = "";
    uint64_t pos = ws_input_position(in);
    if (pr->total && pos > 0 && !final) {
        double left =
            (double)(pr->total > pos ? pr->total - pos : 0) * el / (double)pos;
        snprintf(eta, sizeof eta, "  %3.0f%%  ETA %d:%02d",
                 100.0 * (double)pos / (double)pr->total, (int)left / 60,
                 (int)left % 60);
    }
    fprintf(stderr, "\r\033[K%zu documents  %.1f MB  %.0f docs/s  %.1f MB/s%s",
            pr->docs, (double)pr->bytes / 1e6, (double)pr->docs / el,
            (double)pr->bytes / 1e6 / el, eta);
    if (final)
        fputc('\n', stderr);
}

/* ---- the run ---- */

/* j is clear, maybe with a buffer kept from its last document. With copy
 * the bytes are copied into the job's buffer (threads); else the job
 * borrows the input's, which stay valid until the next document. */
static void fill(ws_job *j, ws_status st, const ws_document *doc, ws_input *in,
                 bool copy)
{
    if (st != WS_OK) {
        j->input_error = copy_str(ws_input_errmsg(in));
        return;
    }
    j->source = copy_str(doc->source);
    j->url = copy_str(doc->url);
    j->charset = copy_str(doc->charset);
    j->format = copy_str(doc->format);
    j->date = copy_str(doc->date);
    j->outlet = copy_str(doc->outlet);
    j->len = doc->len;
    if (!copy) {
        j->data = doc->data;
        return;
    }
    if (doc->len + 1 > j->cap) {
        free(j->buf);
        j->cap = doc->len + 1;
        j->buf = malloc(j->cap);
        if (!j->buf)
            abort();
    }
    memcpy(j->buf, doc->data, doc->len);
    j->buf[doc->len] = '\0';
    j->data = j->buf;
}

long ws_pool_run(ws_input *in, const ws_pool_opts *opts, ws_job_work work,
                 const void *work_ctx, ws_job_emit emit, void *emit_ctx)
{
    unsigned threads = opts->threads > 1 ? opts->threads : 0;
    progress pr = {.on = opts->progress, .total = opts->total_bytes};
    pr.start = pr.last = now();
    long errors = 0;
    bool stopped = false;
    ws_document doc;

    if (!threads) {
        ws_job j = {0};
        for (;;) {
            ws_status st = ws_input_next(in, &doc);
            if (st == WS_STATUS_COUNT)
                break;
            fill(&j, st, &doc, in, false);
            errors += j.input_error != NULL;
            pr.docs += !j.input_error;
            pr.bytes += j.len;
            run_one(&j, work, work_ctx);
            int stop = emit(&j, emit_ctx);
            job_clear(&j);
            progress_draw(&pr, in, false);
            if (stop) {
                stopped = true;
                break;
            }
        }
        progress_draw(&pr, in, true);
        free(j.buf);
        return stopped ? -1 : errors;
    }

    /* The main thread reads, emits, and works too when the ring is full:
     * N threads in all, so none waits for a core. */
    unsigned workers = threads - 1;
    pool p = {.work = work, .ctx = work_ctx};
    p.n_slots = (size_t)threads * 8;
    p.jobs = calloc(p.n_slots, sizeof *p.jobs);
    p.state = calloc(p.n_slots, sizeof *p.state);
    pthread_t *tid = calloc(workers, sizeof *tid);
    if (!p.jobs || !p.state || !tid)
        abort();
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    unsigned started = 0;
    for (; started < workers; started++)
        if (pthread_create(&tid[started], NULL, worker, &p) != 0)
            break;
    bool input_done = false;
    pthread_mutex_lock(&p.mu);
    for (;;) {
        size_t t = p.tail % p.n_slots;
        if (p.tail < p.head && p.state[t] == SLOT_DONE) {
            /* Emit the oldest result. */
            pthread_mutex_unlock(&p.mu);
            int stop = stopped ? 0 : emit(&p.jobs[t], emit_ctx);
            job_clear(&p.jobs[t]);
            if (stop)
                stopped = input_done = true;
            pthread_mutex_lock(&p.mu);
            p.state[t] = SLOT_FREE;
            p.tail++;
        } else if (!input_done && p.head - p.tail < p.n_slots) {
            /* Read the next document into a free slot. */
            pthread_mutex_unlock(&p.mu);
            ws_status st = ws_input_next(in, &doc);
            size_t i = p.head % p.n_slots;
            if (st == WS_STATUS_COUNT) {
                input_done = true;
                pthread_mutex_lock(&p.mu);
                continue;
            }
            fill(&p.jobs[i], st, &doc, in, true);
            errors += p.jobs[i].input_error != NULL;
            pr.docs += !p.jobs[i].input_error;
            pr.bytes += p.jobs[i].len;
            progress_draw(&pr, in, false);
            pthread_mutex_lock(&p.mu);
            p.state[i] = SLOT_READY;
            p.head++;
            if (p.idle)
                pthread_cond_signal(&p.work_cv);
        } else if (p.claim < p.head) {
            /* Nothing to read or emit: work on the next job. */
            size_t i = p.claim++ % p.n_slots;
            p.state[i] = SLOT_BUSY;
            pthread_mutex_unlock(&p.mu);
            if (!stopped)
                run_one(&p.jobs[i], work, work_ctx);
            pthread_mutex_lock(&p.mu);
            p.state[i] = SLOT_DONE;
        } else if (p.tail < p.head) {
            /* The oldest job is in a worker's hands. */
            p.main_waits = true;
            pthread_cond_wait(&p.done_cv, &p.mu);
            p.main_waits = false;
        } else {
            break; /* input over, all emitted */
        }
    }
    p.finished = true;
    pthread_cond_broadcast(&p.work_cv);
    pthread_mutex_unlock(&p.mu);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    progress_draw(&pr, in, true);
    pthread_cond_destroy(&p.work_cv);
    pthread_cond_destroy(&p.done_cv);
    pthread_mutex_destroy(&p.mu);
    free(tid);
    for (size_t i = 0; i < p.n_slots; i++)
        free(p.jobs[i].buf);
    free(p.jobs);
    free(p.state);
    return stopped ? -1 : errors;
}

static uint64_t walked_total;

static int add_size(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
    (void)path;
    (void)ftw;
    if (flag == FTW_F && S_ISREG(st->st_mode))
        walked_total += (uint64_t)st->st_size;
    return 0;
}

uint64_t ws_pool_input_size(const char *const *paths, size_t n)
{
    uint64_t total = 0;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0)
            return 0;
        if (S_ISREG(st.st_mode)) {
            total += (uint64_t)st.st_size;
        } else if (S_ISDIR(st.st_mode)) {
            /* The main thread alone calls this, before any worker. */
            walked_total = 0;
            if (nftw(paths[i], add_size, 32, FTW_PHYS) != 0)
                return 0;
            total += walked_total;
        } else {
            return 0;
        }
    }
    return total;
}

bool ws_pool_parse_jobs(const char *v, unsigned *out)
{
    if (strcmp(v, "auto") == 0 || strcmp(v, "0") == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        *out = n > 0 ? (unsigned)(n > 256 ? 256 : n) : 1;
        return true;
    }
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < 1 || n > 256)
        return false;
    *out = (unsigned)n;
    return true;
}
