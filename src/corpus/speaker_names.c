/* Name and title words for the speakers registry: cutting a short string
 * into classified words, Latin transliteration of Cyrillic, the consonant
 * skeleton and vowel form used to compare one name across en/uk/ru
 * spellings and inflections, and calendar days. */
#include "speaker_names.h"

#include "../meta/lex.h"
#include "../quote/qparts.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- words --------------------------------------------------------------- */

static bool word_char(uint32_t cp)
{
    return ws_lex_is_letter(cp) || (cp >= '0' && cp <= '9') || cp == '-' ||
           cp == '.' || ws_lex_is_apostrophe(cp);
}

/* Fills one word from s[0..n) (trailing dots, hyphens and apostrophes
 * already cut by the caller). */
static void fill_word(sn_word *w, const char *s, size_t n)
{
    memset(w, 0, sizeof *w);
    /* "Ukraine's", "Halvorsen’s": the owner is the word. */
    static const char *const poss[] = {"'s", "\xe2\x80\x99s", "\xca\xbcs"};
    for (size_t i = 0; i < WS_COUNT(poss); i++) {
        size_t k = strlen(poss[i]);
        if (n > k && memcmp(s + n - k, poss[i], k) == 0) {
            n -= k;
            w->poss = true;
            break;
        }
    }
    w->s = s;
    w->n = n;
    size_t fl = ws_lex_fold(s, n, w->fold, sizeof w->fold - 1);
    w->fold[fl] = '\0';
    w->lex = ws_qlex_lookup(w->fold, fl);
    sn_latin(w->fold, w->lat, sizeof w->lat, &w->cyr);
    size_t letters = 0, upper = 0, lower = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += ws_utf8_decode(s + i, n - i, &cp);
        if (!ws_lex_is_letter(cp))
            continue;
        if (letters == 0)
            w->cap = ws_lex_is_upper(cp);
        letters++;
        upper += ws_lex_is_upper(cp);
        lower += ws_lex_is_lower(cp);
    }
    w->allcap = letters >= 2 && lower == 0 && upper >= 2;
    w->initial = letters == 1 && w->cap;
}

size_t sn_split(const char *s, size_t n, sn_word *w, size_t max)
{
    if (!s || n > SN_MAX_TEXT)
        return 0;
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        uint32_t cp;
        size_t l = ws_utf8_decode(s + i, n - i, &cp);
        if (!word_char(cp) || cp == '-' || cp == '.' ||
            ws_lex_is_apostrophe(cp)) {
            i += l;
            continue;
        }
        size_t a = i;
        while (i < n) {
            l = ws_utf8_decode(s + i, n - i, &cp);
            if (!word_char(cp))
                break;
            i += l;
        }
        size_t b = i;
        /* Trailing dots (an initial, the end of a sentence), hyphens and
         * apostrophes are not part of the word. */
        while (b > a &&
               (s[b - 1] == '.' || s[b - 1] == '-' || s[b - 1] == '\''))
            b--;
        while (b >= a + 3 && memcmp(s + b - 3, "\xe2\x80\x99", 3) == 0)
            b -= 3;
        if (b > a)
            fill_word(&w[k++], s + a, b - a);
    }
    return k;
}

bool sn_name_word(const sn_word *w)
{
    return w->cap && !w->allcap && !(w->fold[0] >= '0' && w->fold[0] <= '9') &&
           !(w->lex & (QL_STOP | QL_TITLE | QL_ORG | QL_PLACE | QL_HONOR |
                       QL_CUE | QL_CUEP | QL_LABEL | QL_ANON | QL_PRON |
                       QL_PLUR | QL_DET | QL_FORMER));
}

/* ---- transliteration ----------------------------------------------------- */

/* Lower-case Cyrillic U+0430..U+044F in Latin letters. и and й are i (the
 * Ukrainian y and the Russian i meet in the skeleton anyway). */
static const char *const cyr_lat[32] = {
    "a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "i", "k",
    "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
    "ts", "ch", "sh", "shch", "",  "y", "",   "e", "iu", "ia"};

static void put(char *out, size_t cap, size_t *o, const char *s)
{
    size_t l = strlen(s);
    if (*o + l + 1 > cap)
        return;
    memcpy(out + *o, s, l);
    *o += l;
}

void sn_latin(const char *s, char *out, size_t cap, bool *cyr)
{
    size_t o = 0;
    *cyr = false;
    out[0] = '\0';
    utf8proc_uint8_t *d = NULL;
    /* Decomposed with the marks stripped: é is e, й is и, ї is і, ё is е. */
    utf8proc_ssize_t dl = utf8proc_map(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &d,
        UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
            UTF8PROC_CASEFOLD);
    if (dl < 0)
        return;
    const char *t = (const char *)d;
    size_t n = (size_t)dl;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += ws_utf8_decode(t + i, n - i, &cp);
        char c[2] = {0, 0};
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-') {
            c[0] = (char)cp;
            put(out, cap, &o, c);
        } else if (cp >= 0x430 && cp <= 0x44F) {
            *cyr = true;
            put(out, cap, &o, cyr_lat[cp - 0x430]);
        } else if (cp == 0x456 || cp == 0x457) {
            *cyr = true;
            put(out, cap, &o, "i");
        } else if (cp == 0x454) {
            *cyr = true;
            put(out, cap, &o, "ie");
        } else if (cp == 0x491) {
            *cyr = true;
            put(out, cap, &o, "g");
        } else if (cp == 0x45E) {
            *cyr = true;
            put(out, cap, &o, "u");
        } else if (cp == 0x142) {
            put(out, cap, &o, "l");
        } else if (cp == 0xF8) {
            put(out, cap, &o, "o");
        } else if (cp == 0xDF) {
            put(out, cap, &o, "ss");
        }
        /* Apostrophes and letters of other scripts are left out. */
    }
    out[o] = '\0';
    free(d);
}

static bool vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           c == 'y' || c == 'j';
}

/* The consonant class of c: k for c and q, s for z, v for w. */
static char cons(char c)
{
    switch (c) {
    case 'c':
    case 'q':
        return 'k';
    case 'z':
        return 's';
    case 'w':
        return 'v';
    default:
        return c;
    }
}

void sn_skeleton(const char *lat, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = lat; *p && o + 2 < cap; p++) {
        char c = *p;
        /* х is kh, where English writes h: Halvorsen/Халворсен. */
        if (vowel(c) || c == 'h' || c == 'g' || c == '-' || c == ' ' ||
            (c == 'k' && p[1] == 'h'))
            continue;
        if (c == 'x') {
            out[o++] = 'k';
            c = 's';
        }
        c = cons(c);
        if (o && out[o - 1] == c)
            continue;
        out[o++] = c;
    }
    out[o] = '\0';
}

void sn_vowels(const char *lat, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = lat; *p && o + 2 < cap; p++) {
        char c = *p;
        if (c == '-' || c == ' ' || (c == 'k' && p[1] == 'h'))
            continue;
        if (vowel(c))
            c = 'a';
        else if (c == 'h')
            c = 'g'; /* Ольга is Olha and Olga */
        else
            c = cons(c);
        if (o && out[o - 1] == c)
            continue;
        out[o++] = c;
    }
    /* A final vowel is often a case ending (Марка, Йенса). */
    if (o > 2 && out[o - 1] == 'a')
        o--;
    out[o] = '\0';
}

bool sn_same_first(const sn_word *a, const sn_word *b)
{
    if (strcmp(a->lat, b->lat) == 0)
        return true;
    char sa[SN_MAX_WORD], sb[SN_MAX_WORD];
    sn_skeleton(a->lat, sa, sizeof sa);
    sn_skeleton(b->lat, sb, sizeof sb);
    if (strlen(sa) >= 3 && strcmp(sa, sb) == 0)
        return true;
    if (!a->cyr && !b->cyr)
        return false;
    sn_vowels(a->lat, sa, sizeof sa);
    sn_vowels(b->lat, sb, sizeof sb);
    return strcmp(sa, sb) == 0;
}

/* ---- days ---------------------------------------------------------------- */

static int32_t leaps(int32_t y)
{
    return y / 4 - y / 100 + y / 400;
}

static int32_t day_of(int32_t y, int32_t m, int32_t d)
{
    static const int32_t cum[12] = {0,   31,  59,  90,  120, 151,
                                    181, 212, 243, 273, 304, 334};
    /* Leap days up to the year before, or up to this year from March. */
    int32_t ly = m <= 2 ? y - 1 : y;
    return 365 * (y - 1970) + leaps(ly) - leaps(1969) + cum[m - 1] + d - 1;
}

int32_t sn_day(const char *date)
{
    if (!date)
        return SN_NODATE;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? date[i] != '-' : !ws_is_digit((unsigned char)date[i]))
            return SN_NODATE;
    }
    int32_t y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
                (date[2] - '0') * 10 + (date[3] - '0');
    int32_t m = (date[5] - '0') * 10 + (date[6] - '0');
    int32_t d = (date[8] - '0') * 10 + (date[9] - '0');
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
        return SN_NODATE;
    return day_of(y, m, d);
}

void sn_day_str(int32_t day, char out[11])
{
    int32_t y = 1970 + day / 365;
    while (y > 1 && day_of(y, 1, 1) > day)
        y--;
    while (day_of(y + 1, 1, 1) <= day)
        y++;
    int32_t m = 12;
    while (m > 1 && day_of(y, m, 1) > day)
        m--;
    int32_t d = day - day_of(y, m, 1) + 1;
    /* Years outside 1900..2200 never come from sn_day. */
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m, ud = (unsigned)d;
    char *o = out;
    *o++ = (char)('0' + uy / 1000);
    *o++ = (char)('0' + uy / 100 % 10);
    *o++ = (char)('0' + uy / 10 % 10);
    *o++ = (char)('0' + uy % 10);
    *o++ = '-';
    *o++ = (char)('0' + um / 10 % 10);
    *o++ = (char)('0' + um % 10);
    *o++ = '-';
    *o++ = (char)('0' + ud / 10 % 10);
    *o++ = (char)('0' + ud % 10);
    *o = '\0';
}

/* ---- joining ------------------------------------------------------------- */

void sn_join(ws_buf *b, const sn_word *w, size_t from, size_t to, int form)
{
    for (size_t i = from; i < to; i++) {
        if (b->len)
            ws_buf_putc(b, ' ');
        if (form == 0) {
            ws_buf_append(b, w[i].s, w[i].n);
        } else if (form == 1) {
            ws_buf_puts(b, w[i].fold);
        } else {
            /* "secretary-general" and "secretary general" are one title. */
            for (const char *p = w[i].lat; *p; p++)
                ws_buf_putc(b, *p == '-' ? ' ' : *p);
        }
    }
}
