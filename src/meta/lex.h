/* Lexical helpers shared by the normalisers and the readers: Unicode
 * spaces and invisible characters, letter case in any script (utf8proc),
 * case folding for keyword matching, and whitespace collapsing. Internal
 * to libwhosaid; depends on core and utf8proc. */
#ifndef WS_META_LEX_H
#define WS_META_LEX_H

#include "../core/core.h"

/* Byte length of a space at s[0..n): ASCII whitespace, NBSP, the U+2000
 * spaces, U+202F, U+205F, U+3000; 0 when s does not start with one. */
size_t ws_lex_space(const char *s, size_t n);

/* Byte length of an invisible character at s[0..n) that text should simply
 * lose (zero-width space/joiners, word joiner, BOM, soft hyphen); else 0. */
size_t ws_lex_invisible(const char *s, size_t n);

/* Letter classes for one code point (any script). */
bool ws_lex_is_letter(uint32_t cp);
bool ws_lex_is_upper(uint32_t cp);
bool ws_lex_is_lower(uint32_t cp);

/* Code point of a lower-case form (utf8proc, one-to-one mappings only). */
uint32_t ws_lex_lower(uint32_t cp);
uint32_t ws_lex_upper(uint32_t cp);

/* Apostrophes that occur inside words (' ’ ʼ). */
static inline bool ws_lex_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* Writes a folded copy of s[0..n) to out (at most cap bytes, whole
 * characters only) for keyword matching: letters lower-cased, word-internal
 * apostrophes turned into ASCII ', every space into one ASCII space,
 * invisible characters dropped. Returns the bytes written. */
size_t ws_lex_fold(const char *s, size_t n, char *out, size_t cap);

/* Appends s[0..n) to out trimmed, with every run of spaces (see
 * ws_lex_space, newlines included) turned into one ASCII space and
 * invisible characters dropped. */
ws_status ws_lex_collapse(ws_buf *out, const char *s, size_t n);

/* Appends s[0..n) to out with each ALL-CAPS word (two letters or more)
 * in Title Case, a capital kept after hyphens ("НЬЮ-ЙОРК" -> "Нью-Йорк");
 * other words as written. */
void ws_lex_title_case(const char *s, size_t n, ws_buf *out);

/* Trims spaces and invisible characters from both ends of (*s, *n). */
void ws_lex_trim(const char **s, size_t *n);

#endif
