/* Serialisation of the article record: one JSON object per line in the
 * design's field order (stable, so users can diff runs), and a plain-text
 * form for a person to read. */
#include "whosaid/article.h"

#include "../core/core.h"

#include <string.h>

static void json_opt(ws_buf *b, const char *key, const char *v)
{
    ws_buf_printf(b, ",\"%s\":", key);
    if (v)
        ws_buf_json(b, v, strlen(v));
    else
        ws_buf_puts(b, "null");
}

char *ws_article_to_json(const ws_article *a, size_t *len)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_puts(&b, "{\"source\":");
    if (a->source)
        ws_buf_json(&b, a->source, strlen(a->source));
    else
        ws_buf_puts(&b, "null");
    json_opt(&b, "id", a->id);
    json_opt(&b, "url", a->url);
    json_opt(&b, "outlet", a->outlet);
    json_opt(&b, "title", a->title);
    json_opt(&b, "date", a->date);
    ws_buf_puts(&b, ",\"authors\":[");
    for (size_t i = 0; i < a->n_authors; i++) {
        if (i)
            ws_buf_putc(&b, ',');
        ws_buf_json(&b, a->authors[i], strlen(a->authors[i]));
    }
    ws_buf_putc(&b, ']');
    json_opt(&b, "language", a->language);
    json_opt(&b, "dateline", a->dateline);
    ws_buf_puts(&b, ",\"text\":");
    ws_buf_json(&b, a->text ? a->text : "", a->text_len);
    ws_buf_puts(&b, ",\"quotes\":[");
    for (size_t i = 0; i < a->n_quotes; i++) {
        const ws_quote *q = &a->quotes[i];
        if (i)
            ws_buf_putc(&b, ',');
        ws_buf_puts(&b, "{\"text\":");
        ws_buf_json(&b, q->text, strlen(q->text));
        json_opt(&b, "kind", q->kind);
        json_opt(&b, "speaker", q->speaker);
        json_opt(&b, "speaker_kind", q->speaker_kind);
        json_opt(&b, "mention", q->mention);
        json_opt(&b, "cue", q->cue);
        ws_buf_printf(&b, ",\"start\":%zu,\"end\":%zu,\"confidence\":%.2f}",
                      q->start, q->end, q->confidence);
    }
    ws_buf_puts(&b, "]}");
    return ws_buf_detach(&b, len);
}

static void text_field(ws_buf *b, const char *key, const char *v)
{
    ws_buf_printf(b, "%-9s %s\n", key, v ? v : "-");
}

char *ws_article_to_text(const ws_article *a, size_t *len)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    text_field(&b, "source:", a->source);
    text_field(&b, "title:", a->title);
    text_field(&b, "date:", a->date);
    ws_buf_printf(&b, "%-9s ", "authors:");
    for (size_t i = 0; i < a->n_authors; i++)
        ws_buf_printf(&b, "%s%s", i ? ", " : "", a->authors[i]);
    ws_buf_puts(&b, a->n_authors ? "\n" : "-\n");
    text_field(&b, "outlet:", a->outlet);
    text_field(&b, "dateline:", a->dateline);
    text_field(&b, "language:", a->language);
    text_field(&b, "url:", a->url);
    ws_buf_printf(&b, "%-9s %zu\n\n", "quotes:", a->n_quotes);
    ws_buf_append(&b, a->text ? a->text : "", a->text_len);
    ws_buf_puts(&b, "\n");
    for (size_t i = 0; i < a->n_quotes; i++) {
        const ws_quote *q = &a->quotes[i];
        ws_buf_printf(&b, "%s[%zu] %s, %s (%s%s%s): %s\n", i ? "" : "\n",
                      i + 1, q->kind ? q->kind : "-",
                      q->speaker ? q->speaker : "unresolved",
                      q->mention ? q->mention : "-", q->cue ? ", " : "",
                      q->cue ? q->cue : "", q->text ? q->text : "");
    }
    return ws_buf_detach(&b, len);
}
