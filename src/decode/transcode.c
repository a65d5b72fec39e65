/* Converters from each kind of charset to NFC UTF-8. UTF-8 input is copied
 * in long runs and normalised only around the rare code points that NFC can
 * change; single-byte charsets go through a 256-entry table built per call
 * (all their characters are already NFC); UTF-16 and iconv charsets are
 * turned into UTF-8 first and then take the UTF-8 path. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

/* Unicode's stream-safe format caps a run of non-starters at 30; past that
 * we normalise what we have and start afresh, which keeps utf8proc's
 * reordering (quadratic in the run) cheap on hostile input. */
#define SEGMENT_MAX 32
/* Code points utf8proc may need to decompose a segment into. */
#define DECOMP_MAX 256

static void rollback(ws_buf *out, size_t base)
{
    out->len = base;
    if (out->data)
        out->data[base] = '\0';
}

/* Reserves room for need bytes of output plus slack bytes the fast loops
 * may scribble past the end (overwritten or cut off later). Only need
 * counts against the cap. */
static ws_status reserve(ws_buf *out, size_t need, size_t slack)
{
    if (need > out->max || out->len > out->max - need)
        return WS_ERR_TOO_BIG;
    size_t max = out->max;
    out->max = SIZE_MAX / 2;
    ws_status st = ws_buf_reserve(out, need + slack);
    out->max = max;
    return st;
}

/* True when no byte of the 8 at p is a control (< 0x20) or non-ASCII. */
static inline bool word_is_text(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t high = 0x8080808080808080u;
    return ((w | (w - 0x2020202020202020u)) & high) == 0;
}

/* The end of the longest prefix of s[i..n) that can be copied to the
 * output unchanged: printable ASCII, \t \n \r, and valid UTF-8 sequences
 * of NFC-safe code points. Counts the multi-byte sequences. */
static size_t clean_run(const unsigned char *s, size_t i, size_t n,
                        size_t *multibyte)
{
    size_t mb = 0;
    while (i < n) {
        while (i + 8 <= n && word_is_text(s + i))
            i += 8;
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            break;
        }
        uint32_t cp;
        size_t k;
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
                break;
            cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            k = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 ||
                (s[i + 2] & 0xC0) != 0x80)
                break;
            cp = ((uint32_t)(c & 0x0F) << 12) |
                 ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            /* Overlong forms and surrogates are invalid. */
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                break;
            k = 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 ||
                (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
                break;
            cp = ((uint32_t)(c & 0x07) << 18) |
                 ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            if (cp < 0x10000 || cp > 0x10FFFF)
                break;
            k = 4;
        } else {
            break;
        }
        if (!ws_nfc_safe(cp))
            break;
        mb++;
        i += k;
    }
    *multibyte += mb;
    return i;
}

/* Offset of the last code point in out->data[from..len), or len if none. */
static size_t last_char(const ws_buf *out, size_t from)
{
    size_t p = out->len;
    while (p > from) {
        p--;
        if (((unsigned char)out->data[p] & 0xC0) != 0x80)
            return p;
    }
    return out->len;
}

/* Replaces out->data[at..len) by the NFC form of seg[0..n), which is
 * valid UTF-8 holding at most SEGMENT_MAX + 1 code points. */
static ws_status normalize_into(ws_buf *out, size_t at, const char *seg,
                                size_t n)
{
    utf8proc_int32_t cps[DECOMP_MAX];
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t ncp =
        utf8proc_decompose((const utf8proc_uint8_t *)seg, (utf8proc_ssize_t)n,
                           cps, DECOMP_MAX, opts);
    rollback(out, at);
    /* A canonical decomposition is at most 4 code points long, so cps is
     * always large enough; keep the text as it is should that change. */
    if (ncp < 0 || ncp > DECOMP_MAX)
        return ws_buf_append(out, seg, n);
    /* utf8proc_reencode composes and writes the UTF-8 over cps. */
    utf8proc_ssize_t nb = utf8proc_reencode(cps, ncp, opts);
    if (nb < 0)
        return ws_buf_append(out, seg, n);
    return ws_buf_append(out, cps, (size_t)nb);
}

ws_status ws_conv_utf8(const char *str, size_t n, ws_buf *out, bool probe,
                       ws_utf8_stats *stats)
{
    const unsigned char *s = (const unsigned char *)str;
    const size_t base = out->len;
    ws_utf8_stats us = {0, 0};
    ws_status st = WS_OK;
    size_t last = SIZE_MAX; /* output offset of the last code point */
    size_t i = 0;

    /* Most text fits; reserving it up front saves regrowing. A cap smaller
     * than the input is found by the appends below. */
    if (n <= out->max && out->len <= out->max - n)
        (void)ws_buf_reserve(out, n);
    while (i < n) {
        /* Runs are bounded so each is copied while still in cache. */
        size_t end = WS_MIN(n, i + 65536);
        size_t j = clean_run(s, i, end, &us.multibyte);
        if (j > i) {
            size_t at = out->len;
            st = ws_buf_append(out, s + i, j - i);
            if (st != WS_OK)
                goto done;
            last = last_char(out, at);
            i = j;
        }
        if (i >= n)
            break;
        if (i == end)
            continue;
        /* clean_run stopped at a control, an invalid byte, a code point NFC
         * may change, or a sequence cut by the run bound (decoded below
         * against the whole input). */
        if (s[i] < 0x80) {
            i++; /* a control character: dropped */
            continue;
        }
        uint32_t cp;
        size_t k = ws_utf8_decode(str + i, n - i, &cp);
        if (k == 1 && cp == 0xFFFD) {
            us.invalid++;
            if (probe && us.invalid >= 256 && us.invalid > us.multibyte) {
                st = WS_ERR_CHARSET;
                goto done;
            }
            st = ws_buf_append(out, "\xEF\xBF\xBD", 3);
            if (st != WS_OK)
                goto done;
            last = out->len - 3;
            i++;
            continue;
        }
        us.multibyte++;
        if (ws_nfc_safe(cp)) {
            st = ws_buf_append(out, s + i, k);
            if (st != WS_OK)
                goto done;
            last = out->len - k;
            i += k;
            continue;
        }
        /* A code point NFC may change. Its segment starts at the last
         * character before it (a boundary lies before every safe one) and
         * runs up to the next safe one. It is gathered apart, so that the
         * unnormalised form never counts against the cap. */
        char seg[4 + SEGMENT_MAX * 4];
        size_t seg_len = 0, at = out->len;
        if (last != SIZE_MAX) {
            at = last;
            seg_len = out->len - last;
            memcpy(seg, out->data + last, seg_len);
        }
        size_t count = 0;
        for (;;) {
            memcpy(seg + seg_len, s + i, k);
            seg_len += k;
            i += k;
            if (++count >= SEGMENT_MAX || i >= n || s[i] < 0x80)
                break;
            k = ws_utf8_decode(str + i, n - i, &cp);
            if ((k == 1 && cp == 0xFFFD) || ws_nfc_safe(cp))
                break;
            us.multibyte++;
        }
        st = normalize_into(out, at, seg, seg_len);
        if (st != WS_OK)
            goto done;
        last = last_char(out, at);
    }
done:
    if (st != WS_OK)
        rollback(out, base);
    if (stats)
        *stats = us;
    return st;
}

/* One table entry: the UTF-8 bytes of a byte's character and their count
 * (0 for dropped controls). Four bytes so the loop copies them as one. */
typedef struct sb_entry {
    unsigned char b[3];
    unsigned char len;
} sb_entry;

ws_status ws_conv_sbcs(const char *str, size_t n, const uint16_t *high,
                       ws_buf *out)
{
    const unsigned char *s = (const unsigned char *)str;
    sb_entry t[256];
    for (unsigned c = 0; c < 0x80; c++) {
        t[c].b[0] = (unsigned char)c;
        t[c].b[1] = t[c].b[2] = 0;
        t[c].len = (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') ? 1 : 0;
    }
    for (unsigned c = 0x80; c < 0x100; c++) {
        char u[4];
        t[c].len = (unsigned char)ws_utf8_encode(high[c - 0x80], u);
        memcpy(t[c].b, u, 3);
    }

    const size_t base = out->len;
    const size_t chunk_max = 16384;
    size_t i = 0;
    while (i < n) {
        size_t chunk = WS_MIN(n - i, chunk_max);
        size_t need = chunk * 3;
        if (need > out->max || out->len > out->max - need) {
            /* Near the cap: count exactly. */
            need = 0;
            for (size_t k = 0; k < chunk; k++)
                need += t[s[i + k]].len;
        }
        ws_status st = reserve(out, need, 8);
        if (st != WS_OK) {
            rollback(out, base);
            return st;
        }
        unsigned char *p = (unsigned char *)out->data + out->len;
        const unsigned char *q = s + i, *qend = s + i + chunk;
        while (q < qend) {
            if (qend - q >= 8 && word_is_text(q)) {
                memcpy(p, q, 8);
                p += 8;
                q += 8;
                continue;
            }
            const sb_entry *e = &t[*q++];
            memcpy(p, e, 4);
            p += e->len;
        }
        out->len = (size_t)(p - (unsigned char *)out->data);
        out->data[out->len] = '\0';
        i += chunk;
    }
    return WS_OK;
}

/* Converts via a temporary UTF-8 buffer to the UTF-8 path, which then
 * normalises and drops controls. */
static ws_status via_utf8(ws_buf *tmp, ws_buf *out)
{
    ws_status st =
        ws_conv_utf8(tmp->data ? tmp->data : "", tmp->len, out, false, NULL);
    ws_buf_cleanup(tmp);
    return st;
}

/* A cap for the intermediate UTF-8: the final output is about as long, so
 * a little over out's room is enough to tell WS_ERR_TOO_BIG. */
static size_t tmp_cap(const ws_buf *out)
{
    size_t room = out->max - out->len;
    return room > SIZE_MAX / 4 ? SIZE_MAX / 2 : room * 2 + 64;
}

ws_status ws_conv_utf16(const char *str, size_t n, bool big_endian, ws_buf *out)
{
    const unsigned char *s = (const unsigned char *)str;
    ws_buf tmp;
    ws_buf_init(&tmp, tmp_cap(out));
    ws_status st = WS_OK;
    size_t i = 0;
    while (i + 1 < n && st == WS_OK) {
        uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1])
                                : (uint32_t)(s[i + 1] << 8 | s[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            uint32_t lo = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1])
                                     : (uint32_t)(s[i + 1] << 8 | s[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        /* A lone surrogate is encoded as U+FFFD by ws_utf8_encode. */
        char b[4];
        st = ws_buf_append(&tmp, b, ws_utf8_encode(u, b));
    }
    if (st == WS_OK && i < n)
        st = ws_buf_append(&tmp, "\xEF\xBF\xBD", 3);
    if (st != WS_OK) {
        ws_buf_cleanup(&tmp);
        return st;
    }
    return via_utf8(&tmp, out);
}

ws_status ws_conv_iconv(const char *str, size_t n, const char *iconv_name,
                        ws_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", iconv_name);
    if (cd == (iconv_t)-1)
        return WS_ERR_CHARSET;
    ws_buf tmp;
    ws_buf_init(&tmp, tmp_cap(out));
    ws_status st = WS_OK;
    char *in = (char *)str; /* iconv's prototype; it does not write */
    size_t inleft = n;
    while (inleft > 0) {
        st = ws_buf_reserve(&tmp, WS_MIN(inleft * 2 + 16, (size_t)1 << 20));
        if (st != WS_OK)
            break;
        char *o = tmp.data + tmp.len;
        size_t oleft = tmp.cap - tmp.len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        tmp.len = (size_t)(o - tmp.data);
        tmp.data[tmp.len] = '\0';
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ: an invalid byte; EINVAL: a sequence cut by the end. Both
         * become U+FFFD and decoding goes on past one byte. */
        st = ws_buf_append(&tmp, "\xEF\xBF\xBD", 3);
        if (st != WS_OK)
            break;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL); /* reset a stateful decoder */
    }
    iconv_close(cd);
    if (st != WS_OK) {
        ws_buf_cleanup(&tmp);
        return st;
    }
    return via_utf8(&tmp, out);
}
