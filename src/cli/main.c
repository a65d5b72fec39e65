/* The whosaid command line: a thin front end over the public API. Each
 * subcommand parses its options, streams documents from ws_input and prints
 * records; errors name the input and never stop the other inputs. */
#include "../http/http.h"
#include "cli.h"
#include "pool.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: whosaid <command> [options] [args]\n"
    "\n"
    "commands:\n"
    "  extract [PATH|-]...   print the article record of each document\n"
    "  ingest [PATH|-]...    store articles, quotes, speakers, statements\n"
    "                        and stories in the database\n"
    "  merge OUT IN...       fold shard databases into OUT and regroup\n"
    "  regroup               recompute speakers, statements and stories\n"
    "                        (after ingest --no-regroup; --force: always)\n"
    "  quotes                statements, newest first, with their outlets\n"
    "  timeline NAME         a speaker's statements by date, by story\n"
    "  speakers              speakers with their aliases and titles\n"
    "  stories               articles grouped by event, newest first\n"
    "  export                every statement (jsonl, csv or quotebank)\n"
    "  serve                 HTTP JSON API and web page over the database\n"
    "  help                  show this help\n"
    "  version               print the version\n"
    "\n"
    "extract options:\n"
    "  --format jsonl|text   output format (default jsonl: one JSON object\n"
    "                        per line)\n"
    "  --as html|text|auto   treat every input as HTML or scraped text\n"
    "                        (default: recognised by content)\n"
    "  --max-bytes N[K|M|G]  skip documents larger than N bytes after\n"
    "                        decompression (default 64M)\n"
    "  --no-quotes           skip the quote stage (quotes stay [])\n"
    "  -j, --jobs N          N threads (or auto); output order is the same\n"
    "  --shard K/N           read only the K-th of N shares of the files\n"
    "  --quiet               no progress, no summary of skipped records\n"
    "\n"
    "ingest options (and --as, --max-bytes as for extract):\n"
    "  --db PATH             the database (default ./whosaid.db)\n"
    "  --batch N             documents per committed transaction (500)\n"
    "  --verbose             report each committed batch on stderr\n"
    "  --no-regroup          store only; run `whosaid regroup` at the end\n"
    "  --quiet               no summary line\n"
    "\n"
    "query options (quotes, timeline, speakers, stories, export):\n"
    "  --db PATH             the database (default ./whosaid.db)\n"
    "  --format table|jsonl|csv   (export: jsonl|csv|quotebank)\n"
    "  --limit N             at most N rows\n"
    "  quotes: --speaker NAME (any alias)  --about WORDS  --since DATE\n"
    "          --until DATE  --outlet NAME  --kind direct|mixed|indirect\n"
    "  speakers: --prefix TEXT, --all (also those never quoted)\n"
    "  stories: --since DATE --until DATE\n"
    "\n"
    "serve options:\n"
    "  --db PATH             the database, opened read-only\n"
    "  --listen ADDR:PORT    where to listen (default 127.0.0.1:8080)\n"
    "  --static DIR          the web page's folder (default: the installed\n"
    "                        one)\n"
    "  --rate N              requests per second per client (20; 0: off)\n"
    "  --threads N           server threads (default: the cores)\n"
    "  --quiet               no request log on stderr\n"
    "\n"
    "PATH may be a file (plain or gzip, HTML or text, a WARC archive or\n"
    "JSON Lines), a directory (read recursively in sorted order) or - for\n"
    "standard input (the default).\n"
    "Exit status: 0 when every input was read, 1 when some input failed,\n"
    "2 on a usage error.\n";

typedef struct extract_ctx {
    ws_extract_opts xo;
    bool text_out;
} extract_ctx;

/* In a worker: the record and its serialisation. */
static void extract_work(ws_job *j, const void *ctx)
{
    const extract_ctx *c = ctx;
    ws_extract_opts xo = c->xo;
    ws_job_extract_opts(j, &xo);
    j->status = ws_extract(j->data, j->len, &xo, &j->art);
    if (j->status == WS_OK)
        j->out = c->text_out ? ws_article_to_text(j->art, &j->out_len)
                             : ws_article_to_json(j->art, &j->out_len);
}

/* In the main thread, in input order. */
static int extract_emit(ws_job *j, void *ctx)
{
    int *failed = ctx;
    if (j->input_error) {
        fprintf(stderr, "whosaid: %s\n", j->input_error);
        *failed = 1;
    } else if (j->status != WS_OK) {
        fprintf(stderr, "whosaid: %s: %s\n", j->source,
                ws_status_str(j->status));
        *failed = 1;
    } else {
        fwrite(j->out, 1, j->out_len, stdout);
        fputc('\n', stdout);
    }
    return 0;
}

static int cmd_extract(int argc, char **argv)
{
    extract_ctx c = {0};
    run_opts r = {.jobs = 1};
    r.paths = calloc((size_t)argc + 1, sizeof *r.paths);
    int rc = 0;

    for (int i = 0; i < argc && !rc; i++) {
        const char *v;
        bool taken;
        rc = run_option(argc, argv, &i, &r, &taken);
        if (rc || taken)
            continue;
        if ((v = option_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "text") == 0)
                c.text_out = true;
            else if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
                c.text_out = false;
            else
                rc = usage_error("unknown --format", v, "jsonl or text");
        } else if (strcmp(argv[i], "--no-quotes") == 0) {
            c.xo.no_quotes = 1;
        } else {
            rc = usage_error("unknown option", argv[i], NULL);
        }
    }
    if (rc) {
        free(r.paths);
        return rc;
    }
    c.xo.format = r.xo.format;

    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    ws_input *in = ws_input_new(r.paths, r.n_paths, &r.io);
    ws_pool_opts po = {.threads = r.jobs,
                       .progress = !r.quiet && isatty(STDERR_FILENO)};
    if (po.progress)
        po.total_bytes = ws_pool_input_size(r.paths, r.n_paths);
    int failed = 0;
    ws_pool_run(in, &po, extract_work, &c, extract_emit, &failed);
    const char *skipped = ws_input_summary(in);
    if (!r.quiet && skipped[0])
        fprintf(stderr, "whosaid: %s\n", skipped);
    ws_input_free(in);
    free(r.paths);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "whosaid: error writing output: %s\n", strerror(errno));
        failed = 1;
    }
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 2, argv + 2);
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } corpus_cmds[] = {
        {"ingest", cmd_ingest},     {"merge", cmd_merge},
        {"regroup", cmd_regroup},   {"quotes", cmd_quotes},
        {"timeline", cmd_timeline}, {"speakers", cmd_speakers},
        {"stories", cmd_stories},   {"export", cmd_export},
        {"serve", cmd_serve},
    };
    for (size_t i = 0; i < sizeof corpus_cmds / sizeof *corpus_cmds; i++)
        if (strcmp(cmd, corpus_cmds[i].name) == 0)
            return corpus_cmds[i].run(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("whosaid %s\n", WHOSAID_VERSION);
        return 0;
    }
    return usage_error("unknown command", cmd, NULL);
}
