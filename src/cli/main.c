/* The whosaid command line: a thin front end over the public API. Each
 * subcommand parses its options, streams documents from ws_input and prints
 * records; errors name the input and never stop the other inputs. */
#include "whosaid/whosaid.h"

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
    "\n"
    "PATH may be a file (plain or gzip, HTML or text), a directory (read\n"
    "recursively in sorted order) or - for standard input (the default).\n"
    "Exit status: 0 when every input was read, 1 when some input failed,\n"
    "2 on a usage error.\n";

/* Prints "whosaid: WHAT 'ARG' (HINT)" and the help pointer; returns the
 * usage exit status. */
static int usage_error(const char *what, const char *arg, const char *hint)
{
    fprintf(stderr, "whosaid: %s '%s'%s%s%s\nTry 'whosaid help'.\n", what,
            arg, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
    return 2;
}

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    unsigned long long mul = 1;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': mul = 1ULL << 10; end++; break;
    case 'm': case 'M': mul = 1ULL << 20; end++; break;
    case 'g': case 'G': mul = 1ULL << 30; end++; break;
    default: return false;
    }
    if (*end || v == 0 || v > (1ULL << 40) / mul)
        return false;
    *out = (size_t)(v * mul);
    return true;
}

/* Takes the value of "--name VALUE" or "--name=VALUE" at argv[*i]. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int cmd_extract(int argc, char **argv)
{
    bool text_out = false;
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
