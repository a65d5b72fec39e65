/* Command-line helpers shared by the subcommands: option values, sizes,
 * usage errors. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints "whosaid: WHAT 'ARG' (HINT)" and the help pointer; returns the
 * usage exit status. */
int usage_error(const char *what, const char *arg, const char *hint)
{
    fprintf(stderr, "whosaid: %s '%s'%s%s%s\nTry 'whosaid help'.\n", what,
            arg, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
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

