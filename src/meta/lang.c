/* Language identification for the article record: script first (Latin or
 * Cyrillic), then letters only one language has (і ї є ґ for Ukrainian,
 * ы э ё ъ for Russian, ą ł ż for Polish ...) and function words. One pass
 * over at most the first 64 KB; NULL rather than a guess when the text is
 * short or the evidence is split. */
#include "meta.h"

#include "lex.h"

#include <string.h>

#define SAMPLE_MAX (64 * 1024)
#define WORD_MAX 24
/* Below this many letters any answer is a guess. */
#define MIN_LETTERS 20

enum { EN, DE, FR, ES, IT, PL, NL, PT, UK, RU, N_LANG };

static const char *const codes[N_LANG] = {"en", "de", "fr", "es", "it",
                                          "pl", "nl", "pt", "uk", "ru"};

/* Function words, sorted by bytes (strcmp order) for binary search; the
 * mask has bit 1 << lang for each language the word belongs to. Generated
 * from per-language lists; keep sorted when editing. */
/* clang-format off */
static const struct {
    const char *w;
    uint16_t mask;
} stopwords[] = {
    {"a", 0x080},
    {"aan", 0x040},
    {"about", 0x001},
    {"after", 0x001},
    {"al", 0x008},
    {"ale", 0x020},
    {"alla", 0x010},
    {"als", 0x040},
    {"an", 0x001},
    {"anche", 0x010},
    {"and", 0x001},
    {"ao", 0x080},
    {"are", 0x001},
    {"as", 0x081},
    {"at", 0x001},
    {"au", 0x004},
    {"auch", 0x002},
    {"auf", 0x002},
    {"aus", 0x002},
    {"aux", 0x004},
    {"avec", 0x004},
    {"be", 0x001},
    {"been", 0x001},
    {"bei", 0x002},
    {"bij", 0x040},
    {"but", 0x001},
    {"by", 0x001},
    {"było", 0x020},
    {"będzie", 0x020},
    {"ce", 0x004},
    {"cette", 0x004},
    {"che", 0x010},
    {"com", 0x080},
    {"come", 0x010},
    {"como", 0x008},
    {"con", 0x018},
    {"da", 0x090},
    {"dans", 0x004},
    {"das", 0x082},
    {"dass", 0x002},
    {"dat", 0x040},
    {"de", 0x0c8},
    {"dei", 0x010},
    {"del", 0x018},
    {"della", 0x010},
    {"delle", 0x010},
    {"dem", 0x002},
    {"den", 0x002},
    {"der", 0x002},
    {"des", 0x006},
    {"desde", 0x008},
    {"deze", 0x040},
    {"di", 0x010},
    {"die", 0x042},
    {"dla", 0x020},
    {"do", 0x0a0},
    {"door", 0x040},
    {"dos", 0x080},
    {"du", 0x004},
    {"e", 0x090},
    {"een", 0x040},
    {"ein", 0x002},
    {"eine", 0x002},
    {"einer", 0x002},
    {"el", 0x008},
    {"elle", 0x004},
    {"em", 0x080},
    {"en", 0x048},
    {"entre", 0x008},
    {"er", 0x040},
    {"es", 0x00a},
    {"est", 0x004},
    {"esta", 0x008},
    {"este", 0x008},
    {"está", 0x088},
    {"et", 0x004},
    {"foi", 0x080},
    {"for", 0x001},
    {"from", 0x001},
    {"fue", 0x008},
    {"für", 0x002},
    {"gli", 0x010},
    {"ha", 0x018},
    {"had", 0x001},
    {"has", 0x001},
    {"hat", 0x002},
    {"have", 0x001},
    {"he", 0x001},
    {"heeft", 0x040},
    {"het", 0x040},
    {"his", 0x001},
    {"i", 0x020},
    {"il", 0x014},
    {"im", 0x002},
    {"in", 0x041},
    {"is", 0x041},
    {"ist", 0x002},
    {"it", 0x001},
    {"its", 0x001},
    {"jak", 0x020},
    {"jego", 0x020},
    {"jest", 0x020},
    {"już", 0x020},
    {"która", 0x020},
    {"które", 0x020},
    {"który", 0x020},
    {"la", 0x01c},
    {"las", 0x008},
    {"le", 0x014},
    {"les", 0x004},
    {"leur", 0x004},
    {"lo", 0x018},
    {"los", 0x008},
    {"maar", 0x040},
    {"mais", 0x084},
    {"met", 0x040},
    {"mit", 0x002},
    {"más", 0x008},
    {"na", 0x0a0},
    {"naar", 0x040},
    {"nach", 0x002},
    {"nel", 0x010},
    {"nicht", 0x002},
    {"nie", 0x020},
    {"niet", 0x040},
    {"no", 0x080},
    {"noch", 0x002},
    {"nog", 0x040},
    {"non", 0x010},
    {"not", 0x001},
    {"nous", 0x004},
    {"não", 0x080},
    {"o", 0x0a0},
    {"od", 0x020},
    {"of", 0x001},
    {"om", 0x040},
    {"on", 0x001},
    {"ont", 0x004},
    {"ook", 0x040},
    {"op", 0x040},
    {"or", 0x001},
    {"oraz", 0x020},
    {"os", 0x080},
    {"par", 0x004},
    {"para", 0x088},
    {"pas", 0x004},
    {"pela", 0x080},
    {"pelo", 0x080},
    {"per", 0x010},
    {"pero", 0x008},
    {"più", 0x010},
    {"plus", 0x004},
    {"po", 0x020},
    {"por", 0x088},
    {"pour", 0x004},
    {"przez", 0x020},
    {"que", 0x08c},
    {"questo", 0x010},
    {"qui", 0x004},
    {"sa", 0x004},
    {"said", 0x001},
    {"se", 0x088},
    {"ser", 0x080},
    {"ses", 0x004},
    {"si", 0x010},
    {"sich", 0x002},
    {"sie", 0x002},
    {"sind", 0x002},
    {"się", 0x020},
    {"son", 0x00c},
    {"sono", 0x010},
    {"sont", 0x004},
    {"su", 0x008},
    {"sur", 0x004},
    {"sus", 0x008},
    {"são", 0x080},
    {"są", 0x020},
    {"tak", 0x020},
    {"también", 0x008},
    {"também", 0x080},
    {"te", 0x040},
    {"than", 0x001},
    {"that", 0x001},
    {"the", 0x001},
    {"their", 0x001},
    {"they", 0x001},
    {"this", 0x001},
    {"to", 0x021},
    {"tym", 0x020},
    {"um", 0x080},
    {"uma", 0x080},
    {"un", 0x01c},
    {"una", 0x018},
    {"und", 0x002},
    {"une", 0x004},
    {"van", 0x040},
    {"von", 0x002},
    {"voor", 0x040},
    {"vor", 0x002},
    {"vous", 0x004},
    {"w", 0x020},
    {"was", 0x001},
    {"we", 0x001},
    {"werd", 0x040},
    {"werden", 0x002},
    {"were", 0x001},
    {"which", 0x001},
    {"who", 0x001},
    {"wie", 0x002},
    {"will", 0x001},
    {"wird", 0x002},
    {"with", 0x001},
    {"worden", 0x040},
    {"wordt", 0x040},
    {"would", 0x001},
    {"y", 0x008},
    {"z", 0x020},
    {"za", 0x020},
    {"zijn", 0x040},
    {"zu", 0x002},
    {"zum", 0x002},
    {"zur", 0x002},
    {"è", 0x010},
    {"été", 0x004},
    {"être", 0x004},
    {"über", 0x002},
    {"że", 0x020},
    {"але", 0x100},
    {"був", 0x100},
    {"була", 0x100},
    {"були", 0x100},
    {"було", 0x100},
    {"бути", 0x100},
    {"был", 0x200},
    {"была", 0x200},
    {"были", 0x200},
    {"в", 0x300},
    {"вже", 0x100},
    {"вона", 0x100},
    {"вони", 0x100},
    {"від", 0x100},
    {"він", 0x100},
    {"для", 0x200},
    {"до", 0x100},
    {"его", 0x200},
    {"ее", 0x200},
    {"еще", 0x200},
    {"ещё", 0x200},
    {"её", 0x200},
    {"з", 0x100},
    {"за", 0x300},
    {"зі", 0x100},
    {"и", 0x200},
    {"из", 0x200},
    {"й", 0x100},
    {"його", 0x100},
    {"к", 0x200},
    {"как", 0x200},
    {"которая", 0x200},
    {"которые", 0x200},
    {"который", 0x200},
    {"лише", 0x100},
    {"має", 0x100},
    {"ми", 0x100},
    {"мы", 0x200},
    {"на", 0x300},
    {"не", 0x300},
    {"но", 0x200},
    {"о", 0x200},
    {"он", 0x200},
    {"она", 0x200},
    {"они", 0x200},
    {"от", 0x200},
    {"по", 0x200},
    {"после", 0x200},
    {"при", 0x200},
    {"про", 0x100},
    {"під", 0x100},
    {"після", 0x100},
    {"с", 0x200},
    {"своей", 0x200},
    {"своих", 0x200},
    {"свою", 0x100},
    {"своє", 0x100},
    {"своїх", 0x100},
    {"со", 0x200},
    {"та", 0x100},
    {"так", 0x200},
    {"также", 0x200},
    {"також", 0x100},
    {"только", 0x200},
    {"тому", 0x100},
    {"у", 0x100},
    {"уже", 0x200},
    {"це", 0x100},
    {"цього", 0x100},
    {"что", 0x200},
    {"ще", 0x100},
    {"що", 0x100},
    {"щодо", 0x100},
    {"это", 0x200},
    {"этого", 0x200},
    {"як", 0x100},
    {"яка", 0x100},
    {"який", 0x100},
    {"яких", 0x100},
    {"які", 0x100},
    {"і", 0x100},
    {"із", 0x100},
    {"її", 0x100},
};
/* clang-format on */

static uint16_t stopword_mask(const char *w)
{
    size_t lo = 0, hi = WS_COUNT(stopwords);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w, stopwords[mid].w);
        if (c == 0)
            return stopwords[mid].mask;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Weight of one function-word hit: a word of one language counts fully, a
 * word shared by k languages 1/k (scaled by 12 to stay integral). */
static const int share[] = {0, 12, 6, 4, 3, 2, 2, 1, 1, 1, 1};

/* Letters that mark one language; each counts like a whole function word
 * because they are rarer than words in the other language. */
static int marker(uint32_t cp)
{
    switch (cp) {
    case 0x0456:
    case 0x0406:
    case 0x0457:
    case 0x0407: /* і І ї Ї */
    case 0x0454:
    case 0x0404:
    case 0x0491:
    case 0x0490: /* є Є ґ Ґ */
        return UK;
    case 0x044B:
    case 0x042B:
    case 0x044D:
    case 0x042D: /* ы Ы э Э */
    case 0x0451:
    case 0x0401: /* ё Ё */
        return RU;
    case 0x0105:
    case 0x0119:
    case 0x0142:
    case 0x0141: /* ą ę ł Ł */
    case 0x017C:
    case 0x017A:
    case 0x015B:
    case 0x0144: /* ż ź ś ń */
        return PL;
    case 0x00DF:
    case 0x00E4:
    case 0x00F6:
    case 0x00FC: /* ß ä ö ü */
        return DE;
    case 0x00F1:
    case 0x00BF:
    case 0x00A1: /* ñ ¿ ¡ */
        return ES;
    case 0x00E3:
    case 0x00F5: /* ã õ */
        return PT;
    case 0x0153:
    case 0x00EB:
    case 0x00EE:
    case 0x00FB: /* œ ë î û */
        return FR;
    default:
        return -1;
    }
}

/* Cyrillic letters of other languages (Belarusian ў, Serbian and
 * Macedonian ј љ њ ћ ђ џ ѓ ќ ѕ): their texts are neither uk nor ru. */
static bool other_cyrillic(uint32_t cp)
{
    return cp == 0x045E || cp == 0x040E || cp == 0x0458 || cp == 0x0408 ||
           cp == 0x0459 || cp == 0x0409 || cp == 0x045A || cp == 0x040A ||
           cp == 0x045B || cp == 0x040B || cp == 0x0452 || cp == 0x0402 ||
           cp == 0x045F || cp == 0x040F || cp == 0x0453 || cp == 0x0403 ||
           cp == 0x045C || cp == 0x040C || cp == 0x0455 || cp == 0x0405;
}

const char *ws_lang_detect(const char *s, size_t n)
{
    if (!s)
        return NULL;
    n = WS_MIN(n, (size_t)SAMPLE_MAX);
    long score[N_LANG] = {0};
    size_t latin = 0, cyr = 0, other = 0, foreign_cyr = 0, words = 0;
    size_t hard_sign = 0, ru_marks = 0; /* ъ; ы э ё */
    char w[WORD_MAX + 4];
    size_t wl = 0;
    bool too_long = false;

    for (size_t i = 0; i <= n;) {
        uint32_t cp = ' ';
        size_t k = 1;
        if (i < n)
            k = ws_utf8_decode(s + i, n - i, &cp);
        bool letter = ws_lex_is_letter(cp);
        if (letter || (ws_lex_is_apostrophe(cp) && wl > 0)) {
            if (letter) {
                if (cp < 0x250)
                    latin++;
                else if (cp >= 0x400 && cp < 0x530)
                    cyr++;
                else
                    other++;
                int m = marker(cp);
                if (m >= 0)
                    score[m] += 12;
                ru_marks += m == RU;
                hard_sign += cp == 0x044A || cp == 0x042A;
                if (other_cyrillic(cp))
                    foreign_cyr++;
            }
            char enc[4];
            size_t m = ws_utf8_encode(
                ws_lex_is_apostrophe(cp) ? '\'' : ws_lex_lower(cp), enc);
            if (wl + m > WORD_MAX)
                too_long = true;
            else {
                memcpy(w + wl, enc, m);
                wl += m;
            }
        } else if (wl > 0) {
            w[wl] = '\0';
            words++;
            uint16_t mask = too_long ? 0 : stopword_mask(w);
            if (mask) {
                int bits = 0;
                for (int l = 0; l < N_LANG; l++)
                    bits += (mask >> l) & 1;
                for (int l = 0; l < N_LANG; l++)
                    if (mask & (1u << l))
                        score[l] += share[bits];
            }
            wl = 0;
            too_long = false;
        }
        i += k;
    }

    size_t letters = latin + cyr + other;
    if (letters < MIN_LETTERS || words < 3 || other * 2 > letters)
        return NULL;
    int lo = EN, hi = PT + 1;
    if (cyr > latin) {
        if (foreign_cyr * 50 > cyr)
            return NULL;
        /* Frequent ъ without ы э ё is Bulgarian, which shares most of
         * Russian's function words. */
        if (ru_marks == 0 && hard_sign * 100 > cyr)
            return NULL;
        lo = UK, hi = RU + 1;
    }
    int best = -1, second = -1;
    for (int l = lo; l < hi; l++) {
        if (best < 0 || score[l] > score[best]) {
            second = best;
            best = l;
        } else if (second < 0 || score[l] > score[second]) {
            second = l;
        }
    }
    long b = score[best], sc = second >= 0 ? score[second] : 0;
    /* Two words' worth of evidence, and a clear lead over the second best
     * (Spanish and Portuguese, Ukrainian and Russian share many words). */
    if (b < 24 || b * 4 < sc * 5)
        return NULL;
    return codes[best];
}
