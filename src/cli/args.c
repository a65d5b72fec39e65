/* Command-line helpers shared by the subcommands: option values, sizes,
 * usage errors. */
#include "cli.h"
#include "pool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints "whosaid: WHAT 'ARG' (HINT)" and the help pointer; returns the
 * usage exit status. */
int usage_error(const char *what, const char *arg, const char *hint)
{
    fprintf(stderr, "whosaid: %s '%s'%s%s%s\nTry 'whosaid help'.\n", what, arg,
            hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
    return 2;
}

bool parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    unsigned long long mul = 1;
    switch (*end) {
    case '\0':
        break;
    case 'k':
    case 'K':
        mul = 1ULL << 10;
        end++;
        break;
    case 'm':
    case 'M':
        mul = 1ULL << 20;
        end++;
        break;
    case 'g':
    case 'G':
        mul = 1ULL << 30;
        end++;
        break;
    default:
        return false;
    }
    if (*end || v == 0 || v > (1ULL << 40) / mul)
        return false;
    *out = (size_t)(v * mul);
    return true;
}

/* Takes the value of "--name VALUE" or "--name=VALUE" at argv[*i]. */
const char *option_value(int argc, char **argv, int *i, const char *name)
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

int run_option(int argc, char **argv, int *i, run_opts *r, bool *taken)
{
    const char *a = argv[*i], *v;
    *taken = true;
    if (r->only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
        r->paths[r->n_paths++] = a;
    } else if (strcmp(a, "--") == 0) {
        r->only_paths = true;
    } else if ((v = option_value(argc, argv, i, "--as"))) {
        if (strcmp(v, "html") == 0)
            r->xo.format = WS_FORMAT_HTML;
        else if (strcmp(v, "text") == 0)
            r->xo.format = WS_FORMAT_TEXT;
        else if (strcmp(v, "auto") == 0)
            r->xo.format = WS_FORMAT_AUTO;
        else
            return usage_error("unknown --as", v, "html, text or auto");
    } else if ((v = option_value(argc, argv, i, "--max-bytes"))) {
        if (!parse_size(v, &r->io.max_bytes))
            return usage_error("bad --max-bytes", v, "e.g. 64M");
    } else if ((v = option_value(argc, argv, i, "--jobs")) ||
               (v = option_value(argc, argv, i, "-j"))) {
        if (!ws_pool_parse_jobs(v, &r->jobs))
            return usage_error("bad --jobs", v, "1 to 256, or auto");
    } else if (strncmp(a, "-j", 2) == 0 && a[2]) {
        if (!ws_pool_parse_jobs(a + 2, &r->jobs))
            return usage_error("bad --jobs", a + 2, "1 to 256, or auto");
    } else if ((v = option_value(argc, argv, i, "--shard"))) {
        unsigned k, n;
        char tail;
        if (sscanf(v, "%u/%u%c", &k, &n, &tail) != 2 || n < 1 || k < 1 ||
            k > n || n > 1000000)
            return usage_error("bad --shard", v, "K/N with 1 <= K <= N");
        r->io.shard_k = k - 1;
        r->io.shard_n = n;
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
        r->quiet = true;
    } else {
        *taken = false;
    }
    return 0;
}
