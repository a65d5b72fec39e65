/* Author names and bylines. A byline is split into names; each name is
 * cleaned (prefixes, punctuation, capitals) and kept only when it looks
 * like a person: two to six words of letters, no digits, no URL, no role
 * or organisation word. Desk credits ("Staff", "Editorial board") are
 * organisations, not authors, and are dropped on purpose. */
#include "meta.h"

#include "lex.h"

#include <string.h>

#define NAME_MAX_BYTES 80
#define NAME_MAX_WORDS 6
#define BYLINE_MAX_BYTES 1024
#define BYLINE_MAX_PIECES 16

/* Lower-case particles that stay lower-case inside a name. */
/* clang-format off */
static const char *const particles[] = {
    "van", "von", "de", "der", "den", "del", "della", "di",  "da", "du",
    "la",  "le",  "ten", "ter", "bin", "ibn", "al",   "el",  "dos", "das",
    "do",  "y",   "zu",  "af",
};
/* clang-format on */

/* Words that never occur in a personal name: function words (a sentence
 * is not a name), roles and organisation words (a desk or an agency is not
 * an author), and site furniture. Folded to lower case. */
/* clang-format off */
static const char *const not_name[] = {
    /* English */
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for",
    "with", "from", "by", "said", "says", "is", "was", "are", "be", "has",
    "have", "this", "that", "it", "he", "she", "they", "we", "you", "our",
    "us", "their", "his", "her", "not", "no", "all", "more", "also", "new",
    "staff", "editor", "editors", "editorial", "board", "desk", "team",
    "newsroom", "reporter", "reporters", "correspondent", "correspondents",
    "writer", "writers", "contributor", "contributors", "columnist",
    "author", "authors", "agency", "news", "press", "media", "service",
    "services", "times", "post", "daily", "journal", "tribune", "herald",
    "gazette", "network", "channel", "tv", "radio", "online", "group",
    "wire", "newswire", "review", "digest", "weekly", "today", "live",
    "info", "magazine", "portal", "topics", "topic", "suggested",
    "editing", "reporting",
    "office", "ministry", "department", "government", "council",
    "committee", "union", "university", "institute", "foundation",
    "center", "centre", "sections", "photo", "photos", "video", "videos",
    "image", "images", "getty", "advertisement", "comments", "share",
    "read", "follow", "support", "subscribe", "updated", "published",
    "posted", "source", "details", "background", "quote", "related",
    "recent", "latest", "top", "home", "menu", "search", "login", "sign",
    "register", "copyright", "rights", "reserved", "secretary", "general",
    "president", "minister", "chancellor", "spokesperson", "spokesman",
    "spokeswoman", "ambassador", "senator", "governor", "mayor", "views",
    /* Footer links: a page's last line is often one of them. */
    "site", "map", "sitemap", "contact", "contacts", "about", "advertise",
    "careers", "jobs", "privacy", "policy", "terms", "faq", "help",
    "feedback", "rss", "archive", "archives", "newsletter", "donate",
    "subscription", "account", "profile", "settings", "cookies", "legal",
    "imprint", "impressum", "контакти", "контакты", "нас", "вакансії",
    "вакансии", "архів", "архив", "мапа", "карта", "сайту", "сайта",
    "правила", "умови", "условия",
    /* Section names: a menu row of them is not a person. */
    "politics", "economy", "business", "world", "sport", "sports",
    "culture", "society", "science", "health", "opinion", "lifestyle",
    "technology", "tech", "war", "regions", "events", "analytics",
    "політика", "економіка", "бізнес", "світ", "спорт", "культура",
    "суспільство", "наука", "здоров'я", "війна", "регіони", "події",
    "аналітика", "технології", "политика", "экономика", "бизнес", "мир",
    "общество", "здоровье", "война", "регионы", "происшествия", "события",
    "аналитика", "технологии",
    /* Ukrainian */
    "і", "й", "та", "в", "у", "на", "з", "із", "до", "що", "це", "від",
    "за", "про", "редакція", "редактор", "кореспондент", "журналіст",
    "автор", "автори", "служба", "новини", "новина", "агентство", "прес",
    "фото", "відео", "реклама", "коментарі", "поділитися", "читайте",
    "також", "джерело", "головна", "теги", "президент", "міністр",
    "генсек", "секретар", "перегляди", "переглядів",
    /* Russian */
    "и", "с", "что", "это", "от", "по", "редакция", "корреспондент",
    "журналист", "авторы", "новости", "новость", "пресс", "видео",
    "комментарии", "поделиться", "также", "источник", "главная", "министр",
    "просмотров",
};
/* clang-format on */

static bool in_list(const char *w, size_t n, const char *const *list,
                    size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (n && list[i][0] == w[0] && strlen(list[i]) == n &&
            memcmp(list[i], w, n) == 0)
            return true;
    return false;
}

/* Prefixes that introduce a byline, folded; longest first where one is a
 * prefix of another. */
/* clang-format off */
static const char *const byline_prefixes[] = {
    "written by", "posted by", "reported by", "words by", "story by",
    "text by", "by:", "by", "authors:", "author:", "автори:", "авторы:",
    "автор:", "автори", "авторы", "автор", "текст:",
    /* "By" in other languages; not "von" or "di", which begin names */
    "por", "par", "door", "przez",
};
/* clang-format on */

size_t ws_byline_prefix(const char *s, size_t n)
{
    char f[32];
    size_t fn = ws_lex_fold(s, WS_MIN(n, (size_t)24), f, sizeof f);
    for (size_t i = 0; i < WS_COUNT(byline_prefixes); i++) {
        size_t m = strlen(byline_prefixes[i]);
        if (fn < m || memcmp(f, byline_prefixes[i], m) != 0)
            continue;
        /* Folding keeps Latin and Cyrillic lengths, and every prefix is
         * Latin or Cyrillic, so m bytes of f are m bytes of s. */
        if (m < n) {
            uint32_t cp;
            ws_utf8_decode(s + m, n - m, &cp);
            if (ws_lex_is_letter(cp))
                continue;
        }
        size_t j = m;
        while (j < n && (s[j] == ' ' || s[j] == ':'))
            j++;
        return j;
    }
    return 0;
}

static bool strip_char(uint32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == '|' || cp == '/' ||
           cp == '\\' || cp == '-' || cp == '(' || cp == ')' || cp == '[' ||
           cp == ']' || cp == '"' || cp == '\'' || cp == '*' || cp == '.' ||
           cp == 0x2013 || cp == 0x2014 || cp == 0x2022 || cp == 0x00B7 ||
           cp == 0x00AB || cp == 0x00BB || cp == 0x201C || cp == 0x201D ||
           cp == 0x201E || cp == 0x2018 || cp == 0x2019;
}

/* Appends word w[0..n) to out in name case: ALL-CAPS and all-lower words
 * become Title Case (after hyphens and O'/D' too, "Mc" keeps a capital
 * after it); mixed-case words are kept as written. */
static void name_case(const char *w, size_t n, bool first, ws_buf *out)
{
    size_t upper = 0, lower = 0, letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += ws_utf8_decode(w + i, n - i, &cp);
        if (ws_lex_is_letter(cp)) {
            letters++;
            upper += ws_lex_is_upper(cp);
            lower += ws_lex_is_lower(cp);
        }
    }
    bool caps = upper > 0 && lower == 0 && letters >= 2;
    bool low = lower > 0 && upper == 0;
    if (memchr(w, '.', n) && letters > 1) {
        /* Initials ("J.R.R.", "j.r."): a capital after each dot. */
        uint32_t prev = '.';
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            i += ws_utf8_decode(w + i, n - i, &cp);
            char enc[4];
            uint32_t c = prev == '.' ? ws_lex_upper(cp) : cp;
            ws_buf_append(out, enc, ws_utf8_encode(c, enc));
            prev = cp;
        }
        return;
    }
    if (!caps && !low && !(letters == 1 && lower == 1)) {
        ws_buf_append(out, w, n);
        return;
    }
    char f[NAME_MAX_BYTES + 8];
    size_t fn = ws_lex_fold(w, n, f, sizeof f);
    if (!first && in_list(f, fn, particles, WS_COUNT(particles))) {
        ws_buf_append(out, f, fn);
        return;
    }
    bool mc = fn > 3 && memcmp(f, "mc", 2) == 0;
    size_t idx = 0;
    uint32_t prev = 0, prev2 = 0;
    for (size_t i = 0; i < n; idx++) {
        uint32_t cp;
        i += ws_utf8_decode(w + i, n - i, &cp);
        bool cap =
            idx == 0 || prev == '-' || prev == 0x2010 || (mc && idx == 2) ||
            (ws_lex_is_apostrophe(prev) && idx == 2 &&
             (prev2 == 'o' || prev2 == 'O' || prev2 == 'd' || prev2 == 'D'));
        uint32_t c = cap ? ws_lex_upper(cp) : ws_lex_lower(cp);
        char enc[4];
        ws_buf_append(out, enc, ws_utf8_encode(c, enc));
        prev2 = prev;
        prev = cp;
    }
}

bool ws_name_normalize(const char *s, size_t n, ws_buf *out)
{
    ws_buf tmp;
    ws_buf_init(&tmp, 0);
    bool ok = false;
    if (n > 4 * NAME_MAX_BYTES)
        goto done;
    ws_lex_collapse(&tmp, s, n);
    const char *p = ws_buf_cstr(&tmp);
    size_t len = tmp.len;

    /* Prefixes ("By", "Автор:") and punctuation around the name. */
    for (size_t k; (k = ws_byline_prefix(p, len)) != 0;)
        p += k, len -= k;
    while (len > 0) {
        uint32_t cp;
        size_t k = ws_utf8_decode(p, len, &cp);
        if (!strip_char(cp) && cp != ' ')
            break;
        p += k, len -= k;
    }
    while (len > 0) {
        size_t back = 1;
        while (back < len && ((unsigned char)p[len - back] & 0xC0) == 0x80)
            back++;
        uint32_t cp;
        ws_utf8_decode(p + len - back, back, &cp);
        /* A final dot stays after an initial ("John F.") only. */
        if (cp == '.' && len >= 3 && p[len - 3] == ' ' &&
            ws_is_alpha((unsigned char)p[len - 2]))
            break;
        if (!strip_char(cp) && cp != ' ')
            break;
        len -= back;
    }
    if (len == 0 || len > NAME_MAX_BYTES)
        goto done;

    /* Only letters, spaces, hyphens, apostrophes and initials' dots. */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += ws_utf8_decode(p + i, len - i, &cp);
        if (!ws_lex_is_letter(cp) && cp != ' ' && cp != '-' && cp != '.' &&
            cp != 0x2010 && !ws_lex_is_apostrophe(cp))
            goto done;
    }
    if (ws_ascii_find(p, len, "www") || ws_ascii_find(p, len, "http"))
        goto done;

    size_t words = 0;
    ws_buf_clear(out);
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && p[j] != ' ')
            j++;
        const char *w = p + i;
        size_t wn = j - i;
        char f[NAME_MAX_BYTES + 8];
        size_t fn = ws_lex_fold(w, wn, f, sizeof f);
        uint32_t c0;
        ws_utf8_decode(w, wn, &c0);
        /* One capital letter is an initial ("A Smith"), not the article
         * "a" or the preposition "В". */
        bool initial =
            ws_lex_is_upper(c0) &&
            (wn == ws_utf8_decode(w, wn, &c0) ||
             (wn == ws_utf8_decode(w, wn, &c0) + 1 && w[wn - 1] == '.'));
        if (!ws_lex_is_letter(c0) ||
            (!initial && in_list(f, fn, not_name, WS_COUNT(not_name))))
            goto done;
        /* A dot before a lower-case letter is a domain ("example.com");
         * initials ("J.R.") keep capitals after their dots. */
        for (const char *d = memchr(w, '.', wn); d && d + 1 < w + wn;
             d = memchr(d + 1, '.', (size_t)(w + wn - d - 1))) {
            uint32_t nx;
            ws_utf8_decode(d + 1, (size_t)(w + wn - d - 1), &nx);
            if (ws_lex_is_lower(nx))
                goto done;
        }
        bool particle = in_list(f, fn, particles, WS_COUNT(particles));
        if (++words > NAME_MAX_WORDS)
            goto done;
        if (words > 1)
            ws_buf_putc(out, ' ');
        size_t before = out->len;
        name_case(w, wn, words == 1, out);
        /* Kept mixed case must still start like a name ("iPhone" does
         * not). */
        uint32_t first;
        ws_utf8_decode(out->data + before, out->len - before, &first);
        if (!particle && !ws_lex_is_upper(first))
            goto done;
        i = j + 1;
    }
    ok = words >= 2;
done:
    if (!ok)
        ws_buf_clear(out);
    ws_buf_cleanup(&tmp);
    return ok;
}

/* ---- bylines ----------------------------------------------------------- */

/* Length of a name separator at s[i] (",", "&", " and ", " та ", " і ",
 * " и ", "|", "•" ...), 0 when none. */
static size_t separator(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ',' || c == ';' || c == '&' || c == '|' || c == '/' || c == '\n')
        return 1;
    if (i + 3 <= n && memcmp(s + i, "\xE2\x80\xA2", 3) == 0)
        return 3;
    if (i + 2 <= n && memcmp(s + i, "\xC2\xB7", 2) == 0)
        return 2;
    if (c != ' ')
        return 0;
    /* Not Spanish " y ": it is also a particle ("Ortega y Gasset"). */
    static const char *const words[] = {" and ", " та ",  " і ", " й ",
                                        " и ",   " und ", " et "};
    for (size_t k = 0; k < WS_COUNT(words); k++) {
        size_t m = strlen(words[k]);
        if (i + m <= n && ws_ascii_ieq(s + i, m, words[k]))
            return m - 1; /* leave the final space to the next name */
    }
    return 0;
}

/* Calls take(piece) for each name-sized piece of a byline (prefix
 * stripped, dates blanked out); stops early when take returns false.
 * Returns the number of pieces seen. */
static size_t split_byline(const char *s, size_t n,
                           bool (*take)(void *ctx, const char *p, size_t n),
                           void *ctx)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_lex_collapse(&b, s, WS_MIN(n, (size_t)BYLINE_MAX_BYTES));
    char *p = b.data;
    size_t len = b.len, pieces = 0;
    if (!p)
        goto done;

    /* A date in a byline ("A, B Thursday, 12 December 2024, 19:16") is
     * not part of any name: blank it out and let it separate. */
    for (int k = 0; k < 2; k++) {
        char out[32];
        size_t a, e;
        if (!ws_date_find(p, len, out, &a, &e))
            break;
        memset(p + a, ',', e - a);
    }

    size_t start = ws_byline_prefix(p, len);
    for (size_t i = start; i <= len && pieces < BYLINE_MAX_PIECES;) {
        size_t k = i < len ? separator(p, len, i) : 1;
        if (k == 0) {
            i++;
            continue;
        }
        const char *piece = p + start;
        size_t pn = i - start;
        ws_lex_trim(&piece, &pn);
        if (pn > 0) {
            pieces++;
            if (!take(ctx, piece, pn))
                break;
        }
        i += k;
        start = i;
    }
done:
    ws_buf_cleanup(&b);
    return pieces;
}

static bool add_one(void *ctx, const char *p, size_t n)
{
    ws_fields_add_author(ctx, p, n);
    return true;
}

void ws_fields_add_byline(ws_fields *f, const char *s, size_t n)
{
    split_byline(s, n, add_one, f);
}

struct names_check {
    bool strict;
    bool ok;
};

/* In strict mode every word must start with a capital as written (or be a
 * particle or initial): "Anna Kowalska", not "anna said no". */
static bool check_one(void *ctx, const char *p, size_t n)
{
    struct names_check *c = ctx;
    ws_buf b;
    ws_buf_init(&b, 0);
    c->ok = ws_name_normalize(p, n, &b);
    ws_buf_cleanup(&b);
    for (size_t i = 0; c->ok && c->strict && i < n;) {
        size_t j = i;
        while (j < n && p[j] != ' ')
            j++;
        uint32_t cp;
        ws_utf8_decode(p + i, j - i, &cp);
        char f[NAME_MAX_BYTES + 8];
        size_t fn = ws_lex_fold(p + i, j - i, f, sizeof f);
        if (!ws_lex_is_upper(cp) &&
            !in_list(f, fn, particles, WS_COUNT(particles)))
            c->ok = false;
        i = j + 1;
    }
    return c->ok;
}

bool ws_byline_names_only(const char *s, size_t n, bool strict_case)
{
    struct names_check c = {strict_case, true};
    size_t pieces = split_byline(s, n, check_one, &c);
    return pieces > 0 && c.ok;
}
