/* `whosaid ingest`: reads the same inputs as extract, stores each article
 * with its quotes in batches (each batch one transaction, reported once
 * committed), then regroups speakers, statements and stories over the
 * whole store. A killed run loses no committed batch; running it again
 * skips what is stored and finishes the rest. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct counts {
    size_t added, known, failed;
} counts;

static int commit_batch(ws_store *st, size_t in_batch, const counts *c,
                        bool verbose)
{
    if (ws_store_commit(st) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        return -1;
    }
    if (verbose && in_batch)
        fprintf(stderr, "whosaid: committed %zu documents (%zu new, %zu "
                        "already stored)\n", c->added + c->known, c->added,
                c->known);
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = NULL;
    bool verbose = false, quiet = false;
    size_t batch = 500;
    ws_extract_opts xo = {0};
    ws_input_opts io = {0};
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    bool only_paths = false;
    int rc = 0;

    for (int i = 0; i < argc && !rc; i++) {
        const char *a = argv[i], *v;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0)
            paths[n_paths++] = a;
        else if (strcmp(a, "--") == 0)
            only_paths = true;
        else if ((v = option_value(argc, argv, &i, "--db")))
            db = v;
        else if ((v = option_value(argc, argv, &i, "--batch"))) {
            if (!parse_size(v, &batch) || batch > 1000000)
                rc = usage_error("bad --batch", v, "documents per commit");
        } else if ((v = option_value(argc, argv, &i, "--as"))) {
            if (strcmp(v, "html") == 0)
                xo.format = WS_FORMAT_HTML;
            else if (strcmp(v, "text") == 0)
                xo.format = WS_FORMAT_TEXT;
            else if (strcmp(v, "auto") == 0)
                xo.format = WS_FORMAT_AUTO;
            else
                rc = usage_error("unknown --as", v, "html, text or auto");
        } else if ((v = option_value(argc, argv, &i, "--max-bytes"))) {
            if (!parse_size(v, &io.max_bytes))
                rc = usage_error("bad --max-bytes", v, "e.g. 64M");
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
            verbose = true;
        else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)
            quiet = true;
        else
            rc = usage_error("unknown option", a, NULL);
    }
    if (rc) {
        free(paths);
        return rc;
    }

    ws_store *st;
    if (ws_store_open(db, WS_STORE_WRITE, &st) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        ws_store_close(st);
        free(paths);
        return 1;
    }
    ws_input *in = ws_input_new(paths, n_paths, &io);
    counts c = {0};
    size_t in_batch = 0;
    bool db_failed = false;
    ws_document doc;
    const enum ws_format as = xo.format;
    if (ws_store_begin(st) != WS_OK)
        db_failed = true;
    while (!db_failed) {
        ws_status s = ws_input_next(in, &doc);
        if (s == WS_STATUS_COUNT)
            break;
        if (s != WS_OK) {
            fprintf(stderr, "whosaid: %s\n", ws_input_errmsg(in));
            c.failed++;
            continue;
        }
        ws_article *art;
        xo.source = doc.source;
        xo.url = doc.url;
        xo.charset_hint = doc.charset;
        xo.date_hint = doc.date;
        xo.outlet_hint = doc.outlet;
        xo.format = as != WS_FORMAT_AUTO || !doc.format ? as
                    : strcmp(doc.format, "text") == 0 ? WS_FORMAT_TEXT
                                                      : WS_FORMAT_HTML;
        s = ws_extract(doc.data, doc.len, &xo, &art);
        if (s != WS_OK) {
            fprintf(stderr, "whosaid: %s: %s\n", doc.source,
                    ws_status_str(s));
            c.failed++;
            continue;
        }
        int added;
        s = ws_store_add(st, art, doc.data, doc.len, &added);
        ws_article_free(art);
        if (s != WS_OK) {
            db_failed = true;
            break;
        }
        if (added)
            c.added++;
        else
            c.known++;
        if (++in_batch >= batch) {
            if (commit_batch(st, in_batch, &c, verbose) != 0 ||
                ws_store_begin(st) != WS_OK) {
                db_failed = true;
                break;
            }
            in_batch = 0;
        }
    }
    if (!db_failed && commit_batch(st, in_batch, &c, verbose) != 0)
        db_failed = true;
    const char *skipped = ws_input_summary(in);
    if (!quiet && skipped[0])
        fprintf(stderr, "whosaid: %s\n", skipped);
    ws_input_free(in);
    free(paths);

    ws_regroup_stats gs = {0};
    if (!db_failed && ws_store_regroup(st, &gs) != WS_OK)
        db_failed = true;
    if (db_failed) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        ws_store_close(st);
        return 1;
    }
    if (!quiet)
        fprintf(stderr,
                "whosaid: %zu new documents, %zu already stored, %zu "
                "failed; the store holds %zu articles, %zu quotes, %zu "
                "speakers, %zu statements, %zu stories\n",
                c.added, c.known, c.failed, gs.articles, gs.quotes,
                gs.speakers, gs.statements, gs.stories);
    ws_store_close(st);
    return c.failed ? 1 : 0;
}
