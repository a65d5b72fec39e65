/* The reader for scraped plain text: splits the document into lines and
 * paragraphs, drops site debris (language switchers, "Support Us",
 * "Advertisement:", recent-news lists with clock times, view counters,
 * donation/cookie/copyright/reprint/ad-blocker appeals, tag lines, related
 * headlines, "Comments", "Related Posts"), and finds title, date, authors,
 * outlet and dateline. General rules only. Depends on core and meta. */
#ifndef WS_TEXT_H
#define WS_TEXT_H

#include "../meta/meta.h"

/* Reads UTF-8 text s[0..n) into f (which the caller has initialised).
 * Returns WS_OK, or WS_ERR_TOO_BIG when f->text's cap is reached. */
ws_status ws_text_read(const char *s, size_t n, ws_fields *f);

#endif
