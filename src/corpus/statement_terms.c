/* Terms of a quote for the statement grouping (statements.c): words are cut
 * into folded stems (the first letters carry a Ukrainian or Russian word
 * through its endings), and into keys that survive translation: numbers,
 * consonant skeletons of names (NATO/НАТО, Putin/Путін) and the concepts of
 * a short hand-written list of political words in en/uk/ru. */
#include "corpus/statement_terms.h"

#include "core/core.h"
#include "meta/lex.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of one folded word kept; longer words are cut (whole characters). */
#define WORD_CAP 64
/* Code points of a stem: enough to tell words apart, short enough that
 * "переговорів"/"переговори" and "negotiations"/"negotiated" meet. */
#define STEM_CHARS 6
/* Consonants of a name skeleton. */
#define SKELETON_CHARS 4

/* Function words of the three languages, space-separated: they carry no
 * statement. Split and sorted at first use; matched on the whole folded
 * word. */
static const char *const stopwords[] = {
    /* en */
    "a about after again all also am an and any are as at be "
    "because been before being but by can could did do does doing "
    "don't even every for from had has have he her here him his "
    "how i i'm if in into is it it's its just let me more most "
    "much must my no not now of on one's only or other our ours "
    "out over said say says she should so some such than that "
    "that's the their them then there these they this those to "
    "too up us very was we we're were what when where whether "
    "which while who why will with would you your",
    /* uk */
    "а або але би б був була були було бути в вже ви від він вона "
    "вони воно все всі для до є ж же з за зараз і із й їх його її "
    "к коли ми на над не ні ніж нас нам них ну о от по при про с "
    "саме та так також там те ти то тобто тому у уже це цей ці "
    "цього цих ця цю чи що щоб як який яка яке які я",
    /* ru (words the uk list does not hold already) */
    "бы был была были было быть вот вы да его ее её если есть или "
    "им их как который которые ли мы нет но он она они оно от "
    "очень чем что чтобы это этот эти этого этих эта эту",
};

/* Concepts: one row per concept, its word beginnings in each language
 * separated by spaces; a beginning ending in '=' matches the whole word
 * only. Written for this project from common knowledge of the three
 * languages: the words political quotes share across a translation. */
typedef struct concept_row {
    const char *key;
    const char *words;
} concept_row;

static const concept_row concepts[] = {
    {"ukraine", "ukrain україн украин"},
    {"russia", "russia росі росій россі росси рф= moscow москв кремл kremlin"},
    {"america", "america usa= американ сша= washington вашингтон"},
    {"europe", "europ європ европ"},
    {"peace", "peace мир= миру= миром= мирн"},
    {"war", "war= wars= warfare війн войн"},
    {"weapon", "weapon arms= armament зброя зброї зброю оруж вооруж"},
    {"sanction", "sanction санкц"},
    {"negotiate", "negotiat talks= переговор"},
    {"support", "support підтрим поддерж"},
    {"help", "help assist aid= допомо помощ помог"},
    {"security", "secur безпек безопас"},
    {"guarantee", "guarant гаранті гарант"},
    {"defence", "defen protect оборон захист захищ защит ппо="},
    {"thank", "thank grateful gratitude дяку вдячн благодар"},
    {"supply", "deliver supply supplie постач поставк поставл"},
    {"receive", "receiv obtain get= отрима получ"},
    {"sky", "sky= skies небо неба небі небе"},
    {"air", "air= airspace повітр воздуш"},
    {"winter", "winter зим"},
    {"summer", "summer літ= літа= літо= влітку лет= летом"},
    {"spring", "spring весн"},
    {"autumn", "autumn fall= осін осен"},
    {"train", "training trained навчан навча обучен обуча"},
    {"crew", "crew екіпаж экипаж"},
    {"system", "system систем"},
    {"new", "new= нов"},
    {"ammunition", "ammunition shells= боєприпас снаряд боеприпас"},
    {"pressure", "pressur тиск= тиску= тиснути давлен давить"},
    {"economy", "econom економ эконом"},
    {"president", "presiden президент"},
    {"government", "govern уряд правительств"},
    {"minister", "minist міністр министр"},
    {"country", "countr state= states= країн держав стран государств"},
    {"today", "today сьогодні сегодня"},
    {"tomorrow", "tomorrow завтра"},
    {"yesterday", "yesterday вчора вчера"},
    {"year", "year рік= року= роки= років год= года= году= лет="},
    {"month", "month місяц месяц"},
    {"week", "week тижн тижд недел"},
    {"day", "day= days= день= дні= днів дня= дней"},
    {"million", "million мільйон миллион"},
    {"billion", "billion мільярд миллиард"},
    {"percent", "percent відсот процент"},
    {"ally", "ally= allies= allied alliance союзн альянс"},
    {"attack", "attack strike атак удар"},
    {"missile", "missil rocket ракет"},
    {"soldier", "soldier troop солдат військовослуж военнослуж"},
    {"military", "militar army= armies= військ армі войск воен армия армии"},
    {"drone", "drone дрон безпілот беспилот"},
    {"energy", "energ енерг энерг"},
    {"gas", "gas= газ= газу="},
    {"oil", "oil= нафт нефт"},
    {"ceasefire", "ceasefire truce= перемир"},
    {"agreement", "agreement deal= deals= угод домовл соглаш договор сделк"},
    {"plan", "plan план"},
    {"process", "process процес"},
    {"meeting", "meeting зустріч встреч"},
    {"important", "importan важлив важн"},
    {"continue", "continu продовж продолж"},
    {"money", "money fund financ кошт гроші фінанс деньг средств финанс"},
    {"border", "border кордон границ"},
    {"territory", "territor land= lands= територ земл территор"},
    {"occupy", "occup окуп оккуп"},
    {"victory", "victor win= wins= winning перемог побед"},
    {"enemy", "enemy enemies ворог враг"},
    {"people", "people люд"},
    {"child", "child діт дитин дет= детей ребен"},
    {"kill", "kill dead= death загибл вбит вбив убит убил погиб"},
    {"wound", "wound injur поранен ранен"},
    {"city", "city cities town міст город"},
    {"power", "electric blackout електр электр"},
    {"election", "election вибор выбор"},
    {"law", "law= laws= legislat закон"},
    {"court", "court суд= суду= суді суда= суде="},
    {"corruption", "corrupt корупц корруп"},
    {"nuclear", "nuclear ядерн атомн"},
    {"result", "result результат"},
    {"strength", "strength strong сил= сила сили сильн силы"},
    {"position", "position позиці позици"},
    {"member", "member член"},
    {"invasion", "invasion invade вторгн"},
    {"aggression", "aggress агрес"},
    {"resolve", "resolv рішуч решим"},
    {"sovereign", "sovereign суверен"},
    {"independ", "independ незалежн независим"},
    {"freedom", "freedom free= свобод"},
    {"democracy", "democra демократ"},
    {"future", "future майбутн будущ"},
    {"threat", "threat загроз угроз"},
    {"prisoner", "prisoner captiv полонен полон= плен"},
    {"exchange", "exchang обмін обмен"},
    {"investment", "invest інвест инвест"},
    {"reconstruct", "reconstruct rebuild відбуд віднов восстанов"},
    {"partner", "partner партнер"},
    {"decision", "decision decide рішен решени"},
    {"question", "question питан вопрос"},
    {"problem", "problem проблем"},
    {"step", "step крок шаг"},
    {"talk", "discuss обговор обсужд"},
    {"stop", "stop зупин припин останов прекрат"},
    {"end", "end= ending кінц закінч конец конц законч заверш заверш"},
    {"first", "first перш первы перв"},
    {"second", "second друг втор"},
    {"#1", "one= один= одна= одне= одно="},
    {"#2", "two= два= дві= двох двух две="},
    {"#3", "three= три= трьох трех трёх"},
    {"#4", "four= чотири четыре"},
    {"#5", "five= пять= п'ять"},
    {"#10", "ten= десять="},
    {"#100", "hundred сотн"},
    {"#1000", "thousand тисяч тысяч"},
};

typedef struct concept_entry {
    const char *prefix; /* points into a row; length len */
    size_t len;
    bool whole; /* matches only the whole word */
    uint32_t key;
} concept_entry;

static concept_entry *entries;
static size_t n_entries;
static char **stops;
static size_t n_stops;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Hash of (layer, tag, bytes): the tag keeps stems, names, numbers and
 * concepts apart so "rs" the skeleton never equals "rs" a stem. */
static uint32_t term_hash(int layer, char tag, const char *s, size_t n)
{
    char buf[WORD_CAP + 2];
    n = WS_MIN(n, (size_t)WORD_CAP);
    buf[0] = (char)('0' + layer);
    buf[1] = tag;
    memcpy(buf + 2, s, n);
    uint64_t h = ws_hash64(buf, n + 2);
    return (uint32_t)(h ^ (h >> 32));
}

static int cmp_entry(const void *a, const void *b)
{
    const concept_entry *x = a, *y = b;
    size_t n = WS_MIN(x->len, y->len);
    int c = memcmp(x->prefix, y->prefix, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (int)x->whole - (int)y->whole;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void build_tables(void)
{
    size_t cap = 0;
    for (size_t i = 0; i < WS_COUNT(concepts); i++)
        for (const char *p = concepts[i].words; *p; p++)
            cap += (*p == ' ');
    cap += WS_COUNT(concepts);
    entries = ws_xcalloc(cap, sizeof *entries);
    for (size_t i = 0; i < WS_COUNT(concepts); i++) {
        const char *k = concepts[i].key;
        uint32_t key = term_hash(WS_STMT_KEY, 'c', k, strlen(k));
        const char *p = concepts[i].words;
        while (*p) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            concept_entry *c = &entries[n_entries++];
            c->prefix = p;
            c->whole = len > 0 && p[len - 1] == '=';
            c->len = c->whole ? len - 1 : len;
            c->key = key;
            p += len;
            while (*p == ' ')
                p++;
        }
    }
    qsort(entries, n_entries, sizeof *entries, cmp_entry);
    size_t cap_stops = 0;
    for (size_t i = 0; i < WS_COUNT(stopwords); i++)
        for (const char *p = stopwords[i]; *p; p++)
            cap_stops += (*p == ' ');
    cap_stops += WS_COUNT(stopwords);
    stops = ws_xmalloc(cap_stops * sizeof *stops);
    for (size_t i = 0; i < WS_COUNT(stopwords); i++) {
        const char *p = stopwords[i];
        while (*p) {
            size_t len = strcspn(p, " ");
            if (len)
                stops[n_stops++] = ws_xstrndup(p, len);
            p += len;
            p += strspn(p, " ");
        }
    }
    qsort(stops, n_stops, sizeof *stops, cmp_str);
}

static bool is_stopword(const char *w)
{
    return bsearch(&w, stops, n_stops, sizeof *stops, cmp_str) != NULL;
}

/* The concept of folded word w[0..n): the longest list entry that is a
 * prefix of it (or equals it, for whole-word entries). Tries each prefix
 * length with a binary search, so the cost does not grow with the list. */
static bool concept_of(const char *w, size_t n, uint32_t *key)
{
    for (size_t len = n; len >= 2; len--) {
        if (len < n && (w[len] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        concept_entry probe = {w, len, len == n, 0};
        const concept_entry *hit =
            bsearch(&probe, entries, n_entries, sizeof *entries, cmp_entry);
        if (!hit && len == n) {
            probe.whole = false; /* a prefix entry may equal the word */
            hit =
                bsearch(&probe, entries, n_entries, sizeof *entries, cmp_entry);
        }
        if (hit) {
            *key = hit->key;
            return true;
        }
    }
    return false;
}

/* Latin letters for a lower-case Cyrillic letter, as the name skeleton
 * needs them (vowels are dropped later, so their exact spelling does not
 * matter). Ukrainian г is h, Russian г is g. */
static const char *translit(uint32_t cp, bool ukrainian)
{
    static const char *const base[32] = {
        "a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
        "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
        "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};
    if (cp >= 0x430 && cp <= 0x44F) {
        if (cp == 0x433 && ukrainian)
            return "h";
        return base[cp - 0x430];
    }
    switch (cp) {
    case 0x454:
        return "ye"; /* є */
    case 0x456:
        return "i"; /* і */
    case 0x457:
        return "yi"; /* ї */
    case 0x491:
        return "g"; /* ґ */
    case 0x451:
        return "yo"; /* ё */
    default:
        return NULL;
    }
}

/* Consonant skeleton of a Latin spelling: digraphs made one sound, the
 * letters spelled differently by transliterations merged (w/v, c/k, q/k,
 * x/ks), vowels dropped, doubles collapsed: "kharkiv" and "харків" both
 * give "krkv", "moscow" and "москва" give "mskv". */
static size_t skeleton(const char *lat, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < SKELETON_CHARS; i++) {
        char c = lat[i], next = i + 1 < n ? lat[i + 1] : 0;
        if (next == 'h' && (c == 'k' || c == 'z' || c == 's' || c == 'c' ||
                            c == 'p' || c == 't')) {
            c = c == 'p' ? 'f' : c == 't' ? 't' : c == 'c' ? 'C' : c;
            i++;
        } else if (c == 'c' && next == 'k') {
            c = 'k';
            i++;
        }
        switch (c) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
        case '\'':
            continue;
        case 'w':
            c = 'v';
            break;
        case 'c':
        case 'q':
            c = 'k';
            break;
        case 'j':
            continue;
        case 'x':
            c = 'k';
            break;
        default:
            break;
        }
        if (c < 'A' || (c > 'Z' && c < 'a' && c != 'C') || c > 'z')
            continue;
        if (o && out[o - 1] == c)
            continue;
        out[o++] = c;
    }
    return o;
}

typedef struct word {
    char fold[WORD_CAP + 1]; /* lower-cased, NUL-terminated */
    size_t len;
    size_t chars;
    bool cyr, latin, digit, cap, allcaps, initial;
} word;

static void add_term(ws_stmt_terms *out, int layer, uint32_t hash,
                     unsigned weight)
{
    for (size_t i = 0; i < out->n; i++)
        if (out->t[i].hash == hash && out->t[i].layer == layer) {
            if (weight > out->t[i].weight)
                out->t[i].weight = (float)weight;
            return;
        }
    if (out->n >= WS_STMT_MAX_TERMS)
        return;
    out->t[out->n++] = (ws_stmt_term){hash, (float)weight, (uint8_t)layer};
}

/* Turns one word into its stem and, when it survives translation, its key. */
static void take_word(ws_stmt_terms *out, word *w, bool ukrainian)
{
    if (w->digit) {
        /* "1,000", "1 000" and "1000" are one number: separators dropped */
        char d[WORD_CAP];
        size_t k = 0;
        for (size_t i = 0; i < w->len; i++)
            if (ws_is_digit((unsigned char)w->fold[i]))
                d[k++] = w->fold[i];
        char num[WORD_CAP + 1];
        num[0] = '#';
        memcpy(num + 1, d, k);
        add_term(out, WS_STMT_KEY, term_hash(WS_STMT_KEY, 'c', num, k + 1), 3);
        return;
    }
    /* English possessive and plural endings: "Putin's", "sanctions" */
    size_t len = w->len;
    if (w->latin && len > 2 && w->fold[len - 2] == '\'' &&
        w->fold[len - 1] == 's')
        len -= 2;
    w->fold[len] = 0;
    if (w->latin && w->allcaps && strcmp(w->fold, "us") == 0) {
        memcpy(w->fold, "usa", 4); /* "US" is not the pronoun */
        len = 3;
    }
    if (len == 0 || is_stopword(w->fold))
        return;
    bool name = (w->cap && !w->initial) || (w->allcaps && w->chars >= 2);

    char stem[WORD_CAP + 1];
    size_t stem_len = len, chars = 0;
    memcpy(stem, w->fold, len);
    /* a word with digits is an identifier ("MS08-078", "Su34"): kept whole */
    bool ident = false;
    for (size_t i = 0; i < len; i++)
        ident |= ws_is_digit((unsigned char)stem[i]);
    for (size_t i = 0; i < len && !ident; i++)
        if ((stem[i] & 0xC0) != 0x80 && ++chars > STEM_CHARS) {
            stem_len = i;
            break;
        }
    if (w->latin && stem_len == len && len > 3 && stem[len - 1] == 's') {
        stem_len--; /* plural: "talks", "skies" (stem "sky") */
        if (len > 4 && stem[len - 3] == 'i' && stem[len - 2] == 'e') {
            stem[len - 3] = 'y';
            stem_len -= 2;
        }
    }
    add_term(out, WS_STMT_STEM,
             term_hash(WS_STMT_STEM, w->cyr ? 'C' : 'L', stem, stem_len),
             name ? 2 : 1);

    uint32_t key;
    if (concept_of(w->fold, len, &key)) {
        add_term(out, WS_STMT_KEY, key, 1);
        return;
    }
    if (!name)
        return;
    char lat[WORD_CAP * 2];
    size_t ln = 0;
    for (size_t i = 0; i < len && ln + 4 < sizeof lat;) {
        uint32_t cp;
        size_t k = ws_utf8_decode(w->fold + i, len - i, &cp);
        i += k;
        if (cp < 0x80) {
            lat[ln++] = (char)cp;
            continue;
        }
        const char *t = translit(cp, ukrainian);
        if (!t)
            continue;
        size_t tl = strlen(t);
        memcpy(lat + ln, t, tl);
        ln += tl;
    }
    char sk[SKELETON_CHARS];
    size_t skn = skeleton(lat, ln, sk);
    if (skn >= 2)
        add_term(out, WS_STMT_NAME, term_hash(WS_STMT_NAME, 'n', sk, skn), 2);
}

static int cmp_term(const void *a, const void *b)
{
    const ws_stmt_term *x = a, *y = b;
    if (x->layer != y->layer)
        return x->layer < y->layer ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return 0;
}

void ws_stmt_terms_make(const char *text, size_t n, const char *lang,
                        ws_stmt_terms *out)
{
    pthread_once(&tables_once, build_tables);
    out->n = 0;
    bool ukrainian = lang && strcmp(lang, "uk") == 0;
    size_t n_cyr = 0, n_lat = 0, words = 0;
    bool initial = true; /* the next word begins a sentence */
    word w = {0};
    bool in_word = false, after_percent_number = false;
    size_t depth = 0;      /* inside [..] or (..): the editor's words */
    size_t depth_from = 0; /* where it opened: an unclosed one ends */
    size_t i = 0;
    while (i <= n && words < WS_STMT_MAX_WORDS) {
        uint32_t cp = 0;
        size_t k = 1;
        if (i < n)
            k = ws_utf8_decode(text + i, n - i, &cp);
        if (cp == '[' || cp == '(') {
            if (!depth)
                depth_from = i;
            depth++;
        } else if ((cp == ']' || cp == ')') && depth) {
            depth--;
        }
        if (depth && i - depth_from > 200)
            depth = 0; /* an unclosed bracket, not an insertion */
        if (depth && !in_word) {
            i += k;
            continue;
        }
        bool letter = i < n && ws_lex_is_letter(cp);
        bool digit = i < n && cp < 0x80 && ws_is_digit((unsigned char)cp);
        /* apostrophes, and separators between digits, stay in a word */
        bool inner = false;
        if (in_word && i + k < n &&
            (ws_lex_is_apostrophe(cp) ||
             (w.digit && (cp == ',' || cp == '.')))) {
            uint32_t nx;
            ws_utf8_decode(text + i + k, n - i - k, &nx);
            inner = w.digit ? (nx < 0x80 && ws_is_digit((unsigned char)nx))
                            : ws_lex_is_letter(nx);
        }
        if (letter || digit || inner) {
            if (!in_word) {
                memset(&w, 0, sizeof w);
                in_word = true;
                w.digit = digit;
                w.cap = letter && ws_lex_is_upper(cp);
                w.allcaps = w.cap;
                w.initial = initial;
            }
            if (letter && !ws_lex_is_upper(cp))
                w.allcaps = false;
            if (letter && cp >= 0x400 && cp <= 0x4FF)
                w.cyr = true;
            else if (letter && cp < 0x250)
                w.latin = true;
            uint32_t lo = ws_lex_is_apostrophe(cp) ? '\'' : ws_lex_lower(cp);
            char enc[4];
            size_t m = ws_utf8_encode(lo, enc);
            if (w.len + m <= WORD_CAP) {
                memcpy(w.fold + w.len, enc, m);
                w.len += m;
                w.chars++;
            }
            i += k;
            continue;
        }
        if (in_word) {
            in_word = false;
            words++;
            initial = false;
            if (w.cyr)
                n_cyr++;
            else if (w.latin)
                n_lat++;
            take_word(out, &w, ukrainian);
            after_percent_number = w.digit;
        }
        if (i < n) {
            if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' ||
                cp == '"' || cp == 0xAB || cp == 0x201C || cp == 0x201E ||
                cp == '(' || cp == '[' || cp == 0x2013 || cp == 0x2014)
                initial = true;
            if (cp == '%' && after_percent_number) {
                static const char pc[] = "percent";
                add_term(out, WS_STMT_KEY,
                         term_hash(WS_STMT_KEY, 'c', pc, sizeof pc - 1), 1);
            }
            if (!ws_lex_space(text + i, n - i))
                after_percent_number = false;
        }
        i += k;
    }
    out->script = n_cyr > n_lat ? 'C' : 'L';
    qsort(out->t, out->n, sizeof *out->t, cmp_term);
    ws_stmt_terms_total(out);
}

void ws_stmt_terms_total(ws_stmt_terms *t)
{
    for (size_t l = 0; l < WS_STMT_LAYERS; l++)
        t->weight[l] = 0;
    for (size_t j = 0; j < t->n; j++)
        t->weight[t->t[j].layer] += t->t[j].weight;
}
