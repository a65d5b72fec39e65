/* UTF-8 decoding, encoding and repair. Invalid bytes become U+FFFD instead
 * of failing: a news tool must read a page with one bad byte. */
#include "core.h"

size_t ws_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

size_t ws_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool ws_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = ws_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1)
            return false;
        i += k;
    }
    return true;
}

ws_status ws_utf8_repair(ws_buf *out, const char *s, size_t n)
{
    ws_status st = ws_buf_reserve(out, n);
    if (st != WS_OK)
        return st;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 &&
               (unsigned char)s[run] < 0x80)
            run++;
        if (run > i) {
            st = ws_buf_append(out, s + i, run - i);
            if (st != WS_OK)
                return st;
            i = run;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20) {
            if (c == '\t' || c == '\n' || c == '\r')
                st = ws_buf_putc(out, (char)c);
            i++;
        } else {
            uint32_t cp;
            size_t k = ws_utf8_decode(s + i, n - i, &cp);
            if (cp == 0xFFFD && k == 1)
                st = ws_buf_append(out, "\xEF\xBF\xBD", 3);
            else
                st = ws_buf_append(out, s + i, k);
            i += k;
        }
        if (st != WS_OK)
            return st;
    }
    return WS_OK;
}
