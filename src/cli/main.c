/* The whosaid command line: a thin front end over the public API. Each
 * subcommand parses its options, streams documents from ws_input and prints
 * records; errors name the input and never stop the other inputs. */
#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: whosaid <command> [options] [args]\n"
    "\n"
    "commands:\n"
    "  extract [PATH|-]...   print the article record of each document\n"
    "  ingest [PATH|-]...    store articles, quotes, speakers, statements\n"
    "                        and stories in the database\n"
    "  quotes                statements, newest first, with their outlets\n"
    "  timeline NAME         a speaker's statements by date, by story\n"
    "  speakers              speakers with their aliases and titles\n"
    "  stories               articles grouped by event, newest first\n"
    "  export                every statement (jsonl, csv or quotebank)\n"
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
    "  --quiet               no summary of skipped WARC records or lines\n"
    "\n"
    "ingest options (and --as, --max-bytes as for extract):\n"
    "  --db PATH             the database (default ./whosaid.db)\n"
    "  --batch N             documents per committed transaction (500)\n"
    "  --verbose             report each committed batch on stderr\n"
    "  --quiet               no summary line\n"
    "\n"
    "query options (quotes, timeline, speakers, stories, export):\n"
    "  --db PATH             the database (default ./whosaid.db)\n"
    "  --format table|jsonl|csv   (export: jsonl|csv|quotebank)\n"
    "  --limit N             at most N rows\n"
    "  quotes: --speaker NAME (any alias)  --about WORDS  --since DATE\n"
    "          --until DATE  --outlet NAME  --kind direct|mixed|indirect\n"
    "  speakers: --prefix TEXT    stories: --since DATE --until DATE\n"
    "\n"
    "PATH may be a file (plain or gzip, HTML or text, a WARC archive or\n"
    "JSON Lines), a directory (read recursively in sorted order) or - for\n"
    "standard input (the default).\n"
    "Exit status: 0 when every input was read, 1 when some input failed,\n"
    "2 on a usage error.\n";

static int cmd_extract(int argc, char **argv)
{
    bool text_out = false, quiet = false;
    ws_extract_opts xo = {0};
    ws_input_opts io = {0};
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    bool only_paths = false;
    int rc = 0;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            paths[n_paths++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_paths = true;
        } else if ((v = option_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "text") == 0)
                text_out = true;
            else if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
                text_out = false;
            else
                rc = usage_error("unknown --format", v, "jsonl or text");
        } else if ((v = option_value(argc, argv, &i, "--as"))) {
            if (strcmp(v, "html") == 0)
                xo.format = WS_FORMAT_HTML;
            else if (strcmp(v, "text") == 0)
                xo.format = WS_FORMAT_TEXT;
            else if (strcmp(v, "auto") == 0)
                xo.format = WS_FORMAT_AUTO;
            else
                rc = usage_error("unknown --as", v, "html, text or auto");
        } else if (strcmp(a, "--no-quotes") == 0) {
            xo.no_quotes = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = true;
        } else if ((v = option_value(argc, argv, &i, "--max-bytes"))) {
            if (!parse_size(v, &io.max_bytes))
                rc = usage_error("bad --max-bytes", v, "e.g. 64M");
        } else {
            rc = usage_error("unknown option", a, NULL);
        }
        if (rc)
            break;
    }
    if (rc) {
        free(paths);
        return rc;
    }

    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    ws_input *in = ws_input_new(paths, n_paths, &io);
    ws_document doc;
    const enum ws_format as = xo.format;
    for (;;) {
        ws_status st = ws_input_next(in, &doc);
        if (st == WS_STATUS_COUNT)
            break;
        if (st != WS_OK) {
            fprintf(stderr, "whosaid: %s\n", ws_input_errmsg(in));
            rc = 1;
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
        st = ws_extract(doc.data, doc.len, &xo, &art);
        if (st != WS_OK) {
            fprintf(stderr, "whosaid: %s: %s\n", doc.source, ws_status_str(st));
            rc = 1;
            continue;
        }
        size_t len;
        char *s = text_out ? ws_article_to_text(art, &len)
                           : ws_article_to_json(art, &len);
        fwrite(s, 1, len, stdout);
        fputc('\n', stdout);
        free(s);
        ws_article_free(art);
    }
    const char *skipped = ws_input_summary(in);
    if (!quiet && skipped[0])
        fprintf(stderr, "whosaid: %s\n", skipped);
    ws_input_free(in);
    free(paths);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "whosaid: error writing output: %s\n", strerror(errno));
        rc = 1;
    }
    return rc;
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
        {"ingest", cmd_ingest},     {"quotes", cmd_quotes},
        {"timeline", cmd_timeline}, {"speakers", cmd_speakers},
        {"stories", cmd_stories},   {"export", cmd_export},
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
