/* The article record: what `whosaid extract` prints for each document and
 * what every later stage reads. ws_extract turns one document's bytes
 * (HTML or scraped text, any supported charset) into a record. */
#ifndef WHOSAID_ARTICLE_H
#define WHOSAID_ARTICLE_H

#include "whosaid/status.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One quotation found in the body; offsets are bytes into ws_article.text.
 * Filled by the quote stage; empty until then. */
typedef struct ws_quote {
    char *text;
    const char *kind; /* "direct", "mixed" or "indirect" (static) */
    char *speaker;    /* canonical name, NULL when unresolved */
    const char *speaker_kind; /* "person", "organisation" or "anonymous"
                                 (static), NULL when unresolved */
    char *mention;    /* words naming the speaker nearest the quote */
    char *cue;        /* the cue word or phrase, NULL when none */
    size_t start, end;
    double confidence;
} ws_quote;

/* Every string is NUL-terminated UTF-8 owned by the record, or NULL when the
 * value is unknown (never invented). */
typedef struct ws_article {
    char *source;   /* input path or URL as given by the caller */
    char *id;       /* 16 hex digits: hash of the body text (or bytes) */
    char *url;
    char *outlet;
    char *title;
    char *date;     /* YYYY-MM-DD[THH:MM[:SS][+HH:MM|Z]] */
    char **authors; /* n_authors names */
    size_t n_authors;
    char *language; /* ISO 639-1 code ("en", "uk", "ru" ...) */
    char *dateline; /* city of the dateline ("Kyiv") */
    char *text;     /* body paragraphs separated by one blank line; never
                       NULL ("" when no body was found) */
    size_t text_len;
    ws_quote *quotes;
    size_t n_quotes;
    const char *format;  /* "html" or "text" (static) */
    const char *charset; /* the source charset that was decoded (static) */
} ws_article;

enum ws_format {
    WS_FORMAT_AUTO = 0, /* sniff the content */
    WS_FORMAT_HTML,
    WS_FORMAT_TEXT,
};

/* Options for ws_extract; a zeroed struct gives the defaults. */
typedef struct ws_extract_opts {
    const char *source;       /* copied into the record's `source` */
    const char *url;          /* the document's URL when the caller knows */
    const char *charset_hint; /* e.g. from an HTTP Content-Type header */
    const char *date_hint;    /* publication date the container gives (a
                                 JSON line's "date"): used when the page
                                 gives none, if it reads as an ISO 8601
                                 date (YYYY-MM-DD[THH:MM[:SS]][offset]) */
    const char *outlet_hint;  /* outlet the container gives: used when the
                                 page names none */
    enum ws_format format;
    int no_quotes; /* non-zero: skip the quote stage (quotes stay []) */
} ws_extract_opts;

/* Extracts the article record from bytes[0..len) (already decompressed).
 * On WS_OK *out holds a new record the caller frees with ws_article_free.
 * Errors: WS_ERR_EMPTY (nothing but whitespace), WS_ERR_BINARY (not text);
 * *out is NULL then. The input is never modified. */
ws_status ws_extract(const char *bytes, size_t len, const ws_extract_opts *opts,
                     ws_article **out);

/* Frees the record and everything it owns; NULL is a no-op. */
void ws_article_free(ws_article *a);

/* Serialises the record as one line of JSON (no trailing newline), in the
 * field order of the design; returns a malloc'd string the caller frees and
 * stores its length in *len when len is not NULL. */
char *ws_article_to_json(const ws_article *a, size_t *len);

/* The same record for a person to read: "field: value" lines then the text.
 * Returns a malloc'd string the caller frees. */
char *ws_article_to_text(const ws_article *a, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
