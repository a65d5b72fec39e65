/* Speakers inside one article: the words that name a speaker next to a cue
 * (a mention: "Energy Minister Olena Marchenko", "the official", "he"),
 * the table of people the article names (full name, name words, titles
 * held now or formerly), and the resolution of a mention to the fullest
 * name the article gives. Names inflect in Ukrainian and Russian, so there
 * name words are compared by stem. */
#include "qparts.h"

#include <stdlib.h>
#include <string.h>

/* ---- word tests ---------------------------------------------------------- */

static bool depth0(const qdoc *d, size_t i)
{
    return d->t[i].quote < 0;
}

/* A capitalised word that can be part of a personal name. */
static bool name_word(const qdoc *d, size_t i)
{
    if (!qd_word(d, i))
        return false;
    const qtok *t = &d->t[i];
    return (t->flags & QF_CAP) && !(t->flags & (QF_ALLCAP | QF_DIGIT)) &&
           !(t->lex & (QL_STOP | QL_TITLE | QL_ORG | QL_PLACE | QL_HONOR |
                       QL_CUE | QL_CUEP | QL_LABEL));
}

/* A capitalised word that may describe a speaker: a name, a place, an
 * acronym ("a senior GOP adviser", "a Florida strategist"). */
static bool cap_word(const qdoc *d, size_t i)
{
    return qd_word(d, i) && (d->t[i].flags & QF_CAP) &&
           !(d->t[i].lex & (QL_STOP | QL_CUE | QL_CUEP | QL_LABEL));
}

bool ws_qtime_word(const qdoc *d, size_t i)
{
    static const char *const w[] = {
        "day",    "days",    "week",    "weeks",     "month",  "months",
        "year",   "years",   "hour",    "hours",     "minute", "minutes",
        "moment", "moments", "morning", "afternoon", "evening", "night",
        "weekend", "time",   "times",   "decade",    "decades", "later",
        "earlier", "ago"};
    return (d->t[i].flags & QF_DIGIT) || ws_qdoc_is_any(d, i, w, WS_COUNT(w));
}

/* A lower-case word that reads as a verb, so no part of a mention:
 * "endorsed", "praises", "met". */
static bool verb_like(const qdoc *d, size_t i)
{
    static const char *const w[] = {"met", "beat", "hit", "took", "gave",
                                    "sent", "left", "saw", "made", "won",
                                    "lost", "let", "got", "led", "ran"};
    const char *f = qd_fold(d, i);
    size_t n = d->t[i].flen;
    return (n > 3 && (memcmp(f + n - 2, "ed", 2) == 0 ||
                      (f[n - 1] == 's' && f[n - 2] != 's'))) ||
           ws_qdoc_is_any(d, i, w, WS_COUNT(w));
}

/* one … ten, spelt out */
static bool number_word(const qdoc *d, size_t i)
{
    static const char *const w[] = {"one", "two",   "three", "four", "five",
                                    "six", "seven", "eight", "nine", "ten"};
    return ws_qdoc_is_any(d, i, w, WS_COUNT(w));
}

/* Number of code points in s[0..n). */
static size_t cps(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Same name word: equal, or in Ukrainian and Russian the same stem with
 * endings of up to three letters (Марченко/Марченка, Гнатюк/Гнатюка). */
static bool same_name(const char *a, const char *b, bool slavic)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la == lb && memcmp(a, b, la) == 0)
        return true;
    if (!slavic)
        return false;
    size_t k = 0;
    while (k < la && k < lb && a[k] == b[k])
        k++;
    while (k > 0 && ((unsigned char)a[k] & 0xC0) == 0x80)
        k--; /* a whole character */
    size_t ck = cps(a, k), ca = cps(a, la), cb = cps(b, lb);
    size_t shorter = WS_MIN(ca, cb);
    return ck >= 3 && ca - ck <= 3 && cb - ck <= 3 && ck + 2 >= shorter;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

static bool in_list(const char *w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0)
            return true;
    return false;
}

/* Gender of a Ukrainian or Russian name from its folded words: a first
 * name in -а/-я is a woman's (but Микола, Ілля, Никита), one ending in a
 * consonant a man's; an inflected first name (Наталії, Андрея) decides
 * nothing, and the surname's ending is read instead (-ова/-іна/-ська and
 * their oblique forms for women, -ов/-ін/-ський for men). Surnames in -енко,
 * -ук, -ич are either. */
static int slavic_gender(char *const *w, size_t k)
{
    static const char *const male_a[] = {
        "микола", "ілля", "илья", "никита", "кузьма", "фома", "лука",
        "сава", "савва", "данила", "гаврила", NULL};
    static const char *const fem_end[] = {
        "ова", "ева", "єва", "ёва", "іна", "ина", "їна", "ська", "цька",
        "ская", "цкая", "овой", "евой", "иной", "ской", "цкой", "ової",
        "евої", "іної", "ської", "цької", "овою", "ською", NULL};
    static const char *const masc_end[] = {
        "ов", "ев", "єв", "ёв", "ін", "ин", "їн", "ський", "цький", "ский",
        "цкий", NULL};
    if (k >= 2) {
        const char *f = w[0];
        if (in_list(f, male_a))
            return QG_MALE;
        if (strlen(f) >= 6 && (ends_with(f, "а") || ends_with(f, "я")))
            return QG_FEMALE;
        if (strlen(f) >= 6 &&
            (ends_with(f, "й") || ends_with(f, "р") || ends_with(f, "н") ||
             ends_with(f, "г") || ends_with(f, "д") || ends_with(f, "с") ||
             ends_with(f, "м") || ends_with(f, "л") || ends_with(f, "в") ||
             ends_with(f, "п") || ends_with(f, "т") || ends_with(f, "ь") ||
             ends_with(f, "х") || ends_with(f, "к") || ends_with(f, "б")))
            return QG_MALE;
    }
    const char *l = w[k - 1];
    for (size_t i = 0; fem_end[i]; i++)
        if (ends_with(l, fem_end[i]))
            return QG_FEMALE;
    for (size_t i = 0; masc_end[i]; i++)
        if (ends_with(l, masc_end[i]))
            return QG_MALE;
    return QG_NONE;
}

/* Gender a word in a name's run gives away: Mrs, spokeswoman, пані. */
static int word_gender(const char *w)
{
    static const char *const fem[] = {
        "mrs", "ms", "miss", "madam", "spokeswoman", "chairwoman",
        "congresswoman", "businesswoman", "пані", "госпожа", "речниця",
        "очільниця", "керівниця", "директорка", "міністерка", "депутатка",
        "радниця", "заступниця", "представниця", "посолка", "авторка", NULL};
    static const char *const masc[] = {
        "mr", "sir", "spokesman", "chairman", "congressman", "businessman",
        "пан", "господин", NULL};
    if (in_list(w, fem))
        return QG_FEMALE;
    if (in_list(w, masc))
        return QG_MALE;
    return QG_NONE;
}

/* Gender of a personal pronoun: he/him, він/його, он/его; she/her,
 * вона/її, она/её. */
static int pron_gender(const char *w)
{
    static const char *const masc[] = {"he", "him", "він", "його", "нього",
                                       "он", "его", "него", NULL};
    static const char *const fem[] = {"she", "her", "вона", "її", "неї",
                                      "она", "ее", "её", "нее", "ней", NULL};
    if (in_list(w, masc))
        return QG_MALE;
    if (in_list(w, fem))
        return QG_FEMALE;
    return QG_NONE;
}

/* ---- mentions -------------------------------------------------------------- */

static bool role(const qdoc *d, size_t i)
{
    return qd_has(d, i, QL_TITLE | QL_ANON | QL_ORG | QL_FORMER);
}

/* A lower-case modifier inside a mention ("senior", "campaign"). */
static bool modifier(const qdoc *d, size_t i)
{
    return qd_word(d, i) && !(d->t[i].flags & QF_CAP) &&
           !(d->t[i].lex & (QL_TITLE | QL_ANON | QL_ORG | QL_FORMER |
                            QL_HONOR | QL_PREP | QL_CONJ | QL_THAT | QL_CUE | QL_CUEP |
                            QL_WEAK | QL_AUX | QL_MODAL | QL_BE | QL_PRON |
                            QL_PLUR | QL_IT | QL_DET));
}

/* A preposition that places a source: "a source at/in/from the
 * ministry", "джерело в уряді", "источник в мэрии". */
static bool loc_prep(const qdoc *d, size_t i)
{
    static const char *const w[] = {"at", "in", "from", "with", "в", "у",
                                    "из", "із", "з", "при", "от", "від"};
    for (size_t k = 0; k < WS_COUNT(w); k++)
        if (ws_qdoc_is(d, i, w[k]))
            return true;
    return false;
}

bool ws_qmention_back(const qdoc *d, size_t lo, size_t end, size_t *ms,
                      size_t *me)
{
    size_t i = end;
    while (i > lo && qd_has(d, i - 1, QL_AUX) && depth0(d, i - 1) &&
           !(d->t[i - 1].flags & QF_CAP && !(d->t[i - 1].lex & QL_STOP)))
        i--;
    /* A short adjunct between the subject and the cue ("Демченко у
     * відповідь зауважив", "Smith in response said"): a preposition and
     * one or two lower-case words, with a name or a role before it. */
    for (size_t k = 2; k <= 4; k++) {
        if (i < lo + k + 1)
            break;
        size_t pp = i - k;
        bool plain = true;
        /* Capitalised words of time count as plain ("Clinton on Tuesday
         * said", "Smith on Monday night said"). */
        for (size_t j = pp + 1; j < i; j++)
            plain &= qd_word(d, j) && depth0(d, j) &&
                     !(d->t[j].flags & QF_DIGIT) &&
                     (!(d->t[j].flags & QF_CAP) ||
                      ((d->t[j].lex & QL_STOP) && !(d->t[j].lex & QL_DET) &&
                       !qd_has(d, j - 1, QL_DET))) &&
                     !(d->t[j].lex & (QL_PRON | QL_PLUR | QL_CUE | QL_CUEP |
                                      QL_THAT | QL_BE | QL_CONJ));
        if (plain && qd_has(d, pp, QL_PREP) && depth0(d, pp) &&
            !(d->t[pp].flags & QF_CAP) &&
            (name_word(d, pp - 1) || role(d, pp - 1))) {
            i = pp;
            break;
        }
    }
    /* A parenthesis between the subject and the cue ("Sen. Marco Rubio
     * (R-Fla.) said"): stepped over, left out of the mention. */
    if (i > lo + 2 && qd_punct(d, i - 1, ')') && depth0(d, i - 1)) {
        for (size_t j = i - 1; j > lo && j + 8 > i; j--) {
            if (qd_punct(d, j - 1, '(')) {
                if (j - 1 > lo && qd_word(d, j - 2) && depth0(d, j - 2))
                    i = j - 1;
                break;
            }
            if (!depth0(d, j - 1) || qd_punct(d, j - 1, ')'))
                break;
        }
    }
    *me = i;
    /* "Комунальне підприємство «Теплосервіс-Полтава» повідомило": an
     * organisation word with its name in marks. */
    if (d->slavic && i > lo + 2 && d->t[i - 1].type == QT_MARK &&
        d->t[i - 1].pair >= 0 && (size_t)d->t[i - 1].pair + 1 < i - 1 &&
        (size_t)d->t[i - 1].pair > lo && i - 1 - (size_t)d->t[i - 1].pair <= 6 &&
        qd_has(d, (size_t)d->t[i - 1].pair - 1, QL_ORG) &&
        depth0(d, (size_t)d->t[i - 1].pair - 1)) {
        size_t o = (size_t)d->t[i - 1].pair - 1;
        while (o > lo && modifier(d, o - 1) && (size_t)d->t[i - 1].pair - o < 3)
            o--;
        if (o > lo && (d->t[o - 1].flags & QF_CAP) && qd_word(d, o - 1) &&
            !qd_has(d, o - 1, QL_STOP) && depth0(d, o - 1))
            o--;
        *ms = o;
        return true;
    }
    if (i > lo && depth0(d, i - 1) && qd_has(d, i - 1, QL_PRON | QL_PLUR | QL_IT) &&
        !(d->t[i - 1].flags & QF_POSS)) {
        *ms = i - 1;
        return true;
    }
    /* "Cruz's spokesman", cut short: a possessive right before the cue
     * names the owner, not the speaker. */
    if (i > lo && (d->t[i - 1].flags & QF_POSS))
        return false;
    size_t lowers = 0, words = 0;
    bool head = false;
    while (i > lo && words < 12) {
        size_t t = i - 1;
        if (!depth0(d, t))
            break;
        if (qd_word(d, t)) {
            unsigned lex = d->t[t].lex;
            bool cap = d->t[t].flags & QF_CAP;
            if (lex & QL_DET) {
                if (words == 0)
                    break;
                i--;
                /* "the head of the ministry": go on over "of"; "a source
                 * at the ministry", "an official in the office": over the
                 * preposition after an anonymous source or a title. */
                if (i > lo + 1 && ws_qdoc_is(d, i - 1, "of") &&
                    (role(d, i - 2) || name_word(d, i - 2))) {
                    i--;
                    continue;
                }
                if (i > lo + 1 && depth0(d, i - 1) && loc_prep(d, i - 1) &&
                    qd_has(d, i - 2, QL_ANON | QL_TITLE)) {
                    i--;
                    continue;
                }
                break;
            }
            if (cap && !(lex & (QL_STOP | QL_CUE | QL_CUEP | QL_LABEL))) {
                i--, words++;
                if (lex & (QL_TITLE | QL_ORG | QL_ANON))
                    head = true;
                continue;
            }
            if (lex & (QL_TITLE | QL_ANON | QL_ORG | QL_FORMER | QL_HONOR)) {
                i--, words++;
                head = true;
                continue;
            }
            if (words && ws_qdoc_is(d, t, "of") && t > lo &&
                (role(d, t - 1) || name_word(d, t - 1))) {
                i--;
                continue;
            }
            /* "The Ministry for Communities Development", "the Committee
             * on Foreign Affairs": a preposition inside an organisation's
             * name. */
            if (words && (ws_qdoc_is(d, t, "for") || ws_qdoc_is(d, t, "on")) &&
                t > lo && qd_has(d, t - 1, QL_ORG) &&
                (d->t[t - 1].flags & QF_CAP) && (d->t[t + 1].flags & QF_CAP)) {
                i--;
                continue;
            }
            /* "Источник в мэрии", "a source at the ministry". */
            if (words && t > lo && loc_prep(d, t) &&
                qd_has(d, t - 1, QL_ANON | QL_TITLE)) {
                i--;
                continue;
            }
            if (head && lowers < 2 && modifier(d, t)) {
                i--, words++, lowers++;
                continue;
            }
            break;
        }
        /* An initial's period inside a name: "Donald J. Trump"; the
         * period of an honorific or title abbreviation: "Mr. Obama",
         * "Sen. Marco Rubio". */
        /* "Joseph R. Biden Jr. said", "Acme Inc. said": the period of a
         * suffix right before the cue. */
        if (qd_punct(d, t, '.') && !words && t > lo &&
            (d->t[t - 1].flags & QF_CAP) &&
            (ws_qdoc_is(d, t - 1, "jr") || ws_qdoc_is(d, t - 1, "sr") ||
             ws_qdoc_is(d, t - 1, "inc") || ws_qdoc_is(d, t - 1, "corp") ||
             ws_qdoc_is(d, t - 1, "ltd") || ws_qdoc_is(d, t - 1, "co"))) {
            /* the suffix is stepped over, not part of the mention */
            *me = t - 1;
            i -= 2;
            continue;
        }
        if (qd_punct(d, t, '.') && words && t > lo &&
            ((name_word(d, t - 1) &&
              d->t[t - 1].end - d->t[t - 1].start == 1) ||
             (qd_has(d, t - 1, QL_HONOR) && (d->t[t - 1].flags & QF_CAP)))) {
            i--;
            continue;
        }
        break;
    }
    /* Lower-case words at the left edge are not part of the mention
     * unless a determiner holds them ("a senior official"). */
    while (i < *me && modifier(d, i))
        i++;
    *ms = i;
    if (*ms < *me)
        return true;
    /* Shares of those polled: "42% say", "Six in 10 say". */
    i = *me;
    if (i > lo + 1 && !d->slavic && qd_punct(d, i - 1, '%') &&
        (d->t[i - 2].flags & QF_DIGIT) && depth0(d, i - 2)) {
        *ms = i - 2;
        return true;
    }
    if (i > lo + 2 && !d->slavic && (d->t[i - 1].flags & QF_DIGIT) &&
        ws_qdoc_is(d, i - 2, "in") && depth0(d, i - 3) &&
        ((d->t[i - 3].flags & QF_DIGIT) || number_word(d, i - 3))) {
        *ms = i - 3;
        return true;
    }
    /* A plain noun phrase the lexicon does not know ("the report says",
     * "Thirty percent said"): up to three words after a determiner, a
     * number or the start of the clause. */
    size_t k = 0;
    while (i > lo && k < 3 && depth0(d, i - 1) && modifier(d, i - 1) &&
           !qd_has(d, i - 1, QL_STOP))
        i--, k++;
    if (k == 0)
        return false;
    /* "the New York businessman": capitalised words between the
     * determiner and the noun. */
    size_t i2 = i, k2 = 0;
    while (i2 > lo + 1 && k2 < 3 && depth0(d, i2 - 1) && qd_word(d, i2 - 1) &&
           (d->t[i2 - 1].flags & QF_CAP) && !qd_has(d, i2 - 1, QL_STOP))
        i2--, k2++;
    if (k2 && qd_has(d, i2 - 1, QL_DET) && depth0(d, i2 - 1) &&
        !(d->t[i2 - 1].flags & QF_CAP))
        i = i2;
    /* "In 2016," opens an adjunct, not a noun phrase */
    if (i > lo && depth0(d, i - 1) &&
        (qd_has(d, i - 1, QL_DET) || (d->t[i - 1].flags & (QF_DIGIT | QF_CAP))) &&
        !qd_has(d, i - 1, QL_PREP) && qd_word(d, i - 1))
        i--;
    else if (i != lo)
        return false;
    /* "Nearly 9 percent said": a share of those asked */
    static const char *const approx[] = {"nearly", "almost", "roughly",
                                         "only", "just"};
    if (i > lo && (d->t[i].flags & QF_DIGIT) && depth0(d, i - 1) &&
        ws_qdoc_is_any(d, i - 1, approx, WS_COUNT(approx)))
        i--;
    *ms = i;
    return true;
}

bool ws_qmention_fwd(const qdoc *d, size_t start, size_t hi, size_t *ms,
                     size_t *me)
{
    size_t i = start;
    *ms = start;
    if (i < hi && depth0(d, i) && qd_has(d, i, QL_PRON | QL_PLUR | QL_IT) &&
        !qd_has(d, i, QL_DET | QL_TITLE)) {
        *me = i + 1;
        return true;
    }
    if (i < hi && qd_has(d, i, QL_PRON) && qd_has(d, i, QL_DET) &&
        (i + 1 >= hi || !qd_word(d, i + 1))) {
        *me = i + 1; /* "her" at the end: a pronoun */
        return true;
    }
    bool det = i < hi && qd_has(d, i, QL_DET) && depth0(d, i);
    if (det)
        i++;
    /* "сообщили в компании …", "заявили у міністерстві": the place of
     * an organisation's statement. */
    if (d->slavic && i + 1 < hi && depth0(d, i) &&
        (ws_qdoc_is(d, i, "в") || ws_qdoc_is(d, i, "у")) &&
        qd_has(d, i + 1, QL_ORG))
        *ms = ++i;
    size_t words = 0, end = i;
    while (i < hi && words < 12 && depth0(d, i)) {
        if (qd_word(d, i)) {
            unsigned lex = d->t[i].lex;
            bool cap = d->t[i].flags & QF_CAP;
            if (cap && !(lex & (QL_STOP | QL_CUE | QL_CUEP | QL_LABEL))) {
                i++, words++, end = i;
                continue;
            }
            if (lex & (QL_TITLE | QL_ANON | QL_ORG | QL_FORMER | QL_HONOR)) {
                i++, words++, end = i;
                continue;
            }
            if (words && ws_qdoc_is(d, i, "of") && i + 1 < hi &&
                (name_word(d, i + 1) || role(d, i + 1) ||
                 (qd_has(d, i + 1, QL_DET) && i + 2 < hi &&
                  (d->t[i + 2].flags & QF_CAP)))) {
                i++;
                if (qd_has(d, i, QL_DET))
                    i++;
                continue;
            }
            /* "a senior administration official": modifiers count only
             * when a role word follows within three words. */
            if (modifier(d, i)) {
                size_t j = i;
                while (j < hi && j < i + 3 && modifier(d, j))
                    j++;
                /* "a senior Cruz adviser", "one district GOP leader":
                 * at the start of a mention, capitalised words may sit
                 * among the modifiers before the role word. */
                size_t k = i;
                while (!words && k < hi && k < i + 4 && depth0(d, k) &&
                       (modifier(d, k) || cap_word(d, k)))
                    k++;
                if (k > j && k < hi && depth0(d, k) && role(d, k)) {
                    words += k - i;
                    i = k;
                    continue;
                }
                /* "said Virginia delegate Beau Correll,", "said
                 * conservative activist Bob Klaus,": a role the lexicon
                 * lacks before a full name that ends the clause. */
                bool nouns = true;
                for (size_t t = i; t < j; t++)
                    nouns &= !verb_like(d, t);
                if (nouns && j <= i + 2 && j + 2 < hi && name_word(d, j) &&
                    name_word(d, j + 1) && depth0(d, j + 1) &&
                    d->t[j + 1].end - d->t[j + 1].start > 1 &&
                    (qd_punct(d, j + 2, ',') || qd_punct(d, j + 2, '.'))) {
                    words += j - i;
                    i = j;
                    continue;
                }
                /* "пресс-секретарь компании Анна Ефремова": lower-case
                 * words between a title and the name it is followed by. */
                /* Only after a role in English: "Trump attacked
                 * Clinton" is no mention. */
                if (j < hi && (role(d, j) ||
                               (words && (d->slavic || role(d, i - 1)) &&
                                name_word(d, j) && depth0(d, j)))) {
                    words += j - i;
                    i = j;
                    continue;
                }
            }
            break;
        }
        if (qd_punct(d, i, '.') && words && i + 1 < hi && name_word(d, i + 1) &&
            (d->t[i - 1].end - d->t[i - 1].start == 1 ||
             qd_has(d, i - 1, QL_HONOR))) {
            i++;
            continue;
        }
        break;
    }
    if (!words && det) {
        /* A plain noun phrase the lexicon does not know, ending the
         * clause: "says a narrator.", "said the designer, who …". */
        size_t k = i;
        while (k < hi && k < i + 4 && depth0(d, k) &&
               (modifier(d, k) || cap_word(d, k)))
            k++;
        /* its head is a noun, not a verb ("His ex-wife agreed,"), and
         * names no time ("The next month,") */
        bool no_noun = k > i && d->t[k - 1].flen > 3 &&
                       memcmp(qd_fold(d, k - 1) + d->t[k - 1].flen - 2, "ed",
                              2) == 0;
        for (size_t t = i; t < k; t++)
            no_noun |= ws_qtime_word(d, t);
        if (k > i && !no_noun &&
            (k == hi ||
             (depth0(d, k) && (qd_punct(d, k, ',') || qd_punct(d, k, '.') ||
                               qd_punct(d, k, ';') || loc_prep(d, k))))) {
            *me = k;
            return true;
        }
    }
    *me = end;
    return words > 0;
}

/* ---- the entity table -------------------------------------------------------- */

static qentity *entity_for(qcast *c, const qdoc *d, char **w, size_t k,
                           size_t tok)
{
    qentity *best = NULL;
    for (size_t e = 0; e < c->n; e++) {
        qentity *x = &c->e[e];
        if (!same_name(x->words[x->nwords - 1], w[k - 1], d->slavic))
            continue;
        if (k >= 2 && x->nwords >= 2 &&
            !same_name(x->words[0], w[0], d->slavic))
            continue;
        if (!best || x->last > best->last)
            best = x;
    }
    if (best) {
        best->last = tok;
        return best;
    }
    if (c->n >= QC_MAX_ENTITIES)
        return NULL;
    qentity *x = &c->e[c->n++];
    memset(x, 0, sizeof *x);
    x->last = tok;
    return x;
}

static char *arena_join(ws_arena *a, const qdoc *d, size_t from, size_t to,
                        bool folded, unsigned only)
{
    ws_buf b;
    ws_buf_init(&b, 512);
    for (size_t i = from; i < to; i++) {
        if (only && !qd_has(d, i, only))
            continue;
        if (b.len && d->t[i].type == QT_WORD)
            ws_buf_putc(&b, ' ');
        if (folded && qd_word(d, i))
            ws_buf_append(&b, qd_fold(d, i), d->t[i].flen);
        else
            ws_buf_append(&b, d->text + d->t[i].start,
                          d->t[i].end - d->t[i].start);
    }
    char *s = ws_arena_strndup(a, ws_buf_cstr(&b), b.len);
    ws_buf_cleanup(&b);
    return s;
}

/* Replaces the ending old of s[0..n) by new into b. */
static bool swap_end(ws_buf *b, const char *s, size_t n, const char *old,
                     const char *rep)
{
    size_t o = strlen(old);
    if (n < o + 2 || memcmp(s + n - o, old, o) != 0)
        return false;
    ws_buf_append(b, s, n - o);
    ws_buf_append(b, rep, strlen(rep));
    return true;
}

/* A woman's name seen only in an oblique case ("режиссера Елены Марковой",
 * "з Ольгою Коваленковою"): rewrites the display form to the nominative.
 * Only when the surname's ending says so for certain (-овой, -ской, -ової,
 * -ської …); other names keep the form the text gives. */
static void nominative(ws_arena *a, qentity *x)
{
    static const char *const sur[][2] = {
        {"ской", "ская"}, {"цкой", "цкая"}, {"овой", "ова"}, {"евой", "ева"},
        {"иной", "ина"},  {"ської", "ська"}, {"цької", "цька"},
        {"ової", "ова"},  {"евої", "ева"},  {"іної", "іна"},
        {"овою", "ова"},  {"ською", "ська"}};
    static const char *const first[][2] = {
        {"ии", "ия"}, {"ії", "ія"}, {"ей", "я"}, {"ой", "а"}, {"ою", "а"},
        {"єю", "я"}, {"ы", "а"},   {"ги", "га"}, {"ки", "ка"}, {"хи", "ха"},
        {"ї", "я"}};
    /* A man's name in the genitive ("заместителя губернатора Дмитрия
     * Ефимова", "з Тарасом", "Андрея Литвиненко"): first names in -ия/-ія
     * that are no woman's name, or in -ея/-ая; surnames in -енка/-ука are
     * masculine for certain in Ukrainian. */
    static const char *const fem_ia[] = {
        "мария", "юлия", "наталия", "виктория", "валерия", "лидия",
        "евгения", "анастасия", "софия", "дария", "ксения", "таисия",
        "олимпия", "марія", "юлія", "наталія", "вікторія", "валерія",
        "лідія", "євгенія", "анастасія", "софія", "дарія", "ксенія",
        "таїсія", "олімпія", NULL};
    static const char *const m_first[][2] = {
        {"ия", "ий"}, {"ія", "ій"}, {"ея", "ей"}, {"ая", "ай"}};
    static const char *const m_sur[][2] = {
        {"ского", "ский"}, {"цкого", "цкий"}, {"ського", "ський"},
        {"цького", "цький"}, {"енка", "енко"}, {"ова", "ов"}, {"ева", "ев"},
        {"ёва", "ёв"}, {"ина", "ин"}, {"ына", "ын"}, {"юка", "юк"},
        {"ука", "ук"}};
    if (x->nwords != 2 || !x->name)
        return;
    const char *sp = strrchr(x->name, ' ');
    if (!sp)
        return;
    size_t fl = (size_t)(sp - x->name), sl = strlen(sp + 1);
    ws_buf b;
    ws_buf_init(&b, 256);
    bool ok = false;
    bool masc = false;
    if (!in_list(x->words[0], fem_ia)) {
        for (size_t i = 0; i < WS_COUNT(m_first) && !masc; i++)
            masc = swap_end(&b, x->name, fl, m_first[i][0], m_first[i][1]);
        /* A soft-stem man's name: Игоря → Игорь; Ukrainian Ігоря → Ігор. */
        if (!masc) {
            bool uk = strstr(x->name, "і") || strstr(x->name, "ї") ||
                      strstr(x->name, "є");
            masc = swap_end(&b, x->name, fl, "оря", uk ? "ор" : "орь");
        }
        if (!masc && (ends_with(x->words[1], "енка") ||
                      ends_with(x->words[1], "ука") ||
                      ends_with(x->words[1], "юка")) &&
            ends_with(x->words[0], "а"))
            masc = swap_end(&b, x->name, fl, "а", "");
    }
    if (masc) {
        ws_buf_putc(&b, ' ');
        bool sur_ok = false;
        for (size_t i = 0; i < WS_COUNT(m_sur) && !sur_ok; i++)
            sur_ok = swap_end(&b, sp + 1, sl, m_sur[i][0], m_sur[i][1]);
        if (!sur_ok)
            ws_buf_append(&b, sp + 1, sl);
        x->name = ws_arena_strndup(a, ws_buf_cstr(&b), b.len);
        ws_buf_cleanup(&b);
        return;
    }
    for (size_t i = 0; i < WS_COUNT(first) && !ok; i++)
        ok = swap_end(&b, x->name, fl, first[i][0], first[i][1]);
    if (ok) {
        ws_buf_putc(&b, ' ');
        bool ok2 = false;
        for (size_t i = 0; i < WS_COUNT(sur) && !ok2; i++)
            ok2 = swap_end(&b, sp + 1, sl, sur[i][0], sur[i][1]);
        if (ok2)
            x->name = ws_arena_strndup(a, ws_buf_cstr(&b), b.len);
    }
    ws_buf_cleanup(&b);
}

/* One run of capitalised and title words: [from, to). The name is its last
 * block of name words; the title words before it are the titles held. */
static void add_run(qcast *c, const qdoc *d, size_t from, size_t to,
                    int32_t *tok_ent)
{
    size_t ne = to;
    while (ne > from && !name_word(d, ne - 1))
        ne--;
    size_t ns = ne;
    while (ns > from && name_word(d, ns - 1) &&
           (ns == ne || !(d->t[ns - 1].flags & QF_POSS)))
        ns--;
    if (ns == ne || ne - ns > 6)
        return;
    if (d->slavic && ne - ns > 2) {
        /* A Ukrainian or Russian name is a first name and a surname, with a
         * patronymic between them at most: "голова Черкасс Андрей
         * Литвиненко" is the mayor of a city (genitive) called Андрей
         * Литвиненко. */
        const char *mid = qd_fold(d, ne - 2);
        size_t ml = d->t[ne - 2].flen;
        bool patronymic = ml > 6 && (memcmp(mid + ml - 4, "ич", 4) == 0 ||
                                     memcmp(mid + ml - 4, "на", 4) == 0);
        ns = ne - (patronymic ? 3 : 2);
    }
    /* A capitalised word before a known surname that belongs to another
     * known person ("Після наради з Сорокиним Ефимов …") or starts the
     * sentence while that surname already has another first name
     * ("Пізніше Юрченко", "Later Marsh") is not a first name. */
    if (ne - ns >= 2) {
        const char *first = qd_fold(d, ns), *lastw = qd_fold(d, ne - 1);
        bool drop = false;
        for (size_t e = 0; e < c->n && !drop; e++) {
            const qentity *y = &c->e[e];
            if (y->nwords >= 1 && same_name(y->words[y->nwords - 1], first,
                                            d->slavic) &&
                !same_name(y->words[y->nwords - 1], lastw, d->slavic))
                drop = true;
            if (y->nwords >= 2 && d->sent_start[d->t[ns].sent] == ns &&
                same_name(y->words[y->nwords - 1], lastw, d->slavic) &&
                !same_name(y->words[0], first, d->slavic))
                drop = true;
        }
        if (drop)
            ns++;
    }
    /* A name that ends before its run ends ("Drach Secretary") or a lone
     * possessive ("Trump's") still names someone. */
    char *w[6];
    size_t k = 0;
    for (size_t i = ns; i < ne; i++)
        w[k++] = ws_arena_strndup(&c->arena, qd_fold(d, i), d->t[i].flen);
    qentity *x = entity_for(c, d, w, k, ns);
    if (!x)
        return;
    /* In Ukrainian and Russian the display form should be the nominative:
     * of two forms as long, the one next to a cue or after a title
     * ("Авторка п'єси Наталія Ворончук розповіла") wins over one after a
     * preposition ("за п'єсою Наталії Ворончук"). */
    bool subject = qd_has(d, ne, QL_CUE) ||
                   (ns > 0 && qd_has(d, ns - 1, QL_CUE | QL_TITLE)) ||
                   (ns == d->sent_start[d->t[ns].sent]);
    if (k > x->nwords || (d->slavic && k == x->nwords && !x->nom && subject)) {
        for (size_t i = 0; i < k; i++)
            x->words[i] = w[i];
        x->nwords = k;
        x->name = arena_join(&c->arena, d, ns, ne, false, 0);
        x->nom = subject;
        /* Drop a possessive ending from the display form. */
        size_t l = strlen(x->name);
        if (d->t[ne - 1].flags & QF_POSS && l > 2)
            x->name[l - (x->name[l - 2] == '\'' ? 2 : 4)] = '\0';
        if (d->slavic && !subject)
            nominative(&c->arena, x);
    }
    if (x->gender == QG_NONE) {
        for (size_t i = from; i < ne && x->gender == QG_NONE; i++)
            if (qd_word(d, i))
                x->gender = word_gender(qd_fold(d, i));
        if (x->gender == QG_NONE && d->slavic)
            x->gender = slavic_gender(x->words, x->nwords);
    }
    bool former = false;
    /* "former defence minister X": the run starts at the title, "former"
     * is a few lower-case words before it. */
    for (size_t i = from, k2 = 0; i > 0 && k2 < 3; i--, k2++) {
        if (!qd_word(d, i - 1) || !depth0(d, i - 1))
            break;
        if (qd_has(d, i - 1, QL_FORMER)) {
            former = true;
            break;
        }
        if (d->t[i - 1].flags & QF_CAP ||
            qd_has(d, i - 1, QL_PREP | QL_CONJ | QL_CUE | QL_THAT | QL_DET))
            break;
    }
    size_t ts = from;
    for (size_t i = from; i < ns; i++) {
        if (qd_has(d, i, QL_FORMER)) {
            former = true;
            ts = i + 1;
        }
    }
    bool any = false;
    for (size_t i = ts; i < ns; i++)
        any |= qd_has(d, i, QL_TITLE);
    /* "голова Антимонопольного комітету України Денис Юрченко": the title
     * is a few words before the run, the organisation's name between. */
    if (!any && k >= 2) {
        for (size_t i = from, k2 = 0; i > 0 && k2 < 6; i--, k2++) {
            /* "Голова … адміністрації (ОВА) Тарас Мирошниченко": a short
             * parenthesis is stepped over. */
            if (qd_punct(d, i - 1, ')') && i >= 2) {
                size_t p = i - 2;
                while (p > 0 && i - 1 - p < 6 && !qd_punct(d, p, '('))
                    p--;
                if (!qd_punct(d, p, '('))
                    break;
                i = p + 1;
                continue;
            }
            if (!qd_word(d, i - 1) || !depth0(d, i - 1) ||
                qd_has(d, i - 1, QL_CUE | QL_CUEP | QL_PREP | QL_CONJ | QL_THAT))
                break;
            if (qd_has(d, i - 1, QL_TITLE)) {
                ts = i - 1;
                any = true;
                break;
            }
        }
    }
    if (any && x->ntitles < 4) {
        char *t = arena_join(&c->arena, d, ts, ns, true, QL_TITLE);
        bool dup = false;
        for (size_t i = 0; i < x->ntitles; i++)
            dup |= strcmp(x->titles[i], t) == 0 && x->former[i] == former;
        if (!dup) {
            x->titles[x->ntitles] = t;
            x->former[x->ntitles++] = former;
        }
    }
    if (d->sent_start[d->t[from].sent] != from &&
        !(from > 0 && qd_punct(d, from - 1, ':')))
        x->mid++;
    int32_t id = (int32_t)(x - c->e);
    for (size_t i = ns; i < ne; i++)
        tok_ent[i] = id;
}

/* The per-token entity index lives after the entities in one allocation. */
static int32_t *tok_ent_of(qcast *c)
{
    return (int32_t *)(c->e + QC_MAX_ENTITIES);
}

void ws_qcast_build(qcast *c, const qdoc *d)
{
    ws_arena_init(&c->arena);
    c->n = 0;
    c->e = ws_xmalloc(QC_MAX_ENTITIES * sizeof *c->e +
                      (d->n + 1) * sizeof(int32_t));
    int32_t *tok_ent = tok_ent_of(c);
    for (size_t i = 0; i < d->n; i++)
        tok_ent[i] = -1;
    size_t i = 0;
    while (i < d->n) {
        if (!depth0(d, i) || !qd_word(d, i) ||
            !((d->t[i].flags & QF_CAP) || qd_has(d, i, QL_TITLE | QL_FORMER))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < d->n && depth0(d, j) && qd_word(d, j) &&
               d->t[j].sent == d->t[i].sent &&
               (((d->t[j].flags & QF_CAP) && !(d->t[j].lex & QL_STOP)) ||
                qd_has(d, j, QL_TITLE | QL_FORMER | QL_HONOR) ||
                /* "главный врач учреждения Татьяна Ильина": one or two
                 * lower-case words between a title and a name. */
                (j > i && d->t[j].lex == 0 && qd_has(d, j - 1, QL_TITLE) &&
                 (name_word(d, j + 1) ||
                  (j + 2 < d->n && d->t[j + 1].lex == 0 &&
                   name_word(d, j + 2) && depth0(d, j + 1)))) ||
                (j > i + 1 && d->t[j].lex == 0 && d->t[j - 1].lex == 0 &&
                 qd_has(d, j - 2, QL_TITLE) && name_word(d, j + 1)))) {
            j++;
            if (d->t[j - 1].flags & QF_POSS)
                break;
        }
        if (j == i) {
            i++;
            continue;
        }
        add_run(c, d, i, j, tok_ent);
        i = j;
    }
}

bool ws_qcast_stray(const qcast *c, const qdoc *d, size_t i)
{
    const int32_t *tok_ent = (const int32_t *)(c->e + QC_MAX_ENTITIES);
    if (i >= d->n || tok_ent[i] < 0)
        return false;
    const qentity *x = &c->e[tok_ent[i]];
    return x->nwords == 1 && x->mid == 0 && x->ntitles == 0;
}

bool ws_qcast_named(const qcast *c, const qdoc *d, size_t ms, size_t me)
{
    const int32_t *tok_ent = (const int32_t *)(c->e + QC_MAX_ENTITIES);
    return ms < me && me <= d->n && name_word(d, me - 1) &&
           tok_ent[me - 1] >= 0 && !ws_qcast_stray(c, d, me - 1);
}

void ws_qcast_cleanup(qcast *c)
{
    ws_arena_cleanup(&c->arena);
    free(c->e);
    c->e = NULL;
    c->n = 0;
}

/* ---- resolution ---------------------------------------------------------------- */

static bool title_match(const char *mention, const char *held)
{
    size_t a = strlen(mention), b = strlen(held);
    if (a == b)
        return memcmp(mention, held, a) == 0;
    /* "secretary general" names the holder of "nato secretary general";
     * one must end the other at a word boundary. */
    const char *lng = a > b ? mention : held, *sht = a > b ? held : mention;
    size_t l = a > b ? a : b, s = a > b ? b : a;
    return memcmp(lng + l - s, sht, s) == 0 && lng[l - s - 1] == ' ';
}

static bool holds(const qentity *x, const char *title, bool former)
{
    for (size_t i = 0; i < x->ntitles; i++)
        if (x->former[i] == former && title_match(title, x->titles[i]))
            return true;
    return false;
}

bool ws_qnearest_person(const qdoc *d, qcast *c, size_t lo, size_t hi,
                        const char *want, qwho *out)
{
    const int32_t *tok_ent = tok_ent_of(c);
    hi = WS_MIN(hi, d->n);
    for (size_t i = hi; i > lo; i--) {
        int32_t e = tok_ent[i - 1];
        if (e < 0)
            continue;
        const qentity *x = &c->e[e];
        if (x->nwords < 2 && x->ntitles == 0)
            continue;
        if (want && strcmp(want, x->name) != 0)
            continue;
        if (d->t[i - 1].flags & QF_POSS)
            continue;
        size_t s = i - 1;
        while (s > lo && tok_ent[s - 1] == e)
            s--;
        out->ms = s;
        out->me = i;
        out->speaker = x->name;
        out->kind = SK_PERSON;
        out->pron = 0;
        return true;
    }
    return false;
}

/* A person entity named at token i (not a possessive, not the first
 * words of an organisation's name: "Polissia Grain Terminal"). */
static qentity *person_at(const qdoc *d, qcast *c, size_t i)
{
    const int32_t *tok_ent = tok_ent_of(c);
    int32_t e = tok_ent[i];
    if (e < 0 || !depth0(d, i))
        return NULL;
    qentity *x = &c->e[e];
    if (x->nwords < 2 && x->ntitles == 0)
        return NULL;
    size_t j = i;
    while (j + 1 < d->n && tok_ent[j + 1] == e)
        j++;
    if ((d->t[j].flags & QF_POSS) || qd_has(d, j + 1, QL_ORG))
        return NULL;
    return x;
}

/* The subject of sentence k: the first person it names outside quotes,
 * within its first 80 tokens. */
static qentity *subject_of(const qdoc *d, qcast *c, uint32_t k)
{
    size_t a = d->sent_start[k];
    size_t b = k + 1 < d->nsent ? d->sent_start[k + 1] : d->n;
    for (size_t i = a; i < b && i < a + 80; i++) {
        qentity *x = person_at(d, c, i);
        if (x)
            return x;
    }
    return NULL;
}

static bool agrees(const qentity *x, int g)
{
    return x && (g == QG_NONE || x->gender == QG_NONE || x->gender == g);
}

/* Whom he/she at token ms refers to. Candidates in order: the subject of
 * the sentence before (same or previous paragraph: "Savchenko rejected
 * the criticism. He said …"), the speaker of the statement before, the
 * person named last. One whose gender is known to agree wins; failing
 * that, a person of that gender named in the last 400 tokens ("she" after
 * a paragraph about a man is the woman spoken of before); failing that,
 * the first candidate not known to disagree. What the pronoun resolves to
 * learns its gender. */
static qentity *pronoun_target(const qdoc *d, qcast *c, size_t ms,
                               const char *last, int last_kind)
{
    int g = pron_gender(qd_fold(d, ms));
    qentity *cand[3] = {NULL, NULL, NULL};
    uint32_t k = d->t[ms].sent;
    if (k > 0 && d->t[d->sent_start[k - 1]].para + 1 >= d->t[ms].para)
        cand[0] = subject_of(d, c, k - 1);
    if (last && last_kind == SK_PERSON)
        for (size_t e = 0; e < c->n && !cand[1]; e++)
            if (c->e[e].name == last)
                cand[1] = &c->e[e];
    size_t lo = ms > 400 ? ms - 400 : 0;
    for (size_t i = ms; i > lo && !cand[2]; i--)
        cand[2] = person_at(d, c, i - 1);
    qentity *pick = NULL;
    /* The subject of the sentence just before, in the same paragraph, is
     * the pronoun's antecedent unless its gender is known to differ. */
    if (cand[0] && d->t[d->sent_start[k - 1]].para == d->t[ms].para &&
        agrees(cand[0], g))
        pick = cand[0];
    for (int i = 0; i < 3 && !pick; i++)
        if (cand[i] && g != QG_NONE && cand[i]->gender == g)
            pick = cand[i];
    if (!pick && g != QG_NONE) {
        for (size_t i = ms; i > lo && !pick; i--) {
            qentity *x = person_at(d, c, i - 1);
            if (x && x->gender == g)
                pick = x;
        }
    }
    for (int i = 0; i < 3 && !pick; i++)
        if (agrees(cand[i], g))
            pick = cand[i];
    if (pick && pick->gender == QG_NONE)
        pick->gender = g;
    return pick;
}

void ws_qresolve(const qdoc *d, qcast *c, size_t ms, size_t me,
                 const char *last, int last_kind, qwho *out)
{
    const int32_t *tok_ent = tok_ent_of(c);
    memset(out, 0, sizeof *out);
    out->ms = ms;
    out->me = me;
    if (ms >= me)
        return;
    if (me - ms == 1 && qd_has(d, ms, QL_PRON | QL_PLUR | QL_IT)) {
        out->pron = 1;
        if (qd_has(d, ms, QL_PRON)) {
            out->kind = SK_PERSON;
            qentity *x = pronoun_target(d, c, ms, last, last_kind);
            if (x)
                out->speaker = x->name;
            else if (last && last_kind == SK_PERSON)
                out->speaker = last;
        } else if (qd_has(d, ms, QL_IT) && last && last_kind == SK_ORG) {
            out->speaker = last;
            out->kind = SK_ORG;
        }
        return;
    }
    /* "мэрии Самары", "уряду Польщі": a lower-case organisation word
     * with a name after it and no title is the organisation. */
    bool lower_org = false, role_word = false;
    for (size_t i = ms; i < me; i++) {
        lower_org |= qd_has(d, i, QL_ORG) && !(d->t[i].flags & QF_CAP);
        role_word |= qd_has(d, i, QL_TITLE | QL_ANON);
    }
    /* "The Ministry for Communities Development": a capitalised
     * organisation word, a preposition, then the name: the organisation. */
    for (size_t i = ms; i + 2 < me && !role_word; i++) {
        if (qd_has(d, i, QL_ORG) && (d->t[i].flags & QF_CAP) &&
            (ws_qdoc_is(d, i + 1, "for") || ws_qdoc_is(d, i + 1, "on") ||
             ws_qdoc_is(d, i + 1, "of")) &&
            (d->t[i + 2].flags & QF_CAP) && !d->slavic) {
            size_t s = qd_has(d, ms, QL_DEF) && ms + 1 < me ? ms + 1 : ms;
            out->speaker = arena_join(&c->arena, d, s, me, false, 0);
            out->kind = SK_ORG;
            return;
        }
    }
    if (lower_org && !role_word && name_word(d, me - 1)) {
        out->speaker = arena_join(&c->arena, d, ms, me, false, 0);
        out->kind = SK_ORG;
        return;
    }
    /* "Donald Hartley of Madison, Alabama", "Jeffrey Lewis of the James
     * Martin Center": a person's name before "of" is the speaker; what
     * follows places them. */
    for (size_t i = ms + 1; i + 1 < me && !d->slavic; i++)
        if (ws_qdoc_is(d, i, "of") && name_word(d, i - 1) &&
            tok_ent[i - 1] >= 0 && !ws_qcast_stray(c, d, i - 1) &&
            c->e[tok_ent[i - 1]].nwords >= 2) {
            out->speaker = c->e[tok_ent[i - 1]].name;
            out->kind = SK_PERSON;
            return;
        }
    /* A name at the end of the mention: the person it names, or an
     * institution when its last word says so ("Lakeview College", "The
     * Des Moines Register"). */
    if (name_word(d, me - 1) && tok_ent[me - 1] >= 0 &&
        !ws_qcast_stray(c, d, me - 1)) {
        static const char *const inst[] = {
            "college", "foundation", "center",  "centre",  "association",
            "society", "times",      "post",    "journal", "herald",
            "tribune", "gazette",    "register", "news",   "press",
            "review",  "magazine",   "institute", "university"};
        out->speaker = c->e[tok_ent[me - 1]].name;
        out->kind = d->slavic || !ws_qdoc_is_any(d, me - 1, inst, WS_COUNT(inst))
                        ? SK_PERSON
                        : SK_ORG;
        /* "После совещания с Сорокиным Ефимов добавил": a capitalised
         * word before the name that is not part of it leaves the mention. */
        bool names_only = true;
        for (size_t i = ms; i < me; i++)
            names_only &= name_word(d, i);
        while (names_only && out->ms + 1 < me &&
               tok_ent[out->ms] != tok_ent[me - 1])
            out->ms++;
        return;
    }
    /* A surname inside quotation marks (an attribution set off by dashes
     * within the quote) is not in the table's token index: the latest
     * person with that surname. */
    if (name_word(d, me - 1) && !depth0(d, me - 1)) {
        const qentity *best = NULL;
        for (size_t e = 0; e < c->n; e++) {
            const qentity *x = &c->e[e];
            if (x->nwords >= 2 &&
                same_name(x->words[x->nwords - 1], qd_fold(d, me - 1),
                          d->slavic) &&
                (!best || x->last > best->last))
                best = x;
        }
        if (best) {
            out->speaker = best->name;
            out->kind = SK_PERSON;
            return;
        }
    }
    bool former = false, org = false, anon = false, def = false;
    bool title = false;
    for (size_t i = ms; i < me; i++) {
        if (!qd_word(d, i))
            continue;
        unsigned lex = d->t[i].lex;
        former |= (lex & QL_FORMER) != 0;
        title |= (lex & QL_TITLE) != 0;
        org |= (lex & QL_ORG) != 0 ||
               ((d->t[i].flags & (QF_CAP | QF_ALLCAP)) && (lex & QL_PLACE));
        anon |= (lex & QL_ANON) != 0;
    }
    def = qd_has(d, ms, QL_DEF);
    /* The head of "a source at the ministry" is "source": what follows
     * the preposition only says where the source works. */
    for (size_t i = ms + 1; i + 1 < me; i++) {
        if (qd_has(d, i, QL_PREP) && !ws_qdoc_is(d, i, "of") &&
            qd_has(d, i - 1, QL_ANON | QL_TITLE)) {
            me = i;
            org = false;
            for (size_t j = ms; j < me; j++)
                org |= qd_has(d, j, QL_ORG);
            break;
        }
    }
    unsigned last_lex = qd_word(d, me - 1) ? d->t[me - 1].lex : 0;
    /* "голова АМКУ", "the head of the agency": a title with only its
     * organisation after it names the one who holds that title. */
    if (title && !(last_lex & QL_TITLE) && (qd_has(d, ms, QL_TITLE) ||
                                             (def && qd_has(d, ms + 1, QL_TITLE)))) {
        bool name = false;
        for (size_t i = ms; i < me; i++)
            name |= name_word(d, i) && !(d->t[i].flags & QF_ALLCAP);
        if (!name) {
            char *t = arena_join(&c->arena, d, ms, me, true, QL_TITLE);
            const qentity *best = NULL;
            /* The holder named within the last 2,000 tokens: the scan
             * stays linear however many such mentions there are. */
            size_t lo = me > 2000 ? me - 2000 : 0;
            for (size_t i = me; i > lo && !best; i--) {
                int32_t e = tok_ent[i - 1];
                if (e >= 0 && c->e[e].nwords >= 2 &&
                    holds(&c->e[e], t, former))
                    best = &c->e[e];
            }
            if (best) {
                out->kind = SK_PERSON;
                out->speaker = best->name;
                return;
            }
        }
    }
    if (title && (last_lex & QL_TITLE)) {
        char *t = arena_join(&c->arena, d, ms, me, true, QL_TITLE);
        const qentity *best = NULL;
        for (size_t i = me; i > 0 && !best; i--) {
            int32_t e = tok_ent[i - 1];
            if (e >= 0 && holds(&c->e[e], t, former))
                best = &c->e[e];
        }
        for (size_t e = 0; e < c->n && !best; e++)
            if (holds(&c->e[e], t, former))
                best = &c->e[e];
        /* "мэр" / "мер" is also called "городской голова" / "міський
         * голова": the head of the city when no one holds "мэр". */
        if (!best && (strcmp(t, "мэр") == 0 || strcmp(t, "мер") == 0)) {
            size_t lo = me > 2000 ? me - 2000 : 0;
            for (size_t i = me; i > lo && !best; i--) {
                int32_t e = tok_ent[i - 1];
                if (e >= 0 && c->e[e].nwords >= 2 &&
                    holds(&c->e[e], "голова", former))
                    best = &c->e[e];
            }
        }
        out->kind = SK_PERSON;
        out->speaker = best ? best->name : NULL;
        return;
    }
    if (anon && (last_lex & QL_ANON)) {
        /* "the official" goes on with the speaker before it; "a source",
         * "sources", "the source" stay anonymous. */
        if (def && last && last_kind == SK_PERSON &&
            !ws_qdoc_is(d, me - 1, "source") &&
            !ws_qdoc_is(d, me - 1, "sources")) {
            out->speaker = last;
            out->kind = SK_PERSON;
            out->pron = 1;
            return;
        }
        out->kind = SK_ANON;
        return;
    }
    /* "the company", "the ministry" after a statement by a named
     * organisation: that organisation. */
    if (org && def && me - ms == 2 && !(d->t[me - 1].flags & QF_CAP) &&
        last && last_kind == SK_ORG) {
        out->speaker = last;
        out->kind = SK_ORG;
        out->pron = 1;
        return;
    }
    if (org || (d->t[me - 1].flags & QF_ALLCAP)) {
        size_t s = ms;
        if (qd_has(d, s, QL_DEF) && s + 1 < me)
            s++;
        out->speaker = arena_join(&c->arena, d, s, me, false, 0);
        out->kind = SK_ORG;
        return;
    }
    if (name_word(d, me - 1)) {
        out->speaker = arena_join(&c->arena, d, ms, me, false, 0);
        out->kind = SK_PERSON;
    }
}
