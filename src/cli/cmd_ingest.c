/* `whosaid ingest`: reads the same inputs as extract, stores each article
 * with its quotes in batches (each batch one transaction, reported once
 * committed), then regroups speakers, statements and stories over the
 * whole store (unless --no-regroup; `whosaid regroup` does it later). A
 * killed run loses no committed batch; running it again skips what is
 * stored and finishes the rest. */
#include "cli.h"
#include "pool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ingest {
    ws_store *st;
    size_t batch, in_batch;
    size_t added, known, failed;
    bool verbose, db_failed, no_regroup;
} ingest;

static int commit_batch(ingest *g)
{
    if (ws_store_commit(g->st) != WS_OK) {
        g->db_failed = true;
        return -1;
    }
    if (g->verbose && g->in_batch)
        fprintf(stderr,
                "whosaid: committed %zu documents (%zu new, %zu "
                "already stored)\n",
                g->added + g->known, g->added, g->known);
    g->in_batch = 0;
    return 0;
}

/* In a worker: the record. */
static void ingest_work(ws_job *j, const void *ctx)
{
    ws_extract_opts xo = *(const ws_extract_opts *)ctx;
    ws_job_extract_opts(j, &xo);
    j->status = ws_extract(j->data, j->len, &xo, &j->art);
}

/* In the main thread, in input order: so the database is the same for
 * any number of workers. */
static int ingest_emit(ws_job *j, void *ctx)
{
    ingest *g = ctx;
    if (j->input_error) {
        fprintf(stderr, "whosaid: %s\n", j->input_error);
        g->failed++;
        return 0;
    }
    if (j->status != WS_OK) {
        fprintf(stderr, "whosaid: %s: %s\n", j->source,
                ws_status_str(j->status));
        g->failed++;
        return 0;
    }
    int added;
    if (ws_store_add(g->st, j->art, j->data, j->len, &added) != WS_OK) {
        g->db_failed = true;
        return 1;
    }
    if (added)
        g->added++;
    else
        g->known++;
    if (++g->in_batch >= g->batch &&
        (commit_batch(g) != 0 || ws_store_begin(g->st) != WS_OK)) {
        g->db_failed = true;
        return 1;
    }
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = NULL;
    ingest g = {.batch = 500};
    run_opts r = {.jobs = 1};
    r.paths = calloc((size_t)argc + 1, sizeof *r.paths);
    int rc = 0;

    for (int i = 0; i < argc && !rc; i++) {
        const char *a = argv[i], *v;
        bool taken;
        rc = run_option(argc, argv, &i, &r, &taken);
        if (rc || taken)
            continue;
        if ((v = option_value(argc, argv, &i, "--db")))
            db = v;
        else if ((v = option_value(argc, argv, &i, "--batch"))) {
            if (!parse_size(v, &g.batch) || g.batch > 1000000)
                rc = usage_error("bad --batch", v, "documents per commit");
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
            g.verbose = true;
        else if (strcmp(a, "--no-regroup") == 0)
            g.no_regroup = true;
        else
            rc = usage_error("unknown option", a, NULL);
    }
    if (rc) {
        free(r.paths);
        return rc;
    }

    if (ws_store_open(db, WS_STORE_WRITE, &g.st) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(g.st));
        ws_store_close(g.st);
        free(r.paths);
        return 1;
    }
    ws_input *in = ws_input_new(r.paths, r.n_paths, &r.io);
    ws_pool_opts po = {.threads = r.jobs,
                       .progress = !r.quiet && isatty(STDERR_FILENO)};
    if (po.progress)
        po.total_bytes = ws_pool_input_size(r.paths, r.n_paths);
    if (ws_store_begin(g.st) != WS_OK)
        g.db_failed = true;
    else
        ws_pool_run(in, &po, ingest_work, &r.xo, ingest_emit, &g);
    if (!g.db_failed)
        commit_batch(&g);
    const char *skipped = ws_input_summary(in);
    if (!r.quiet && skipped[0])
        fprintf(stderr, "whosaid: %s\n", skipped);
    ws_input_free(in);
    free(r.paths);

    ws_regroup_stats gs = {0};
    if (!g.db_failed && !g.no_regroup &&
        ws_store_regroup(g.st, 0, &gs) != WS_OK)
        g.db_failed = true;
    if (g.db_failed) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(g.st));
        ws_store_close(g.st);
        return 1;
    }
    if (!r.quiet && g.no_regroup)
        fprintf(stderr,
                "whosaid: %zu new documents, %zu already stored, %zu "
                "failed; not regrouped\n",
                g.added, g.known, g.failed);
    else if (!r.quiet)
        fprintf(stderr,
                "whosaid: %zu new documents, %zu already stored, %zu "
                "failed; the store holds %zu articles, %zu quotes, %zu "
                "speakers, %zu statements, %zu stories\n",
                g.added, g.known, g.failed, gs.articles, gs.quotes, gs.speakers,
                gs.statements, gs.stories);
    ws_store_close(g.st);
    return g.failed ? 1 : 0;
}

/* `whosaid merge OUT IN...`: folds shard stores into one and regroups
 * over everything, so the answers are those of one run over all inputs. */
int cmd_merge(int argc, char **argv)
{
    bool quiet = false;
    const char **dbs = calloc((size_t)argc + 1, sizeof *dbs);
    size_t n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0)
            quiet = true;
        else if (argv[i][0] == '-' && argv[i][1]) {
            free(dbs);
            return usage_error("unknown option", argv[i], NULL);
        } else
            dbs[n++] = argv[i];
    }
    if (n < 2) {
        free(dbs);
        return usage_error("missing", "IN", "whosaid merge OUT.db IN.db...");
    }
    ws_store *out;
    if (ws_store_open(dbs[0], WS_STORE_WRITE, &out) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(out));
        ws_store_close(out);
        free(dbs);
        return 1;
    }
    int rc = 0;
    size_t added = 0, known = 0;
    for (size_t i = 1; i < n && !rc; i++) {
        ws_store *in;
        size_t a, k;
        if (ws_store_open(dbs[i], WS_STORE_READ, &in) != WS_OK) {
            fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(in));
            rc = 1;
        } else if (ws_store_merge(out, in, &a, &k) != WS_OK) {
            fprintf(stderr, "whosaid: merging '%s': %s\n", dbs[i],
                    ws_store_errmsg(out));
            rc = 1;
        } else {
            added += a;
            known += k;
        }
        ws_store_close(in);
    }
    ws_regroup_stats gs = {0};
    if (!rc && ws_store_regroup(out, 0, &gs) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(out));
        rc = 1;
    }
    if (!rc && !quiet)
        fprintf(stderr,
                "whosaid: merged %zu stores: %zu new documents, %zu already "
                "stored; the store holds %zu articles, %zu quotes, %zu "
                "speakers, %zu statements, %zu stories\n",
                n - 1, added, known, gs.articles, gs.quotes, gs.speakers,
                gs.statements, gs.stories);
    ws_store_close(out);
    free(dbs);
    return rc;
}

/* `whosaid regroup`: recomputes speakers, statements and stories when
 * articles were stored without (ingest --no-regroup, a killed run), or
 * with --force always (after an upgrade of whosaid). */
int cmd_regroup(int argc, char **argv)
{
    const char *db = NULL, *v;
    bool quiet = false;
    unsigned flags = 0;
    for (int i = 0; i < argc; i++) {
        if ((v = option_value(argc, argv, &i, "--db")))
            db = v;
        else if (strcmp(argv[i], "--force") == 0)
            flags |= WS_REGROUP_FORCE;
        else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0)
            quiet = true;
        else
            return usage_error(argv[i][0] == '-' ? "unknown option"
                                                 : "unexpected argument",
                               argv[i], NULL);
    }
    /* Opened for reading first: a missing store is an error here, never
     * created empty. */
    ws_store *st;
    ws_regroup_stats gs = {0};
    int rc = 0;
    ws_status s = ws_store_open(db, WS_STORE_READ, &st);
    if (s == WS_OK) {
        ws_store_close(st);
        s = ws_store_open(db, WS_STORE_WRITE, &st);
    }
    if (s != WS_OK || ws_store_regroup(st, flags, &gs) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        rc = 1;
    } else if (!quiet) {
        fprintf(stderr,
                "whosaid: %s; the store holds %zu articles, %zu quotes, %zu "
                "speakers, %zu statements, %zu stories\n",
                gs.current ? "the groupings were current" : "regrouped",
                gs.articles, gs.quotes, gs.speakers, gs.statements, gs.stories);
    }
    ws_store_close(st);
    return rc;
}
