/* Fuzz target for the HTTP front end's request layer: the bytes are a
 * request line's method and raw target ("GET /api/v1/statements?..."),
 * possibly several separated by newlines; each goes through the target
 * parser (percent-decoding, limits) and the router against a small store
 * in memory and a web folder in a temporary directory. Checks what must
 * hold for any input: a status in range, a JSON body that is one object
 * without raw markup, and no file served from outside the web folder. */
#define _XOPEN_SOURCE 700 /* mkdtemp, realpath */
#include "http.h"

#include "whosaid/whosaid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const docs[] = {
    "Harbour Courier\n\nPort chief warns of attacks on ticket site\n\n"
    "March 14, 2025 10:05 AM\n\n"
    "TALLINN, March 14 (Harbour Courier) - The head of the port authority, "
    "Kaspar Tamm, said on Friday that the website had been probed.\n\n"
    "\"They typed <script>alert(1)</script> into our search box,\" Tamm "
    "told reporters.\n\n"
    "\"We print their \"quotes\" & <tags> as written,\" Tamm said.\n",
    "Baltic Ledger\n\nLatvia to double air-defence purchases\n\n"
    "December 5, 2024 7:16 PM\n\n"
    "RIGA, Dec 5 (Baltic Ledger) - Latvia will double its spending, "
    "Defence Minister Edgars Liepa said on Thursday.\n\n"
    "\"Our skies are the first line,\" Liepa told reporters.\n",
};

static ws_store *store;
static ws_http_site site;
static char dir[64];

static void cleanup(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/index.html", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/sub/a.css", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/sub", dir);
    rmdir(p);
    rmdir(dir);
    ws_store_close(store);
    free((char *)site.static_root);
    ws_http_health_free(site.health);
}

static void setup(void)
{
    if (ws_store_open(":memory:", WS_STORE_WRITE, &store) != WS_OK ||
        ws_store_begin(store) != WS_OK)
        abort();
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        ws_extract_opts o = {.source = "fuzz"};
        ws_article *a;
        int added;
        if (ws_extract(docs[i], strlen(docs[i]), &o, &a) != WS_OK)
            abort();
        if (ws_store_add(store, a, docs[i], strlen(docs[i]), &added) != WS_OK)
            abort();
        ws_article_free(a);
    }
    ws_regroup_stats gs;
    if (ws_store_commit(store) != WS_OK ||
        ws_store_regroup(store, 0, &gs) != WS_OK)
        abort();
    snprintf(dir, sizeof dir, "/tmp/ws-fuzz-http-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char p[128];
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/index.html", dir);
    FILE *f = fopen(p, "w");
    if (!f)
        abort();
    fputs("<!doctype html>", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/sub/a.css", dir);
    f = fopen(p, "w");
    if (!f)
        abort();
    fclose(f);
    site.static_root = realpath(dir, NULL);
    site.health = ws_http_health_new();
    atexit(cleanup);
}

static void one(const char *line, size_t n)
{
    const char *sp = memchr(line, ' ', n);
    char method[16] = "GET";
    const char *raw = line;
    size_t len = n;
    if (sp && (size_t)(sp - line) < sizeof method) {
        memcpy(method, line, (size_t)(sp - line));
        method[sp - line] = '\0';
        raw = sp + 1;
        len = n - (size_t)(sp - line) - 1;
    }
    ws_http_target t;
    const char *why = NULL;
    int bad = ws_http_target_parse(raw, len, &t, &why);
    if (bad) {
        if ((bad != 400 && bad != 414) || !why)
            abort();
        return;
    }
    if (t.path[0] != '/' || strlen(t.path) > len)
        abort();
    ws_http_reply r;
    ws_http_route(&site, store, method, &t, &r);
    if (r.status < 200 || r.status > 599 || !r.content_type)
        abort();
    if (r.fd >= 0) {
        /* A file: only ever the two in the web folder. */
        if (r.status != 200 || (r.len != 15 && r.len != 0))
            abort();
        close(r.fd);
    } else {
        if (!r.body || r.len == 0 || r.body[0] != '{' ||
            r.body[r.len - 1] != '\n')
            abort();
        if (memchr(r.body, '<', r.len) || memchr(r.body, '>', r.len))
            abort();
    }
    ws_http_reply_cleanup(&r);
    ws_http_target_cleanup(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!store)
        setup();
    if (size > 8192)
        return 0;
    const char *p = (const char *)data, *end = p + size;
    size_t lines = 0;
    while (p <= end && lines++ < 8) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        one(p, n);
        if (!nl)
            break;
        p = nl + 1;
    }
    return 0;
}
