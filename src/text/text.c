/* The scraped-text reader. A page saved as plain text is a column of lines:
 * site furniture, a title, byline and date lines, the article's
 * paragraphs, then more furniture. Each line is classified once (features
 * and the debris lexicon), scored, and the body is the best-scoring run of
 * lines (maximum-sum segment, cut at "Comments"-like barriers); title,
 * date, authors, outlet and dateline come from the lines around it. Every
 * pass is linear in the number of lines; see docs/text.md for the rules. */
#include "text.h"

#include "../meta/lex.h"
#include "debris.h"

#include <string.h>
#ifdef WS_TEXT_DEBUG
#include <stdio.h>
#endif

#define MAX_LINES 20000 /* lines read; the rest of a huge page is ignored */
#define FOLD_MAX 2048   /* bytes of a line folded for the lexicon */
#define SHORT_LINE 160  /* chars: weak phrases count below this */
#define HEAD_MAX                                                               \
    200                 /* chars: a longer line without a full stop is         \
                           still a paragraph */
#define META_MAX 240    /* bytes: longest date, byline or dateline line */
#define NAMES_MAX 120   /* bytes: longest names-only line */
#define TITLE_WINDOW 40 /* non-blank lines searched for a title */
#define NEAR_TITLE 6    /* lines around the title for byline, dateline */
#define OUTLET_MAX 60   /* bytes of an outlet name */
#define SCAN_LINES 2000 /* lines searched for an outlet's full name */

enum kind {
    K_TEXT,     /* a paragraph of sentences */
    K_HEAD,     /* a short line without a full stop: headline, link */
    K_LABEL,    /* a label alone: "Details", "Background:" */
    K_LABELLED, /* a labelled paragraph: "Quote: ...", "Source: ..." */
    K_AD,       /* "Advertisement:" between paragraphs */
    K_CAPTION,  /* photo caption or credit */
    K_DEBRIS,   /* navigation, switchers, share rows, tags, appeals */
    K_STRONG,   /* copyright, patron, ad-blocker, reprint lines */
    K_BARRIER,  /* "Comments", "Related Posts", "Most read" */
    K_RELATED,  /* "Read also: ..." and the headline it introduces */
    K_LIST,     /* recent-news items: clock times, dated headlines, views */
    K_DATE,     /* a date line, maybe with "Published"-like label */
    K_BYLINE,   /* "By A and B", names glued to a date */
    K_NAMES,    /* a line of names only */
    K_DATELINE, /* "City • OUTLET" */
};

typedef struct line {
    const char *s; /* trimmed, list bullet removed */
    uint32_t n;
    uint32_t chars;
    uint16_t words;
    uint8_t kind;
    bool terminal;     /* ends like a sentence */
    bool blank_before; /* a blank line separates it from the previous */
    bool list;         /* in a run of headline-like lines */
    bool title;        /* the title or a repeat of it */
    bool emitted;
    int8_t date_rank;  /* for date lines: lower is better; -1 none */
    uint8_t label_len; /* bytes of a leading "Published:"-like label */
    int16_t score;
    uint32_t date_off; /* where its date starts in s */
    uint64_t hash;     /* of the folded text without end punctuation */
} line;

typedef struct reader {
    ws_arena arena;
    line *lines;
    size_t n;
    uint64_t *seen; /* open-addressing set of hashes; 0 = empty */
    uint8_t *seen_count;
    bool *seen_emitted; /* a paragraph with this hash is in the text */
    size_t seen_mask;
    char fold[FOLD_MAX + 8];
    ws_fields *f;
} reader;

/* ---- characters -------------------------------------------------------- */

static uint32_t cp_at(const char *s, size_t n, size_t i)
{
    uint32_t cp = 0;
    if (i < n)
        ws_utf8_decode(s + i, n - i, &cp);
    return cp;
}

/* The last code point of s[0..n) and where it starts. */
static uint32_t last_cp(const char *s, size_t n, size_t *at)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && n - i < 3)
        i--;
    if (i > 0)
        i--;
    *at = i;
    return cp_at(s, n, i);
}

static bool is_close_quote(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x00BB ||
           cp == 0x2019 || cp == 0x201C || cp == ')' || cp == ']';
}

static bool is_quote(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
           cp == 0x00AB || cp == 0x00BB;
}

static bool is_stop(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ';';
}

/* A list bullet (not a dash: dashes open dialogue in Ukrainian and
 * Russian text and stay). */
static size_t bullet_len(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = ws_utf8_decode(s, n, &cp);
    if (cp == 0x2022 || cp == 0x00B7 || cp == 0x25AA || cp == 0x25CF ||
        cp == 0x25E6 || cp == 0x2023 || cp == 0x25A0 || cp == '*')
        return k;
    return 0;
}

/* Clock time "22:36" at the start of s: its length, 0 when none. */
static size_t clock_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 2 && ws_is_digit((unsigned char)s[i]))
        i++;
    if (i == 0 || i + 3 > n || s[i] != ':' ||
        !ws_is_digit((unsigned char)s[i + 1]) ||
        !ws_is_digit((unsigned char)s[i + 2]))
        return 0;
    i += 3;
    if (i < n && ws_is_digit((unsigned char)s[i]))
        return 0;
    return i;
}

/* ---- the line model ---------------------------------------------------- */

static void add_line(reader *r, const char *s, size_t n, bool blank_before)
{
    ws_lex_trim(&s, &n);
    size_t b = bullet_len(s, n);
    if (b && b < n && ws_lex_space(s + b, n - b)) {
        s += b, n -= b;
        ws_lex_trim(&s, &n);
    }
    line *l = &r->lines[r->n++];
    memset(l, 0, sizeof *l);
    l->s = s;
    l->n = (uint32_t)WS_MIN(n, (size_t)UINT32_MAX);
    l->blank_before = blank_before;
    l->date_rank = -1;
}

static bool ends_sentence(const char *s, size_t n)
{
    size_t at;
    uint32_t c = last_cp(s, n, &at);
    if (is_stop(c))
        return true;
    if (is_close_quote(c)) {
        size_t at2;
        uint32_t p = last_cp(s, at, &at2);
        return is_stop(p) || p == ',';
    }
    return false;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Joins lines [a, e) with single spaces into arena memory, as line a. */
static void join(reader *r, size_t a, size_t e)
{
    size_t total = 0;
    for (size_t i = a; i < e; i++)
        total += r->lines[i].n + 1;
    char *p = ws_arena_alloc(&r->arena, total);
    size_t o = 0;
    for (size_t i = a; i < e; i++) {
        if (o)
            p[o++] = ' ';
        memcpy(p + o, r->lines[i].s, r->lines[i].n);
        o += r->lines[i].n;
    }
    r->lines[a].s = p;
    r->lines[a].n = (uint32_t)o;
}

/* A block of lines (between blank lines) hard-wrapped at a fixed width:
 * every line but the last 40..100 characters long, all within 25 of each
 * other, few ending a sentence, the last one ending it and not longer.
 * Without a known width, at least one line must go on in lower case (or a
 * list of headlines would pass); with the width of the page's other
 * wrapped blocks (width > 0), a block that fits it is wrapped too. Returns
 * the block's widest line, 0 when it is not wrapped. */
static size_t wrapped(const reader *r, size_t a, size_t e, size_t width)
{
    if (e - a < 2 || e - a > 200)
        return 0;
    size_t lo = SIZE_MAX, hi = 0, stops = 0;
    bool lower = false;
    for (size_t i = a; i + 1 < e; i++) {
        const line *l = &r->lines[i];
        size_t c = count_chars(l->s, l->n);
        lo = WS_MIN(lo, c);
        hi = WS_MAX(hi, c);
        stops += ends_sentence(l->s, l->n);
        lower |=
            ws_lex_is_lower(cp_at(r->lines[i + 1].s, r->lines[i + 1].n, 0));
    }
    const line *last = &r->lines[e - 1];
    size_t last_max = (width ? width : hi) + 5;
    bool shape = lo >= 40 && hi <= 100 && hi - lo <= 25 &&
                 stops * 3 <= e - a - 1 &&
                 count_chars(last->s, last->n) <= last_max &&
                 ends_sentence(last->s, last->n);
    if (!shape)
        return 0;
    if (lower || (width && hi <= width + 2 && lo + 25 >= width))
        return hi;
    return 0;
}

static void split_lines(reader *r, const char *s, size_t n)
{
    size_t count = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++)
        count++;
    count = WS_MIN(count, (size_t)MAX_LINES);
    r->lines = ws_arena_alloc(&r->arena, count * sizeof *r->lines);
    bool blank = true;
    for (size_t i = 0; i < n && r->n < count;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        const char *t = s + i;
        size_t tn = e - i;
        ws_lex_trim(&t, &tn);
        if (tn == 0) {
            blank = true;
        } else {
            /* A scraper's "date 2024-12-03" prefix glued to the page's
             * first line ("… All Sections", or the headline itself) is a
             * line of its own. */
            char d[32];
            size_t k = r->n == 0 && tn > 5 && ws_ascii_ieq(t, 5, "date ")
                           ? ws_date_span(t + 5, tn - 5, d)
                           : 0;
            if (k && r->n + 1 < count && 5 + k < tn &&
                ws_lex_space(t + 5 + k, tn - 5 - k)) {
                add_line(r, t, 5 + k, blank);
                t += 5 + k, tn -= 5 + k;
                blank = false;
            }
            add_line(r, t, tn, blank);
            blank = false;
        }
        i = e + 1;
    }

    /* Undo the scraper's wrapping: whole wrapped blocks (the first pass
     * learns the page's width), and any line that stops mid-sentence
     * before a line going on in lower case. */
    size_t width = 0;
    for (size_t a = 0; a < r->n;) {
        size_t e = a + 1;
        while (e < r->n && !r->lines[e].blank_before)
            e++;
        width = WS_MAX(width, wrapped(r, a, e, 0));
        a = e;
    }
    size_t out = 0;
    for (size_t a = 0; a < r->n;) {
        size_t e = a + 1;
        while (e < r->n && !r->lines[e].blank_before)
            e++;
        if (wrapped(r, a, e, width)) {
            join(r, a, e);
            r->lines[out++] = r->lines[a];
            a = e;
            continue;
        }
        for (size_t i = a; i < e;) {
            /* Find the chain first and copy it once: joining pairwise
             * would copy a long chain quadratically. */
            size_t j = i + 1, len = r->lines[i].n;
            while (j < e && len >= 30 &&
                   ws_lex_is_lower(cp_at(r->lines[j].s, r->lines[j].n, 0)) &&
                   !ends_sentence(r->lines[j - 1].s, r->lines[j - 1].n))
                len += r->lines[j++].n;
            if (j > i + 1)
                join(r, i, j);
            r->lines[out++] = r->lines[i];
            i = j;
        }
        a = e;
    }
    r->n = out;
}

/* ---- repeats ----------------------------------------------------------- */

static void seen_init(reader *r)
{
    size_t cap = 64;
    while (cap < r->n * 2)
        cap *= 2;
    r->seen = ws_arena_alloc(&r->arena, cap * sizeof *r->seen);
    r->seen_count = ws_arena_alloc(&r->arena, cap);
    r->seen_emitted = ws_arena_alloc(&r->arena, cap * sizeof(bool));
    memset(r->seen_emitted, 0, cap * sizeof(bool));
    memset(r->seen, 0, cap * sizeof *r->seen);
    memset(r->seen_count, 0, cap);
    r->seen_mask = cap - 1;
}

static size_t seen_slot(const reader *r, uint64_t h)
{
    size_t i = (size_t)h & r->seen_mask;
    while (r->seen[i] && r->seen[i] != h)
        i = (i + 1) & r->seen_mask;
    return i;
}

static void seen_add(reader *r, uint64_t h)
{
    size_t i = seen_slot(r, h);
    r->seen[i] = h;
    if (r->seen_count[i] < 255)
        r->seen_count[i]++;
}

static unsigned seen_times(const reader *r, uint64_t h)
{
    return r->seen_count[seen_slot(r, h)];
}

/* ---- classification ---------------------------------------------------- */

/* Words after a date that do not make the line more than a date line. */
static bool meta_word(const char *f, size_t n)
{
    static const char *const words[] = {
        "views",
        "view",
        "reads",
        "comments",
        "published",
        "updated",
        "posted",
        "date",
        "on",
        "at",
        "by",
        "переглядів",
        "перегляди",
        "перегляд",
        "прочитань",
        "коментарі",
        "коментарів",
        "опубліковано",
        "оновлено",
        "дата",
        "о",
        "об",
        "в",
        "року",
        "р",
        "г",
        "года",
        "просмотров",
        "просмотра",
        "просмотр",
        "комментарии",
        "комментариев",
        "опубликовано",
        "обновлено",
        "utc",
        "gmt",
        "kyiv",
        "time",
        /* "Updated 2 hours ago", "5 min read" */
        "ago",
        "hour",
        "hours",
        "minute",
        "minutes",
        "min",
        "mins",
        "read",
        "тому",
        "годину",
        "години",
        "годин",
        "хвилину",
        "хвилини",
        "хвилин",
        "хв",
        "назад",
        "час",
        "часа",
        "часов",
        "минуту",
        "минуты",
        "минут",
        "мин",
        "читати",
        "читать",
    };
    for (size_t i = 0; i < WS_COUNT(words); i++)
        if (strlen(words[i]) == n && memcmp(words[i], f, n) == 0)
            return true;
    return false;
}

/* Counts the words of s[0..n) that carry letters and are not meta words
 * ("views", "Published", "о"). */
static size_t real_words(reader *r, const char *s, size_t n)
{
    size_t fn = ws_lex_fold(s, WS_MIN(n, (size_t)FOLD_MAX), r->fold, FOLD_MAX);
    size_t count = 0;
    for (size_t i = 0; i < fn;) {
        while (i < fn && !ws_lex_is_letter(cp_at(r->fold, fn, i)))
            i += i < fn ? (size_t)ws_utf8_decode(r->fold + i, fn - i,
                                                 &(uint32_t){0})
                        : 1;
        size_t j = i;
        while (j < fn && ws_lex_is_letter(cp_at(r->fold, fn, j)))
            j += ws_utf8_decode(r->fold + j, fn - j, &(uint32_t){0});
        if (j > i && !meta_word(r->fold + i, j - i))
            count++;
        i = j;
    }
    return count;
}

/* "City • OUTLET": one separator, a capitalised place on the left, a short
 * name on the right, no sentence. Sets the split points. */
static bool dateline_shape(const line *l, size_t *sep, size_t *sep_len)
{
    if (l->n > 80 || l->terminal || l->words > 8)
        return false;
    size_t at = 0, len = 0, count = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t k = 0;
        if (l->s[i] == '|')
            k = 1;
        else if (i + 3 <= l->n && memcmp(l->s + i, "\xE2\x80\xA2", 3) == 0)
            k = 3;
        else if (i + 2 <= l->n && memcmp(l->s + i, "\xC2\xB7", 2) == 0)
            k = 2;
        if (k) {
            count++;
            at = i, len = k;
            i += k - 1;
        }
    }
    if (count != 1 || at == 0 || at + len >= l->n)
        return false;
    uint32_t left = cp_at(l->s, l->n, 0);
    size_t r0 = at + len;
    while (r0 < l->n && l->s[r0] == ' ')
        r0++;
    uint32_t right = cp_at(l->s, l->n, r0);
    if (!ws_lex_is_upper(left) ||
        !(ws_lex_is_upper(right) ||
          (right < 0x80 && ws_is_digit((unsigned char)right))))
        return false;
    /* The place: one to three words, letters and hyphens only. */
    size_t words = 1;
    for (size_t i = 0; i < at; i++) {
        uint32_t cp;
        size_t k = ws_utf8_decode(l->s + i, at - i, &cp);
        if (cp == ',')
            break; /* "Kyiv, 3 December 2024 • X" */
        if (cp == ' ' && i + 1 < at && l->s[i + 1] != ' ')
            words++;
        else if (!ws_lex_is_letter(cp) && cp != '-' && cp != ' ' &&
                 !ws_lex_is_apostrophe(cp))
            return false;
        i += k - 1;
    }
    if (words > 3)
        return false;
    *sep = at;
    *sep_len = len;
    return true;
}

/* A paragraph outweighs a furniture line from about 40 characters on, so
 * "Read also" lines between paragraphs never split an article. */
static int text_score(const line *l)
{
    if (l->terminal)
        return l->chars < 20 ? 0 : 2 + (int)WS_MIN(l->chars / 40, 12u);
    return 1 + (int)WS_MIN(l->chars / 120, 4u);
}

static void classify(reader *r, line *l)
{
    size_t fn = ws_lex_fold(l->s, WS_MIN((size_t)l->n, (size_t)FOLD_MAX),
                            r->fold, FOLD_MAX);
    /* The identity of a line for repeats: its folded text without end
     * punctuation and spaces. */
    size_t hn = fn;
    while (hn > 0 && !ws_lex_is_letter(cp_at(r->fold, fn, hn - 1)) &&
           !ws_is_digit((unsigned char)r->fold[hn - 1]) &&
           ((unsigned char)r->fold[hn - 1] < 0x80))
        hn--;
    l->hash = ws_hash64(r->fold, hn) | 1;
    debris_hits h;
    ws_debris_match(r->fold, fn, &h);

    /* Words are runs of letters and digits: "EN | RU" has two. */
    size_t letters = 0, nonspace = 0, words = 0;
    bool quote = false, in_word = false;
    for (size_t i = 0; i < l->n;) {
        uint32_t cp;
        size_t k = ws_utf8_decode(l->s + i, l->n - i, &cp);
        bool space = ws_lex_space(l->s + i, l->n - i) != 0;
        bool letter = ws_lex_is_letter(cp);
        bool alnum = letter || (cp < 0x80 && ws_is_digit((unsigned char)cp));
        nonspace += !space;
        if (alnum && !in_word)
            words++;
        in_word = alnum || (in_word && !space);
        letters += letter;
        quote |= is_quote(cp);
        l->chars++;
        i += k;
    }
    l->words = (uint16_t)WS_MIN(words, (size_t)UINT16_MAX);
    l->terminal = ends_sentence(l->s, l->n);
    size_t at;
    uint32_t last = last_cp(l->s, l->n, &at);
    if (last == ':' && l->chars >= 60)
        l->terminal = true; /* "The minister said:" before a quote paragraph */
    /* A long line ending in a quoted word ("… назвав його «героєм»") is a
     * sentence; headlines with a quote at the end are shorter. */
    if (is_close_quote(last) && last != ')' && l->chars >= 120)
        l->terminal = true;

    if (h.cats & C_BARRIER) {
        l->kind = K_BARRIER;
        return;
    }
    if (h.cats & C_STRONG) {
        l->kind = K_STRONG;
        return;
    }
    size_t ck = clock_at(l->s, l->n);
    if (ck && l->chars < 200) {
        l->kind = K_LIST;
        return;
    }

    /* Date lines: a date with nothing but a label, counters or names
     * around it. */
    char date[32];
    size_t da, de;
    if (l->n <= META_MAX && ws_date_find(l->s, l->n, date, &da, &de)) {
        size_t before = real_words(r, l->s, da);
        size_t after = real_words(r, l->s + de, l->n - de);
        bool label = (h.cats & C_DATEWORD) && h.label_len > 0 &&
                     h.label_len >= da - WS_MIN(da, (size_t)2);
        if (label || (before == 0 && after == 0)) {
            l->kind = K_DATE;
            l->date_off = (uint32_t)da;
            l->label_len = label ? 1 : 0;
            if (label && (h.cats & C_UPDATED))
                l->label_len = 2;
            return;
        }
        if (after == 0 && before > 0 && ws_byline_names_only(l->s, da, true)) {
            l->kind = K_BYLINE;
            l->date_off = (uint32_t)da;
            return;
        }
        if (before == 0 && !l->terminal) {
            l->kind = K_LIST; /* "12.12.2024 Headline of another story" */
            return;
        }
    }
    if (h.cats & C_COUNTER && l->chars < 300) {
        l->kind = K_LIST;
        return;
    }
    if (h.cats & C_AD) {
        l->kind = K_AD;
        return;
    }
    /* "Also on Thursday, Emanuel said …": a long sentence that opens like
     * a related-links label is a paragraph. */
    if ((h.cats & C_RELATED) &&
        !(l->chars >= SHORT_LINE && l->terminal && l->words >= 20)) {
        l->kind = K_RELATED;
        return;
    }
    if (h.cats & C_TAGS) {
        l->kind = K_DEBRIS;
        return;
    }
    if (h.cats & C_LABEL) {
        bool content = false;
        for (size_t i = h.label_len; i < fn && !content;)
            content = ws_lex_is_letter(cp_at(r->fold, fn, i)),
            i += ws_utf8_decode(r->fold + i, fn - i, &(uint32_t){0});
        l->kind = content ? K_LABELLED : K_LABEL;
        return;
    }
    if ((h.cats & C_CAPTION) && l->chars < 250) {
        l->kind = K_CAPTION;
        return;
    }
    if (h.cats & C_NAV) {
        l->kind = K_DEBRIS;
        return;
    }
    /* Weak phrases ("donate", "subscribe", "cookies") are furniture in a
     * short line that addresses the reader, gives an order or is a bare
     * link, never inside quoted speech; or when several come together. */
    if ((h.cats & C_WEAK) &&
        (h.n >= 2 ||
         (l->chars < SHORT_LINE && !quote &&
          ((h.cats & C_APPEAL) || h.phrase_at_start || !l->terminal)))) {
        l->kind = K_DEBRIS;
        return;
    }
    if (h.n_lang >= 2 && l->words <= 8 && h.n_lang * 2 >= l->words) {
        l->kind = K_DEBRIS; /* "Укр Рус Eng" */
        return;
    }
    if (h.n_social >= 2 && l->words <= (size_t)h.n_social * 2 + 2) {
        l->kind = K_DEBRIS; /* "Facebook Twitter Telegram" */
        return;
    }
    if (l->n <= META_MAX && ws_byline_prefix(l->s, l->n) &&
        ws_byline_names_only(l->s, l->n, false)) {
        l->kind = K_BYLINE;
        return;
    }
    size_t sep, sep_len;
    if (dateline_shape(l, &sep, &sep_len)) {
        l->kind = K_DATELINE;
        return;
    }
    if (l->chars < 100 && letters * 10 < nonspace * 4) {
        l->kind = K_DEBRIS; /* "$41.870.02", "USD 41.25 EUR 44.80" */
        return;
    }
    if (l->n <= NAMES_MAX && !l->terminal && l->s[l->n - 1] != ':' &&
        ws_byline_names_only(l->s, l->n, true)) {
        l->kind = K_NAMES;
        return;
    }
    l->kind = (l->terminal || l->chars > HEAD_MAX) ? K_TEXT : K_HEAD;
}

static bool meta_kind(int k)
{
    return k == K_DATE || k == K_BYLINE || k == K_NAMES || k == K_DATELINE;
}

/* A byline or date line follows within two lines (a one- or two-word
 * rubric such as "Politics" may stand between). */
static bool followed_by_meta(const reader *r, size_t i)
{
    for (size_t j = i + 1; j < r->n && j <= i + 2; j++) {
        const line *l = &r->lines[j];
        if (meta_kind(l->kind))
            return true;
        if (!(l->kind == K_HEAD && l->words <= 2) && l->kind != K_DEBRIS)
            return false;
    }
    return false;
}

/* Runs of three or more short headline-like lines (with clock times or
 * dates between them) are lists of other stories, and so is the headline
 * after a "Read also" label or a clock time. */
static void mark_lists(reader *r)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i, heads = 0;
        /* A headline followed by a byline or date is the article's own,
         * whatever is above it. */
        while (j < r->n &&
               (r->lines[j].kind == K_HEAD || r->lines[j].kind == K_LIST) &&
               !followed_by_meta(r, j)) {
            heads += r->lines[j].kind == K_HEAD;
            j++;
        }
        if (j - i >= 3 && heads >= 2)
            for (size_t k = i; k < j; k++)
                r->lines[k].list = true;
        i = j > i ? j : i + 1;
    }
    /* The lines right under a "Latest" or "Related:" heading are that
     * widget's items, teasers with full stops included: up to a blank
     * line, a change between headline and paragraph shape, or twelve
     * lines (a page without blank lines must keep its article). */
    for (size_t i = 0; i < r->n; i++) {
        const line *h = &r->lines[i];
        if (h->kind != K_BARRIER && !(h->kind == K_RELATED && h->n < 40))
            continue;
        int shape = -1;
        for (size_t j = i + 1; j < r->n && j <= i + 12; j++) {
            line *l = &r->lines[j];
            if (l->blank_before ||
                (l->kind != K_TEXT && l->kind != K_HEAD && l->kind != K_LIST))
                break;
            int sh = l->kind == K_TEXT;
            if (shape >= 0 && sh != shape)
                break;
            shape = sh;
            l->kind = K_LIST;
            l->list = true;
        }
    }
    for (size_t i = 1; i < r->n; i++) {
        line *p = &r->lines[i - 1], *l = &r->lines[i];
        if (l->kind != K_HEAD)
            continue;
        if (p->kind == K_LIST && clock_at(p->s, p->n) == p->n)
            l->list = true;
        if (p->kind == K_RELATED)
            l->kind = K_RELATED;
    }
}

/* ---- title ------------------------------------------------------------- */

/* True when most longer words of s[0..n) start with a capital, as in a
 * headline ("Glenn Beck Says Trump Poses A Threat To Democracy."), not a
 * sentence. */
static bool title_cased(const char *s, size_t n)
{
    size_t words = 0, caps = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(s + i, n - i, &cp);
        if (!ws_lex_is_letter(cp)) {
            i += k;
            continue;
        }
        bool upper = ws_lex_is_upper(cp);
        size_t letters = 0;
        while (i < n) {
            k = ws_utf8_decode(s + i, n - i, &cp);
            if (!ws_lex_is_letter(cp) && cp != '\'' && cp != 0x2019)
                break;
            letters++;
            i += k;
        }
        if (letters >= 4) {
            words++;
            caps += upper;
        }
    }
    return words >= 3 && caps * 4 >= words * 3;
}

/* The title is a headline-like line near the top: the one right above the
 * first paragraph (bylines, dates and furniture between them aside), a
 * line the page repeats (headline and h1), a line followed by a byline or
 * date weigh most; earlier lines a little more than later ones. */
static long choose_title(reader *r)
{
    size_t first_par = r->n;
    for (size_t i = 0; i < r->n && i < TITLE_WINDOW * 4; i++) {
        const line *l = &r->lines[i];
        if (l->kind == K_TEXT && l->terminal && l->chars >= 80) {
            first_par = i;
            break;
        }
    }
    uint64_t above = 0;
    for (size_t i = first_par; i-- > 0;) {
        const line *l = &r->lines[i];
        if ((l->kind == K_HEAD && l->words >= 3) || l->kind == K_TEXT) {
            above = l->hash;
            break;
        }
    }
    long best = -1;
    int best_score = 0;
    size_t seen = 0, paragraphs = 0;
    for (size_t i = 0; i < r->n && seen < TITLE_WINDOW && paragraphs < 3; i++) {
        line *l = &r->lines[i];
        seen++;
        if (l->kind == K_TEXT && l->chars >= 80 && l->terminal)
            paragraphs++;
        if (l->kind != K_HEAD && l->kind != K_TEXT)
            continue;
        if (l->chars < 15 || l->words < 3 || l->chars > 300 ||
            (l->list && l->hash != above) || i == first_par)
            continue;
        size_t at;
        uint32_t last = last_cp(l->s, l->n, &at);
        bool repeated = seen_times(r, l->hash) >= 2;
        /* A sentence with a full stop, or a quoted sentence, is a
         * paragraph (a repeated one is a pull quote), not a headline;
         * unless its words are capitalised as a headline's are (some
         * sources end every title with a full stop). */
        if (l->kind == K_TEXT &&
            (l->chars > HEAD_MAX ||
             ((last == '.' || (is_close_quote(last) && l->terminal)) &&
              !title_cased(l->s, l->n))))
            continue;
        int score = 10 - (int)(seen / 4);
        if (repeated)
            score += 15;
        if (followed_by_meta(r, i))
            score += 8;
        if (l->hash == above)
            score += 10;
        if (l->words >= 5)
            score += 3;
        if (i > first_par)
            score -= 10; /* titles come before the article */
        if (l->chars < 25)
            score -= 6;
        if (last == ':')
            score -= 12;
        if (score > best_score) {
            best_score = score;
            best = (long)i;
        }
    }
    return best;
}

/* ---- body -------------------------------------------------------------- */

static void score_lines(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->lines[i];
        int s;
        switch (l->kind) {
        case K_TEXT:
            s = text_score(l);
            break;
        case K_LABELLED:
            s = WS_MAX(1, text_score(l));
            break;
        case K_HEAD:
            s = l->list ? -3 : -2;
            break;
        case K_LABEL:
            s = 0;
            break;
        case K_AD:
            s = -1;
            break;
        /* "Read also: X" sits between paragraphs as often as after them;
         * a bare "Related:" label costs nothing, its headline does. */
        case K_RELATED:
            s = l->words <= 3 && l->n < 40 ? 0 : -2;
            break;
        /* Captions, bylines and date lines sit inside the article's frame
         * (between a standfirst and the first paragraph): they neither
         * extend nor break the body. */
        case K_CAPTION:
        case K_DATE:
        case K_BYLINE:
        case K_NAMES:
        case K_DATELINE:
            s = 0;
            break;
        case K_STRONG:
            s = -6;
            break;
        default:
            s = -3;
            break;
        }
        /* A widget costs about the same whatever its length: each item
         * after the first of a list costs 1, so a list of headlines
         * inside an article does not split it. */
        bool listy = l->list || l->kind == K_LIST || l->kind == K_RELATED;
        if (listy && s < -1 && i > 0 &&
            (r->lines[i - 1].list || r->lines[i - 1].kind == K_LIST ||
             r->lines[i - 1].kind == K_RELATED))
            s = -1;
        /* The title's repeat also sits inside the article. */
        if (l->title)
            s = 0;
        l->score = (int16_t)s;
    }
}

/* The body is the run of lines with the largest total score (Kadane's
 * maximum-sum segment); a barrier line ends any run. */
static bool body_region(const reader *r, size_t *b, size_t *e)
{
    long best = 0, cur = 0;
    size_t cur_b = 0;
    bool found = false;
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->lines[i];
        if (l->kind == K_BARRIER) {
            cur = 0;
            cur_b = i + 1;
            continue;
        }
        if (cur <= 0) {
            cur = 0;
            cur_b = i;
        }
        cur += l->score;
        /* On a tie, a paragraph still extends the body: a last paragraph
         * after a "Read also" line pays back exactly its cost. */
        if (cur > best || (found && cur == best && l->score > 0)) {
            best = cur;
            *b = cur_b;
            *e = i;
            found = true;
        }
    }
    return found;
}

/* Next line inside [i+1, e] that is not a label or ad marker. */
static const line *next_content(const reader *r, size_t i, size_t e)
{
    for (size_t j = i + 1; j <= e && j < r->n; j++) {
        int k = r->lines[j].kind;
        if (k != K_LABEL && k != K_AD && k != K_CAPTION)
            return &r->lines[j];
    }
    return NULL;
}

static ws_status emit_body(reader *r, size_t b, size_t e, long *first)
{
    ws_status st = WS_OK;
    *first = -1;
    for (size_t i = b; i <= e && st == WS_OK; i++) {
        line *l = &r->lines[i];
        if (l->title)
            continue;
        bool keep = l->kind == K_TEXT || l->kind == K_LABELLED;
        if (l->kind == K_HEAD && !l->list && l->words >= 3) {
            /* A subheading: a short line followed by a paragraph. */
            const line *nx = next_content(r, i, e);
            keep = nx && nx->kind == K_TEXT;
        }
        if (!keep)
            continue;
        /* The same paragraph twice (a pull quote, a duplicated lead) is
         * kept once. */
        size_t slot = seen_slot(r, l->hash);
        if (r->seen_emitted[slot])
            continue;
        st = ws_fields_add_paragraph(r->f, l->s, l->n);
        l->emitted = true;
        r->seen_emitted[slot] = true;
        if (*first < 0)
            *first = (long)i;
    }
    return st;
}

/* ---- outlet ------------------------------------------------------------ */

static bool is_upper_or_digit(uint32_t cp)
{
    return ws_lex_is_upper(cp) || (cp < 0x80 && ws_is_digit((unsigned char)cp));
}

/* Trailing punctuation that ends a captured name. */
static bool name_end_punct(uint32_t cp)
{
    return cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' ||
           cp == '?' || cp == ')' || cp == 0x00BB || cp == '"' ||
           cp == 0x201D || cp == 0x2019 || cp == '\'';
}

/* Captures up to max capitalised words (or numbers) of s from i: "Kyiv
 * Post", "Example.net", "«Новой газеты»" (quotes dropped). Stores the span
 * in a and e; false when the first word is not capitalised. */
static bool capture_fwd(const char *s, size_t n, size_t i, int max, size_t *a,
                        size_t *e)
{
    while (i < n && s[i] == ' ')
        i++;
    uint32_t open = cp_at(s, n, i);
    if (is_quote(open)) {
        /* A quoted name runs to its closing quote: «Новая газета». */
        size_t q = i + ws_utf8_decode(s + i, n - i, &(uint32_t){0});
        for (size_t j = q; j < n && j < q + OUTLET_MAX; j++) {
            uint32_t cp = cp_at(s, n, j);
            if (is_quote(cp)) {
                if (j > q && ws_lex_is_upper(cp_at(s, n, q))) {
                    *a = q;
                    *e = j;
                    return true;
                }
                return false;
            }
        }
        return false;
    }
    *a = i;
    *e = i;
    for (int w = 0; w < max && i < n; w++) {
        if (!is_upper_or_digit(cp_at(s, n, i)))
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        /* Punctuation at the word's end is not part of the name. */
        size_t k = j;
        while (k > i) {
            size_t at;
            uint32_t c = last_cp(s + i, k - i, &at);
            if (!name_end_punct(c) && !is_quote(c))
                break;
            k = i + at;
        }
        if (k == i)
            break;
        *e = k;
        if (k < j)
            break; /* "X." ends the name */
        i = j;
        while (i < n && s[i] == ' ')
            i++;
    }
    return *e > *a;
}

/* Captures up to max capitalised words ending right before i (a
 * possessive "'s" dropped): "from an Example.net's correspondent". */
static bool capture_back(const char *s, size_t i, int max, size_t *a, size_t *e)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    size_t end = i;
    if (end >= 2 && s[end - 2] == '\'' && s[end - 1] == 's')
        end -= 2;
    else if (end >= 4 && memcmp(s + end - 4, "\xE2\x80\x99s", 4) == 0)
        end -= 4;
    *e = end;
    *a = end;
    size_t j = end;
    for (int w = 0; w < max && j > 0; w++) {
        size_t st = j;
        while (st > 0 && s[st - 1] != ' ')
            st--;
        if (st == j || !is_upper_or_digit(cp_at(s, j, st)))
            break;
        for (size_t k = st; k < j; k++)
            if (s[k] == ',' || s[k] == '(' || s[k] == '"')
                return *e > *a;
        *a = st;
        j = st;
        while (j > 0 && s[j - 1] == ' ')
            j--;
    }
    return *e > *a;
}

static bool outlet_ok(const char *s, size_t n)
{
    if (n == 0 || n > OUTLET_MAX)
        return false;
    char f[OUTLET_MAX + 8];
    size_t fn = ws_lex_fold(s, n, f, sizeof f);
    static const char *const no[] = {"us", "our", "the", "нас", "наш",
                                     "we", "you", "i",   "me",  "it"};
    for (size_t i = 0; i < WS_COUNT(no); i++)
        if (strlen(no[i]) == fn && memcmp(no[i], f, fn) == 0)
            return false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += ws_utf8_decode(s + i, n - i, &cp);
        if (ws_lex_is_letter(cp))
            return true;
    }
    return false;
}

/* A bare domain ("Examplenews.com") names the outlet only as its address;
 * if the page spells the name out ("Examplenews" -> "Example News"),
 * that is the outlet's name. */
static bool expand_domain(reader *r, const char *d, size_t dn, ws_buf *out)
{
    char stem[64];
    size_t sn = 0, i = 0;
    if (dn > 4 && ws_ascii_ieq(d, 4, "www."))
        i = 4;
    size_t dot = i;
    while (dot < dn && d[dot] != '.')
        dot++;
    if (dot == dn || dot - i < 3 || memchr(d, ' ', dn))
        return false;
    for (; i < dot && sn < sizeof stem; i++)
        if (ws_is_alpha((unsigned char)d[i]) ||
            ws_is_digit((unsigned char)d[i]))
            stem[sn++] = (char)ws_lower((unsigned char)d[i]);
    for (size_t li = 0; li < r->n && li < SCAN_LINES; li++) {
        const line *l = &r->lines[li];
        size_t n = WS_MIN((size_t)l->n, (size_t)FOLD_MAX);
        for (size_t p = 0; p < n; p++) {
            if ((p > 0 && l->s[p - 1] != ' ') ||
                !ws_is_alpha((unsigned char)l->s[p]) ||
                !ws_lex_is_upper((unsigned char)l->s[p]))
                continue;
            /* Concatenate capitalised words while they match the stem. */
            size_t k = 0, q = p, end = p;
            int words = 0;
            while (q < n && words < 4) {
                if (!ws_lex_is_upper((unsigned char)l->s[q]))
                    break;
                size_t w = q;
                while (w < n && (ws_is_alpha((unsigned char)l->s[w]) ||
                                 ws_is_digit((unsigned char)l->s[w]))) {
                    if (k >= sn || ws_lower((unsigned char)l->s[w]) != stem[k])
                        break;
                    k++, w++;
                }
                if (w < n && (ws_is_alpha((unsigned char)l->s[w]) ||
                              ws_is_digit((unsigned char)l->s[w])))
                    break;
                words++;
                end = w;
                if (k == sn)
                    break;
                if (w >= n || l->s[w] != ' ')
                    break;
                q = w + 1;
            }
            if (k == sn && words >= 2) {
                ws_buf_append(out, l->s + p, end - p);
                return true;
            }
        }
    }
    return false;
}

/* "Copyright © 2024 Example.com", "© 2010–2024 Example Media. All rights
 * reserved.", "Example News © 2024". */
static bool outlet_from_copyright(reader *r, const line *l, ws_buf *out)
{
    const char *s = l->s;
    size_t n = WS_MIN((size_t)l->n, (size_t)META_MAX);
    const char *c = ws_ascii_find(s, n, "\xC2\xA9");
    const char *w = ws_ascii_find(s, n, "copyright");
    if (!c && !w)
        return false;
    const char *mark = (w && (!c || w < c)) ? w : c;
    size_t i = (size_t)(mark - s);
    size_t before = i;
    /* Skip the marks, years, ranges and "by". */
    for (;;) {
        size_t j = i;
        if (j + 9 <= n && ws_ascii_ieq(s + j, 9, "copyright"))
            j += 9;
        else if (j + 2 <= n && memcmp(s + j, "\xC2\xA9", 2) == 0)
            j += 2;
        else if (j + 3 <= n && ws_ascii_ieq(s + j, 3, "(c)"))
            j += 3;
        else if (j + 3 <= n && ws_ascii_ieq(s + j, 3, "by "))
            j += 3;
        else if (j < n && (ws_is_digit((unsigned char)s[j]) || s[j] == ' ' ||
                           s[j] == ',' || s[j] == '-'))
            j++;
        else if (j + 3 <= n && (memcmp(s + j, "\xE2\x80\x93", 3) == 0 ||
                                memcmp(s + j, "\xE2\x80\x94", 3) == 0))
            j += 3;
        if (j == i)
            break;
        i = j;
    }
    size_t a = i, e = i;
    while (e < n && s[e] != ',' && s[e] != '|' && s[e] != ';' &&
           !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')) &&
           !(e + 4 <= n && ws_ascii_ieq(s + e, 4, " all")))
        e++;
    const char *o = s + a;
    size_t on = e - a;
    ws_lex_trim(&o, &on);
    while (on > 0 &&
           (ws_is_digit((unsigned char)o[on - 1]) || o[on - 1] == ' '))
        on--;
    if (on == 0 && before > 0) {
        size_t ba, be;
        if (capture_back(s, before, 4, &ba, &be)) {
            o = s + ba;
            on = be - ba;
        }
    }
    if (!outlet_ok(o, on) || !is_upper_or_digit(cp_at(o, on, 0)))
        return false;
    if (!expand_domain(r, o, on, out))
        ws_buf_append(out, o, on);
    return true;
}

/* "Support XY or become our patron!", "Підтримайте XY", and the appeals
 * to follow the site elsewhere: "Читайте XY в Google News", "Read XY on
 * Telegram" (only with a platform named, or "Read More" would pass). */
static bool outlet_from_support(const line *l, ws_buf *out)
{
    static const char *const support[] = {
        "Support ", "Підтримайте ", "Поддержите ", "Support the work of "};
    static const char *const follow[] = {
        "Читайте ",           "Read ",      "Follow ",     "Підписуйтесь на ",
        "Подписывайтесь на ", "Стежте за ", "Следите за ",
    };
    static const char *const platforms[] = {
        "Google News", "Telegram", "Facebook", "Twitter", "Instagram",
        "Viber",       "YouTube",  "WhatsApp", "Threads", "Дзен",
    };
    bool platform = false;
    for (size_t k = 0; k < WS_COUNT(platforms) && !platform && l->n < 150; k++)
        platform = ws_ascii_find(l->s, l->n, platforms[k]) != NULL;
    for (size_t v = 0; v < WS_COUNT(support) + WS_COUNT(follow); v++) {
        bool is_support = v < WS_COUNT(support);
        const char *verb =
            is_support ? support[v] : follow[v - WS_COUNT(support)];
        size_t m = strlen(verb);
        if ((!is_support && !platform) || l->n <= m ||
            memcmp(l->s, verb, m) != 0)
            continue;
        size_t a, e;
        if (!capture_fwd(l->s, l->n, m, 4, &a, &e) ||
            !outlet_ok(l->s + a, e - a))
            continue;
        /* "Read us on Telegram" names no one; nor does the platform. */
        bool names_platform = false;
        for (size_t k = 0; k < WS_COUNT(platforms) && !names_platform; k++)
            names_platform = e - a == strlen(platforms[k]) &&
                             memcmp(l->s + a, platforms[k], e - a) == 0;
        if (names_platform)
            continue;
        ws_buf_append(out, l->s + a, e - a);
        return true;
    }
    return false;
}

/* "… from a X's correspondent", "a X reporter", "correspondent of X",
 * "кореспонденту X", "корреспондента X". The outlet's own reporter names
 * the publisher. */
static bool outlet_from_reporter(const line *l, ws_buf *out)
{
    static const char *const en[] = {"correspondent", "reporter", "journalist"};
    const char *s = l->s;
    size_t n = l->n;
    for (size_t k = 0; k < WS_COUNT(en); k++) {
        size_t m = strlen(en[k]);
        for (const char *p = ws_ascii_find(s, n, en[k]); p;
             p = ws_ascii_find(p + m, (size_t)(s + n - p - m), en[k])) {
            size_t i = (size_t)(p - s);
            if (i + m < n && ws_is_alpha((unsigned char)s[i + m]))
                continue;
            size_t a, e;
            if (capture_back(s, i, 4, &a, &e) && outlet_ok(s + a, e - a)) {
                ws_buf_append(out, s + a, e - a);
                return true;
            }
            const char *of = s + i + m;
            size_t rest = n - i - m;
            size_t skip = rest >= 4 && memcmp(of, " of ", 4) == 0    ? 4
                          : rest >= 5 && memcmp(of, " for ", 5) == 0 ? 5
                                                                     : 0;
            if (skip && capture_fwd(s, n, i + m + skip, 4, &a, &e) &&
                outlet_ok(s + a, e - a)) {
                ws_buf_append(out, s + a, e - a);
                return true;
            }
        }
    }
    static const char *const cyr[] = {
        "кореспонденту ",  "кореспондентові ", "кореспондента ",
        "кореспондентка ", "кореспондентці ",  "кореспондент ",
        "журналісту ",     "журналістові ",    "журналіста ",
        "корреспонденту ", "корреспондента ",  "корреспондент ",
        "журналисту ",     "журналиста ",
    };
    for (size_t k = 0; k < WS_COUNT(cyr); k++) {
        const char *p = ws_ascii_find(s, n, cyr[k]);
        if (!p)
            continue;
        size_t i = (size_t)(p - s) + strlen(cyr[k]), a, e;
        if (capture_fwd(s, n, i, 4, &a, &e) && outlet_ok(s + a, e - a)) {
            ws_buf_append(out, s + a, e - a);
            return true;
        }
    }
    return false;
}

/* ", writes X." at the end of a paragraph: agencies name themselves this
 * way. A cue that cites another outlet ("quoted by X", "citing X") is not
 * the publisher, so X must not be cited anywhere in the text. */
static bool outlet_from_writes(const line *l, ws_buf *out)
{
    static const char *const cues[] = {
        ", writes ",  ", reports ", ", пише ",     ", повідомляє ",
        ", передає ", ", пишет ",   ", сообщает ", ", передает ",
    };
    for (size_t k = 0; k < WS_COUNT(cues); k++) {
        const char *p = ws_ascii_find(l->s, l->n, cues[k]);
        if (!p)
            continue;
        size_t i = (size_t)(p - l->s) + strlen(cues[k]), a, e;
        if (!capture_fwd(l->s, l->n, i, 3, &a, &e) ||
            !outlet_ok(l->s + a, e - a))
            continue;
        /* Only at the end of the sentence. */
        if (e < l->n && l->s[e] != '.' && l->s[e] != ',')
            continue;
        ws_buf_append(out, l->s + a, e - a);
        return true;
    }
    return false;
}

/* True when word w[0..wn) occurs as a whole word somewhere on the page. */
static bool page_has_word(const reader *r, const char *w, size_t wn)
{
    for (size_t i = 0; i < r->n && i < SCAN_LINES; i++) {
        const line *l = &r->lines[i];
        size_t n = WS_MIN((size_t)l->n, (size_t)FOLD_MAX);
        for (const char *p = l->s;
             (p = ws_ascii_find(p, (size_t)(l->s + n - p), w)); p += wn) {
            size_t at = (size_t)(p - l->s);
            size_t back;
            bool start = at == 0 || !ws_lex_is_letter(last_cp(l->s, at, &back));
            bool end =
                at + wn >= n || !ws_lex_is_letter(cp_at(l->s, n, at + wn));
            if (start && end)
                return true;
            if (at + wn >= n)
                break;
        }
    }
    return false;
}

/* Ukrainian and Russian name an outlet in a case after "кореспондент"
 * ("кореспондент Вісника" for "Вісник"). When the page also writes the
 * name in another case ("як повідомляв Вісник"), take that form: a one-word
 * name with a case ending dropped (and "а"/"я" tried in its place). */
static void nominative(const reader *r, ws_buf *o)
{
    static const char *const endings[] = {"ові", "ом", "у", "а", "і",
                                          "ю",   "я",  "ї", "и"};
    static const char *const adds[] = {"", "а", "я"};
    if (o->len == 0 || memchr(o->data, ' ', o->len) ||
        !(cp_at(o->data, o->len, 0) >= 0x400 &&
          cp_at(o->data, o->len, 0) < 0x530))
        return;
    for (size_t k = 0; k < WS_COUNT(endings); k++) {
        size_t m = strlen(endings[k]);
        if (o->len < m + 6 || memcmp(o->data + o->len - m, endings[k], m) != 0)
            continue;
        for (size_t a = 0; a < WS_COUNT(adds); a++) {
            char cand[OUTLET_MAX + 8];
            size_t sn = o->len - m, an = strlen(adds[a]);
            if (sn + an >= sizeof cand)
                continue;
            memcpy(cand, o->data, sn);
            memcpy(cand + sn, adds[a], an);
            cand[sn + an] = '\0';
            if (page_has_word(r, cand, sn + an)) {
                ws_buf_clear(o);
                ws_buf_append(o, cand, sn + an);
                return;
            }
        }
    }
}

static bool cited(const reader *r, const char *name, size_t nn, size_t b,
                  size_t e)
{
    static const char *const cues[] = {
        "quoted by ",       "citing ",    "according to ",  "cited by ",
        "з посиланням на ", "за даними ", "со ссылкой на ", "по данным ",
    };
    for (size_t i = b; i <= e && i < r->n; i++) {
        const line *l = &r->lines[i];
        for (size_t k = 0; k < WS_COUNT(cues); k++) {
            size_t m = strlen(cues[k]);
            for (const char *p = ws_ascii_find(l->s, l->n, cues[k]); p;
                 p = ws_ascii_find(p + m, (size_t)(l->s + l->n - p - m),
                                   cues[k])) {
                size_t at = (size_t)(p - l->s) + m;
                if (at + nn <= l->n && memcmp(l->s + at, name, nn) == 0)
                    return true;
            }
        }
    }
    return false;
}

/* ---- dateline ---------------------------------------------------------- */

static void set_city(ws_fields *f, const char *s, size_t n)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_lex_title_case(s, n, &b);
    ws_fields_set(&f->dateline, ws_buf_cstr(&b), b.len);
    ws_buf_cleanup(&b);
}

static size_t dash_at(const char *s, size_t n, size_t i)
{
    if (i + 3 <= n && (memcmp(s + i, "\xE2\x80\x94", 3) == 0 ||
                       memcmp(s + i, "\xE2\x80\x93", 3) == 0))
        return 3;
    if (i < n && s[i] == '-')
        return 1;
    return 0;
}

/* "KYIV, Dec 3 (Reuters) – …", "Київ, 3 грудня — …", "KYIV — …",
 * "LONDON (AP) — …": the city (and agency) opening the first paragraph. */
static bool opening_dateline(const char *s, size_t n, ws_fields *f,
                             ws_buf *agency)
{
    size_t i = 0, words = 0;
    bool caps = true;
    while (i < n && words < 3) {
        uint32_t c0 = cp_at(s, n, i);
        if (!ws_lex_is_upper(c0))
            break;
        size_t j = i;
        while (j < n) {
            uint32_t cp;
            size_t k = ws_utf8_decode(s + j, n - j, &cp);
            if (!ws_lex_is_letter(cp) && cp != '-' && !ws_lex_is_apostrophe(cp))
                break;
            caps &= !ws_lex_is_lower(cp);
            j += k;
        }
        if (j == i)
            break;
        words++;
        i = j;
        if (i < n && s[i] == ' ' && i + 1 < n &&
            ws_lex_is_upper(cp_at(s, n, i + 1)) && !dash_at(s, n, i + 1) &&
            s[i + 1] != '(')
            i++;
        else
            break;
    }
    if (words == 0 || i >= n)
        return false;
    size_t city_end = i, j = i;
    bool dated = false;
    if (s[j] == ',') {
        /* A short date-ish segment: a month name must be in it. */
        j++;
        size_t lim = WS_MIN(n, j + 40);
        while (j < lim && !dash_at(s, n, j) && s[j] != '(' && s[j] != '/') {
            size_t ml;
            if ((j == 0 || s[j - 1] == ' ') && ws_date_month(s + j, n - j, &ml))
                dated = true;
            if (s[j] == '.' && j + 1 < n && s[j + 1] == ' ') {
                /* "3 декабря. /X/." ends here; any other full stop ends
                 * a sentence, not a dateline. */
                if (!dated || j + 2 >= n || s[j + 2] != '/')
                    return false;
                break;
            }
            j++;
        }
        if (!dated)
            return false;
    }
    while (j < n && s[j] == ' ')
        j++;
    size_t ag_a = 0, ag_e = 0;
    bool ag_dot = false;
    if (j < n && s[j] == '.' && dated) /* "МОСКВА, 3 декабря. /X/." */
        j++;
    while (j < n && s[j] == ' ')
        j++;
    if (j < n && (s[j] == '(' || s[j] == '/')) {
        char close = s[j] == '(' ? ')' : '/';
        const char *c = memchr(s + j + 1, close, WS_MIN(n - j - 1, (size_t)40));
        if (!c)
            return false;
        ag_a = j + 1;
        ag_e = (size_t)(c - s);
        j = ag_e + 1;
        if (j < n && s[j] == '.')
            j++, ag_dot = true;
        while (j < n && s[j] == ' ')
            j++;
    }
    /* Then a spaced dash (or the agency's full stop); a bare "Name — …"
     * opens many sentences, so the city needs a date, an agency or
     * capitals to count. */
    size_t d = dash_at(s, n, j);
    bool ends = ag_dot || (d && j + d < n && s[j + d] == ' ');
    if (!ends || j == city_end || !(dated || ag_e > ag_a || caps))
        return false;
    set_city(f, s, city_end);
    if (ag_e > ag_a)
        ws_buf_append(agency, s + ag_a, ag_e - ag_a);
    return true;
}

/* ---- the fields around the body ---------------------------------------- */

/* Index of the n-th non-blank line from i in direction dir, or -1. The
 * line array holds non-blank lines only, so this is plain arithmetic. */
static long step(const reader *r, long i, long dir)
{
    long j = i + dir;
    return (j >= 0 && (size_t)j < r->n) ? j : -1;
}

static bool near(long a, long b, long d)
{
    return a >= 0 && b >= 0 && (a - b <= d && b - a <= d);
}

/* Lines of the article's header: above the body, or among its first lines
 * (a standfirst can come before the byline and date). */
#define HEADER_IN_BODY 8

static bool in_header(size_t i, size_t b, size_t e, bool body)
{
    return !body || i < b || (i <= e && i < b + HEADER_IN_BODY);
}

/* Date candidates, ranked: a date line or dated byline after the title
 * in the header (0); a labelled date ("Published", a scraper's "date")
 * outside the body (1); an update date or a header date above the title,
 * where sites show today's date (2); a date line right after the body
 * (3). Among equals the first wins; a same-day candidate with a time is
 * preferred to one without. */
static void choose_date(reader *r, long title, size_t b, size_t e)
{
    long best = -1;
    int best_rank = 9;
    char best_date[32] = "";
    for (size_t i = 0; i < r->n; i++) {
        line *l = &r->lines[i];
        if (l->kind != K_DATE && l->kind != K_BYLINE)
            continue;
        char d[32];
        if (!ws_date_find(l->s + l->date_off, l->n - l->date_off, d, NULL,
                          NULL))
            continue;
        int rank = 9;
        bool header = in_header(i, b, e, true);
        bool trailer = i > e && i <= e + 3;
        if (l->kind == K_DATE && l->label_len == 1 && (header || i > e))
            rank = 1;
        else if (l->kind == K_DATE && l->label_len == 2 && (header || i > e))
            rank = 2;
        else if (header && (title < 0 || (long)i > title))
            rank = 0;
        else if (header)
            rank = 2;
        else if (trailer && l->kind == K_DATE &&
                 (i + 1 >= r->n || r->lines[i + 1].kind != K_HEAD))
            rank = 3;
        if (rank == 9)
            continue;
        if (best >= 0 && rank >= best_rank) {
            /* Same day, more precise: take the time. */
            if (strncmp(d, best_date, 10) == 0 && strlen(d) > strlen(best_date))
                memcpy(best_date, d, sizeof best_date);
            continue;
        }
        if (best >= 0 && strncmp(d, best_date, 10) == 0 &&
            strlen(d) < strlen(best_date))
            memcpy(d, best_date, sizeof d);
        best = (long)i;
        best_rank = rank;
        memcpy(best_date, d, sizeof best_date);
    }
    if (best >= 0)
        ws_fields_set(&r->f->date, best_date, strlen(best_date));
}

/* Authors: bylines in the header or just after the body, a names-only
 * line next to the title or a date line, and a names-only line closing the
 * article (among the first lines after the body, or the page's last). */
static void choose_authors(reader *r, long title, size_t b, size_t e, bool body)
{
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->lines[i];
        bool header = in_header(i, b, e, body);
        bool trailer = body && i > e && i <= e + 3;
        /* "By …", "Автор: …" say what they are wherever they stand;
         * names glued to a date count near the article only. */
        bool explicit = l->kind == K_BYLINE && ws_byline_prefix(l->s, l->n);
        if (l->kind == K_BYLINE &&
            (header || trailer || (explicit && (i < b || i > e)))) {
            ws_fields_add_byline(r->f, l->s, l->n);
            continue;
        }
        if (l->kind != K_NAMES)
            continue;
        long prev = step(r, (long)i, -1), next = step(r, (long)i, 1);
        bool by_meta = (prev >= 0 && (r->lines[prev].kind == K_DATE ||
                                      r->lines[prev].title)) ||
                       (next >= 0 && r->lines[next].kind == K_DATE);
        bool after_title =
            title >= 0 && (long)i > title && (long)i - title <= 2;
        if ((header && (by_meta || after_title)) || trailer ||
            (body && i > e && i + 1 == r->n))
            ws_fields_add_byline(r->f, l->s, l->n);
    }
}

/* The publisher, from the site's own lines first: copyright, a support
 * appeal, a "City • OUTLET" dateline; then the outlet's own reporter in
 * the text, then ", writes OUTLET." unless that outlet is cited. */
static void choose_outlet(reader *r, long title, size_t b, size_t e, bool body,
                          ws_buf *agency)
{
    ws_buf o;
    ws_buf_init(&o, 0);
    for (size_t i = 0; i < r->n && o.len == 0; i++)
        if (r->lines[i].kind == K_STRONG || r->lines[i].kind == K_DEBRIS)
            outlet_from_copyright(r, &r->lines[i], &o);
    for (size_t i = 0; i < r->n && o.len == 0; i++)
        if (r->lines[i].kind != K_TEXT || !r->lines[i].emitted)
            outlet_from_support(&r->lines[i], &o);
    for (size_t i = 0; i < r->n && o.len == 0; i++) {
        const line *l = &r->lines[i];
        size_t sep, sl;
        if (l->kind != K_DATELINE || !near((long)i, title, NEAR_TITLE) ||
            !dateline_shape(l, &sep, &sl))
            continue;
        size_t a, en;
        if (capture_fwd(l->s, l->n, sep + sl, 4, &a, &en) &&
            outlet_ok(l->s + a, en - a))
            ws_buf_append(&o, l->s + a, en - a);
    }
    if (o.len == 0 && agency->len)
        ws_buf_append(&o, agency->data, agency->len);
    for (size_t i = b; body && i <= e && o.len == 0; i++)
        if (r->lines[i].emitted && outlet_from_reporter(&r->lines[i], &o))
            nominative(r, &o);
    for (size_t i = b; body && i <= e && o.len == 0; i++) {
        if (!r->lines[i].emitted || !outlet_from_writes(&r->lines[i], &o))
            continue;
        if (cited(r, o.data, o.len, 0, r->n ? r->n - 1 : 0))
            ws_buf_clear(&o);
    }
    if (o.len)
        ws_fields_set(&r->f->outlet, o.data, o.len);
    ws_buf_cleanup(&o);
}

static void choose_dateline(reader *r, long title, long first, ws_buf *agency)
{
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->lines[i];
        size_t sep, sl;
        if (l->kind != K_DATELINE || !near((long)i, title, NEAR_TITLE) ||
            !dateline_shape(l, &sep, &sl))
            continue;
        size_t e = 0;
        while (e < sep && l->s[e] != ',')
            e++;
        while (e > 0 && l->s[e - 1] == ' ')
            e--;
        set_city(r->f, l->s, e);
        return;
    }
    if (first >= 0)
        opening_dateline(r->lines[first].s, r->lines[first].n, r->f, agency);
}

ws_status ws_text_read(const char *s, size_t n, ws_fields *f)
{
    reader r;
    memset(&r, 0, sizeof r);
    ws_arena_init(&r.arena);
    r.f = f;
    split_lines(&r, s, n);
    seen_init(&r);
    for (size_t i = 0; i < r.n; i++) {
        classify(&r, &r.lines[i]);
        seen_add(&r, r.lines[i].hash);
    }
    mark_lists(&r);

    long title = choose_title(&r);
    if (title >= 0) {
        line *t = &r.lines[title];
        ws_fields_set(&f->title, t->s, t->n);
        for (size_t i = 0; i < r.n; i++)
            if (r.lines[i].hash == t->hash)
                r.lines[i].title = true;
    }
    score_lines(&r);
    size_t b = 0, e = 0;
    bool body = body_region(&r, &b, &e);
    long first = -1;
    ws_status st = body ? emit_body(&r, b, e, &first) : WS_OK;
#ifdef WS_TEXT_DEBUG
    /* Build with -DWS_TEXT_DEBUG to see how each line was read. */
    static const char *const kinds[] = {
        "text",    "head",   "label",  "labelled", "ad",
        "caption", "debris", "strong", "barrier",  "related",
        "list",    "date",   "byline", "names",    "dateline"};
    for (size_t i = 0; i < r.n; i++) {
        const line *l = &r.lines[i];
        fprintf(stderr, "%c%c %-8s %3d %s%s %.*s\n",
                body && i >= b && i <= e ? '|' : ' ', l->emitted ? '*' : ' ',
                kinds[l->kind], l->score, l->list ? "L" : " ",
                l->title ? "T" : " ", (int)WS_MIN(l->n, 70u), l->s);
    }
#endif

    ws_buf agency;
    ws_buf_init(&agency, 0);
    choose_dateline(&r, title, first, &agency);
    choose_date(&r, title, body ? b : r.n, body ? e : r.n);
    choose_authors(&r, title, b, e, body);
    choose_outlet(&r, title, b, e, body, &agency);
    ws_buf_cleanup(&agency);
    ws_arena_cleanup(&r.arena);
    return st;
}
