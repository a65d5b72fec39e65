/* Character references: numeric (&#8212; &#x2014;) and the named ones that
 * occur in news pages. The full HTML5 table has 2,231 names; pages use a few
 * dozen, and an unknown name is kept literally, as browsers do for names
 * they don't know. */
#include "dom.h"

#include <stdlib.h>
#include <string.h>

typedef struct entity {
    const char *name;
    uint32_t cp;
} entity;

/* Sorted by name (strcmp) for bsearch. */
static const entity entities[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Agrave", 0xC0},
    {"Aring", 0xC5},   {"Atilde", 0xC3},  {"Auml", 0xC4},    {"Ccedil", 0xC7},
    {"Dagger", 0x2021}, {"ETH", 0xD0},    {"Eacute", 0xC9},  {"Ecirc", 0xCA},
    {"Egrave", 0xC8},  {"Euml", 0xCB},    {"Iacute", 0xCD},  {"Icirc", 0xCE},
    {"Igrave", 0xCC},  {"Iuml", 0xCF},    {"Ntilde", 0xD1},  {"Oacute", 0xD3},
    {"Ocirc", 0xD4},   {"Ograve", 0xD2},  {"Oslash", 0xD8},  {"Otilde", 0xD5},
    {"Ouml", 0xD6},    {"Prime", 0x2033}, {"Scaron", 0x160}, {"THORN", 0xDE},
    {"Uacute", 0xDA},  {"Ucirc", 0xDB},   {"Ugrave", 0xD9},  {"Uuml", 0xDC},
    {"Yacute", 0xDD},  {"Zcaron", 0x17D}, {"aacute", 0xE1},  {"acirc", 0xE2},
    {"acute", 0xB4},   {"aelig", 0xE6},   {"agrave", 0xE0},  {"amp", 0x26},
    {"apos", 0x27},    {"aring", 0xE5},   {"atilde", 0xE3},  {"auml", 0xE4},
    {"bdquo", 0x201E}, {"brvbar", 0xA6},  {"bull", 0x2022},  {"ccedil", 0xE7},
    {"cedil", 0xB8},   {"cent", 0xA2},    {"copy", 0xA9},    {"curren", 0xA4},
    {"dagger", 0x2020}, {"deg", 0xB0},    {"divide", 0xF7},  {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"egrave", 0xE8},  {"emsp", 0x2003},  {"ensp", 0x2002},
    {"eth", 0xF0},     {"euml", 0xEB},    {"euro", 0x20AC},  {"frac12", 0xBD},
    {"frac14", 0xBC},  {"frac34", 0xBE},  {"gt", 0x3E},      {"hellip", 0x2026},
    {"iacute", 0xED},  {"icirc", 0xEE},   {"iexcl", 0xA1},   {"igrave", 0xEC},
    {"iquest", 0xBF},  {"iuml", 0xEF},    {"laquo", 0xAB},   {"ldquo", 0x201C},
    {"lrm", 0x200E},   {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"macr", 0xAF},    {"mdash", 0x2014}, {"micro", 0xB5},   {"middot", 0xB7},
    {"minus", 0x2212}, {"nbsp", 0xA0},    {"ndash", 0x2013}, {"not", 0xAC},
    {"ntilde", 0xF1},  {"oacute", 0xF3},  {"ocirc", 0xF4},   {"oelig", 0x153},
    {"ograve", 0xF2},  {"ordf", 0xAA},    {"ordm", 0xBA},    {"oslash", 0xF8},
    {"otilde", 0xF5},  {"ouml", 0xF6},    {"para", 0xB6},    {"permil", 0x2030},
    {"plusmn", 0xB1},  {"pound", 0xA3},   {"prime", 0x2032}, {"quot", 0x22},
    {"raquo", 0xBB},   {"rdquo", 0x201D}, {"reg", 0xAE},     {"rlm", 0x200F},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x161},
    {"sect", 0xA7},    {"shy", 0xAD},     {"sup1", 0xB9},    {"sup2", 0xB2},
    {"sup3", 0xB3},    {"szlig", 0xDF},   {"thinsp", 0x2009}, {"thorn", 0xFE},
    {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},  {"ucirc", 0xFB},
    {"ugrave", 0xF9},  {"uml", 0xA8},     {"uuml", 0xFC},    {"yacute", 0xFD},
    {"yen", 0xA5},     {"yuml", 0xFF},    {"zcaron", 0x17E}, {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

static int cmp_entity(const void *key, const void *elem)
{
    return strcmp(key, ((const entity *)elem)->name);
}

/* Windows-1252 meanings of C1 code points, which the HTML standard applies
 * to numeric references like &#150; that old CMSs still write. */
static const uint16_t c1_fix[32] = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
    0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

/* Decodes the reference starting at s[0] == '&'. Returns the bytes consumed
 * (0 when it is not a reference) and the code point in *cp. */
static size_t reference(const char *s, size_t n, uint32_t *cp)
{
    if (n < 3)
        return 0;
    if (s[1] == '#') {
        size_t i = 2;
        uint32_t v = 0;
        bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        size_t start = i;
        for (; i < n && i < start + 8; i++) {
            unsigned char c = (unsigned char)s[i];
            if (ws_is_digit(c))
                v = v * (hex ? 16 : 10) + (c - '0');
            else if (hex && (ws_lower(c) >= 'a' && ws_lower(c) <= 'f'))
                v = v * 16 + (ws_lower(c) - 'a' + 10);
            else
                break;
        }
        if (i == start)
            return 0;
        if (i < n && s[i] == ';')
            i++;
        if (v >= 0x80 && v < 0xA0)
            v = c1_fix[v - 0x80];
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        *cp = v;
        return i;
    }
    char name[12];
    size_t i = 1;
    while (i < n && i - 1 < sizeof name - 1 && ws_is_alpha((unsigned char)s[i]))
        i++;
    while (i < n && i - 1 < sizeof name - 1 && ws_is_digit((unsigned char)s[i]))
        i++;
    size_t len = i - 1;
    if (len == 0 || len >= sizeof name)
        return 0;
    memcpy(name, s + 1, len);
    name[len] = '\0';
    const entity *e = bsearch(name, entities, WS_COUNT(entities),
                              sizeof entities[0], cmp_entity);
    if (!e)
        return 0;
    *cp = e->cp;
    return (i < n && s[i] == ';') ? i + 1 : i;
}

void ws_html_unescape(ws_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t run = amp ? (size_t)(amp - (s + i)) : n - i;
        if (run && ws_buf_append(out, s + i, run) != WS_OK)
            return;
        i += run;
        if (i >= n)
            break;
        uint32_t cp;
        size_t k = reference(s + i, n - i, &cp);
        if (k == 0) {
            if (ws_buf_putc(out, '&') != WS_OK)
                return;
            i++;
            continue;
        }
        char u[4];
        if (ws_buf_append(out, u, ws_utf8_encode(cp, u)) != WS_OK)
            return;
        i += k;
    }
}
