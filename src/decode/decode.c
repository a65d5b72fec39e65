/* ws_decode: picks a document's charset and converts it to NFC UTF-8. The
 * order is BOM, then UTF-8 validity, then the declarations (the caller's
 * hint, then the markup), then byte statistics. Valid UTF-8 beats any
 * declared legacy charset because in crawls pages converted to UTF-8 keep
 * their old <meta> or server default far more often than legacy bytes
 * happen to form valid UTF-8 (for Cyrillic text they practically never
 * do). Most documents are UTF-8, so that path is tried first, in one pass
 * that also produces the output. */
#include "charset.h"

#include <string.h>

/* UTF-16 without a BOM shows as NULs on every other byte wherever the
 * text is ASCII (markup, spaces, digits). Returns 1 for little-endian, 2
 * for big-endian, 0 when the bytes do not look like UTF-16. */
static int utf16_sniff(const unsigned char *s, size_t n)
{
    n = WS_MIN(n, (size_t)4096) & ~(size_t)1;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < n; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (pairs < 4)
        return 0;
    if (odd * 4 >= pairs && even * 20 < pairs)
        return 1;
    if (even * 4 >= pairs && odd * 20 < pairs)
        return 2;
    return 0;
}

static ws_status convert(const ws_charset *cs, const char *s, size_t n,
                         ws_buf *out)
{
    switch (cs->kind) {
    case WS_CS_UTF8:
        return ws_conv_utf8(s, n, out, false, NULL);
    case WS_CS_UTF16LE:
    case WS_CS_UTF16BE:
        return ws_conv_utf16(s, n, cs->kind == WS_CS_UTF16BE, out);
    case WS_CS_ASCII:
    case WS_CS_SBCS:
        return ws_conv_sbcs(s, n, cs->high, out);
    case WS_CS_ICONV:
        return ws_conv_iconv(s, n, cs->iconv_name, out);
    }
    return WS_ERR_CHARSET;
}

/* A declaration that can describe bytes that are not UTF-8: us-ascii and
 * UTF-8/16 labels on such bytes are plainly wrong and say nothing. */
static bool legacy(const ws_charset *cs)
{
    return cs && (cs->kind == WS_CS_SBCS || cs->kind == WS_CS_ICONV);
}

ws_status ws_decode(const char *bytes, size_t len, const char *hint,
                    ws_buf *out, const char **charset)
{
    const unsigned char *s = (const unsigned char *)bytes;
    const char *unused;
    if (!charset)
        charset = &unused;
    *charset = "utf-8";
    if (len == 0)
        return WS_OK;

    /* A byte order mark settles it. */
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return ws_conv_utf8(bytes + 3, len - 3, out, false, NULL);
    if (len >= 2 &&
        ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        bool be = s[0] == 0xFE;
        *charset = be ? "utf-16be" : "utf-16le";
        return ws_conv_utf16(bytes + 2, len - 2, be, out);
    }

    const ws_charset *declared =
        hint ? ws_charset_lookup(hint, strlen(hint)) : NULL;
    if (memchr(bytes, 0, WS_MIN(len, (size_t)4096))) {
        int kind = utf16_sniff(s, len);
        if (declared && (declared->kind == WS_CS_UTF16LE ||
                         declared->kind == WS_CS_UTF16BE))
            kind = kind ? (declared->kind == WS_CS_UTF16BE ? 2 : 1) : 0;
        if (kind) {
            *charset = kind == 2 ? "utf-16be" : "utf-16le";
            return ws_conv_utf16(bytes, len, kind == 2, out);
        }
    }

    /* UTF-8 first, producing the output as it goes. A few invalid bytes
     * in much valid UTF-8 are damage (a cut sequence, a pasted fragment),
     * not a sign of another charset. */
    const size_t base = out->len;
    ws_utf8_stats us;
    ws_status st = ws_conv_utf8(bytes, len, out, true, &us);
    /* The probe writes U+FFFD (3 bytes) for each invalid byte, so near the
     * cap it can fail where the legacy decoding below fits. */
    if (st == WS_ERR_TOO_BIG &&
        (us.invalid == 0 || us.invalid * 4 <= us.multibyte))
        return st;
    if (st == WS_OK && us.invalid == 0 && us.multibyte == 0) {
        /* Pure ASCII reads the same in every charset we support; report
         * the declared one if any. */
        if (!legacy(declared))
            declared = ws_charset_from_meta(bytes, len);
        if (legacy(declared) || (declared && declared->kind == WS_CS_ASCII))
            *charset = declared->name;
        return WS_OK;
    }
    if (st == WS_OK && us.multibyte > 0 && us.invalid * 4 <= us.multibyte)
        return WS_OK;

    /* Not UTF-8: undo and decode with the declared charset, unless the
     * statistics clearly contradict it, or with the statistics' choice. */
    out->len = base;
    if (out->data)
        out->data[base] = '\0';
    if (!legacy(declared))
        declared = ws_charset_from_meta(bytes, len);
    if (!legacy(declared))
        declared = NULL;
    const ws_charset *cs = ws_charset_detect(bytes, len, declared);
    st = convert(cs, bytes, len, out);
    if (st == WS_ERR_CHARSET) {
        /* iconv lacks the declared charset: fall back to statistics. */
        cs = ws_charset_detect(bytes, len, NULL);
        st = convert(cs, bytes, len, out);
    }
    if (st == WS_OK)
        *charset = cs->name;
    return st;
}
