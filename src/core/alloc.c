/* The one allocation wrapper: libwhosaid treats out-of-memory as fatal, so
 * no caller has to handle a NULL from malloc. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "whosaid: out of memory allocating %zu bytes\n", n);
    abort();
}

void *ws_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *ws_xcalloc(size_t count, size_t n)
{
    void *p = calloc(count ? count : 1, n ? n : 1);
    if (!p)
        oom(count * n);
    return p;
}

void *ws_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *ws_xstrndup(const char *s, size_t n)
{
    char *p = ws_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ws_xstrdup(const char *s)
{
    return ws_xstrndup(s, strlen(s));
}

uint64_t ws_hash64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool ws_ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t i = 0;
    for (; i < n && lit[i]; i++)
        if (ws_lower((unsigned char)s[i]) != ws_lower((unsigned char)lit[i]))
            return false;
    return i == n && lit[i] == '\0';
}

const char *ws_ascii_find(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (m == 0)
        return s;
    if (m > n)
        return NULL;
    unsigned char first = ws_lower((unsigned char)lit[0]);
    for (size_t i = 0; i + m <= n; i++) {
        if (ws_lower((unsigned char)s[i]) != first)
            continue;
        if (ws_ascii_ieq(s + i, m, lit))
            return s + i;
    }
    return NULL;
}
