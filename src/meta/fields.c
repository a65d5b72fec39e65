/* The fields a reader found in one document. Both readers fill the same
 * struct through these setters, so trimming, whitespace collapsing and
 * author de-duplication happen in one place. */
#include "meta.h"

#include "lex.h"

#include <stdlib.h>
#include <string.h>

/* A byline with more names than this is a list of something else. */
#define MAX_AUTHORS 16

void ws_fields_init(ws_fields *f, size_t max_text)
{
    memset(f, 0, sizeof *f);
    ws_buf_init(&f->text, max_text);
}

void ws_fields_cleanup(ws_fields *f)
{
    ws_buf_cleanup(&f->text);
    free(f->title);
    free(f->date);
    free(f->outlet);
    free(f->dateline);
    free(f->language);
    free(f->url);
    for (size_t i = 0; i < f->n_authors; i++)
        free(f->authors[i]);
    free(f->authors);
    memset(f, 0, sizeof *f);
}

bool ws_fields_set(char **slot, const char *s, size_t n)
{
    if (*slot || !s)
        return false;
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_lex_collapse(&b, s, n);
    if (b.len == 0) {
        ws_buf_cleanup(&b);
        return false;
    }
    *slot = ws_buf_detach(&b, NULL);
    return true;
}

/* Case-insensitive equality in any script, for de-duplicating names that
 * differ only in capitalisation. */
static bool same_name(const char *a, const char *b)
{
    char fa[256], fb[256];
    size_t na = ws_lex_fold(a, strlen(a), fa, sizeof fa);
    size_t nb = ws_lex_fold(b, strlen(b), fb, sizeof fb);
    return na == nb && memcmp(fa, fb, na) == 0;
}

void ws_fields_add_author(ws_fields *f, const char *s, size_t n)
{
    if (f->n_authors >= MAX_AUTHORS)
        return;
    ws_buf b;
    ws_buf_init(&b, 0);
    if (ws_name_normalize(s, n, &b)) {
        const char *name = ws_buf_cstr(&b);
        bool dup = false;
        for (size_t i = 0; i < f->n_authors && !dup; i++)
            dup = same_name(f->authors[i], name);
        if (!dup) {
            f->authors = ws_xrealloc(f->authors,
                                     (f->n_authors + 1) * sizeof *f->authors);
            f->authors[f->n_authors++] = ws_buf_detach(&b, NULL);
        }
    }
    ws_buf_cleanup(&b);
}

ws_status ws_fields_add_paragraph(ws_fields *f, const char *s, size_t n)
{
    ws_lex_trim(&s, &n);
    if (n == 0)
        return WS_OK;
    size_t mark = f->text.len;
    ws_status st = WS_OK;
    if (f->text.len > 0)
        st = ws_buf_append(&f->text, "\n\n", 2);
    if (st == WS_OK)
        st = ws_lex_collapse(&f->text, s, n);
    if (st != WS_OK) {
        /* Never leave half a paragraph behind: the text stays a list of
         * whole paragraphs even when the cap is reached. */
        f->text.len = mark;
        if (f->text.data)
            f->text.data[mark] = '\0';
    }
    return st;
}
