/* What a reader (html or text) found in one document before the article
 * stage normalises it, and the normalisers shared by both readers: dates in
 * many formats and languages, author names, language identification.
 * Depends on core only. */
#ifndef WS_META_H
#define WS_META_H

#include "../core/core.h"

/* Fields found by a reader. Strings are malloc'd (or NULL) and owned by the
 * struct; ws_fields_cleanup frees them. `text` holds body paragraphs joined
 * by "\n\n". Readers fill what they find; the article stage decides. */
typedef struct ws_fields {
    ws_buf text;
    char *title;
    char *date;     /* already normalised by ws_date_parse, or NULL */
    char *outlet;
    char *dateline;
    char *language; /* hint from markup (<html lang>), or NULL */
    char *url;
    char **authors; /* normalised names, no duplicates */
    size_t n_authors;
} ws_fields;

void ws_fields_init(ws_fields *f, size_t max_text);
void ws_fields_cleanup(ws_fields *f);
/* Sets *slot to a trimmed, whitespace-collapsed copy of s[0..n) when *slot
 * is NULL and the copy is not empty; returns true when it set it. */
bool ws_fields_set(char **slot, const char *s, size_t n);
/* Adds one author name (normalised with ws_name_normalize) unless empty,
 * implausible or already present (case-insensitive). */
void ws_fields_add_author(ws_fields *f, const char *s, size_t n);
/* Splits a byline ("By A, B and C", "A , B", "Автор: A, B") into names and
 * adds each. */
void ws_fields_add_byline(ws_fields *f, const char *s, size_t n);
/* Appends one body paragraph (separated from the previous by "\n\n"). */
ws_status ws_fields_add_paragraph(ws_fields *f, const char *s, size_t n);

/* Parses a date/time written in s[0..n): ISO 8601 ("2024-12-12",
 * "2024-12-12T19:16:00+02:00"), "Thursday, 12 December 2024, 19:16",
 * "December 12, 2024", "12.12.2024", "03.12.25, 10:39", "12 грудня 2024",
 * "12 декабря 2024 г.", RFC 2822, and the like, anywhere in the string.
 * Writes "YYYY-MM-DD", optionally "THH:MM[:SS]" and "+HH:MM"/"Z", to out and
 * returns true; returns false (out untouched) when no plausible date (year
 * 1990..2100) is found. */
bool ws_date_parse(const char *s, size_t n, char out[32]);

/* Finds a date at the start of s (after optional spaces and weekday) and
 * returns the number of bytes it spans, time and offset included (0 when
 * none); used to cut "… 03.12.25, 10:39" tails and bylines. Writes out as
 * ws_date_parse does. */
size_t ws_date_span(const char *s, size_t n, char out[32]);

/* Like ws_date_parse, and also reports where the first date (weekday and
 * time included) starts and ends in s when start/end are not NULL. Looks at
 * the first 4 KB only. A digit glued to a word ("story03.12.25") or a
 * capitalised weekday glued to one ("KOVALThursday, 12 December 2024")
 * counts as a start. */
bool ws_date_find(const char *s, size_t n, char out[32], size_t *start,
                  size_t *end);

/* Normalises an author name into out: collapses whitespace, strips "By",
 * "Автор:", trailing punctuation and role words, and turns ALL-CAPS or
 * all-lower words into Title Case ("OLENA KOVAL" -> "Olena Koval"), in any
 * script (utf8proc). Returns false when the result is not a plausible
 * personal name: empty, fewer than 2 or more than 6 words, digits, a URL
 * or domain, or a role or organisation word ("Staff", "Editorial board",
 * "Associated Press" are not persons). */
bool ws_name_normalize(const char *s, size_t n, ws_buf *out);

/* Length of a byline prefix ("By ", "Written by ", "Автор: ") at the start
 * of s, trailing spaces and colon included; 0 when there is none. */
size_t ws_byline_prefix(const char *s, size_t n);

/* True when s[0..n) is a byline of names only: after an optional prefix
 * and with dates removed, every piece between separators ("," "and" "&"
 * "та" "и" "|" "•") passes ws_name_normalize. With strict_case every word
 * must also start with a capital as written (particles and initials
 * aside), which tells "Anna Kowalska" from a lower-case phrase. */
bool ws_byline_names_only(const char *s, size_t n, bool strict_case);

/* Month number (1..12) of an English, Ukrainian or Russian month name or
 * abbreviation at the start of s, its byte length (abbreviation dot
 * included) in *len; 0 when there is none. */
int ws_date_month(const char *s, size_t n, size_t *len);

/* Identifies the language of UTF-8 text: "en", "uk", "ru", or another
 * ISO 639-1 code it recognises (de, fr, es, it, pl ...); NULL when unsure.
 * Looks at script and stopwords; Ukrainian vs Russian by letters (і ї є ґ
 * vs ы э ё ъ) and function words. */
const char *ws_lang_detect(const char *s, size_t n);

#endif
