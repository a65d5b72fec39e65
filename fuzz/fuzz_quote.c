/* Fuzz target for the quote stage: the bytes (made valid UTF-8, as the
 * record's text always is) become an article body, the first byte picks
 * the language, and ws_quote_find must return quotes whose offsets lie in
 * the text, in order, with every string NUL-terminated and a known kind. */
#include "core/core.h"
#include "quote/quote.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"en", "uk", "ru", NULL};
    if (size < 1)
        return 0;
    ws_buf text;
    ws_buf_init(&text, 0);
    ws_utf8_repair(&text, (const char *)data + 1, size - 1);
    ws_article a;
    memset(&a, 0, sizeof a);
    a.text = (char *)ws_buf_cstr(&text);
    a.text_len = text.len;
    a.language = (char *)langs[data[0] % 4];
    ws_quote *q = NULL;
    size_t n = 0;
    if (ws_quote_find(&a, &q, &n) != WS_OK)
        abort();
    for (size_t i = 0; i < n; i++) {
        if (q[i].start > q[i].end || q[i].end > a.text_len || !q[i].text ||
            !q[i].kind || (i && q[i - 1].start > q[i].start))
            abort();
        if (strcmp(q[i].kind, "direct") && strcmp(q[i].kind, "mixed") &&
            strcmp(q[i].kind, "indirect"))
            abort();
        (void)strlen(q[i].text);
        if (q[i].mention)
            (void)strlen(q[i].mention);
        if (q[i].speaker)
            (void)strlen(q[i].speaker);
    }
    ws_quote_list_free(q, n);
    ws_buf_cleanup(&text);
    return 0;
}
