/* Decode throughput: ws_decode over ~30 MB buffers of English ASCII,
 * Ukrainian/Russian UTF-8, the same in windows-1251 and koi8-u (declared
 * and detected), decomposed UTF-8 that needs NFC, and glibc iconv on the
 * windows-1251 buffer for comparison. The text is the charset fixtures'
 * paragraphs repeated. Build from the repository root after a build in
 * ./build:
 *   cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude \
 *      bench/bench_decode.c build/libwhosaid.a -lutf8proc -o bench_decode
 *   ./bench_decode [tests/corpus/charset]
 */
#include "decode/decode.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TARGET ((size_t)30 * 1024 * 1024)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_decode: cannot open %s\n", path);
        exit(1);
    }
    ws_buf b;
    ws_buf_init(&b, 0);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ws_buf_append(&b, chunk, n);
    fclose(f);
    return ws_buf_detach(&b, len);
}

/* The concatenation of the files, repeated to about TARGET bytes. */
static char *repeat(const char *dir, const char *const *names, size_t *len)
{
    ws_buf unit, all;
    ws_buf_init(&unit, 0);
    for (size_t i = 0; names[i]; i++) {
        size_t n;
        char *s = slurp(dir, names[i], &n);
        ws_buf_append(&unit, s, n);
        ws_buf_putc(&unit, '\n');
        free(s);
    }
    ws_buf_init(&all, 0);
    ws_buf_reserve(&all, TARGET + unit.len);
    while (all.len < TARGET)
        ws_buf_append(&all, unit.data, unit.len);
    ws_buf_cleanup(&unit);
    return ws_buf_detach(&all, len);
}

static char *to_charset(const char *utf8, size_t n, const char *cs,
                        size_t *len)
{
    iconv_t cd = iconv_open(cs, "UTF-8");
    char *out = malloc(n + 1);
    char *in = (char *)utf8, *o = out;
    size_t inleft = n, oleft = n;
    while (inleft && iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
        *o++ = '?'; /* characters the charset lacks */
        oleft--;
        in++;
        inleft--;
    }
    iconv_close(cd);
    *len = (size_t)(o - out);
    return out;
}

static void run(const char *label, const char *s, size_t n, const char *hint)
{
    ws_buf out;
    ws_buf_init(&out, 0);
    const char *cs = NULL;
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
        ws_buf_clear(&out);
        double t0 = now();
        if (ws_decode(s, n, hint, &out, &cs) != WS_OK) {
            fprintf(stderr, "bench_decode: %s failed\n", label);
            exit(1);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("%-34s %-13s %6.1f MB in, %7.0f MB/s\n", label, cs,
           (double)n / 1e6, (double)n / 1e6 / best);
    ws_buf_cleanup(&out);
}

static void run_iconv(const char *label, const char *s, size_t n,
                      const char *from)
{
    char *out = malloc(n * 3 + 16);
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
        iconv_t cd = iconv_open("UTF-8", from);
        char *in = (char *)s, *o = out;
        size_t inleft = n, oleft = n * 3 + 16;
        double t0 = now();
        iconv(cd, &in, &inleft, &o, &oleft);
        double t = now() - t0;
        iconv_close(cd);
        if (t < best)
            best = t;
    }
    printf("%-34s %-13s %6.1f MB in, %7.0f MB/s\n", label, from,
           (double)n / 1e6, (double)n / 1e6 / best);
    free(out);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/corpus/charset";
    static const char *const en[] = {"en-utf-8-ascii.txt.expected.txt", NULL};
    static const char *const cyr[] = {"uk-utf-8.txt.expected.txt",
                                      "ru-utf-8-bom.txt.expected.txt", NULL};
    static const char *const de[] = {"de-utf-8-nfd.txt", NULL};
    size_t n_en, n_cyr, n_de, n_1251, n_koi8;
    char *ascii = repeat(dir, en, &n_en);
    char *utf8 = repeat(dir, cyr, &n_cyr);
    char *nfd = repeat(dir, de, &n_de);
    char *w1251 = to_charset(utf8, n_cyr, "WINDOWS-1251", &n_1251);
    char *koi8 = to_charset(utf8, n_cyr, "KOI8-U", &n_koi8);

    run("ASCII (English)", ascii, n_en, NULL);
    run("UTF-8 Cyrillic (uk+ru)", utf8, n_cyr, NULL);
    run("UTF-8 German, decomposed (NFD)", nfd, n_de, NULL);
    run("windows-1251, declared", w1251, n_1251, "windows-1251");
    run("windows-1251, detected", w1251, n_1251, NULL);
    run("koi8-u, detected", koi8, n_koi8, NULL);
    run_iconv("iconv windows-1251 -> UTF-8", w1251, n_1251, "WINDOWS-1251");
    free(ascii);
    free(utf8);
    free(nfd);
    free(w1251);
    free(koi8);
    return 0;
}
