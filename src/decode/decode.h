/* Decode: the document's bytes to NFC UTF-8. The charset comes from a BOM,
 * then UTF-8 validity (valid non-ASCII UTF-8 beats a declared legacy
 * charset: mislabelled pages are common in crawls), then the caller's hint
 * (HTTP header), then <meta charset> / http-equiv / <?xml encoding?> in the
 * first 4 KB, then byte statistics (windows-1251, koi8-r/u, iso-8859-5,
 * windows-1252, iso-8859-2, windows-1250). Invalid bytes become U+FFFD;
 * never fatal. Depends on core only. See docs/input.md. */
#ifndef WS_DECODE_H
#define WS_DECODE_H

#include "../core/core.h"

/* Converts bytes[0..len) to NFC UTF-8 appended to out (whose max caps the
 * size). Undecodable bytes become U+FFFD; NUL and C0 controls other than
 * \t \n \r are dropped. hint (an HTTP or container charset label) may be
 * NULL; a declaration the bytes plainly contradict is overridden.
 * *charset (charset may be NULL) receives the static lower-case name of
 * the charset used ("utf-8", "windows-1251" ...; "utf-8" for empty input,
 * and for pure ASCII unless a charset was declared). Returns WS_OK, or
 * WS_ERR_TOO_BIG when out's cap is reached, in which case out keeps its
 * length from before the call. Thread-safe; allocates only through out. */
ws_status ws_decode(const char *bytes, size_t len, const char *hint,
                    ws_buf *out, const char **charset);

/* Returns the canonical static name for a charset label ("cp1251",
 * "Windows-1251", " x-cp1251 " -> "windows-1251"; case, surrounding spaces
 * and quotes ignored), or NULL when unsupported. Besides the charsets
 * above: utf-16le/be, us-ascii, iso-8859-1 (read as windows-1252, as
 * browsers do), iso-8859-15, ibm866, x-mac-cyrillic, and through iconv gbk
 * (gb2312), gb18030, big5, shift_jis, euc-jp, iso-2022-jp, euc-kr and a
 * few more single-byte ones. */
const char *ws_charset_canonical(const char *label, size_t n);

/* The charset byte statistics alone would choose for bytes[0..len) if it
 * is not UTF-8 (static name), for tools and tests. */
const char *ws_charset_guess(const char *bytes, size_t len);

#endif
