/* Statement grouping harness for the benchmarks and fixtures: extracts the
 * quotes of each file (ws_extract), gives each quote a speaker index from a
 * trivial local index (the exact speaker string, or its last word with
 * --surname), feeds ws_statements in time order and prints one JSON line
 * per quote with its statement id. Built by bench/statements_ecb.sh.
 *   bench_statements [--surname] [--alias NAME=CANONICAL]... [--window N]
 *                    [--threshold X] FILE...
 * --alias stands in for the speakers module on names it would merge (the
 * same person in Latin and Cyrillic script). --articles also prints each
 * article's body text as {"article": source, "text": ...} before its
 * quotes, for scorers that locate gold mentions in it.
 *   bench_statements --synthetic N
 * instead feeds N generated quotes (2,000 a day, 300 speakers, words drawn
 * from a 5,000-word vocabulary, a tenth of them repeats of an earlier quote)
 * and prints quotes/s and peak RSS: memory must stay flat as N grows. */
#include "whosaid/corpus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct doc {
    char *path;
    ws_article *a;
    char *day; /* sort key: own date, else the previous file's */
    size_t order;
} doc;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(b, cap);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static void put_json(const char *s)
{
    if (!s) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", stdout);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

/* Prints ,"name":value. */
static void field(const char *name, const char *value)
{
    printf(",\"%s\":", name);
    put_json(value);
}

static int cmp_doc(const void *x, const void *y)
{
    const doc *a = x, *b = y;
    int c = strcmp(a->day, b->day);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

static const char *aliases[64][2];
static size_t n_aliases;

/* The speaker key: the whole name, or its last word lower-cased. */
static char *speaker_key(const char *name, int surname)
{
    for (size_t i = 0; i < n_aliases; i++)
        if (strcmp(name, aliases[i][0]) == 0)
            name = aliases[i][1];
    if (!surname)
        return strdup(name);
    const char *sp = strrchr(name, ' ');
    char *k = strdup(sp ? sp + 1 : name);
    for (char *p = k; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    return k;
}

static uint64_t rng_state = 42;

static uint64_t rng(void)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return rng_state >> 33;
}

/* One generated quote of 12-40 words from the vocabulary "w0".."w4999". */
static void synthetic_text(char *out, size_t cap)
{
    size_t n = 12 + rng() % 29, len = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && len + 16 < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%sw%llu", i ? " " : "",
                                (unsigned long long)(rng() % 5000));
}

static int synthetic(size_t n)
{
    enum { RECENT = 64 };
    static char recent[RECENT][400];
    static size_t recent_speaker[RECENT];
    ws_statements *st = ws_statements_new(NULL);
    clock_t t0 = clock();
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        char date[32], text[400];
        long day = (long)(i / 2000);
        snprintf(date, sizeof date, "%04ld-%02ld-%02ld", 2000 + day / 336,
                 1 + day / 28 % 12, 1 + day % 28);
        size_t speaker = (size_t)(rng() % 300);
        if (i > RECENT && rng() % 10 == 0) {
            size_t k = (size_t)(rng() % RECENT);
            memcpy(text, recent[k], sizeof text);
            speaker = recent_speaker[k];
        } else {
            synthetic_text(text, sizeof text);
        }
        memcpy(recent[i % RECENT], text, sizeof text);
        recent_speaker[i % RECENT] = speaker;
        ws_article a = {0};
        a.date = date;
        a.language = (char *)"en";
        a.text = (char *)"";
        ws_quote q = {0};
        q.text = text;
        last = ws_statements_add(st, speaker, &a, &q);
        if ((i + 1) % (n / 4 ? n / 4 : 1) == 0) {
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf(
                "quotes %zu  statements %zu  quotes/s %.0f  peak RSS %ld MB\n",
                i + 1, last + 1,
                (double)(i + 1) / ((double)(clock() - t0) / CLOCKS_PER_SEC),
                ru.ru_maxrss / 1024);
        }
    }
    ws_statements_free(st);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--synthetic") == 0)
        return synthetic((size_t)strtoull(argv[2], NULL, 10));
    int surname = 0, articles = 0;
    ws_statement_opts opts = {0, 0};
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--surname") == 0)
            surname = 1;
        else if (strcmp(argv[i], "--articles") == 0)
            articles = 1;
        else if (strcmp(argv[i], "--alias") == 0 && i + 1 < argc &&
                 strchr(argv[i + 1], '=') && n_aliases < 64) {
            char *eq = strchr(argv[++i], '=');
            *eq = 0;
            aliases[n_aliases][0] = argv[i];
            aliases[n_aliases++][1] = eq + 1;
        } else if (strcmp(argv[i], "--window") == 0 && i + 1 < argc)
            opts.window_days = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--threshold") == 0 && i + 1 < argc)
            opts.threshold = atof(argv[++i]);
        else {
            fprintf(stderr, "bench_statements: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    size_t n = (size_t)(argc - i);
    doc *docs = calloc(n ? n : 1, sizeof *docs);
    const char *prev = "";
    for (size_t d = 0; d < n; d++) {
        size_t len;
        char *bytes = read_file(argv[i + (int)d], &len);
        if (!bytes) {
            fprintf(stderr, "bench_statements: cannot read %s\n",
                    argv[i + (int)d]);
            return 1;
        }
        ws_extract_opts eo = {0};
        eo.source = argv[i + (int)d];
        eo.format = WS_FORMAT_TEXT;
        docs[d].path = argv[i + (int)d];
        docs[d].order = d;
        if (ws_extract(bytes, len, &eo, &docs[d].a) != WS_OK)
            docs[d].a = NULL;
        free(bytes);
        const char *date = docs[d].a ? docs[d].a->date : NULL;
        docs[d].day = strdup(date ? date : prev);
        prev = docs[d].day;
    }
    qsort(docs, n, sizeof *docs, cmp_doc);

    ws_statements *st = ws_statements_new(&opts);
    char **keys = NULL;
    size_t n_keys = 0;
    for (size_t d = 0; d < n; d++) {
        ws_article *a = docs[d].a;
        if (articles && a) {
            fputs("{\"article\":", stdout);
            put_json(docs[d].path);
            field("text", a->text);
            fputs("}\n", stdout);
        }
        for (size_t k = 0; a && k < a->n_quotes; k++) {
            const ws_quote *q = &a->quotes[k];
            size_t sp = WS_CORPUS_NONE;
            if (q->speaker) {
                char *key = speaker_key(q->speaker, surname);
                for (sp = 0; sp < n_keys && strcmp(keys[sp], key); sp++)
                    ;
                if (sp == n_keys) {
                    keys = realloc(keys, (n_keys + 1) * sizeof *keys);
                    keys[n_keys++] = key;
                } else {
                    free(key);
                }
            }
            size_t id = ws_statements_add(st, sp, a, q);
            printf("{\"statement\":%zu,\"speaker_index\":", id);
            if (sp == WS_CORPUS_NONE)
                fputs("null", stdout);
            else
                printf("%zu", sp);
            field("source", docs[d].path);
            field("url", a->url);
            field("outlet", a->outlet);
            field("date", a->date);
            field("language", a->language);
            printf(",\"quote\":%zu,\"start\":%zu,\"end\":%zu", k, q->start,
                   q->end);
            field("kind", q->kind);
            field("speaker", q->speaker);
            field("cue", q->cue);
            field("text", q->text);
            fputs("}\n", stdout);
        }
    }
    ws_statements_free(st);
    for (size_t k = 0; k < n_keys; k++)
        free(keys[k]);
    free(keys);
    for (size_t d = 0; d < n; d++) {
        ws_article_free(docs[d].a);
        free(docs[d].day);
    }
    free(docs);
    return 0;
}
