/* Charset sniffing for bytes that are not UTF-8: the declaration inside the
 * markup (<meta charset>, http-equiv Content-Type, <?xml encoding?>), and
 * byte statistics that tell the Cyrillic single-byte charsets from each
 * other and from the Latin ones, for documents that declare nothing or
 * declare the wrong charset (common in crawls: server defaults). */
#include "charset.h"

#include <string.h>

/* ---- byte statistics ---------------------------------------------------- */

/* What a byte decodes to in one candidate charset. */
enum kind {
    K_OTHER, /* ASCII that is not a letter */
    K_QUOTE, /* quotation marks: their place against words tells */
    K_ASCII, /* an ASCII letter */
    K_CYR_LOWER,
    K_CYR_UPPER,
    K_LAT_LOWER,
    K_LAT_UPPER,
    K_PUNCT,  /* quotes, dashes, spaces, apostrophes: neutral anywhere */
    K_SYMBOL, /* fine between words, odd inside one */
    K_JUNK    /* C1 controls, undefined bytes, box drawing: never text */
};

typedef struct byte_info {
    uint8_t kind;
    int8_t w_ru, w_uk; /* Cyrillic letters: weights of the lower case */
    uint16_t langs;    /* Latin letters: the alphabets that have them */
    uint16_t word;     /* ... and those where it is a word by itself */
    int8_t in;         /* ... the score of being in an alphabet */
} byte_info;

/* Scores in 1/16ths, on the scale of the letter weights (16 * ln(34 p)),
 * where a right decoding of Russian or Ukrainian averages about +6 a
 * letter. The penalties below are what a wrong decoding produces all the
 * time and a right one almost never. */
enum {
    S_MIXED = -64,          /* a Cyrillic letter touching an ASCII one */
    S_UPPER = -16,          /* upper case starting a word */
    S_UPPER_RUN = -4,       /* upper case after upper case: acronyms */
    S_UPPER_IN_WORD = -48,  /* upper case right after lower case */
    S_LATIN_IN = 16,        /* an accented letter of the alphabet */
    S_LATIN_IN_RARE = 4,    /* ... one that is rare in its languages */
    S_QUOTE = 8,            /* a quotation mark against a word */
    S_LATIN_OUT = -16,      /* ... not of the alphabet */
    S_LATIN_RUN = -32,      /* an accented letter between two others */
    S_SYMBOL = -8,          /* a symbol between words */
    S_SYMBOL_IN_WORD = -64, /* a symbol between two letters */
    S_JUNK = -96,
    S_RARE_CYR = -80 /* a Cyrillic letter Russian and Ukrainian lack */
};

/* The accented letters of the Latin-script languages a news crawl in our
 * scope meets, as alphabets: the right charset decodes a text's accented
 * letters into one language's alphabet, a wrong one into a mixture
 * (Czech ě č ř ů read as windows-1252 gives Italian ì è plus ø and ù). */
enum {
    L_DE = 1 << 0,
    L_FR = 1 << 1,
    L_ES = 1 << 2,
    L_IT = 1 << 3,
    L_PT = 1 << 4,
    L_NORDIC = 1 << 5, /* Danish, Norwegian, Swedish, Finnish, Icelandic */
    L_NL = 1 << 6,
    L_PL = 1 << 7,
    L_CS = 1 << 8,
    L_SK = 1 << 9,
    L_HU = 1 << 10,
    L_HR = 1 << 11, /* Croatian, Slovenian, Bosnian */
    L_RO = 1 << 12,
    L_COUNT = 13
};

static const struct {
    uint16_t cp; /* lower case */
    uint16_t langs;
} alphabet[] = {
    {0x00DF, L_DE},                                  /* ß */
    {0x00E0, L_FR | L_IT | L_PT},                    /* à */
    {0x00E1, L_ES | L_IT | L_PT | L_NORDIC | L_NL | L_CS | L_SK | L_HU},
    {0x00E2, L_FR | L_PT | L_RO},                    /* â */
    {0x00E3, L_PT},                                  /* ã */
    {0x00E4, L_DE | L_NORDIC | L_SK},                /* ä */
    {0x00E5, L_NORDIC},                              /* å */
    {0x00E6, L_FR | L_NORDIC},                       /* æ */
    {0x00E7, L_FR | L_PT},                           /* ç */
    {0x00E8, L_FR | L_IT | L_NL},                    /* è */
    {0x00E9, L_FR | L_ES | L_IT | L_PT | L_NORDIC | L_NL | L_CS | L_SK |
                 L_HU},                              /* é */
    {0x00EA, L_FR | L_PT},                           /* ê */
    {0x00EB, L_FR | L_NL},                           /* ë */
    {0x00EC, L_IT},                                  /* ì */
    {0x00ED, L_ES | L_IT | L_PT | L_NORDIC | L_CS | L_SK | L_HU}, /* í */
    {0x00EE, L_FR | L_RO},                           /* î */
    {0x00EF, L_FR | L_NL},                           /* ï */
    {0x00F0, L_NORDIC},                              /* ð */
    {0x00F1, L_ES},                                  /* ñ */
    {0x00F2, L_IT},                                  /* ò */
    {0x00F3, L_ES | L_IT | L_PT | L_NORDIC | L_PL | L_CS | L_SK | L_HU},
    {0x00F4, L_FR | L_PT | L_SK},                    /* ô */
    {0x00F5, L_PT},                                  /* õ */
    {0x00F6, L_DE | L_NORDIC | L_NL | L_HU},         /* ö */
    {0x00F8, L_NORDIC},                              /* ø */
    {0x00F9, L_FR | L_IT},                           /* ù */
    {0x00FA, L_ES | L_IT | L_PT | L_NORDIC | L_CS | L_SK | L_HU}, /* ú */
    {0x00FB, L_FR},                                  /* û */
    {0x00FC, L_DE | L_FR | L_ES | L_PT | L_NL | L_HU}, /* ü */
    {0x00FD, L_NORDIC | L_CS | L_SK},                /* ý */
    {0x00FE, L_NORDIC},                              /* þ */
    {0x00FF, L_FR},                                  /* ÿ */
    {0x0103, L_RO},                                  /* ă */
    {0x0105, L_PL},                                  /* ą */
    {0x0107, L_PL | L_HR},                           /* ć */
    {0x010D, L_CS | L_SK | L_HR},                    /* č */
    {0x010F, L_CS | L_SK},                           /* ď */
    {0x0111, L_HR},                                  /* đ */
    {0x0119, L_PL},                                  /* ę */
    {0x011B, L_CS},                                  /* ě */
    {0x013A, L_SK},                                  /* ĺ */
    {0x013E, L_SK},                                  /* ľ */
    {0x0142, L_PL},                                  /* ł */
    {0x0144, L_PL},                                  /* ń */
    {0x0148, L_CS | L_SK},                           /* ň */
    {0x0151, L_HU},                                  /* ő */
    {0x0153, L_FR},                                  /* œ */
    {0x0155, L_SK},                                  /* ŕ */
    {0x0159, L_CS},                                  /* ř */
    {0x015B, L_PL},                                  /* ś */
    {0x015F, L_RO},                                  /* ş */
    {0x0161, L_CS | L_SK | L_HR},                    /* š */
    {0x0163, L_RO},                                  /* ţ */
    {0x0165, L_CS | L_SK},                           /* ť */
    {0x016F, L_CS},                                  /* ů */
    {0x0171, L_HU},                                  /* ű */
    {0x017A, L_PL},                                  /* ź */
    {0x017C, L_PL},                                  /* ż */
    {0x017E, L_CS | L_SK | L_HR},                    /* ž */
};

static uint16_t alphabets_of(uint32_t lower)
{
    size_t lo = 0, hi = WS_COUNT(alphabet);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (alphabet[mid].cp == lower)
            return alphabet[mid].langs;
        if (alphabet[mid].cp < lower)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Letters rare even in the languages that have them: reading a symbol as
 * one of these (iso-8859-2's Ť ť for windows-1252's « ») must not look
 * like good evidence. */
static bool rare_latin(uint32_t lower)
{
    static const uint16_t rare[] = {0x00E6, 0x00F0, 0x00FE, 0x00FF, 0x010F,
                                    0x013A, 0x013E, 0x0148, 0x0151, 0x0153,
                                    0x0155, 0x0165, 0x0171};
    for (size_t i = 0; i < WS_COUNT(rare); i++)
        if (rare[i] == lower)
            return true;
    return false;
}

static bool is_quote(uint32_t cp)
{
    return cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x201F) ||
           cp == 0x2039 || cp == 0x203A;
}

/* Upper case in Latin Extended-A: mostly even code points, odd in two
 * stretches, with a few caseless letters. */
static bool latin_ext_upper(uint32_t cp)
{
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
        return false;
    if (cp == 0x178)
        return true;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp & 1;
    return !(cp & 1);
}

/* Index in ws_cyr_letters of a lower-case Cyrillic letter, or -1. */
static int cyr_index(uint32_t lower)
{
    if (lower >= 0x430 && lower <= 0x44F)
        return (int)(lower - 0x430);
    for (int i = 32; i < WS_CYR_LETTERS; i++)
        if (ws_cyr_letters[i] == lower)
            return i;
    return -1;
}

static byte_info classify(uint32_t cp)
{
    byte_info b = {K_SYMBOL, 0, 0, 0, 0, 0};
    if (cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0) ||
        (cp >= 0x2500 && cp <= 0x25FF) || cp == 0x2219 || cp == 0x221A ||
        cp == 0x2248 || cp == 0x2264 || cp == 0x2265 || cp == 0x2320 ||
        cp == 0x2321) {
        b.kind = K_JUNK;
    } else if (cp >= 0x400 && cp <= 0x52F) {
        bool upper = cp < 0x430 || (cp >= 0x460 && !(cp & 1));
        uint32_t lower = cp;
        if (cp < 0x410)
            lower = cp + 0x50;
        else if (cp < 0x430)
            lower = cp + 0x20;
        else if (upper)
            lower = cp + 1;
        int idx = cyr_index(lower);
        b.kind = upper ? K_CYR_UPPER : K_CYR_LOWER;
        b.w_ru = idx >= 0 ? ws_cyr_weight_ru[idx] : S_RARE_CYR;
        b.w_uk = idx >= 0 ? ws_cyr_weight_uk[idx] : S_RARE_CYR;
    } else if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)) {
        bool upper = cp < 0xDF || cp == 0x178 ||
                     (cp >= 0x100 && cp < 0x180 && latin_ext_upper(cp));
        uint32_t lower = cp;
        if (cp == 0x178)
            lower = 0xFF;
        else if (upper)
            lower = cp < 0x100 ? cp + 0x20 : cp + 1;
        b.kind = upper ? K_LAT_UPPER : K_LAT_LOWER;
        b.langs = alphabets_of(lower);
        b.in = rare_latin(lower) ? S_LATIN_IN_RARE : S_LATIN_IN;
        b.word = lower == 0xE0   ? L_FR
                 : lower == 0xE8 ? L_IT
                 : lower == 0xE9 ? L_PT
                                 : 0;
    } else if (is_quote(cp)) {
        b.kind = K_QUOTE;
    } else if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xAD ||
               cp == 0xB7 || cp == 0xBF || cp == 0xA1 || /* ¿ ¡ */ cp == 0x2116 || cp == 0x2039 || cp == 0x203A ||
               (cp >= 0x2010 && cp <= 0x2027)) {
        b.kind = K_PUNCT;
    }
    return b;
}

/* The candidates, in the order that breaks ties: text whose only non-ASCII
 * bytes are quotes and dashes reads the same in most of them. koi8-u
 * stands for koi8-r as well (it only adds letters to koi8-r). */
static const char *const candidates[] = {
    "windows-1252", "windows-1251", "koi8-u",
    "iso-8859-5",   "iso-8859-2",   "windows-1250",
};

/* The bytes where koi8-u has Ukrainian letters and koi8-r box drawing. */
static bool koi8_u_byte(unsigned char c)
{
    return c == 0xA4 || c == 0xA6 || c == 0xA7 || c == 0xAD || c == 0xB4 ||
           c == 0xB6 || c == 0xB7 || c == 0xBD;
}

/* Enough non-ASCII bytes to decide; past them statistics change little. */
#define SAMPLE_HIGH_BYTES 16384

static int kind_of(const byte_info *info, unsigned char c)
{
    if (c >= 0x80)
        return info[c - 0x80].kind;
    return ws_is_alpha(c) ? K_ASCII : K_OTHER;
}

static bool is_letter_kind(int k)
{
    return k == K_ASCII || k == K_CYR_LOWER || k == K_CYR_UPPER ||
           k == K_LAT_LOWER || k == K_LAT_UPPER;
}

/* The plausibility of s[0..n) decoded with high (bytes 0x80..0xFF). */
static long score(const unsigned char *s, size_t n, const uint16_t *high)
{
    byte_info info[128];
    for (int i = 0; i < 128; i++)
        info[i] = classify(high[i]);
    long common = 0, ru = 0, uk = 0, lang[L_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            continue;
        const byte_info *b = &info[c - 0x80];
        unsigned char pc = i > 0 ? s[i - 1] : ' ';
        unsigned char nc = i + 1 < n ? s[i + 1] : ' ';
        int pk = kind_of(info, pc);
        int nk = kind_of(info, nc);
        switch (b->kind) {
        case K_CYR_LOWER:
        case K_CYR_UPPER:
            if (pk == K_ASCII || nk == K_ASCII) {
                common += S_MIXED;
                break;
            }
            ru += b->w_ru;
            uk += b->w_uk;
            if (b->kind == K_CYR_UPPER)
                common += pk == K_CYR_LOWER   ? S_UPPER_IN_WORD
                          : pk == K_CYR_UPPER ? S_UPPER_RUN
                                              : S_UPPER;
            break;
        case K_LAT_LOWER:
        case K_LAT_UPPER:
        {
            /* Alone, an accented letter is a word only in a few cases
             * (French à, Italian è, Portuguese é); elsewhere it is a
             * symbol misread, like « » read as iso-8859-2's Ť ť. */
            uint16_t langs = b->langs;
            if (!is_letter_kind(pk) && !is_letter_kind(nk))
                langs &= b->word;
            for (int l = 0; l < L_COUNT; l++)
                lang[l] += (langs >> l) & 1 ? b->in : S_LATIN_OUT;
        }
            if (pk >= K_CYR_LOWER && pk <= K_LAT_UPPER && nk >= K_CYR_LOWER &&
                nk <= K_LAT_UPPER)
                common += S_LATIN_RUN;
            /* Case changes inside a word: "sTraße", "żDesea". */
            if ((b->kind == K_LAT_UPPER &&
                 (pk == K_LAT_LOWER || (pc >= 'a' && pc <= 'z'))) ||
                (b->kind == K_LAT_LOWER && nc >= 'A' && nc <= 'Z'))
                common += S_UPPER_IN_WORD;
            break;
        case K_QUOTE:
            if (is_letter_kind(pk) != is_letter_kind(nk))
                common += S_QUOTE;
            break;
        case K_SYMBOL:
            common += is_letter_kind(pk) && is_letter_kind(nk)
                          ? S_SYMBOL_IN_WORD
                          : S_SYMBOL;
            break;
        case K_JUNK:
            common += S_JUNK;
            break;
        default:
            break;
        }
    }
    long best_lang = lang[0];
    for (int l = 1; l < L_COUNT; l++)
        best_lang = WS_MAX(best_lang, lang[l]);
    return common + WS_MAX(ru, uk) + best_lang;
}

const ws_charset *ws_charset_detect(const char *str, size_t n,
                                    const ws_charset *declared)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t high = 0, end = 0;
    bool koi8_u = false;
    while (end < n && high < SAMPLE_HIGH_BYTES) {
        unsigned char c = s[end++];
        if (c >= 0x80) {
            high++;
            koi8_u |= koi8_u_byte(c);
        }
    }

    const ws_charset *best = NULL;
    long best_score = 0;
    for (size_t i = 0; i < WS_COUNT(candidates); i++) {
        const ws_charset *cs = ws_charset_get(candidates[i]);
        long sc = score(s, end, cs->high);
        if (!best || sc > best_score) {
            best = cs;
            best_score = sc;
        }
    }
    if (best == ws_charset_get("koi8-u") && !koi8_u)
        best = ws_charset_get("koi8-r");
    if (!declared || declared->kind != WS_CS_SBCS)
        return declared ? declared : best;
    if (declared->high == best->high)
        return declared;
    /* koi8-r with letters at the koi8-u positions is koi8-u mislabelled. */
    if (declared->high == ws_cs_koi8_r && best->high == ws_cs_koi8_u)
        return best;
    /* A declaration stands unless the statistics beat it by a wide margin:
     * a quarter of a letter's typical weight on every byte, so that only
     * systematic mis-decoding (a server's default charset on a page in
     * another) overrides what the page says. */
    long declared_score = score(s, end, declared->high);
    long margin = 16 * (long)WS_MAX((size_t)8, high / 4);
    return best_score - declared_score > margin ? best : declared;
}

/* ---- declarations in the markup ----------------------------------------- */

/* Case-insensitive: does s[0..n) start with lit? */
static bool starts_with(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && ws_ascii_ieq(s, k, lit);
}

static size_t skip_space(const char *s, size_t n, size_t p)
{
    while (p < n && ws_is_space((unsigned char)s[p]))
        p++;
    return p;
}

/* Reads an attribute value at s[*p] (quoted or bare, stopping at any of
 * stops when bare); returns its start and stores its length. */
static const char *read_value(const char *s, size_t n, size_t *p,
                              const char *stops, size_t *len)
{
    size_t q = *p;
    if (q < n && (s[q] == '"' || s[q] == '\'')) {
        char quote = s[q++];
        size_t start = q;
        while (q < n && s[q] != quote)
            q++;
        *len = q - start;
        *p = q < n ? q + 1 : q;
        return s + start;
    }
    size_t start = q;
    while (q < n && !ws_is_space((unsigned char)s[q]) && !strchr(stops, s[q]))
        q++;
    *len = q - start;
    *p = q;
    return s + start;
}

/* The charset in a Content-Type value: "text/html; charset=windows-1251". */
static const ws_charset *charset_in_content(const char *s, size_t n)
{
    const char *at = s;
    while ((at = ws_ascii_find(at, n - (size_t)(at - s), "charset"))) {
        size_t p = (size_t)(at - s) + 7;
        p = skip_space(s, n, p);
        if (p < n && s[p] == '=') {
            p = skip_space(s, n, p + 1);
            size_t len;
            const char *v = read_value(s, n, &p, ";", &len);
            return ws_charset_lookup(v, len);
        }
        at = s + p;
    }
    return NULL;
}

/* Parses the attributes of a <meta> tag starting at s[*p] (just after
 * "<meta"), moves *p past the tag, and returns the charset it declares. */
static const ws_charset *meta_tag(const char *s, size_t n, size_t *pp)
{
    size_t p = *pp;
    const char *charset = NULL, *content = NULL;
    size_t charset_len = 0, content_len = 0;
    bool content_type = false;
    for (;;) {
        while (p < n && (ws_is_space((unsigned char)s[p]) || s[p] == '/'))
            p++;
        if (p >= n || s[p] == '>')
            break;
        size_t name = p;
        while (p < n && !ws_is_space((unsigned char)s[p]) && s[p] != '=' &&
               s[p] != '>' && s[p] != '/')
            p++;
        size_t name_len = p - name;
        p = skip_space(s, n, p);
        const char *value = "";
        size_t value_len = 0;
        if (p < n && s[p] == '=') {
            p = skip_space(s, n, p + 1);
            bool quoted = p < n && (s[p] == '"' || s[p] == '\'');
            value = read_value(s, n, &p, ">", &value_len);
            /* <meta charset=utf-8/>: the slash closes the tag. */
            if (!quoted && value_len && value[value_len - 1] == '/')
                value_len--;
        }
        if (ws_ascii_ieq(s + name, name_len, "charset") && !charset) {
            charset = value;
            charset_len = value_len;
        } else if (ws_ascii_ieq(s + name, name_len, "http-equiv")) {
            content_type = ws_ascii_ieq(value, value_len, "content-type");
        } else if (ws_ascii_ieq(s + name, name_len, "content") && !content) {
            content = value;
            content_len = value_len;
        }
    }
    *pp = p;
    if (charset)
        return ws_charset_lookup(charset, charset_len);
    if (content_type && content)
        return charset_in_content(content, content_len);
    return NULL;
}

/* WHATWG's prescan reads 1024 bytes; pages with long <head> preambles
 * (scripts, styles, comments) put their <meta> later, so we read more. */
#define META_SCAN_BYTES 4096

const ws_charset *ws_charset_from_meta(const char *s, size_t n)
{
    n = WS_MIN(n, (size_t)META_SCAN_BYTES);
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (starts_with(s + i, n - i, "<!--")) {
            const char *end = ws_ascii_find(s + i + 4, n - i - 4, "-->");
            if (!end)
                break;
            i = (size_t)(end - s) + 3;
        } else if (starts_with(s + i, n - i, "<meta") && i + 5 < n &&
                   (ws_is_space((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
            i += 5;
            const ws_charset *cs = meta_tag(s, n, &i);
            if (cs)
                return cs;
        } else if (starts_with(s + i, n - i, "<?xml")) {
            const char *end = ws_ascii_find(s + i, n - i, "?>");
            size_t stop = end ? (size_t)(end - s) : n;
            const char *enc = ws_ascii_find(s + i, stop - i, "encoding");
            if (enc) {
                size_t p = skip_space(s, stop, (size_t)(enc - s) + 8);
                if (p < stop && s[p] == '=') {
                    p = skip_space(s, stop, p + 1);
                    size_t len;
                    const char *v = read_value(s, stop, &p, "?", &len);
                    const ws_charset *cs = ws_charset_lookup(v, len);
                    if (cs)
                        return cs;
                }
            }
            i = stop;
        } else {
            i++;
        }
    }
    return NULL;
}

const char *ws_charset_guess(const char *bytes, size_t len)
{
    return ws_charset_detect(bytes, len, NULL)->name;
}
