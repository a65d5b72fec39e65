/* Growable byte buffer with a hard cap: every buffer fed from input has a
 * limit, so hostile input ends in WS_ERR_TOO_BIG rather than exhausting
 * memory. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ws_buf_init(ws_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : SIZE_MAX / 2;
}

void ws_buf_cleanup(ws_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void ws_buf_clear(ws_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

ws_status ws_buf_reserve(ws_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return WS_ERR_TOO_BIG;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return WS_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 4 ? need : cap * 2;
    b->data = ws_xrealloc(b->data, cap);
    b->cap = cap;
    return WS_OK;
}

ws_status ws_buf_append(ws_buf *b, const void *p, size_t n)
{
    ws_status st = ws_buf_reserve(b, n);
    if (st != WS_OK)
        return st;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return WS_OK;
}

ws_status ws_buf_puts(ws_buf *b, const char *s)
{
    return ws_buf_append(b, s, strlen(s));
}

ws_status ws_buf_putc(ws_buf *b, char c)
{
    if (b->len + 1 < b->cap && b->len < b->max) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return WS_OK;
    }
    return ws_buf_append(b, &c, 1);
}

ws_status ws_buf_printf(ws_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ws_status st = WS_ERR_USAGE;
    if (n >= 0) {
        st = ws_buf_reserve(b, (size_t)n);
        if (st == WS_OK) {
            vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
            b->len += (size_t)n;
        }
    }
    va_end(ap2);
    return st;
}

const char *ws_buf_cstr(ws_buf *b)
{
    return b->data ? b->data : "";
}

char *ws_buf_detach(ws_buf *b, size_t *len)
{
    char *p = b->data ? b->data : ws_xstrdup("");
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* JSON string escaping: quotes, backslashes and control characters; the
 * input is already valid UTF-8, so everything else is copied as is. */
void ws_buf_json(ws_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    ws_buf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' &&
               s[run] != '\\')
            run++;
        ws_buf_append(b, s + i, run - i);
        if (run >= n)
            break;
        unsigned char c = (unsigned char)s[run];
        switch (c) {
        case '"': ws_buf_puts(b, "\\\""); break;
        case '\\': ws_buf_puts(b, "\\\\"); break;
        case '\n': ws_buf_puts(b, "\\n"); break;
        case '\t': ws_buf_puts(b, "\\t"); break;
        case '\r': ws_buf_puts(b, "\\r"); break;
        default: {
            char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            ws_buf_puts(b, esc);
        }
        }
        i = run + 1;
    }
    ws_buf_putc(b, '"');
}
