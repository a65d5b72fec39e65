/* Request targets and replies for the HTTP front end: the raw target as the
 * client sent it is split and percent-decoded here (not by the HTTP
 * library) so that every byte a client controls goes through one parser
 * with one set of limits, and the fuzzer exercises the code that runs. */
#include "http.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- buffer ---- */

static void grow(ws_hbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        fputs("whosaid: out of memory\n", stderr);
        abort();
    }
    b->p = p;
    b->cap = cap;
}

void hbuf_put(ws_hbuf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void hbuf_puts(ws_hbuf *b, const char *s)
{
    hbuf_put(b, s, strlen(s));
}

void hbuf_printf(ws_hbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void hbuf_json_str(ws_hbuf *b, const char *s)
{
    if (!s) {
        hbuf_puts(b, "null");
        return;
    }
    hbuf_put(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        switch (*p) {
        case '"':
            hbuf_puts(b, "\\\"");
            break;
        case '\\':
            hbuf_puts(b, "\\\\");
            break;
        case '\n':
            hbuf_puts(b, "\\n");
            break;
        case '\r':
            hbuf_puts(b, "\\r");
            break;
        case '\t':
            hbuf_puts(b, "\\t");
            break;
        /* <, > and & escaped too: the JSON stays inert even if some
         * client were to paste it into HTML. */
        case '<':
        case '>':
        case '&':
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            hbuf_puts(b, esc);
            break;
        default:
            if (*p < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *p);
                hbuf_puts(b, esc);
            } else {
                hbuf_put(b, (const char *)p, 1);
            }
        }
    }
    hbuf_put(b, "\"", 1);
}

char *hbuf_take(ws_hbuf *b, size_t *len)
{
    if (!b->p)
        hbuf_put(b, "", 0);
    char *p = b->p;
    if (len)
        *len = b->len;
    *b = (ws_hbuf){0};
    return p;
}

void hbuf_cleanup(ws_hbuf *b)
{
    free(b->p);
    *b = (ws_hbuf){0};
}

/* ---- target ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
static bool utf8_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 1, min = 0x80, c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2, min = 0x800, c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3, min = 0x10000, c &= 0x07;
        } else {
            return false;
        }
        if (i + k >= n)
            return false;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return false;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return false;
        i += k + 1;
    }
    return true;
}

/* Decodes raw[0..n) into a new string; '+' is a space in a query part.
 * NULL when an escape is malformed or the result holds a control byte or
 * invalid UTF-8. */
static char *decode(const char *raw, size_t n, bool query)
{
    char *out = malloc(n + 1);
    if (!out)
        abort();
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '%') {
            if (i + 2 >= n) {
                free(out);
                return NULL;
            }
            int h = hexval(raw[i + 1]), l = hexval(raw[i + 2]);
            if (h < 0 || l < 0) {
                free(out);
                return NULL;
            }
            c = (unsigned char)(h * 16 + l);
            i += 2;
        } else if (c == '+' && query) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7F) {
            free(out);
            return NULL;
        }
        out[o++] = (char)c;
    }
    out[o] = '\0';
    if (!utf8_ok((const unsigned char *)out, o)) {
        free(out);
        return NULL;
    }
    return out;
}

void ws_http_target_cleanup(ws_http_target *t)
{
    free(t->path);
    for (size_t i = 0; i < t->n_args; i++) {
        free(t->args[i].key);
        free(t->args[i].value);
    }
    *t = (ws_http_target){0};
}

int ws_http_target_parse(const char *raw, size_t len, ws_http_target *t,
                         const char **why)
{
    *t = (ws_http_target){0};
    if (len > WS_HTTP_MAX_TARGET) {
        *why = "the request target is longer than 2048 bytes";
        return 414;
    }
    if (len == 0 || raw[0] != '/') {
        *why = "the request target must be a path starting with /";
        return 400;
    }
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)raw[i] <= 0x20 || raw[i] == 0x7F || raw[i] == '#') {
            *why = "the request target holds a character that must be "
                   "percent-encoded";
            return 400;
        }
    const char *q = memchr(raw, '?', len);
    size_t plen = q ? (size_t)(q - raw) : len;
    t->path = decode(raw, plen, false);
    if (!t->path) {
        *why = "the path has a malformed percent escape, a control "
               "character or invalid UTF-8";
        return 400;
    }
    if (!q)
        return 0;
    const char *p = q + 1, *end = raw + len;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        if (stop == p) { /* "a=1&&b=2": an empty pair is nothing */
            p = stop + 1;
            continue;
        }
        if (t->n_args == WS_HTTP_MAX_ARGS) {
            *why = "too many query parameters (16 at most)";
            goto fail;
        }
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        const char *kend = eq ? eq : stop;
        char *key = decode(p, (size_t)(kend - p), true);
        char *value = eq ? decode(eq + 1, (size_t)(stop - eq - 1), true)
                         : decode("", 0, true);
        if (!key || !value) {
            free(key);
            free(value);
            *why = "a query parameter has a malformed percent escape, a "
                   "control character or invalid UTF-8";
            goto fail;
        }
        ws_http_arg *a = &t->args[t->n_args++];
        a->key = key;
        a->value = value;
        if (strlen(value) > WS_HTTP_MAX_VALUE) {
            *why = "a query parameter value is longer than 200 bytes";
            goto fail;
        }
        for (size_t i = 0; i + 1 < t->n_args; i++)
            if (strcmp(t->args[i].key, key) == 0) {
                *why = "a query parameter is given twice";
                goto fail;
            }
        p = stop + 1;
    }
    return 0;
fail:
    ws_http_target_cleanup(t);
    return 400;
}

/* ---- replies ---- */

void ws_http_error(ws_http_reply *r, int status, const char *message)
{
    ws_hbuf b = {0};
    hbuf_printf(&b, "{\"error\":{\"status\":%d,\"message\":", status);
    hbuf_json_str(&b, message);
    hbuf_puts(&b, "}}\n");
    free(r->body);
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    r->body = hbuf_take(&b, &r->len);
    r->fd = -1;
    r->cacheable = false;
}

void ws_http_reply_cleanup(ws_http_reply *r)
{
    free(r->body);
    r->body = NULL;
}
