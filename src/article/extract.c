/* The article stage: one document's bytes to its article record. Rejects
 * empty and binary input, decodes to UTF-8, dispatches to the HTML or the
 * scraped-text reader, then settles the record: language (from the text,
 * markup only as a hint), a content id, and owned copies of every field. */
#include "whosaid/article.h"

#include "../decode/decode.h"
#include "../html/html.h"
#include "../quote/quote.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Binary formats that turn up in crawls and scraped folders. */
static bool binary_magic(const unsigned char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
    } magics[] = {
        {"%PDF-", 5},          {"\x89PNG", 4},     {"\xFF\xD8\xFF", 3},
        {"GIF8", 4},           {"PK\x03\x04", 4},  {"\x7F" "ELF", 4},
        {"\x1F\x8B", 2},       {"BZh", 3},         {"\xFD" "7zXZ", 5},
        {"RIFF", 4},           {"\x00\x00\x01\x00", 4},
        {"\x28\xB5\x2F\xFD", 4}, {"OggS", 4},      {"ID3", 3},
    };
    for (size_t i = 0; i < WS_COUNT(magics); i++)
        if (n >= magics[i].len && memcmp(s, magics[i].magic, magics[i].len) == 0)
            return true;
    return false;
}

/* Text has almost no C0 controls; binary data has many. UTF-16 (with a BOM)
 * is text with NULs, so it is let through to the decoder. */
static bool looks_binary(const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
                     (s[0] == 0xFE && s[1] == 0xFF)))
        return false;
    if (binary_magic(s, len))
        return true;
    size_t n = WS_MIN(len, (size_t)65536), ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == 0)
            ctl += 8;
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
                 c != '\f' && c != 0x1B)
            ctl++;
    }
    return ctl * 20 > n;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ws_is_space((unsigned char)s[i]))
            return false;
    return true;
}

static char *dup_or_null(const char *s)
{
    return s ? ws_xstrdup(s) : NULL;
}

static char *take(char **slot)
{
    char *s = *slot;
    *slot = NULL;
    return s;
}

/* The record's form of a date a container gives, or NULL when it is not
 * ISO 8601 (a hint is never guessed at): YYYY-MM-DD, then optionally
 * THH:MM[:SS] (a space may stand for T; fractions are dropped) and Z or
 * an offset +HH:MM / +HHMM. */
static char *iso_date(const char *s)
{
    size_t n = strlen(s), i = 0;
    static const char pat[] = "dddd-dd-dd";
    if (n < 10)
        return NULL;
    for (; i < 10; i++)
        if (pat[i] == 'd' ? !ws_is_digit((unsigned char)s[i]) : s[i] != '-')
            return NULL;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return NULL;
    char out[32];
    memcpy(out, s, 10);
    size_t k = 10;
    if (i + 6 <= n && (s[i] == 'T' || s[i] == ' ') &&
        ws_is_digit((unsigned char)s[i + 1]) &&
        ws_is_digit((unsigned char)s[i + 2]) && s[i + 3] == ':' &&
        ws_is_digit((unsigned char)s[i + 4]) &&
        ws_is_digit((unsigned char)s[i + 5])) {
        out[k++] = 'T';
        memcpy(out + k, s + i + 1, 5);
        k += 5;
        i += 6;
        if (i + 3 <= n && s[i] == ':' && ws_is_digit((unsigned char)s[i + 1]) &&
            ws_is_digit((unsigned char)s[i + 2])) {
            memcpy(out + k, s + i, 3);
            k += 3;
            i += 3;
        }
        if (i < n && s[i] == '.')
            for (i++; i < n && ws_is_digit((unsigned char)s[i]); i++)
                ;
        if (i < n && s[i] == 'Z') {
            out[k++] = 'Z';
        } else if (i + 3 <= n && (s[i] == '+' || s[i] == '-') &&
                   ws_is_digit((unsigned char)s[i + 1]) &&
                   ws_is_digit((unsigned char)s[i + 2])) {
            out[k++] = s[i];
            out[k++] = s[i + 1];
            out[k++] = s[i + 2];
            out[k++] = ':';
            size_t m = i + 3 < n && s[i + 3] == ':' ? i + 4 : i + 3;
            bool mm = m + 2 <= n && ws_is_digit((unsigned char)s[m]) &&
                      ws_is_digit((unsigned char)s[m + 1]);
            out[k++] = mm ? s[m] : '0';
            out[k++] = mm ? s[m + 1] : '0';
        }
    }
    out[k] = '\0';
    return ws_xstrdup(out);
}

ws_status ws_extract(const char *bytes, size_t len, const ws_extract_opts *opts,
                     ws_article **out)
{
    static const ws_extract_opts defaults = {0};
    if (!opts)
        opts = &defaults;
    *out = NULL;
    if (len == 0 || blank(bytes, len))
        return WS_ERR_EMPTY;
    if (looks_binary(bytes, len))
        return WS_ERR_BINARY;

    ws_buf utf8;
    ws_buf_init(&utf8, 0);
    const char *charset = "utf-8";
    ws_status st = ws_decode(bytes, len, opts->charset_hint, &utf8, &charset);
    if (st != WS_OK) {
        ws_buf_cleanup(&utf8);
        return st;
    }
    if (blank(ws_buf_cstr(&utf8), utf8.len)) {
        ws_buf_cleanup(&utf8);
        return WS_ERR_EMPTY;
    }

    bool html = opts->format == WS_FORMAT_HTML ||
                (opts->format == WS_FORMAT_AUTO &&
                 ws_html_sniff(utf8.data, utf8.len));
    ws_fields f;
    /* paragraphs gain a blank line each: a page of one-letter lines grows
     * by half; twice the input is a cap no real body reaches */
    ws_fields_init(&f, 2 * utf8.len + 1024);
    st = html ? ws_html_read(utf8.data, utf8.len, &f)
              : ws_text_read(utf8.data, utf8.len, &f);
    if (st != WS_OK)
        goto done;

    ws_article *a = ws_xcalloc(1, sizeof *a);
    a->source = dup_or_null(opts->source);
    a->format = html ? "html" : "text";
    a->charset = charset;
    a->text = ws_buf_detach(&f.text, &a->text_len);

    /* Markup language tags are often a template's default; the text says
     * which language the article is in. */
    const char *lang = ws_lang_detect(a->text, a->text_len);
    if (!lang && f.title)
        lang = ws_lang_detect(f.title, strlen(f.title));
    a->language = lang ? ws_xstrdup(lang) : take(&f.language);

    a->url = opts->url ? ws_xstrdup(opts->url) : take(&f.url);
    a->outlet = take(&f.outlet);
    if (!a->outlet && opts->outlet_hint && opts->outlet_hint[0])
        a->outlet = ws_xstrdup(opts->outlet_hint);
    a->title = take(&f.title);
    a->date = take(&f.date);
    if (!a->date && opts->date_hint)
        a->date = iso_date(opts->date_hint);
    a->dateline = take(&f.dateline);
    a->authors = f.authors;
    a->n_authors = f.n_authors;
    f.authors = NULL;
    f.n_authors = 0;

    uint64_t h = a->text_len ? ws_hash64(a->text, a->text_len)
                             : ws_hash64(bytes, len);
    char id[17];
    snprintf(id, sizeof id, "%016llx", (unsigned long long)h);
    a->id = ws_xstrdup(id);

    /* The quote stage reads the settled record (text and language). */
    if (!opts->no_quotes)
        st = ws_quote_find(a, &a->quotes, &a->n_quotes);
    if (st != WS_OK) {
        ws_article_free(a);
        goto done;
    }
    *out = a;

done:
    ws_fields_cleanup(&f);
    ws_buf_cleanup(&utf8);
    return st;
}

void ws_article_free(ws_article *a)
{
    if (!a)
        return;
    free(a->source);
    free(a->id);
    free(a->url);
    free(a->outlet);
    free(a->title);
    free(a->date);
    for (size_t i = 0; i < a->n_authors; i++)
        free(a->authors[i]);
    free(a->authors);
    free(a->language);
    free(a->dateline);
    free(a->text);
    for (size_t i = 0; i < a->n_quotes; i++) {
        free(a->quotes[i].text);
        free(a->quotes[i].speaker);
        free(a->quotes[i].mention);
        free(a->quotes[i].cue);
    }
    free(a->quotes);
    free(a);
}
