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
    int8_t latin;      /* Latin letters: bonus next to ASCII letters */
} byte_info;

/* Scores in 1/16ths, on the scale of the letter weights (16 * ln(34 p)),
 * where a right decoding of Russian or Ukrainian averages about +6 a
 * letter. The penalties below are what a wrong decoding produces all the
 * time and a right one almost never. */
enum {
    S_MIXED = -64,          /* a Cyrillic letter touching an ASCII one */
    S_UPPER = -16,          /* upper case: rare in running text */
    S_UPPER_IN_WORD = -48,  /* upper case right after lower case */
    S_LATIN_COMMON = 16,    /* an accented letter inside a Latin word */
    S_LATIN_RARE = 5,       /* ... one that few of our languages use */
    S_LATIN_RUN = -32,      /* an accented letter between two others */
    S_SYMBOL = -8,          /* a symbol between words */
    S_SYMBOL_IN_WORD = -64, /* a symbol between two letters */
    S_JUNK = -96,
    S_RARE_CYR = -80 /* a Cyrillic letter Russian and Ukrainian lack */
};

/* Accented letters common in the Latin-script languages a news crawl in
 * our scope meets (German, Polish, French, Spanish, Italian, Czech ...). */
static const uint16_t common_latin[] = {
    0x00C0, 0x00C1, 0x00C2, 0x00C4, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CD,
    0x00D1, 0x00D3, 0x00D6, 0x00DA, 0x00DC, 0x00DF, 0x00E0, 0x00E1, 0x00E2,
    0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB,
    0x00ED, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F8,
    0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x0104, 0x0105, 0x0106, 0x0107,
    0x010C, 0x010D, 0x0118, 0x0119, 0x011A, 0x011B, 0x0141, 0x0142, 0x0143,
    0x0144, 0x0152, 0x0153, 0x0158, 0x0159, 0x015A, 0x015B, 0x0160, 0x0161,
    0x016E, 0x016F, 0x0179, 0x017A, 0x017B, 0x017C, 0x017D, 0x017E,
};

static bool is_common_latin(uint32_t cp)
{
    size_t lo = 0, hi = WS_COUNT(common_latin);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (common_latin[mid] == cp)
            return true;
        if (common_latin[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
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
    byte_info b = {K_SYMBOL, 0, 0, 0};
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
        bool upper = cp < 0xDF || (cp >= 0x100 && cp < 0x180 &&
                                   latin_ext_upper(cp));
        b.kind = upper ? K_LAT_UPPER : K_LAT_LOWER;
        b.latin = is_common_latin(cp) ? S_LATIN_COMMON : S_LATIN_RARE;
    } else if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xAD ||
               cp == 0xB7 || cp == 0x2116 || cp == 0x2039 || cp == 0x203A ||
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
    long common = 0, ru = 0, uk = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            continue;
        const byte_info *b = &info[c - 0x80];
        unsigned char pc = i > 0 ? s[i - 1] : ' ';
        int pk = kind_of(info, pc);
        int nk = kind_of(info, i + 1 < n ? s[i + 1] : ' ');
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
                common += pk == K_CYR_LOWER ? S_UPPER_IN_WORD : S_UPPER;
            break;
        case K_LAT_LOWER:
        case K_LAT_UPPER:
            if (pk >= K_CYR_LOWER && pk <= K_LAT_UPPER && nk >= K_CYR_LOWER &&
                nk <= K_LAT_UPPER)
                common += S_LATIN_RUN;
            else if (pk == K_ASCII || nk == K_ASCII)
                common += b->latin;
            if (b->kind == K_LAT_UPPER &&
                (pk == K_LAT_LOWER || (pc >= 'a' && pc <= 'z')))
                common += S_UPPER_IN_WORD;
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
    return common + WS_MAX(ru, uk);
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
