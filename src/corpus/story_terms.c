/* Turns an article into the terms the story grouping compares: word stems
 * (a light suffix strip for Latin script, a six-letter prefix for Cyrillic
 * where endings carry case), names told by capitals inside a sentence,
 * numbers and months. Cyrillic is transliterated to Latin so that names
 * can meet across en/uk/ru through a consonant key. */
#include "story_terms.h"

#include "../meta/lex.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_CAP (256u * 1024u) /* bytes of body read per article */
#define WORD_CP 32              /* longest word kept, in code points */
#define STEM_CP 6               /* Cyrillic stem: the first letters */
#ifndef WS_STORY_LATIN_STEM
#define WS_STORY_LATIN_STEM 6 /* Latin stem after the suffix strip */
#endif
#define LATIN_STEM WS_STORY_LATIN_STEM
#define NAME_CP 16 /* a name key's length, in code points */
#define SKEL_MIN 3 /* fewer consonants match too much */
#define SKEL_MAX 5
#ifndef WS_STORY_LEAD
#define WS_STORY_LEAD 3
#endif
#ifndef WS_STORY_LEAD_TF
#define WS_STORY_LEAD_TF 2
#endif
#ifndef WS_STORY_DATE_LEAD
#define WS_STORY_DATE_LEAD 1 /* only dates in the lead mark a year */
#endif
#ifndef WS_STORY_WEEKDAY
#define WS_STORY_WEEKDAY 0 /* weekdays as time terms, not words */
#endif
#define LEAD WS_STORY_LEAD       /* sentences that open the text */
#define LEAD_TF WS_STORY_LEAD_TF /* and how much more they count */
#define TITLE_TF 2          /* a title word counts as this many body words */
#define NAMESET_SLOTS 1024u /* name keys remembered per article */
#define SLOTS (2u * WS_STORY_MAX_TERMS)

/* ---- the lexicon: stopwords, months, weekdays --------------------------
 * Exact folded forms; built into a sorted table on first use. Months are
 * listed in every inflected form the articles use ("грудня", "грудні"). */
enum lex_class { LEX_STOP, LEX_MONTH, LEX_DAY };

typedef struct lex_entry {
    const char *word;
    unsigned char cls;
    unsigned char month;
} lex_entry;

/* clang-format off */
static const char *const stop_words[] = {
    /* en */
    "a", "about", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "said", "says", "say", "told", "according", "mr", "mrs", "ms", "since",
    "might", "must", "shall", "yet", "still", "there's", "it's", "he's",
    "she's", "i'm", "don't", "didn't", "won't", "can't",
    /* ru */
    "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то",
    "все", "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за",
    "бы", "по", "только", "ее", "её", "мне", "было", "вот", "от", "меня",
    "еще", "ещё", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ли",
    "если", "уже", "или", "ни", "быть", "был", "него", "до", "вас", "там",
    "потом", "себя", "ей", "может", "они", "тут", "где", "есть", "для", "мы",
    "их", "чем", "была", "сам", "без", "чего", "тоже", "себе", "под", "будет",
    "тогда", "кто", "этот", "того", "потому", "этого", "какой", "здесь",
    "этом", "тем", "чтобы", "сейчас", "были", "всех", "можно", "при", "об",
    "после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего",
    "них", "эту", "эта", "это", "том", "также", "заявил", "заявила", "сказал",
    "сказала", "словам", "который", "которая", "которые", "которых", "более",
    "является",
    /* uk */
    "і", "й", "та", "з", "зі", "із", "що", "як", "це", "він", "вона", "вони",
    "ми", "ви", "ти", "від", "але", "або", "чи", "також", "була", "було",
    "були", "буде", "є", "його", "її", "їх", "цей", "ця", "ці", "те", "який",
    "яка", "які", "якого", "щоб", "коли", "вже", "ще", "лише", "тільки", "де",
    "після", "між", "під", "наш", "свій", "заявив", "заявила", "сказав",
    "сказала", "словами", "має", "цього", "цьому",
};
/* clang-format on */

static const char *const day_words[] = {
    "monday",   "tuesday", "wednesday", "thursday",  "friday",
    "saturday", "sunday",  "today",     "yesterday", "tomorrow",
};

/* Month forms with their number; the English ones count only when
 * capitalised ("may" is a verb, "May" a month). */
static const struct {
    const char *word;
    unsigned char month;
} month_words[] = {
    {"january", 1},   {"february", 2},  {"march", 3},      {"april", 4},
    {"may", 5},       {"june", 6},      {"july", 7},       {"august", 8},
    {"september", 9}, {"october", 10},  {"november", 11},  {"december", 12},
    {"jan", 1},       {"feb", 2},       {"apr", 4},        {"jun", 6},
    {"jul", 7},       {"aug", 8},       {"sep", 9},        {"sept", 9},
    {"oct", 10},      {"nov", 11},      {"dec", 12},       {"январь", 1},
    {"января", 1},    {"январе", 1},    {"февраль", 2},    {"февраля", 2},
    {"феврале", 2},   {"март", 3},      {"марта", 3},      {"марте", 3},
    {"апрель", 4},    {"апреля", 4},    {"апреле", 4},     {"май", 5},
    {"мая", 5},       {"мае", 5},       {"июнь", 6},       {"июня", 6},
    {"июне", 6},      {"июль", 7},      {"июля", 7},       {"июле", 7},
    {"август", 8},    {"августа", 8},   {"августе", 8},    {"сентябрь", 9},
    {"сентября", 9},  {"сентябре", 9},  {"октябрь", 10},   {"октября", 10},
    {"октябре", 10},  {"ноябрь", 11},   {"ноября", 11},    {"ноябре", 11},
    {"декабрь", 12},  {"декабря", 12},  {"декабре", 12},   {"січень", 1},
    {"січня", 1},     {"січні", 1},     {"лютий", 2},      {"лютого", 2},
    {"лютому", 2},    {"березень", 3},  {"березня", 3},    {"березні", 3},
    {"квітень", 4},   {"квітня", 4},    {"квітні", 4},     {"травень", 5},
    {"травня", 5},    {"травні", 5},    {"червень", 6},    {"червня", 6},
    {"червні", 6},    {"липень", 7},    {"липня", 7},      {"липні", 7},
    {"серпень", 8},   {"серпня", 8},    {"серпні", 8},     {"вересень", 9},
    {"вересня", 9},   {"вересні", 9},   {"жовтень", 10},   {"жовтня", 10},
    {"жовтні", 10},   {"листопад", 11}, {"листопада", 11}, {"листопаді", 11},
    {"грудень", 12},  {"грудня", 12},   {"грудні", 12},
};

static lex_entry *lexicon;
static size_t lexicon_n;
/* Open addressing over the entries: the word's hash and its index + 1 (0:
 * empty), so a miss, the common case, costs no string comparison. */
static struct {
    uint64_t hash;
    uint32_t at;
} *lexicon_slots;
static size_t lexicon_mask;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

static int lex_cmp(const void *a, const void *b)
{
    return strcmp(((const lex_entry *)a)->word, ((const lex_entry *)b)->word);
}

static void lexicon_build(void)
{
    size_t n =
        WS_COUNT(stop_words) + WS_COUNT(day_words) + WS_COUNT(month_words);
    lexicon = ws_xmalloc(n * sizeof *lexicon);
    size_t k = 0;
    for (size_t i = 0; i < WS_COUNT(month_words); i++)
        lexicon[k++] =
            (lex_entry){month_words[i].word, LEX_MONTH, month_words[i].month};
    for (size_t i = 0; i < WS_COUNT(day_words); i++)
        lexicon[k++] = (lex_entry){day_words[i], LEX_DAY, 0};
    for (size_t i = 0; i < WS_COUNT(stop_words); i++)
        lexicon[k++] = (lex_entry){stop_words[i], LEX_STOP, 0};
    /* A word in two lists keeps the entry of the later class (a month or
     * a weekday rather than a stopword). */
    qsort(lexicon, k, sizeof *lexicon, lex_cmp);
    size_t w = 0;
    for (size_t i = 0; i < k; i++) {
        if (w && strcmp(lexicon[w - 1].word, lexicon[i].word) == 0) {
            if (lexicon[i].cls < lexicon[w - 1].cls)
                continue;
            lexicon[w - 1] = lexicon[i];
            continue;
        }
        lexicon[w++] = lexicon[i];
    }
    lexicon_n = w;
    size_t cap = 64;
    while (cap < 2 * w)
        cap *= 2;
    lexicon_slots = ws_xcalloc(cap, sizeof *lexicon_slots);
    lexicon_mask = cap - 1;
    for (size_t i = 0; i < w; i++) {
        uint64_t h = ws_hash64(lexicon[i].word, strlen(lexicon[i].word));
        size_t j = (size_t)h & lexicon_mask;
        while (lexicon_slots[j].at)
            j = (j + 1) & lexicon_mask;
        lexicon_slots[j].hash = h;
        lexicon_slots[j].at = (uint32_t)i + 1;
    }
}

static const lex_entry *lexicon_find(const char *word)
{
    pthread_once(&lexicon_once, lexicon_build);
    uint64_t h = ws_hash64(word, strlen(word));
    for (size_t j = (size_t)h & lexicon_mask; lexicon_slots[j].at;
         j = (j + 1) & lexicon_mask) {
        const lex_entry *e = &lexicon[lexicon_slots[j].at - 1];
        if (lexicon_slots[j].hash == h && strcmp(e->word, word) == 0)
            return e;
    }
    return NULL;
}

/* ---- transliteration ---------------------------------------------------
 * One table for ru and uk (г is h as Ukrainian spells it; the consonant
 * key drops h anyway, so Russian g-names still meet their h-spellings
 * only through other consonants). */
static const char *const cyr_latin[32] = {
    "a",  "b",  "v",  "h",    "d", "e", "zh", "z", "y",  "y",  "k",
    "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f",  "kh",
    "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya", /* а..я */
};

static const char *translit_cp(uint32_t cp)
{
    if (cp >= 0x430 && cp <= 0x44F)
        return cyr_latin[cp - 0x430];
    switch (cp) {
    case 0x451:
        return "yo"; /* ё */
    case 0x454:
        return "ye"; /* є */
    case 0x456:
        return "i"; /* і */
    case 0x457:
        return "yi"; /* ї */
    case 0x491:
        return "g"; /* ґ */
    case 0x45E:
        return "u"; /* ў */
    case '\'':
        return "";
    default:
        return NULL;
    }
}

/* Writes up to max_cp code points of s[0..n) to out in Latin where it was
 * Cyrillic; returns bytes written (out has room for 8 bytes a code point). */
static size_t translit(const char *s, size_t n, size_t max_cp, char *out)
{
    size_t o = 0, cps = 0;
    for (size_t i = 0; i < n && cps < max_cp; cps++) {
        uint32_t cp;
        size_t k = ws_utf8_decode(s + i, n - i, &cp);
        const char *l = translit_cp(cp);
        if (l) {
            size_t m = strlen(l);
            memcpy(out + o, l, m);
            o += m;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    return o;
}

/* The consonant key of a transliterated name: vowels and h dropped, c/q/k
 * and w/v merged, j as dz (Jack, Джек), doubled letters once. */
static size_t skeleton(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < SKEL_MAX; i++) {
        char c = (char)ws_lower((unsigned char)s[i]);
        if (c < 'a' || c > 'z' || strchr("aeiouyh", c))
            continue;
        const char *put = c == 'c' || c == 'q' ? "k"
                          : c == 'w'           ? "v"
                          : c == 'x'           ? "ks"
                          : c == 'j'           ? "dz"
                                               : NULL;
        char one[2] = {c, 0};
        for (const char *p = put ? put : one; *p && o < SKEL_MAX; p++)
            if (o == 0 || out[o - 1] != *p)
                out[o++] = *p;
    }
    return o;
}

/* ---- the termset ------------------------------------------------------ */

void ws_story_termset_init(ws_story_termset *ts)
{
    ts->slot = ws_xcalloc(SLOTS, sizeof *ts->slot);
    ts->list = ws_xmalloc(WS_STORY_MAX_TERMS * sizeof *ts->list);
    ts->n = 0;
}

void ws_story_termset_cleanup(ws_story_termset *ts)
{
    free(ts->slot);
    free(ts->list);
    ts->slot = NULL;
    ts->list = NULL;
    ts->n = 0;
}

static void termset_clear(ws_story_termset *ts)
{
    for (size_t i = 0; i < ts->n; i++) {
        size_t h = (size_t)(ts->list[i].hash & (SLOTS - 1));
        while (ts->slot[h])
            ts->slot[h] = 0, h = (h + 1) & (SLOTS - 1);
    }
    ts->n = 0;
}

/* Counts the term kind+text; a term past the cap is dropped (the first
 * WS_STORY_MAX_TERMS distinct terms of a long article say enough). */
static ws_story_term *termset_add(ws_story_termset *ts, char kind,
                                  const char *s, size_t n, uint32_t tf)
{
    char buf[1 + NAME_CP * 8];
    if (n == 0)
        return NULL;
    /* '$': a number written with separators ("2,000" computers), the
     * same term as '#' but never a year */
    bool separated = kind == '$';
    if (separated)
        kind = '#';
    n = WS_MIN(n, sizeof buf - 1);
    buf[0] = kind;
    memcpy(buf + 1, s, n);
    uint64_t hash = ws_hash64(buf, n + 1);
    size_t h = (size_t)(hash & (SLOTS - 1));
    while (ts->slot[h]) {
        ws_story_term *t = &ts->list[ts->slot[h] - 1];
        if (t->hash == hash) {
            t->tf += tf;
            return t;
        }
        h = (h + 1) & (SLOTS - 1);
    }
    if (ts->n == WS_STORY_MAX_TERMS)
        return NULL;
    bool year = !separated && n == 4 &&
                (memcmp(s, "19", 2) == 0 || memcmp(s, "20", 2) == 0);
    uint8_t k = kind == 'n'   ? WS_STORY_NAME
                : kind == 's' ? WS_STORY_SKEL
                : kind == '#' ? (year ? WS_STORY_YEAR : WS_STORY_NUM)
                : kind == 'm' ? WS_STORY_TIME
                              : WS_STORY_WORD;
    ts->list[ts->n] = (ws_story_term){hash, tf, k, false};
    ts->slot[h] = (uint32_t)++ts->n;
    return &ts->list[ts->n - 1];
}

/* ---- tokens ----------------------------------------------------------- */

typedef struct token {
    char fold[WORD_CP * 4 + 1]; /* lower-cased, NUL-terminated */
    size_t len, ncp;
    bool number, upper_first, all_caps, cyrillic, at_start;
    bool separated; /* a number written with a separator: 1,200 */
} token;

typedef struct scanner {
    const char *s;
    size_t n, i;
    bool at_start;    /* the next word opens a sentence */
    size_t sentences; /* sentences ended so far */
} scanner;

/* Characters that neither end a sentence nor stand between words of one:
 * spaces, quote marks, brackets, dashes ("said: «We…" still opens one). */
static bool neutral(uint32_t cp)
{
    static const uint32_t set[] = {
        ' ',    '\t',   '\r',   '"',    '\'',   '`',    '(',
        '[',    '-',    '*',    0xA0,   0xAB,   0xBB,   0x2013,
        0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E,
    };
    for (size_t i = 0; i < WS_COUNT(set); i++)
        if (set[i] == cp)
            return true;
    return false;
}

static void read_number(scanner *sc, token *t)
{
    size_t o = 0;
    while (sc->i < sc->n) {
        unsigned char c = (unsigned char)sc->s[sc->i];
        if (ws_is_digit(c)) {
            if (o < 15 && !(o == 0 && c == '0'))
                t->fold[o++] = (char)c;
            sc->i++;
        } else if ((c == '.' || c == ',') && sc->i + 1 < sc->n &&
                   ws_is_digit((unsigned char)sc->s[sc->i + 1])) {
            sc->i++; /* 1,200 and 1.200 are one number */
            t->separated = true;
        } else {
            break;
        }
    }
    if (o == 0)
        t->fold[o++] = '0';
    t->fold[o] = 0;
    t->len = o;
    t->ncp = o;
    t->number = true;
}

static void read_word(scanner *sc, token *t)
{
    size_t o = 0, upper = 0;
    t->cyrillic = false;
    while (sc->i < sc->n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(sc->s + sc->i, sc->n - sc->i, &cp);
        if (ws_lex_is_apostrophe(cp) && t->ncp > 0 && sc->i + k < sc->n) {
            uint32_t next;
            ws_utf8_decode(sc->s + sc->i + k, sc->n - sc->i - k, &next);
            if (!ws_lex_is_letter(next))
                break;
            cp = '\'';
        } else if (!ws_lex_is_letter(cp)) {
            break;
        }
        sc->i += k;
        if (ws_lex_is_upper(cp)) {
            upper++;
            if (t->ncp == 0)
                t->upper_first = true;
        }
        if (cp >= 0x400 && cp <= 0x4FF)
            t->cyrillic = true;
        if (t->ncp < WORD_CP)
            o += ws_utf8_encode(ws_lex_lower(cp), t->fold + o);
        t->ncp++;
    }
    t->fold[o] = 0;
    t->len = o;
    t->all_caps = upper == t->ncp;
}

/* The next word or number; false at the end. Sentence openings are
 * remembered so that only capitals inside a sentence make a name. */
static bool next_token(scanner *sc, token *t)
{
    while (sc->i < sc->n) {
        uint32_t cp;
        size_t k = ws_utf8_decode(sc->s + sc->i, sc->n - sc->i, &cp);
        if (cp < 0x80 && ws_is_digit((unsigned char)cp)) {
            memset(t, 0, sizeof *t);
            t->at_start = sc->at_start;
            read_number(sc, t);
            sc->at_start = false;
            return true;
        }
        if (ws_lex_is_letter(cp)) {
            memset(t, 0, sizeof *t);
            t->at_start = sc->at_start;
            read_word(sc, t);
            sc->at_start = false;
            return true;
        }
        sc->i += k;
        if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '\n' ||
            cp == 0x2026) {
            sc->sentences += !sc->at_start;
            sc->at_start = true;
        } else if (!neutral(cp) && !ws_lex_space(sc->s + sc->i - k, k))
            sc->at_start = false;
    }
    return false;
}

/* ---- from tokens to terms --------------------------------------------- */

typedef struct nameset {
    uint64_t h[NAMESET_SLOTS];
    size_t n;
} nameset;

static bool nameset_has(const nameset *ns, uint64_t h)
{
    for (size_t i = h & (NAMESET_SLOTS - 1); ns->h[i];
         i = (i + 1) & (NAMESET_SLOTS - 1))
        if (ns->h[i] == h)
            return true;
    return false;
}

static void nameset_put(nameset *ns, uint64_t h)
{
    if (ns->n >= NAMESET_SLOTS / 2 || nameset_has(ns, h))
        return;
    size_t i = h & (NAMESET_SLOTS - 1);
    while (ns->h[i])
        i = (i + 1) & (NAMESET_SLOTS - 1);
    ns->h[i] = h | 1; /* never 0, the free mark */
    ns->n++;
}

/* A name's key: the possessive dropped, Cyrillic names cut to a stem (they
 * decline: Зеленського, Зеленському), then transliterated. */
static size_t name_key(const token *t, char *out)
{
    size_t n = t->len;
    if (n > 2 && t->fold[n - 2] == '\'' && t->fold[n - 1] == 's')
        n -= 2;
    return translit(t->fold, n, t->cyrillic ? STEM_CP : NAME_CP, out);
}

static uint64_t name_hash(const token *t)
{
    char key[NAME_CP * 8];
    return ws_hash64(key, name_key(t, key)) | 1;
}

/* Latin words lose a plural s, -ing, -ed and a final e, so fire, fires,
 * fired and firing are one stem; then the first LATIN_STEM letters. */
static size_t latin_stem(const char *w, size_t n)
{
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
        n -= 2;
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        n--;
    if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0)
        n -= 3;
    else if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
        n -= 2;
    if (n > 3 && w[n - 1] == 'e')
        n--;
    return WS_MIN(n, LATIN_STEM);
}

static bool ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* A name without the endings that add a consonant to its key: the
 * possessive 's, and Cyrillic case endings (Макроном, Зеленському). */
static size_t name_base(const token *t)
{
    static const char *const endings[] = {
        "ому", "ему", "ові", "еві", "ом", "ем", "им", "ым", "ім",
    };
    if (t->len > 2 && t->fold[t->len - 2] == '\'' && t->fold[t->len - 1] == 's')
        return t->len - 2;
    if (!t->cyrillic || t->ncp < 6)
        return t->len;
    for (size_t i = 0; i < WS_COUNT(endings); i++) {
        size_t m = strlen(endings[i]);
        if (t->len > m && memcmp(t->fold + t->len - m, endings[i], m) == 0)
            return t->len - m;
    }
    return t->len;
}

static void add_name(ws_story_termset *ts, const token *t, uint32_t tf)
{
    char key[NAME_CP * 8], full[WORD_CP * 8], sk[SKEL_MAX];
    termset_add(ts, 'n', key, name_key(t, key), tf);
    size_t n = translit(t->fold, name_base(t), WORD_CP, full);
    size_t m = skeleton(full, n, sk);
    if (m >= SKEL_MIN)
        termset_add(ts, 's', sk, m, tf);
}

static void add_word(ws_story_termset *ts, const token *t, uint32_t tf)
{
    char stem[STEM_CP * 8];
    if (ascii_only(t->fold, t->len)) {
        termset_add(ts, 'w', t->fold, latin_stem(t->fold, t->len), tf);
        return;
    }
    termset_add(ts, 'w', stem, translit(t->fold, t->len, STEM_CP, stem), tf);
}

enum pass { PASS_NAMES, PASS_TERMS, PASS_SPEAKER };

/* One pass over s[0..n). PASS_NAMES only learns which words the text
 * writes as names inside sentences, so that PASS_TERMS can also call them
 * names where they open a sentence or a title in Title Case. */
static void scan(ws_story_termset *ts, nameset *ns, const char *s, size_t n,
                 enum pass pass, uint32_t tf, bool title)
{
    scanner sc = {s, WS_MIN(n, TEXT_CAP), 0, true, 0};
    token t;
    uint32_t body_tf = tf;
    size_t since_month = SIZE_MAX; /* tokens since the last month name */
    size_t month = SIZE_MAX;       /* that month's term */
    while (next_token(&sc, &t)) {
        since_month += since_month != SIZE_MAX;
        /* News leads with the event; later paragraphs add background that
         * other events share. */
        if (pass == PASS_TERMS && !title)
            tf = sc.sentences < LEAD ? body_tf * LEAD_TF : body_tf;
        if (t.number) {
            if (pass != PASS_NAMES) {
                ws_story_term *num =
                    termset_add(ts, t.separated ? '$' : '#', t.fold, t.len, tf);
                /* "May 3, 2013", "September 2013": the year of a date */
                if (num && num->kind == WS_STORY_YEAR && since_month <= 3 &&
                    (!WS_STORY_DATE_LEAD || title || sc.sentences < LEAD)) {
                    num->dated = true;
                    if (month < ts->n)
                        ts->list[month].dated = true;
                }
            }
            continue;
        }
        const lex_entry *e = lexicon_find(t.fold);
        if (e && e->cls == LEX_STOP)
            continue;
        if (e && e->cls == LEX_MONTH) {
            /* "may" and "march" in lower case are verbs, not months */
            if (pass != PASS_NAMES && (t.cyrillic || t.upper_first)) {
                char m[3] = {(char)('0' + e->month / 10),
                             (char)('0' + e->month % 10), 0};
                ws_story_term *mt = termset_add(ts, 'm', m, 2, tf);
                month = mt ? (size_t)(mt - ts->list) : SIZE_MAX;
                since_month = 0;
            }
            continue;
        }
#if WS_STORY_WEEKDAY
        if (e && e->cls == LEX_DAY) {
            /* the weekday an event happened on: a time term */
            if (pass != PASS_NAMES && t.ncp >= 3) {
                char d[STEM_CP * 8];
                termset_add(ts, 'm', d, translit(t.fold, t.len, STEM_CP, d),
                            tf);
            }
            continue;
        }
#endif
        bool capital = t.upper_first && t.ncp >= 2 && !e;
        bool acronym = capital && t.all_caps && t.ncp <= 6;
        if (pass == PASS_NAMES) {
            if (capital && (!t.at_start || acronym))
                nameset_put(ns, name_hash(&t));
            continue;
        }
        bool name = pass == PASS_SPEAKER ? capital
                    : title ? capital && nameset_has(ns, name_hash(&t))
                            : capital && (!t.at_start || acronym ||
                                          nameset_has(ns, name_hash(&t)));
        if (name)
            add_name(ts, &t, tf);
        else if (t.ncp >= 3)
            add_word(ts, &t, tf);
    }
}

void ws_story_terms_collect(ws_story_termset *ts, const ws_article *a)
{
    termset_clear(ts);
    nameset *ns = ws_xcalloc(1, sizeof *ns);
    const char *text = a->text ? a->text : "";
    size_t len = a->text ? a->text_len : 0;
    if (len == 0 && a->text)
        len = strlen(a->text);
    scan(ts, ns, text, len, PASS_NAMES, 0, false);
    if (a->title)
        scan(ts, ns, a->title, strlen(a->title), PASS_TERMS, TITLE_TF, true);
    scan(ts, ns, text, len, PASS_TERMS, 1, false);
    for (size_t i = 0; i < a->n_quotes; i++)
        if (a->quotes[i].speaker)
            scan(ts, ns, a->quotes[i].speaker, strlen(a->quotes[i].speaker),
                 PASS_SPEAKER, 1, false);
    free(ns);
}
