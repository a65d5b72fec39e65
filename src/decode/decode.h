/* Decode: the document's bytes to NFC UTF-8. The charset comes from a BOM,
 * then the caller's hint (HTTP header), then <meta charset> / http-equiv in
 * the first bytes of HTML, then byte statistics (utf-8, windows-1251,
 * koi8-r/u, iso-8859-x, windows-1252). Invalid bytes become U+FFFD; never
 * fatal. Depends on core only. */
#ifndef WS_DECODE_H
#define WS_DECODE_H

#include "../core/core.h"

/* Converts bytes[0..len) to UTF-8 appended to out (which caps the size).
 * hint may be NULL. *charset receives a static lower-case name of the
 * charset used ("utf-8", "windows-1251" ...). Returns WS_OK, or
 * WS_ERR_TOO_BIG when out's cap is reached. */
ws_status ws_decode(const char *bytes, size_t len, const char *hint,
                    ws_buf *out, const char **charset);

/* Returns the canonical static name for a charset label ("cp1251",
 * "Windows-1251", "x-cp1251" -> "windows-1251"), or NULL when unsupported. */
const char *ws_charset_canonical(const char *label, size_t n);

#endif
