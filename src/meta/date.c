/* Dates as news pages write them: ISO 8601, RFC 2822, numeric day-first
 * forms ("03.12.25, 10:39"), English, Ukrainian and Russian month names
 * (nominative and genitive), weekdays, clock times with am/pm and offsets.
 * Every parse is local (a bounded look-ahead from one start position), so
 * scanning a line for a date stays linear in its length. */
#include "meta.h"

#include "lex.h"

#include <stdio.h>
#include <string.h>

/* Past this many bytes a "date anywhere in the string" search gives up:
 * dates sit in bylines and short lines, not deep inside paragraphs. */
#define SCAN_MAX 4096

typedef struct when {
    int y, mo, d;
    int h, mi, s; /* h < 0: no time; s < 0: no seconds */
    bool tz, utc; /* an offset was given; it is UTC ("Z") */
    int off;      /* offset in minutes east of UTC */
} when;

/* ---- small readers over s[0..n) at position i ------------------------- */

static size_t digits(const char *s, size_t n, size_t i, int *val)
{
    size_t k = 0;
    int v = 0;
    while (i + k < n && ws_is_digit((unsigned char)s[i + k]) && k < 9) {
        v = v * 10 + (s[i + k] - '0');
        k++;
    }
    *val = v;
    return k;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = ws_lex_space(s + i, n - i)) != 0)
        i += k;
    return i;
}

/* Reads a word of letters (and word-internal apostrophes) at i, folded to
 * lower case into w; returns its byte length in s, 0 when there is no word
 * or it is too long to be a month or weekday name. */
static size_t word(const char *s, size_t n, size_t i, char *w, size_t cap,
                   size_t *wlen)
{
    size_t j = i, o = 0;
    while (j < n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(s + j, n - j, &cp);
        bool letter = ws_lex_is_letter(cp);
        if (!letter && !(ws_lex_is_apostrophe(cp) && j > i))
            break;
        if (!letter) {
            /* An apostrophe belongs to the word only between letters. */
            uint32_t next = 0;
            if (j + k < n)
                ws_utf8_decode(s + j + k, n - j - k, &next);
            if (!ws_lex_is_letter(next))
                break;
            cp = '\'';
        }
        char enc[4];
        size_t m = ws_utf8_encode(ws_lex_lower(cp), enc);
        if (o + m >= cap)
            return 0;
        memcpy(w + o, enc, m);
        o += m;
        j += k;
    }
    w[o] = '\0';
    *wlen = o;
    return j - i;
}

static bool is_letter_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return false;
    uint32_t cp;
    ws_utf8_decode(s + i, n - i, &cp);
    return ws_lex_is_letter(cp);
}

/* ---- vocabularies ------------------------------------------------------ */

/* clang-format off */
static const struct {
    const char *name;
    int month;
} months[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3},
    {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6},
    {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    /* Ukrainian: nominative, genitive, common abbreviations. */
    {"січень", 1}, {"січня", 1}, {"січ", 1}, {"лютий", 2}, {"лютого", 2},
    {"лют", 2}, {"березень", 3}, {"березня", 3}, {"бер", 3},
    {"квітень", 4}, {"квітня", 4}, {"квіт", 4}, {"кві", 4},
    {"травень", 5}, {"травня", 5}, {"трав", 5}, {"тра", 5},
    {"червень", 6}, {"червня", 6}, {"черв", 6}, {"чер", 6},
    {"липень", 7}, {"липня", 7}, {"лип", 7}, {"серпень", 8},
    {"серпня", 8}, {"серп", 8}, {"сер", 8}, {"вересень", 9},
    {"вересня", 9}, {"вер", 9}, {"жовтень", 10}, {"жовтня", 10},
    {"жовт", 10}, {"жов", 10}, {"листопад", 11}, {"листопада", 11},
    {"лист", 11}, {"лис", 11}, {"грудень", 12}, {"грудня", 12},
    {"груд", 12}, {"гру", 12},
    /* Russian. */
    {"январь", 1}, {"января", 1}, {"янв", 1}, {"февраль", 2},
    {"февраля", 2}, {"фев", 2}, {"февр", 2}, {"март", 3}, {"марта", 3},
    {"мар", 3}, {"апрель", 4}, {"апреля", 4}, {"апр", 4}, {"май", 5},
    {"мая", 5}, {"июнь", 6}, {"июня", 6}, {"июн", 6}, {"июль", 7},
    {"июля", 7}, {"июл", 7}, {"август", 8}, {"августа", 8}, {"авг", 8},
    {"сентябрь", 9}, {"сентября", 9}, {"сен", 9}, {"сент", 9},
    {"октябрь", 10}, {"октября", 10}, {"окт", 10}, {"ноябрь", 11},
    {"ноября", 11}, {"ноя", 11}, {"нояб", 11}, {"декабрь", 12},
    {"декабря", 12}, {"дек", 12},
};
/* clang-format on */

/* clang-format off */
static const char *const weekdays[] = {
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed",
    "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat",
    "sunday", "sun",
    "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота",
    "неділя", "пн", "вт", "ср", "чт", "пт", "сб", "нд",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
    "воскресенье", "вс",
};
/* clang-format on */

/* Month number of the name at i (with an optional abbreviation dot), its
 * byte length in *len; 0 when there is none. */
static int month_at(const char *s, size_t n, size_t i, size_t *len)
{
    char w[40];
    size_t wl;
    size_t k = word(s, n, i, w, sizeof w, &wl);
    if (k == 0)
        return 0;
    for (size_t m = 0; m < WS_COUNT(months); m++) {
        if (strcmp(w, months[m].name) != 0)
            continue;
        if (i + k < n && s[i + k] == '.')
            k++;
        *len = k;
        return months[m].month;
    }
    return 0;
}

/* Bytes of a weekday name at i plus its trailing dot, comma and spaces;
 * 0 when there is none. */
static size_t weekday_at(const char *s, size_t n, size_t i)
{
    char w[40];
    size_t wl;
    size_t k = word(s, n, i, w, sizeof w, &wl);
    if (k == 0)
        return 0;
    for (size_t d = 0; d < WS_COUNT(weekdays); d++) {
        if (strcmp(w, weekdays[d]) != 0)
            continue;
        size_t j = i + k;
        if (j < n && s[j] == '.')
            j++;
        j = skip_spaces(s, n, j);
        if (j < n && s[j] == ',')
            j = skip_spaces(s, n, j + 1);
        return j - i;
    }
    return 0;
}

/* ---- validation -------------------------------------------------------- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid_date(int y, int mo, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1)
        return false;
    int max = mdays[mo - 1] + (mo == 2 && leap(y));
    return d <= max;
}

/* True when nothing numeric continues at i: "12.12.20245" or "1.2.3.4"
 * are not dates. */
static bool numeric_end(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return true;
    if (ws_is_digit((unsigned char)s[i]))
        return false;
    if ((s[i] == '.' || s[i] == '/' || s[i] == '-') && i + 1 < n &&
        ws_is_digit((unsigned char)s[i + 1]))
        return false;
    return true;
}

/* ---- times ------------------------------------------------------------- */

/* Named zones that show up in English-language datelines. */
/* clang-format off */
static const struct {
    const char *name;
    int off;
} zones[] = {
    {"utc", 0},     {"gmt", 0},     {"est", -300},  {"edt", -240},
    {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},
    {"pst", -480},  {"pdt", -420},  {"bst", 60},    {"cet", 60},
    {"cest", 120},  {"eet", 120},   {"eest", 180},  {"msk", 180},
};
/* clang-format on */

/* Reads "+02:00", "+0200", "+02" at i into minutes; returns bytes. */
static size_t numeric_offset(const char *s, size_t n, size_t i, int *off)
{
    if (i >= n || (s[i] != '+' && s[i] != '-'))
        return 0;
    int sign = s[i] == '-' ? -1 : 1, hh, mm = 0;
    size_t k = digits(s, n, i + 1, &hh);
    size_t j = i + 1 + k;
    if (k == 4) {
        mm = hh % 100;
        hh /= 100;
    } else if (k == 2 || k == 1) {
        if (j + 2 < n && s[j] == ':' && ws_is_digit((unsigned char)s[j + 1]) &&
            ws_is_digit((unsigned char)s[j + 2])) {
            mm = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
            j += 3;
        }
    } else {
        return 0;
    }
    if (hh > 14 || mm > 59 || !numeric_end(s, n, j))
        return 0;
    *off = sign * (hh * 60 + mm);
    return j - i;
}

/* Reads an offset after a time at i ("Z", "+02:00", " +0200", " GMT",
 * " UTC+2", " EST"); returns bytes consumed, 0 when none. */
static size_t zone(const char *s, size_t n, size_t i, when *w)
{
    if (i < n && s[i] == 'Z' && !is_letter_at(s, n, i + 1)) {
        w->tz = w->utc = true;
        w->off = 0;
        return 1;
    }
    int off;
    size_t k = numeric_offset(s, n, i, &off);
    if (k) {
        w->tz = true;
        w->off = off;
        w->utc = false;
        return k;
    }
    size_t j = skip_spaces(s, n, i);
    if (j == i || j >= n)
        return 0;
    /* After a space a sign is an offset only in the RFC 2822 or ISO shape,
     * so that "10:00 - 11:00" stays a range. */
    if ((s[j] == '+' || s[j] == '-') && j + 1 < n &&
        ws_is_digit((unsigned char)s[j + 1])) {
        int dd;
        size_t dk = digits(s, n, j + 1, &dd);
        bool colon = dk == 2 && j + 3 < n && s[j + 3] == ':';
        if ((dk == 4 || colon) && (k = numeric_offset(s, n, j, &off))) {
            w->tz = true;
            w->off = off;
            w->utc = false;
            return j + k - i;
        }
        return 0;
    }
    char name[8];
    size_t wl;
    k = word(s, n, j, name, sizeof name, &wl);
    if (k == 0)
        return 0;
    for (size_t z = 0; z < WS_COUNT(zones); z++) {
        if (strcmp(name, zones[z].name) != 0)
            continue;
        w->tz = true;
        w->off = zones[z].off;
        size_t end = j + k;
        if (zones[z].off == 0 && (k = numeric_offset(s, n, end, &off))) {
            w->off = off;
            end += k;
        }
        w->utc = w->off == 0;
        return end - i;
    }
    return 0;
}

/* Reads "19:16", "19:16:05", "19:16:05.123", "7:16 PM", "7:16 p.m." at i,
 * then an optional zone. Returns bytes, 0 when there is no valid time. */
static size_t clock_time(const char *s, size_t n, size_t i, when *w)
{
    int hh, mm, ss = -1;
    size_t k = digits(s, n, i, &hh);
    if (k < 1 || k > 2)
        return 0;
    size_t j = i + k;
    if (j + 2 >= n || s[j] != ':' || digits(s, n, j + 1, &mm) != 2)
        return 0;
    j += 3;
    if (j + 2 < n && s[j] == ':' && digits(s, n, j + 1, &ss) == 2) {
        j += 3;
        if (j + 1 < n && (s[j] == '.' || s[j] == ',') &&
            ws_is_digit((unsigned char)s[j + 1])) {
            j++;
            while (j < n && ws_is_digit((unsigned char)s[j]))
                j++;
        }
    }
    if (j < n && ws_is_digit((unsigned char)s[j]))
        return 0;
    /* am/pm, written "PM", "pm", "p.m.", "p. m." */
    size_t a = skip_spaces(s, n, j);
    if (a < n && (ws_lower((unsigned char)s[a]) == 'a' ||
                  ws_lower((unsigned char)s[a]) == 'p')) {
        bool pm = ws_lower((unsigned char)s[a]) == 'p';
        size_t b = a + 1;
        if (b < n && s[b] == '.')
            b = skip_spaces(s, n, b + 1);
        if (b < n && ws_lower((unsigned char)s[b]) == 'm') {
            b++;
            if (b < n && s[b] == '.')
                b++;
            if (!is_letter_at(s, n, b) && hh >= 1 && hh <= 12) {
                hh = (hh % 12) + (pm ? 12 : 0);
                j = b;
            }
        }
    }
    if (hh > 23 || mm > 59 || ss > 60)
        return 0;
    w->h = hh;
    w->mi = mm;
    w->s = ss;
    j += zone(s, n, j, w);
    return j - i;
}

/* After a date: ", 19:16", " at 7:16 PM", " о 10:39", "T19:16:00Z",
 * " | 10:39", " - 10:39". Returns bytes consumed (0 when no time). */
static size_t time_after_date(const char *s, size_t n, size_t i, when *w)
{
    if (i < n && s[i] == 'T') {
        size_t k = clock_time(s, n, i + 1, w);
        return k ? k + 1 : 0;
    }
    if (i < n && ws_is_digit((unsigned char)s[i]))
        return clock_time(s, n, i, w); /* glued: "20242:33 PM" */
    size_t j = skip_spaces(s, n, i);
    if (j < n && (s[j] == ',' || s[j] == '|' || s[j] == '-' || s[j] == '/'))
        j = skip_spaces(s, n, j + 1);
    else if (j + 3 <= n && (memcmp(s + j, "\xE2\x80\xA2", 3) == 0 ||
                            memcmp(s + j, "\xE2\x80\x93", 3) == 0 ||
                            memcmp(s + j, "\xE2\x80\x94", 3) == 0))
        j = skip_spaces(s, n, j + 3);
    if (j == i)
        return 0;
    char wd[16];
    size_t wl, k = word(s, n, j, wd, sizeof wd, &wl);
    if (k && (strcmp(wd, "at") == 0 || strcmp(wd, "о") == 0 ||
              strcmp(wd, "об") == 0 || strcmp(wd, "в") == 0 ||
              strcmp(wd, "um") == 0 || strcmp(wd, "à") == 0))
        j = skip_spaces(s, n, j + k);
    k = clock_time(s, n, j, w);
    return k ? j + k - i : 0;
}

/* "р.", "року", "г.", "года" after a Cyrillic year. */
static size_t year_word(const char *s, size_t n, size_t i)
{
    size_t j = skip_spaces(s, n, i);
    char wd[16];
    size_t wl, k = word(s, n, j, wd, sizeof wd, &wl);
    if (!k)
        return 0;
    if (strcmp(wd, "р") == 0 || strcmp(wd, "г") == 0 ||
        strcmp(wd, "року") == 0 || strcmp(wd, "рік") == 0 ||
        strcmp(wd, "года") == 0 || strcmp(wd, "год") == 0) {
        j += k;
        if (j < n && s[j] == '.')
            j++;
        return j - i;
    }
    return 0;
}

/* ---- date shapes ------------------------------------------------------- */

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD */
static size_t ymd(const char *s, size_t n, size_t i, when *w)
{
    int y, mo, d;
    if (digits(s, n, i, &y) != 4 || i + 4 >= n)
        return 0;
    char sep = s[i + 4];
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    size_t k = digits(s, n, i + 5, &mo);
    if (k < 1 || k > 2 || i + 5 + k >= n || s[i + 5 + k] != sep)
        return 0;
    size_t j = i + 6 + k;
    k = digits(s, n, j, &d);
    if (k < 1 || k > 2)
        return 0;
    j += k;
    if (!numeric_end(s, n, j) || !valid_date(y, mo, d))
        return 0;
    w->y = y, w->mo = mo, w->d = d;
    return j - i;
}

/* DD.MM.YYYY, DD.MM.YY, DD/MM/YYYY, DD-MM-YYYY. Slashes are read day
 * first unless that is impossible (then month first, the US order). */
static size_t dmy(const char *s, size_t n, size_t i, when *w)
{
    int a, b, y;
    size_t k = digits(s, n, i, &a);
    if (k < 1 || k > 2 || i + k >= n)
        return 0;
    size_t j = i + k;
    char sep = s[j];
    if (sep != '.' && sep != '/' && sep != '-')
        return 0;
    k = digits(s, n, j + 1, &b);
    if (k < 1 || k > 2 || j + 1 + k >= n || s[j + 1 + k] != sep)
        return 0;
    j += 2 + k;
    k = digits(s, n, j, &y);
    if (k == 2 && sep == '.')
        y += y >= 90 ? 1900 : 2000;
    else if (k != 4)
        return 0;
    j += k;
    if (!numeric_end(s, n, j))
        return 0;
    int d = a, mo = b;
    if (sep == '/' && b > 12 && a <= 12)
        d = b, mo = a;
    if (!valid_date(y, mo, d))
        return 0;
    w->y = y, w->mo = mo, w->d = d;
    return j - i;
}

/* A four-digit year at i. Scrapers glue the time to it ("December 3,
 * 20242:33 PM"): five or six digits followed by ':' are a year and the
 * hour. Returns the year's length (4) or 0. */
static size_t year_at(const char *s, size_t n, size_t i, int *y)
{
    int v;
    size_t k = digits(s, n, i, &v);
    if (k == 4) {
        *y = v;
        return 4;
    }
    if ((k == 5 || k == 6) && i + k < n && s[i + k] == ':') {
        digits(s, i + 4, i, y);
        return 4;
    }
    return 0;
}

/* English ordinal suffix after a day number. */
static size_t ordinal(const char *s, size_t n, size_t i)
{
    if (i + 2 <= n && !is_letter_at(s, n, i + 2)) {
        char a = (char)ws_lower((unsigned char)s[i]);
        char b = (char)ws_lower((unsigned char)s[i + 1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
            (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
            return 2;
    }
    return 0;
}

/* "12 December 2024", "12th of Dec. 2024", "12-Dec-2024",
 * "12 грудня 2024 року", "12 декабря 2024 г." */
static size_t day_month_year(const char *s, size_t n, size_t i, when *w)
{
    int d, y, mo;
    size_t k = digits(s, n, i, &d);
    if (k < 1 || k > 2)
        return 0;
    size_t j = i + k;
    j += ordinal(s, n, j);
    bool dash = j < n && s[j] == '-';
    size_t sp = dash ? j + 1 : skip_spaces(s, n, j);
    if (sp == j && !dash)
        return 0;
    j = sp;
    if (j + 3 < n && ws_ascii_ieq(s + j, 2, "of") && s[j + 2] == ' ')
        j += 3;
    size_t ml;
    if (!(mo = month_at(s, n, j, &ml)))
        return 0;
    j += ml;
    if (dash && j < n && s[j] == '-')
        j++;
    else {
        if (j < n && s[j] == ',')
            j++;
        j = skip_spaces(s, n, j);
    }
    k = year_at(s, n, j, &y);
    if (k != 4)
        return 0;
    j += k;
    if (!(numeric_end(s, n, j) || s[j] == ':' ||
          ws_is_digit((unsigned char)s[j])) ||
        !valid_date(y, mo, d))
        return 0;
    j += year_word(s, n, j);
    w->y = y, w->mo = mo, w->d = d;
    return j - i;
}

/* "December 12, 2024", "Dec. 12 2024", "December 12th, 2024" */
static size_t month_day_year(const char *s, size_t n, size_t i, when *w)
{
    int d, y, mo;
    size_t ml;
    if (!(mo = month_at(s, n, i, &ml)))
        return 0;
    size_t j = skip_spaces(s, n, i + ml);
    if (j == i + ml && s[i + ml - 1] != '.')
        return 0;
    size_t k = digits(s, n, j, &d);
    if (k < 1 || k > 2)
        return 0;
    j += k;
    j += ordinal(s, n, j);
    if (j < n && s[j] == ',')
        j++;
    size_t sp = skip_spaces(s, n, j);
    if (sp == j)
        return 0;
    j = sp;
    k = year_at(s, n, j, &y);
    if (k != 4)
        return 0;
    j += k;
    if (!(numeric_end(s, n, j) || ws_is_digit((unsigned char)s[j])) ||
        !valid_date(y, mo, d))
        return 0;
    w->y = y, w->mo = mo, w->d = d;
    return j - i;
}

/* End of the word at i, its abbreviation dot, and the spaces and comma
 * after it. */
static size_t past_word(const char *s, size_t n, size_t i)
{
    while (i < n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(s + i, n - i, &cp);
        if (!ws_lex_is_letter(cp) && !ws_lex_is_apostrophe(cp))
            break;
        i += k;
    }
    if (i < n && s[i] == '.')
        i++;
    i = skip_spaces(s, n, i);
    if (i < n && s[i] == ',')
        i = skip_spaces(s, n, i + 1);
    return i;
}

/* A date that starts with a word (weekday or month) has a number within
 * two words: "December 12", "Thursday, 12 December", "Thu, December 12".
 * Checking this first spares the name tables almost every word of prose. */
static bool number_soon(const char *s, size_t n, size_t i)
{
    i = past_word(s, n, i);
    if (i < n && ws_is_digit((unsigned char)s[i]))
        return true;
    if (i >= n || !is_letter_at(s, n, i))
        return false;
    i = past_word(s, n, i);
    return i < n && ws_is_digit((unsigned char)s[i]);
}

/* One date (with optional weekday before it and time before or after it)
 * starting exactly at i; returns its byte length, 0 when none. */
static size_t date_at(const char *s, size_t n, size_t i, when *w)
{
    memset(w, 0, sizeof *w);
    w->h = w->s = -1;
    if (!ws_is_digit((unsigned char)s[i]) && !number_soon(s, n, i))
        return 0;
    size_t j = i + weekday_at(s, n, i);

    /* "19:16, 12.12.2024": a clock time first, then the date. */
    when t = *w;
    size_t tk = 0;
    if (j < n && ws_is_digit((unsigned char)s[j]) &&
        (tk = clock_time(s, n, j, &t)) != 0) {
        size_t d = skip_spaces(s, n, j + tk);
        if (d < n && (s[d] == ',' || s[d] == '|'))
            d = skip_spaces(s, n, d + 1);
        else if (d + 3 <= n && memcmp(s + d, "\xE2\x80\xA2", 3) == 0)
            d = skip_spaces(s, n, d + 3);
        if (d == j + tk)
            return 0;
        j = d + weekday_at(s, n, d);
    }

    size_t k = 0;
    if (j < n && ws_is_digit((unsigned char)s[j])) {
        if (!(k = ymd(s, n, j, w)) && !(k = dmy(s, n, j, w)))
            k = day_month_year(s, n, j, w);
    } else if (j < n) {
        k = month_day_year(s, n, j, w);
    }
    if (!k)
        return 0;
    j += k;
    if (tk) {
        w->h = t.h, w->mi = t.mi, w->s = t.s;
        w->tz = t.tz, w->utc = t.utc, w->off = t.off;
    } else {
        j += time_after_date(s, n, j, w);
    }
    return j - i;
}

static void format(const when *w, char out[32])
{
    int len = snprintf(out, 32, "%04d-%02d-%02d", w->y, w->mo, w->d);
    if (w->h >= 0) {
        len +=
            snprintf(out + len, (size_t)(32 - len), "T%02d:%02d", w->h, w->mi);
        if (w->s >= 0)
            len += snprintf(out + len, (size_t)(32 - len), ":%02d",
                            w->s > 59 ? 59 : w->s);
        if (w->tz && w->utc)
            snprintf(out + len, (size_t)(32 - len), "Z");
        else if (w->tz)
            snprintf(out + len, (size_t)(32 - len), "%c%02d:%02d",
                     w->off < 0 ? '-' : '+',
                     (w->off < 0 ? -w->off : w->off) / 60,
                     (w->off < 0 ? -w->off : w->off) % 60);
    }
}

/* ---- public ------------------------------------------------------------ */

size_t ws_date_span(const char *s, size_t n, char out[32])
{
    size_t i = skip_spaces(s, n, 0);
    when w;
    size_t k = i < n ? date_at(s, n, i, &w) : 0;
    if (!k)
        return 0;
    format(&w, out);
    return i + k;
}

bool ws_date_find(const char *s, size_t n, char out[32], size_t *start,
                  size_t *end)
{
    n = WS_MIN(n, (size_t)SCAN_MAX);
    /* Every date shape has four digits at least ("1.2.25"). */
    size_t digit_count = 0;
    for (size_t i = 0; i < n && digit_count < 4; i++)
        digit_count += ws_is_digit((unsigned char)s[i]);
    if (digit_count < 4)
        return false;
    uint32_t prev = ' ', prev2 = ' ';
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(s + i, n - i, &cp);
        bool cand;
        if (cp < 0x80 && ws_is_digit((unsigned char)cp))
            cand = !(prev < 0x80 && ws_is_digit((unsigned char)prev));
        else if (ws_lex_is_letter(cp))
            /* A word start, or a word glued to the previous one: a capital
             * after any letter ("KOVALThursday, 12 December 2024"), a
             * small letter after capitals ("ШЕВЧЕНКОчетвер, 12 грудня"). */
            cand = !ws_lex_is_letter(prev) || ws_lex_is_upper(cp) ||
                   (ws_lex_is_upper(prev) && ws_lex_is_upper(prev2));
        else
            cand = false;
        if (cand) {
            when w;
            size_t m = date_at(s, n, i, &w);
            if (m) {
                format(&w, out);
                if (start)
                    *start = i;
                if (end)
                    *end = i + m;
                return true;
            }
        }
        prev2 = prev;
        prev = cp;
        i += k;
    }
    return false;
}

int ws_date_month(const char *s, size_t n, size_t *len)
{
    return n ? month_at(s, n, 0, len) : 0;
}

bool ws_date_parse(const char *s, size_t n, char out[32])
{
    return ws_date_find(s, n, out, NULL, NULL);
}
