/* The HTML reader: a streaming HTML5-style tokenizer of our own feeding a
 * light element tree, main-content selection (boilerplate removal) and
 * metadata from <meta>, JSON-LD, <time> and bylines. Depends on core and
 * meta. */
#ifndef WS_HTML_H
#define WS_HTML_H

#include "../meta/meta.h"

/* Reads UTF-8 HTML s[0..n) into f (initialised by the caller). Returns
 * WS_OK, or WS_ERR_TOO_BIG when f->text's cap is reached. */
ws_status ws_html_read(const char *s, size_t n, ws_fields *f);

/* True when s[0..n) looks like HTML rather than plain text. */
bool ws_html_sniff(const char *s, size_t n);

#endif
