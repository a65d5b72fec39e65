/* The WARC container (ISO 28500, WARC/1.0 and 1.1): reads a crawl archive
 * record by record and yields the pages of `response` and `resource`
 * records, with the HTTP layer undone (status, chunked transfer coding,
 * gzip/deflate content coding). Other record types, non-2xx responses and
 * payloads that are not HTML or text are passed over and counted. One
 * record is held at a time (at most max_bytes); a record over the cap is
 * skipped by its Content-Length, so the reader stays in step. */
#include "container.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields of one WARC header this reader uses. */
typedef struct warc_head {
    char type[16]; /* lower case, "" when absent */
    bool has_length;
    uint64_t length;
    char media[64]; /* Content-Type media type, lower case */
} warc_head;

static bool ieq(const char *a, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ws_lower((unsigned char)a[i]) != (unsigned char)lit[i])
            return false;
    return true;
}

static bool istarts(const char *a, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && ieq(a, m, lit);
}

/* Trims blanks (and a CR) at both ends of p[0..*n). */
static const char *trim(const char *p, size_t *n)
{
    while (*n && (p[0] == ' ' || p[0] == '\t')) {
        p++;
        (*n)--;
    }
    while (*n && (p[*n - 1] == ' ' || p[*n - 1] == '\t' || p[*n - 1] == '\r'))
        (*n)--;
    return p;
}

/* Copies the lower-cased media type of a Content-Type value into out, and
 * its charset parameter (unquoted) into charset when that is not NULL. */
static void content_type(const char *v, size_t n, char *out, size_t cap,
                         ws_buf *charset)
{
    size_t i = 0, k = 0;
    while (i < n && v[i] != ';' && v[i] != ' ' && v[i] != '\t') {
        if (k + 1 < cap)
            out[k++] = (char)ws_lower((unsigned char)v[i]);
        i++;
    }
    out[k] = '\0';
    if (!charset)
        return;
    for (; i + 8 <= n; i++) {
        if (!istarts(v + i, n - i, "charset="))
            continue;
        i += 8;
        if (i < n && (v[i] == '"' || v[i] == '\''))
            i++;
        size_t start = i;
        while (i < n && v[i] != ';' && v[i] != '"' && v[i] != '\'' &&
               v[i] != ' ' && v[i] != '\t' && i - start < 40)
            i++;
        ws_buf_clear(charset);
        if (i > start)
            ws_buf_append(charset, v + start, i - start);
        return;
    }
}

/* A non-negative decimal of at most 18 digits (no sign, no blanks). */
static bool parse_length(const char *v, size_t n, uint64_t *out)
{
    if (n == 0 || n > 18)
        return false;
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return false;
        x = x * 10 + (uint64_t)(v[i] - '0');
    }
    *out = x;
    return true;
}

/* ---- messages ------------------------------------------------------------ */

/* Replaces the message with "PATH: WARC record at byte N: <what>". */
static void record_msg(ws_input *in, uint64_t off, const char *what)
{
    ws_buf_clear(&in->err);
    ws_buf_printf(&in->err, "%s: WARC record at byte %llu: %s", in->name.data,
                  (unsigned long long)off, what);
}

/* A failure of the source inside a record: its message (which names the
 * file and the compressed offset) gains the record's offset. */
static ws_status source_failed(ws_input *in, uint64_t off, ws_status st)
{
    size_t plen = strlen(in->name.data);
    const char *m = in->err.data ? in->err.data : "";
    char *what = ws_xstrdup(strncmp(m, in->name.data, plen) == 0 &&
                                    m[plen] == ':' && m[plen + 1] == ' '
                                ? m + plen + 2
                                : m);
    /* The source's "; skipped" would say the file was skipped whole. */
    size_t wl = strlen(what);
    if (wl >= 9 && strcmp(what + wl - 9, "; skipped") == 0)
        what[wl - 9] = '\0';
    record_msg(in, off, what);
    ws_buf_puts(&in->err, "; the records before it were read");
    free(what);
    return st;
}

static ws_status corrupt(ws_input *in, uint64_t off, const char *what)
{
    record_msg(in, off, what);
    ws_buf_puts(&in->err, "; the rest of the file is skipped");
    return WS_ERR_IO;
}

/* ---- the WARC header ------------------------------------------------------ */

/* Finds the blank line ending the header that starts at the window's
 * position; *hlen is the header's length including it. The whole header
 * must fit in the window. */
static ws_status find_header(ws_input *in, uint64_t off, size_t *hlen)
{
    ws_window *w = &in->win;
    size_t scanned = 0;
    for (;;) {
        const char *p = w->buf + w->pos;
        size_t n = w->len - w->pos;
        for (size_t i = scanned; i < n; i++) {
            if (p[i] != '\n')
                continue;
            /* "\n\n" or "\n\r\n" ends the header. */
            if (i + 1 < n && p[i + 1] == '\n') {
                *hlen = i + 2;
                return WS_OK;
            }
            if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n') {
                *hlen = i + 3;
                return WS_OK;
            }
        }
        /* Keep the last two bytes: they may start the terminator. */
        scanned = n > 2 ? n - 2 : 0;
        if (n >= WS_WINDOW) {
            char what[96];
            snprintf(what, sizeof what,
                     "header longer than %zu bytes (no blank line ends it)",
                     WS_WINDOW);
            return corrupt(in, off, what);
        }
        if (w->eof) {
            record_msg(in, off, "the file ends inside the record's header "
                                "(truncated); the records before it were "
                                "read");
            return WS_ERR_TRUNCATED;
        }
        ws_status st = ws_window_fill(w);
        if (st != WS_OK)
            return source_failed(in, off, st);
    }
}

/* Parses the header in p[0..n): the version line, then "Name: value"
 * lines. Values the document needs are copied out of the window. */
static ws_status parse_header(ws_input *in, uint64_t off, const char *p,
                              size_t n, warc_head *h)
{
    memset(h, 0, sizeof *h);
    ws_buf_clear(&in->url);
    ws_buf_clear(&in->crawl_date);
    ws_buf_clear(&in->charset);
    const char *end = p + n;
    const char *eol = memchr(p, '\n', n);
    size_t vlen = (size_t)(eol - p);
    trim(p, &vlen);
    /* "WARC/1.0" and "WARC/1.1"; a later 1.x differs in nothing read here. */
    if (vlen < 8 || memcmp(p, "WARC/1.", 7) != 0 || p[7] < '0' || p[7] > '9')
        return corrupt(in, off, "not a WARC record (it does not start "
                                "with \"WARC/1.0\" or \"WARC/1.1\")");
    for (const char *line = eol + 1; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = (size_t)(nl - line);
        const char *next = nl + 1;
        /* Continuation lines (leading blank) carry no field this reader
         * uses; they are passed over. */
        const char *colon = memchr(line, ':', len);
        if (colon && line[0] != ' ' && line[0] != '\t') {
            size_t klen = (size_t)(colon - line);
            size_t v_n = len - klen - 1;
            const char *v = trim(colon + 1, &v_n);
            if (ieq(line, klen, "warc-type")) {
                size_t k = WS_MIN(v_n, sizeof h->type - 1);
                for (size_t i = 0; i < k; i++)
                    h->type[i] = (char)ws_lower((unsigned char)v[i]);
                h->type[k] = '\0';
            } else if (ieq(line, klen, "content-length")) {
                h->has_length = parse_length(v, v_n, &h->length);
            } else if (ieq(line, klen, "warc-target-uri")) {
                /* WARC 1.0's grammar wrote the URI in angle brackets; some
                 * writers still do. */
                if (v_n >= 2 && v[0] == '<' && v[v_n - 1] == '>') {
                    v++;
                    v_n -= 2;
                }
                ws_buf_clear(&in->url);
                ws_buf_append(&in->url, v, v_n);
            } else if (ieq(line, klen, "warc-date")) {
                ws_buf_clear(&in->crawl_date);
                ws_buf_append(&in->crawl_date, v, WS_MIN(v_n, (size_t)64));
            } else if (ieq(line, klen, "content-type")) {
                content_type(v, v_n, h->media, sizeof h->media, &in->charset);
            }
        }
        line = next;
    }
    if (!h->has_length)
        return corrupt(in, off, "no valid Content-Length, so the next "
                                "record cannot be found");
    return WS_OK;
}

/* ---- the HTTP layer -------------------------------------------------------- */

/* Undoes chunked transfer coding in place; returns the new length. When
 * the payload does not start with a chunk size line it was stored already
 * decoded (some crawlers keep the header), and is left as it is. A last
 * chunk cut short keeps what there is. */
static size_t dechunk(char *p, size_t n)
{
    size_t r = 0, w = 0;
    bool first = true;
    for (;;) {
        size_t i = r, digits = 0;
        uint64_t size = 0;
        while (i < n && digits < 16) {
            int d = ws_hex_digit((unsigned char)p[i]);
            if (d < 0)
                break;
            size = size * 16 + (uint64_t)d;
            digits++;
            i++;
        }
        /* Then chunk extensions up to the end of the line. */
        const char *nl = digits ? memchr(p + i, '\n', WS_MIN(n - i, 1024))
                                : NULL;
        if (!nl)
            return first ? n : w;
        first = false;
        r = (size_t)(nl - p) + 1;
        if (size == 0)
            return w;
        size_t k = (size_t)WS_MIN(size, (uint64_t)(n - r));
        memmove(p + w, p + r, k);
        w += k;
        r += k;
        if (r < n && p[r] == '\r')
            r++;
        if (r < n && p[r] == '\n')
            r++;
        if (r >= n)
            return w;
    }
}

/* Inflates p[0..n) (gzip, zlib or raw deflate, as `deflate` is sent both
 * ways) into in->aux, at most max_bytes. */
static ws_status inflate_payload(ws_input *in, const char *p, size_t n,
                                 int window_bits, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK)
        return WS_ERR_NOMEM;
    size_t max = in->max_bytes, len = 0;
    ws_input_reserve(&in->aux, &in->aux_cap, WS_MIN(max + 2, 4 * n + 1024));
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)WS_MIN(n, (size_t)UINT32_MAX);
    ws_status st = WS_OK;
    for (;;) {
        if (len + 1 >= in->aux_cap) {
            if (len > max) {
                st = WS_ERR_TOO_BIG;
                break;
            }
            ws_input_reserve(&in->aux, &in->aux_cap,
                             WS_MIN(max + 2, in->aux_cap * 2));
        }
        size_t room = WS_MIN(in->aux_cap - 1 - len, (size_t)1 << 30);
        z.next_out = (Bytef *)in->aux + len;
        z.avail_out = (uInt)room;
        int ret = inflate(&z, Z_NO_FLUSH);
        len += room - z.avail_out;
        if (len > max) {
            st = WS_ERR_TOO_BIG;
            break;
        }
        if (ret == Z_STREAM_END)
            break;
        if (ret == Z_OK)
            continue;
        if (ret == Z_BUF_ERROR && z.avail_out == 0)
            continue;
        /* A payload cut short keeps what was inflated, as a browser
         * shows it; anything else is corrupt. */
        if (ret != Z_BUF_ERROR || len == 0)
            st = WS_ERR_GZIP;
        break;
    }
    inflateEnd(&z);
    in->aux[len] = '\0';
    *out_len = len;
    return st;
}

/* Whether a media type is a page to read: HTML, XHTML or plain text (and
 * none given). Images, PDF, scripts, style sheets, feeds are not. */
static bool readable(const char *media)
{
    if (!media[0] || strcmp(media, "text/html") == 0 ||
        strcmp(media, "application/xhtml+xml") == 0 ||
        strcmp(media, "text/plain") == 0)
        return true;
    if (strncmp(media, "text/", 5) != 0)
        return false;
    static const char *const not_pages[] = {
        "text/css", "text/javascript", "text/ecmascript", "text/csv",
        "text/calendar", "text/vcard", "text/x-javascript",
    };
    for (size_t i = 0; i < WS_COUNT(not_pages); i++)
        if (strcmp(media, not_pages[i]) == 0)
            return false;
    return true;
}

/* Why a record gave no document when it is not an error. */
enum verdict { DOC, SKIP };

/* Turns the block data[0..n) of a response or resource record into the
 * document's bytes (*body, *len). */
static ws_status payload(ws_input *in, uint64_t off, const warc_head *h,
                         size_t n, const char **body, size_t *len,
                         enum verdict *v)
{
    char *p = in->data;
    char media[64];
    memcpy(media, h->media, sizeof media);
    bool chunked = false;
    char coding[16] = "";
    *v = SKIP;
    bool http = strcmp(h->type, "response") == 0 && n >= 5 &&
                memcmp(p, "HTTP/", 5) == 0;
    size_t start = 0;
    if (http) {
        /* Status line: HTTP/1.1 200 OK */
        const char *nl = memchr(p, '\n', n);
        const char *sp = memchr(p, ' ', nl ? (size_t)(nl - p) : n);
        if (!nl || !sp || (size_t)(nl - sp) < 4 || sp[1] < '1' ||
            sp[1] > '9' || sp[2] < '0' || sp[2] > '9' || sp[3] < '0' ||
            sp[3] > '9') {
            record_msg(in, off, "malformed HTTP status line; skipped");
            in->keep_file = true;
            return WS_ERR_IO;
        }
        if (sp[1] != '2') {
            in->stats.http_status++;
            return WS_OK;
        }
        media[0] = '\0';
        ws_buf_clear(&in->charset);
        size_t i = (size_t)(nl - p) + 1;
        bool ended = false;
        while (i < n) {
            const char *e = memchr(p + i, '\n', n - i);
            size_t ln = e ? (size_t)(e - (p + i)) : n - i;
            const char *line = p + i;
            i = e ? i + ln + 1 : n;
            size_t tn = ln;
            trim(line, &tn);
            if (tn == 0) {
                ended = true;
                break;
            }
            const char *colon = memchr(line, ':', ln);
            if (!colon)
                continue;
            size_t klen = (size_t)(colon - line);
            size_t vn = ln - klen - 1;
            const char *val = trim(colon + 1, &vn);
            /* Common Crawl renames headers it has already undone
             * (X-Crawler-Transfer-Encoding); only the real names count. */
            if (ieq(line, klen, "content-type")) {
                content_type(val, vn, media, sizeof media, &in->charset);
            } else if (ieq(line, klen, "transfer-encoding")) {
                chunked = istarts(val, vn, "chunked");
            } else if (ieq(line, klen, "content-encoding")) {
                size_t k = WS_MIN(vn, sizeof coding - 1);
                for (size_t j = 0; j < k; j++)
                    coding[j] = (char)ws_lower((unsigned char)val[j]);
                coding[k] = '\0';
            }
        }
        start = ended ? i : n;
    } else if (strncmp(media, "application/http", 16) == 0) {
        /* A response block without its HTTP head (some derived WARCs
         * store only the page): nothing tells what it is. */
        media[0] = '\0';
    }
    if (!readable(media)) {
        in->stats.not_text++;
        return WS_OK;
    }
    char *b = p + start;
    size_t bl = n - start;
    if (chunked)
        bl = dechunk(b, bl);
    b[bl] = '\0';
    if (coding[0] && strcmp(coding, "identity") != 0) {
        bool gz = strcmp(coding, "gzip") == 0 || strcmp(coding, "x-gzip") == 0;
        bool magic = bl >= 2 && (unsigned char)b[0] == 0x1F &&
                     (unsigned char)b[1] == 0x8B;
        int bits = 0;
        if (gz && magic)
            bits = 16 + MAX_WBITS;
        else if (strcmp(coding, "deflate") == 0)
            /* zlib-wrapped as the RFC says, or raw as some servers send:
             * 32 + MAX_WBITS detects a zlib or gzip header. */
            bits = bl >= 1 && ((unsigned char)b[0] & 0x0F) == 8
                       ? 32 + MAX_WBITS
                       : -MAX_WBITS;
        else if (!gz) {
            /* br, zstd, compress: not undone here. */
            in->stats.not_text++;
            return WS_OK;
        }
        /* gzip without the magic bytes: stored already decoded. */
        if (bits) {
            size_t ol;
            ws_status st = inflate_payload(in, b, bl, bits, &ol);
            if (st == WS_ERR_TOO_BIG) {
                char what[128];
                snprintf(what, sizeof what,
                         "HTTP payload larger than --max-bytes (%zu bytes) "
                         "when decompressed; skipped",
                         in->max_bytes);
                record_msg(in, off, what);
                in->keep_file = true;
                return st;
            }
            if (st != WS_OK) {
                record_msg(in, off, "corrupt compressed HTTP payload "
                                    "(Content-Encoding); skipped");
                in->keep_file = true;
                return st;
            }
            b = in->aux;
            bl = ol;
        }
    }
    *body = b;
    *len = bl;
    *v = DOC;
    return WS_OK;
}

/* ---- records ---------------------------------------------------------------- */

/* Skips CR and LF between records (the block's trailing CRLF CRLF, and
 * blank lines some writers add). false at the end of the file. */
static ws_status next_record_start(ws_input *in, bool *more)
{
    ws_window *w = &in->win;
    for (;;) {
        while (w->pos < w->len &&
               (w->buf[w->pos] == '\r' || w->buf[w->pos] == '\n'))
            w->pos++;
        if (w->pos < w->len) {
            *more = true;
            return WS_OK;
        }
        if (w->eof) {
            *more = false;
            return WS_OK;
        }
        ws_status st = ws_window_fill(w);
        if (st != WS_OK)
            return st;
    }
}

static void count_skipped(ws_input *in, const char *type)
{
    ws_input_stats *s = &in->stats;
    if (strcmp(type, "request") == 0)
        s->warc_request++;
    else if (strcmp(type, "metadata") == 0)
        s->warc_metadata++;
    else if (strcmp(type, "warcinfo") == 0)
        s->warc_warcinfo++;
    else if (strcmp(type, "revisit") == 0)
        s->warc_revisit++;
    else
        s->warc_other++;
}

static ws_status skip_block(ws_input *in, uint64_t off, uint64_t length)
{
    uint64_t got;
    ws_status st = ws_window_skip(&in->win, length, &got);
    if (st != WS_OK)
        return source_failed(in, off, st);
    if (got < length) {
        record_msg(in, off, "the file ends inside the record's block "
                            "(truncated); the records before it were read");
        return WS_ERR_TRUNCATED;
    }
    return WS_OK;
}

ws_status ws_warc_next(ws_input *in, ws_document *doc)
{
    ws_window *w = &in->win;
    for (;;) {
        bool more;
        ws_status st = next_record_start(in, &more);
        /* A failure here is in the bytes after the previous record. */
        if (st != WS_OK)
            return source_failed(in, ws_window_record_offset(w), st);
        if (!more)
            return WS_STATUS_COUNT;
        uint64_t off = ws_window_record_offset(w);

        size_t hlen = 0;
        if ((st = find_header(in, off, &hlen)) != WS_OK)
            return st;
        warc_head h;
        st = parse_header(in, off, w->buf + w->pos, hlen, &h);
        if (st != WS_OK)
            return st;
        w->pos += hlen;

        bool page = strcmp(h.type, "response") == 0 ||
                    strcmp(h.type, "resource") == 0;
        if (!page) {
            count_skipped(in, h.type);
            if ((st = skip_block(in, off, h.length)) != WS_OK)
                return st;
            continue;
        }
        if (h.length > in->max_bytes) {
            if ((st = skip_block(in, off, h.length)) != WS_OK)
                return st;
            char what[160];
            snprintf(what, sizeof what,
                     "%llu bytes, larger than --max-bytes (%zu bytes); "
                     "skipped",
                     (unsigned long long)h.length, in->max_bytes);
            record_msg(in, off, what);
            in->keep_file = true;
            return WS_ERR_TOO_BIG;
        }
        size_t n = (size_t)h.length, got;
        ws_input_reserve(&in->data, &in->data_cap, n + 2);
        st = ws_window_read(w, in->data, n, &got);
        if (st != WS_OK)
            return source_failed(in, off, st);
        if (got < n) {
            record_msg(in, off, "the file ends inside the record's block "
                                "(truncated); the records before it were "
                                "read");
            return WS_ERR_TRUNCATED;
        }
        in->data[n] = '\0';

        const char *body = NULL;
        size_t len = 0;
        enum verdict v;
        st = payload(in, off, &h, n, &body, &len, &v);
        if (st != WS_OK)
            return st;
        if (v == SKIP)
            continue;
        ws_buf_clear(&in->source);
        ws_buf_printf(&in->source, "%s:%llu", in->name.data,
                      (unsigned long long)off);
        doc->source = ws_buf_cstr(&in->source);
        doc->data = body;
        doc->len = len;
        doc->url = in->url.len ? ws_buf_cstr(&in->url) : NULL;
        doc->charset = in->charset.len ? ws_buf_cstr(&in->charset) : NULL;
        doc->crawl_date =
            in->crawl_date.len ? ws_buf_cstr(&in->crawl_date) : NULL;
        in->emitted++;
        return WS_OK;
    }
}
