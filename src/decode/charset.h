/* Internal to the decode stage: the charset registry, the generated tables,
 * the converters from each kind of charset to NFC UTF-8, and the byte
 * statistics that pick a charset when none is declared. ws_decode
 * (decode.c) puts these together. */
#ifndef WS_DECODE_CHARSET_H
#define WS_DECODE_CHARSET_H

#include "decode.h"

typedef enum ws_cs_kind {
    WS_CS_UTF8,
    WS_CS_UTF16LE,
    WS_CS_UTF16BE,
    WS_CS_ASCII, /* us-ascii: decoded like windows-1252, as browsers do */
    WS_CS_SBCS,  /* single-byte, our own table for bytes 0x80..0xFF */
    WS_CS_ICONV  /* anything else we know a name for, through iconv(3) */
} ws_cs_kind;

typedef struct ws_charset {
    const char *name; /* canonical, lower case, as reported by ws_decode */
    ws_cs_kind kind;
    const uint16_t *high;   /* SBCS and ASCII: code points of 0x80..0xFF */
    const char *iconv_name; /* ICONV: the name glibc's iconv_open takes */
    const char *aliases;    /* other labels, space-separated, lower case */
} ws_charset;

/* The registry entry for a label (case-insensitive, surrounding spaces and
 * quotes ignored), or NULL when the label is unknown. */
const ws_charset *ws_charset_lookup(const char *label, size_t n);
/* The registry entry for a canonical name; the name must exist. */
const ws_charset *ws_charset_get(const char *name);

/* Generated tables (charset_tables.c, from gen_tables.py). */
extern const uint16_t ws_cs_windows_1251[128];
extern const uint16_t ws_cs_koi8_r[128];
extern const uint16_t ws_cs_koi8_u[128];
extern const uint16_t ws_cs_iso_8859_5[128];
extern const uint16_t ws_cs_ibm866[128];
extern const uint16_t ws_cs_x_mac_cyrillic[128];
extern const uint16_t ws_cs_windows_1252[128];
extern const uint16_t ws_cs_iso_8859_2[128];
extern const uint16_t ws_cs_windows_1250[128];
extern const uint16_t ws_cs_iso_8859_15[128];
extern const uint32_t ws_nfc_safe_bmp[2048];
/* Lower-case Cyrillic letters of Russian and Ukrainian and their weights
 * in each language: 16 * ln(34 p), p the letter's frequency. */
#define WS_CYR_LETTERS 38
extern const uint32_t ws_cyr_letters[WS_CYR_LETTERS];
extern const int8_t ws_cyr_weight_ru[WS_CYR_LETTERS];
extern const int8_t ws_cyr_weight_uk[WS_CYR_LETTERS];

/* True when a normalisation boundary lies before cp: it is a starter that
 * NFC leaves unchanged and that never composes with what precedes it. Text
 * made only of such code points is already NFC, so the common case needs
 * no normalisation at all. Unknown code points count as unsafe. */
static inline bool ws_nfc_safe(uint32_t cp)
{
    /* Latin-1, Latin Extended and the Cyrillic letters inline: the text we
     * read is almost all in these ranges. */
    if (cp < 0x300 || (cp >= 0x400 && cp < 0x483))
        return true;
    if (cp < 0x10000)
        return (ws_nfc_safe_bmp[cp >> 5] >> (cp & 31)) & 1;
    /* Emoji and symbols, CJK ideographs (gen_tables.py checks these). */
    return (cp >= 0x1F000 && cp <= 0x1FAFF) ||
           (cp >= 0x20000 && cp <= 0x2F7FF) || (cp >= 0x30000 && cp <= 0x3134F);
}

/* What the UTF-8 converter saw: valid multi-byte sequences and invalid
 * bytes (each replaced by U+FFFD). */
typedef struct ws_utf8_stats {
    size_t multibyte;
    size_t invalid;
} ws_utf8_stats;

/* Converters. Each appends NFC UTF-8 to out, replaces what cannot be
 * decoded by U+FFFD, drops NUL and C0 controls other than \t \n \r (as
 * ws_utf8_repair does), and returns WS_OK or WS_ERR_TOO_BIG when out's cap
 * is reached; on any error out keeps its length from before the call. */

/* UTF-8 to NFC UTF-8. With probe set it gives up with WS_ERR_CHARSET as
 * soon as the bytes are plainly not UTF-8 (many more invalid bytes than
 * valid sequences), so a legacy document costs little before it is
 * decoded again with the right charset. stats may be NULL. */
ws_status ws_conv_utf8(const char *s, size_t n, ws_buf *out, bool probe,
                       ws_utf8_stats *stats);
/* A single-byte charset given by the code points of bytes 0x80..0xFF. */
ws_status ws_conv_sbcs(const char *s, size_t n, const uint16_t *high,
                       ws_buf *out);
/* UTF-16 (no BOM in s); a lone surrogate or odd last byte is U+FFFD. */
ws_status ws_conv_utf16(const char *s, size_t n, bool big_endian, ws_buf *out);
/* Through iconv(3); WS_ERR_CHARSET when iconv does not know the name. */
ws_status ws_conv_iconv(const char *s, size_t n, const char *iconv_name,
                        ws_buf *out);

/* Byte statistics over the non-ASCII bytes of s[0..n), which are not
 * UTF-8. Scores the single-byte candidates (windows-1251, koi8-r/u,
 * iso-8859-5, windows-1252, iso-8859-2, windows-1250) by how plausible the
 * decoded text is: Cyrillic letter frequencies in Russian and Ukrainian,
 * mostly lower case, no script mixing inside a word, no box drawing or
 * control characters. Returns the best; when declared (may be NULL) is
 * given, returns it unless the statistics clearly contradict it. */
const ws_charset *ws_charset_detect(const char *s, size_t n,
                                    const ws_charset *declared);

/* The charset a <meta charset>, <meta http-equiv="Content-Type"> or
 * <?xml encoding?> in the first 4 KB declares; NULL when none is found or
 * the label is unknown. */
const ws_charset *ws_charset_from_meta(const char *s, size_t n);

#endif
