/* Parse-only speed of the HTML parsers we could build on, over the same
 * pages in one process: libxml2's HTML parser, gumbo, and whosaid's own
 * tokenizer + light tree (ws_dom_parse) and full extraction (ws_extract).
 * Also checks each survives deep nesting. Built and run by parsers.sh. */
#include "html/dom.h"
#include "whosaid/article.h"

#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct page {
    char *data;
    size_t len;
} page;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run_libxml2(const page *p)
{
    htmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, "utf-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET);
    xmlFreeDoc(doc);
}

static void run_gumbo(const page *p)
{
    GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions,
                                                p->data, p->len);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
}

static void run_ws_dom(const page *p)
{
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, p->data, p->len);
    ws_dom_cleanup(&d);
}

static void run_ws_extract(const page *p)
{
    ws_article *a = NULL;
    ws_extract_opts o = {0};
    o.format = WS_FORMAT_HTML;
    if (ws_extract(p->data, p->len, &o, &a) == WS_OK)
        ws_article_free(a);
}

static void measure(const char *name, void (*fn)(const page *),
                    const page *pages, size_t n, size_t bytes, int rounds)
{
    double best = 1e30;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            fn(&pages[i]);
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("%-28s %9.0f pages/s %8.1f MB/s\n", name, n / best,
           bytes / best / 1e6);
}

static page nested(size_t depth)
{
    page p;
    p.data = malloc(depth * 11 + 16);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(p.data + k, "<div>");
    k += (size_t)sprintf(p.data + k, "text");
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(p.data + k, "</div>");
    p.len = k;
    return p;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_parsers FILE.html...\n");
        return 2;
    }
    size_t n = (size_t)argc - 1, bytes = 0;
    page *pages = calloc(n, sizeof *pages);
    for (size_t i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 1], "rb");
        if (!f) {
            perror(argv[i + 1]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        pages[i].data = malloc((size_t)len + 1);
        pages[i].len = fread(pages[i].data, 1, (size_t)len, f);
        pages[i].data[pages[i].len] = '\0';
        bytes += pages[i].len;
        fclose(f);
    }
    printf("%zu pages, %.1f MB, best of 3 rounds, one thread\n", n,
           bytes / 1e6);
    measure("libxml2 htmlReadMemory", run_libxml2, pages, n, bytes, 3);
    measure("gumbo_parse", run_gumbo, pages, n, bytes, 3);
    measure("whosaid tokenizer+tree", run_ws_dom, pages, n, bytes, 3);
    measure("whosaid extract (full)", run_ws_extract, pages, n, bytes, 3);

    /* robustness: 10^5 nested elements (gumbo recurses when freeing) */
    page deep = nested(100000);
    double t0 = now();
    run_libxml2(&deep);
    printf("libxml2, 10^5 nested divs: %.3f s (stops at depth 256 with an "
           "error)\n", now() - t0);
    t0 = now();
    run_ws_dom(&deep);
    printf("whosaid, 10^5 nested divs: %.3f s\n", now() - t0);
    if (getenv("BENCH_GUMBO_DEEP")) {
        t0 = now();
        run_gumbo(&deep);
        printf("gumbo, 10^5 nested divs: %.3f s\n", now() - t0);
    }
    free(deep.data);
    for (size_t i = 0; i < n; i++)
        free(pages[i].data);
    free(pages);
    return 0;
}
