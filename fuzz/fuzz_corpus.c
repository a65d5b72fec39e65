/* Fuzz target for the corpus path: the bytes are split at form feeds into
 * up to 16 documents, each extracted and stored in an in-memory SQLite
 * store, the store is regrouped (speakers, statements, stories) and queried
 * with the first line as speaker name, words and alias prefix. Every stored
 * article must land in one story and every quote in one statement. */
#include "whosaid/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_statement(const ws_statement_rec *r, void *ud)
{
    *(size_t *)ud += r->n_reports;
    char *j = ws_statement_to_json(r);
    free(j);
    j = ws_statement_to_quotebank(r);
    free(j);
    return 0;
}

static int count_speaker(const ws_speaker_rec *r, void *ud)
{
    (void)r;
    ++*(size_t *)ud;
    return 0;
}

static int count_story(const ws_story_rec *r, void *ud)
{
    *(size_t *)ud += r->n_articles;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    ws_store *st;
    if (ws_store_open(":memory:", WS_STORE_WRITE, &st) != WS_OK ||
        ws_store_begin(st) != WS_OK)
        abort();
    const char *p = (const char *)data, *end = p + size;
    size_t docs = 0;
    while (p < end && docs < 16) {
        const char *ff = memchr(p, '\f', (size_t)(end - p));
        size_t n = ff ? (size_t)(ff - p) : (size_t)(end - p);
        ws_extract_opts o = {.source = "fuzz"};
        ws_article *a;
        if (ws_extract(p, n, &o, &a) == WS_OK) {
            int added;
            if (ws_store_add(st, a, p, n, &added) != WS_OK)
                abort();
            docs += (size_t)added;
            ws_article_free(a);
        }
        p += n + (ff != NULL);
    }
    ws_regroup_stats gs;
    if (ws_store_commit(st) != WS_OK || ws_store_regroup(st, 0, &gs) != WS_OK ||
        gs.articles != docs)
        abort();

    char line[64] = "";
    size_t ln = 0;
    while (ln < size && ln < sizeof line - 1 && data[ln] != '\n' && data[ln])
        ln++;
    memcpy(line, data, ln);
    line[ln] = '\0';

    size_t reports = 0, speakers = 0, in_stories = 0;
    ws_statement_query all = {0};
    if (ws_store_statements(st, &all, count_statement, &reports) != WS_OK ||
        reports != gs.quotes)
        abort();
    ws_statement_query q = {.speaker = line, .about = line, .limit = 5};
    size_t some = 0;
    if (ws_store_statements(st, &q, count_statement, &some) != WS_OK)
        abort();
    ws_speaker_query sq = {.prefix = line};
    if (ws_store_speakers(st, &sq, count_speaker, &speakers) != WS_OK)
        abort();
    ws_story_query tq = {0};
    if (ws_store_stories(st, &tq, count_story, &in_stories) != WS_OK ||
        in_stories != docs)
        abort();
    ws_store_close(st);
    return 0;
}
