/* Lexical helpers for the normalisers and readers. ASCII takes fast paths;
 * everything else goes through utf8proc so that case rules hold in every
 * script (Cyrillic bylines in capitals are as common as Latin ones). */
#include "lex.h"

#include <utf8proc.h>

size_t ws_lex_space(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    if (s[0] < 0x80)
        return ws_is_space(s[0]) ? 1 : 0;
    if (s[0] == 0xC2 && n >= 2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 && n >= 3) {
        if (s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
            return 3; /* U+2000..U+200A, U+202F */
        if (s[1] == 0x81 && s[2] == 0x9F)
            return 3; /* U+205F */
    }
    if (s[0] == 0xE3 && n >= 3 && s[1] == 0x80 && s[2] == 0x80)
        return 3; /* U+3000 */
    return 0;
}

size_t ws_lex_invisible(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xAD)
        return 2; /* soft hyphen */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D)
        return 3; /* zero-width space, non-joiner, joiner */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3; /* word joiner */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3; /* BOM as zero-width no-break space */
    return 0;
}

/* Fast paths for the scripts of the project's languages (ASCII, Latin-1
 * and Latin Extended-A/B letters, the basic Cyrillic block); utf8proc for
 * everything else. Each reader calls these for every character. */
static bool cyrillic_basic(uint32_t cp)
{
    return cp >= 0x400 && cp < 0x460;
}

bool ws_lex_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return ws_is_alpha((unsigned char)cp);
    if (cp >= 0xC0 && cp < 0x250)
        return cp != 0xD7 && cp != 0xF7;
    if (cyrillic_basic(cp))
        return true;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool ws_lex_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cyrillic_basic(cp))
        return cp < 0x430;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool ws_lex_is_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cyrillic_basic(cp))
        return cp >= 0x430;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

uint32_t ws_lex_lower(uint32_t cp)
{
    if (cp < 0x80)
        return ws_lower((unsigned char)cp);
    if (cyrillic_basic(cp))
        return cp < 0x410 ? cp + 0x50 : cp < 0x430 ? cp + 0x20 : cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t ws_lex_upper(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (cyrillic_basic(cp))
        return cp >= 0x450 ? cp - 0x50 : cp >= 0x430 ? cp - 0x20 : cp;
    return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

size_t ws_lex_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    bool space = false;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !ws_is_space(c)) {
            if (o + 1 > cap)
                break;
            out[o++] = (char)ws_lower(c);
            i++;
            space = false;
            continue;
        }
        size_t k = ws_lex_space(s + i, n - i);
        if (k) {
            if (!space) {
                if (o + 1 > cap)
                    break;
                out[o++] = ' ';
            }
            space = true;
            i += k;
            continue;
        }
        if ((k = ws_lex_invisible(s + i, n - i))) {
            i += k;
            continue;
        }
        uint32_t cp;
        k = ws_utf8_decode(s + i, n - i, &cp);
        cp = ws_lex_is_apostrophe(cp) ? '\'' : ws_lex_lower(cp);
        char enc[4];
        size_t m = ws_utf8_encode(cp, enc);
        if (o + m > cap)
            break;
        for (size_t j = 0; j < m; j++)
            out[o++] = enc[j];
        i += k;
        space = false;
    }
    return o;
}

void ws_lex_trim(const char **sp, size_t *np)
{
    const char *s = *sp;
    size_t n = *np;
    for (;;) {
        size_t k = ws_lex_space(s, n);
        if (!k)
            k = ws_lex_invisible(s, n);
        if (!k)
            break;
        s += k;
        n -= k;
    }
    /* Trailing: step back over whole UTF-8 sequences of at most 3 bytes,
     * the longest space or invisible character. */
    while (n > 0) {
        size_t k = 0;
        for (size_t back = 1; back <= 3 && back <= n && !k; back++) {
            const char *t = s + n - back;
            if (back > 1 && ((unsigned char)t[0] & 0xC0) == 0x80)
                continue;
            size_t m = ws_lex_space(t, back);
            if (!m)
                m = ws_lex_invisible(t, back);
            if (m == back)
                k = back;
        }
        if (!k)
            break;
        n -= k;
    }
    *sp = s;
    *np = n;
}

ws_status ws_lex_collapse(ws_buf *out, const char *s, size_t n)
{
    ws_lex_trim(&s, &n);
    ws_status st = ws_buf_reserve(out, n);
    if (st != WS_OK)
        return st;
    size_t i = 0;
    bool space = false;
    while (i < n && st == WS_OK) {
        size_t k = ws_lex_space(s + i, n - i);
        if (k) {
            space = true;
            i += k;
            continue;
        }
        if ((k = ws_lex_invisible(s + i, n - i))) {
            i += k;
            continue;
        }
        if (space)
            st = ws_buf_putc(out, ' ');
        space = false;
        size_t run = i + 1;
        while (run < n && (unsigned char)s[run] > 0x20 &&
               (unsigned char)s[run] < 0x80)
            run++;
        if (run == i + 1 && (unsigned char)s[i] >= 0x80) {
            uint32_t cp;
            run = i + ws_utf8_decode(s + i, n - i, &cp);
        }
        if (st == WS_OK)
            st = ws_buf_append(out, s + i, run - i);
        i = run;
    }
    return st;
}

void ws_lex_title_case(const char *s, size_t n, ws_buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        size_t upper = 0, lower = 0;
        while (j < n && s[j] != ' ') {
            uint32_t cp;
            j += ws_utf8_decode(s + j, n - j, &cp);
            upper += ws_lex_is_upper(cp);
            lower += ws_lex_is_lower(cp);
        }
        bool caps = upper >= 2 && lower == 0;
        uint32_t prev = ' ';
        for (size_t k = i; k < j;) {
            uint32_t cp;
            size_t m = ws_utf8_decode(s + k, j - k, &cp);
            if (caps && !(prev == ' ' || prev == '-' || prev == 0x2010))
                cp = ws_lex_lower(cp);
            char enc[4];
            ws_buf_append(out, enc, ws_utf8_encode(cp, enc));
            prev = cp;
            k += m;
        }
        if (j < n)
            ws_buf_putc(out, ' ');
        i = j + 1;
    }
}
