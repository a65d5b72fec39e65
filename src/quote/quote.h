/* The quote stage: quotations and reported speech in an article body, each
 * with its cue and its speaker resolved inside the article. Direct quotes in
 * every quotation-mark style (also across paragraphs and split around their
 * cue), mixed quotes (a quoted fragment inside reported speech) and indirect
 * speech, with cue lexicons for English, Ukrainian and Russian. Scare
 * quotes, titles and hypothetical utterances are not speech. Depends on
 * core and meta. */
#ifndef WS_QUOTE_H
#define WS_QUOTE_H

#include "whosaid/article.h"

#include "../meta/meta.h"

/* Finds the quotes of article a (its text, title and language are read;
 * nothing else is needed). On WS_OK *out is a malloc'd array of *n quotes
 * (NULL when none) whose strings are malloc'd one by one, so that
 * ws_article_free can free them once attached to a record; offsets are
 * bytes into a->text. Quotes are in text order. */
ws_status ws_quote_find(const ws_article *a, ws_quote **out, size_t *n);

/* Frees n quotes and the array; NULL is a no-op. */
void ws_quote_list_free(ws_quote *q, size_t n);

#endif
