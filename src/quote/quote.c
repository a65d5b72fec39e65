/* The quote stage: statements of an article body. Each speech cue outside
 * quotes ("said", "according to", "заявив", "по словам") is read with the
 * words around it in a fixed order of forms: "according to X, …", "as
 * noted by X, …", "This was stated by X" (the sentence before), a lead-in
 * to a quote ("X said: “…”"), a that-clause, a trailer after the content
 * ("…,” X said", "…, said X") and a bare clause ("X said only …"). What the
 * cue governs is the statement's content: one quote or a run of quotes is
 * direct speech, a clause holding a quoted fragment is mixed, a clause
 * without marks is indirect. Quotes no cue governs are then attached to
 * the statement before them (split quotes, paragraphs of one quote, "Quote:"
 * lines) or dropped as scare quotes and titles. See docs/quote.md. */
#include "quote.h"

#include "qparts.h"

#include <stdlib.h>
#include <string.h>

#define MAX_STATEMENTS 512
#define MENTION_MAX 200

enum { K_DIRECT, K_MIXED, K_INDIRECT };

/* Which rule found a statement; each has its confidence. */
enum form {
    F_ACCORDING,
    F_AS,
    F_THIS,
    F_LEADIN,
    F_THAT,
    F_TRAILER,
    F_BARE,
    F_LABEL,
    F_CONTINUED,
    F_ALONE,
    F_TRANSCRIPT,
};

static const double form_conf[] = {
    [F_ACCORDING] = 0.85, [F_AS] = 0.8,      [F_THIS] = 0.75,
    [F_LEADIN] = 0.95,    [F_THAT] = 0.85,   [F_TRAILER] = 0.9,
    [F_BARE] = 0.7,       [F_LABEL] = 0.8,   [F_CONTINUED] = 0.75,
    [F_ALONE] = 0.4,      [F_TRANSCRIPT] = 0.8,
};

typedef struct stmt {
    size_t cs, ce;   /* content tokens [cs, ce) */
    size_t qa, qb;   /* direct: outer quotes qa..qb (inclusive) */
    int kind;
    bool raw;        /* direct speech without marks (a transcript line) */
    enum form form;
    size_t cu0, cu1; /* cue tokens, empty when none */
    const char *label; /* cue text when it is not in the tokens */
    qwho who;
    size_t cue_tok;  /* where the statement's cue is, for ordering */
    size_t gap0, gap1; /* direct: an attribution inside the marks, left
                          out of the text ("…, — признался он. — …") */
    uint32_t para;
} stmt;

typedef struct finder {
    qdoc d;
    qcast cast;
    stmt *s;
    size_t ns;
    size_t org_ms, org_me; /* a mention that names an organisation in
                              full (see try_cue), empty when none */
    int org_kind;          /* SK_ORG, or SK_ANON for a placed source */
} finder;

/* ---- sentence helpers ------------------------------------------------------ */

static void sentence_of(const qdoc *d, size_t i, size_t *sa, size_t *sb)
{
    uint32_t k = d->t[i].sent;
    *sa = d->sent_start[k];
    *sb = k + 1 < d->nsent ? d->sent_start[k + 1] : d->n;
    while (*sb > *sa && d->t[*sb - 1].type == QT_BREAK)
        (*sb)--;
}

static bool outside(const qdoc *d, size_t i)
{
    return i < d->n && d->t[i].quote < 0;
}

static bool is_open(const qdoc *d, size_t i)
{
    return i < d->n && d->t[i].type == QT_MARK && d->t[i].quote >= 0 &&
           d->q[d->t[i].quote].open == i;
}

static bool is_close(const qdoc *d, size_t i)
{
    return i < d->n && d->t[i].type == QT_MARK && d->t[i].quote >= 0 &&
           d->q[d->t[i].quote].close == i;
}

/* Where a sentence's own words start: after a label line ("Quote:",
 * "Details:"), a list bullet or a dash. */
static size_t clause_start(const qdoc *d, size_t sa, size_t sb)
{
    size_t i = sa;
    while (i < sb && d->t[i].type == QT_PUNCT &&
           (d->t[i].cp == '-' || d->t[i].cp == 0x2022 || d->t[i].cp == 0x2013 ||
            d->t[i].cp == 0x2014 || d->t[i].cp == '*'))
        i++;
    if (i + 1 < sb && qd_word(d, i) && (d->t[i].flags & QF_CAP) &&
        qd_punct(d, i + 1, ':') && i + 2 < sb)
        return i + 2;
    return i;
}

static size_t words_in(const qdoc *d, size_t a, size_t b)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++)
        k += d->t[i].type == QT_WORD;
    return k;
}

/* True when tokens [j, sb) are one to four words and the punctuation that
 * ends the sentence ("said onstage Tuesday night."). */
static bool words_to_end(const qdoc *d, size_t j, size_t sb)
{
    size_t e = sb;
    while (e > j && d->t[e - 1].type == QT_PUNCT)
        e--;
    return e > j && e - j <= 4 && words_in(d, j, e) == e - j;
}

/* After a cue, words of time are stepped over ("said Tuesday the plan
 * …", "said this month on CNBC"): the position after them. */
static size_t skip_time(const qdoc *d, size_t j)
{
    static const char *const when[] = {"this", "last", "next"};
    static const char *const unit[] = {"week", "month", "year", "morning",
                                       "afternoon", "evening", "night",
                                       "weekend"};
    for (int round = 0; round < 3 && qd_word(d, j) && !d->slavic; round++) {
        if ((d->t[j].flags & QF_CAP) && qd_has(d, j, QL_STOP) &&
            !qd_has(d, j, QL_DET | QL_PRON | QL_PLUR | QL_IT | QL_CONJ |
                              QL_THAT | QL_PREP | QL_AS)) {
            j++;
            continue;
        }
        bool unit_after = false;
        for (size_t k = 0; k < WS_COUNT(when) && !unit_after; k++)
            if (ws_qdoc_is(d, j, when[k]))
                for (size_t u = 0; u < WS_COUNT(unit); u++)
                    unit_after |= ws_qdoc_is(d, j + 1, unit[u]);
        if (!unit_after && qd_word(d, j) && j > 0 &&
            (ws_qdoc_is(d, j, "morning") || ws_qdoc_is(d, j, "night") ||
             ws_qdoc_is(d, j, "afternoon") || ws_qdoc_is(d, j, "evening")) &&
            (d->t[j - 1].flags & QF_CAP))
            unit_after = true, j--; /* "Tuesday night" */
        if (!unit_after)
            break;
        j += 2;
    }
    return j;
}

/* Before position end, a time phrase "in December 1992", "on Tuesday",
 * "in 2008" is stepped over: the position where it starts, else end. */
static size_t skip_time_back(const qdoc *d, size_t lo, size_t end)
{
    size_t j = end, k = 0;
    while (j > lo + 1 && k < 3 && qd_word(d, j - 1) &&
           ((d->t[j - 1].flags & QF_DIGIT) ||
            ((d->t[j - 1].flags & QF_CAP) && qd_has(d, j - 1, QL_STOP))))
        j--, k++;
    if (k && (ws_qdoc_is(d, j - 1, "in") || ws_qdoc_is(d, j - 1, "on")))
        return j - 1;
    return end;
}

/* True when every word of [a, b) is capitalised (or a number, or a
 * preposition, article or conjunction): a title. */
static bool title_case(const qdoc *d, size_t a, size_t b)
{
    size_t words = 0;
    for (size_t i = a; i < b; i++) {
        if (!qd_word(d, i))
            continue;
        words++;
        if (!(d->t[i].flags & (QF_CAP | QF_DIGIT)) && !qd_has(d, i, QL_PREP | QL_DET | QL_CONJ))
            return false;
    }
    return words >= 1;
}

/* A word that opens an adjunct of circumstance: "as he entered", "when
 * she resigned", "during the rally". */
static bool circumstance(const qdoc *d, size_t j)
{
    static const char *const sub[] = {"as",     "when",   "while",  "after",
                                      "before", "during", "until",  "because",
                                      "although", "though"};
    if (!qd_word(d, j) || d->slavic)
        return false;
    for (size_t k = 0; k < WS_COUNT(sub); k++)
        if (ws_qdoc_is(d, j, sub[k]))
            return true;
    return false;
}

/* True when the quote that closes at close ends on a stop: "What
 * curfew?" */
static bool stop_inside(const qdoc *d, size_t close)
{
    return close > 0 && d->t[close - 1].type == QT_PUNCT &&
           (d->t[close - 1].cp == '.' || d->t[close - 1].cp == '!' ||
            d->t[close - 1].cp == '?' || d->t[close - 1].cp == 0x2026);
}

/* Trims punctuation (but not quotation marks) and a leading "that" off
 * content [*cs, *ce). */
static void trim(const qdoc *d, size_t *cs, size_t *ce)
{
    while (*cs < *ce && (d->t[*cs].type == QT_PUNCT ||
                         (d->t[*cs].type == QT_MARK && !is_open(d, *cs)) ||
                         (qd_has(d, *cs, QL_THAT) && outside(d, *cs))))
        (*cs)++;
    while (*ce > *cs && (d->t[*ce - 1].type == QT_PUNCT ||
                         d->t[*ce - 1].type == QT_BREAK ||
                         (d->t[*ce - 1].type == QT_MARK && !is_close(d, *ce - 1))))
        (*ce)--;
}

/* The end of a clause that starts at from: the sentence end, or a comma
 * before a participle cue ("…, underscoring that …"), "according to" or a
 * trailer. */
static size_t clause_end(const qdoc *d, size_t from, size_t sb)
{
    /* A clause of more than 400 tokens is no one's statement; the bound
     * keeps a text without sentence ends linear. */
    if (sb > from + 400)
        sb = from + 400;
    for (size_t i = from; i + 1 < sb; i++) {
        /* "She urges him to leave and repeatedly says, “…”": a second
         * cue of the subject ends the first clause. */
        if (i > from && qd_has(d, i, QL_CONJ) && outside(d, i) &&
            !d->slavic) {
            size_t m = i + 1;
            while (m < sb && m < i + 3 && qd_has(d, m, QL_AUX))
                m++;
            /* ("… and calls her “…”": a weak cue too) */
            if (qd_has(d, m, QL_CUE | QL_WEAK) && !qd_has(d, m, QL_CUEP) &&
                !(d->t[m].flags & QF_CAP) && !qd_has(d, m - 1, QL_MODAL) &&
                !(d->t[m].flen > 3 &&
                  memcmp(qd_fold(d, m) + d->t[m].flen - 3, "ing", 3) == 0))
                return i;
        }
        if (!outside(d, i) || d->t[i].type != QT_PUNCT)
            continue;
        bool comma = qd_punct(d, i, ',');
        if (qd_punct(d, i, ';'))
            return i;
        if (!comma && !ws_qdoc_sep(d, i) && d->t[i].cp != 0x2015)
            continue;
        size_t j = i + 1;
        if (qd_has(d, j, QL_AUX) || ws_qdoc_is(d, j, "instead"))
            j++;
        if (qd_has(d, j, QL_CUEP) || qd_has(d, j, QL_ACC))
            return i;
        /* "X, who said A, said B": a finite cue right after a comma
         * belongs to the sentence's main clause. */
        if (qd_has(d, j, QL_CUE) && !(d->t[j].flags & QF_CAP) &&
            !qd_has(d, j, QL_CUEP))
            return i;
        /* "When Clinton noted that …, Trump boasted, “…”": a named
         * subject (or a pronoun) and a finite cue after the comma start
         * the main clause. */
        {
            size_t m = i + 1, w = 0;
            if (qd_has(d, m, QL_PRON | QL_PLUR) && !qd_has(d, m, QL_DET)) {
                m++;
                w++;
            } else {
                while (w < 3 && qd_word(d, m) && outside(d, m) &&
                       (d->t[m].flags & QF_CAP) &&
                       !qd_has(d, m, QL_STOP | QL_CUE | QL_CUEP))
                    m++, w++;
            }
            if (w && qd_has(d, m, QL_CUE) && outside(d, m) &&
                !(d->t[m].flags & QF_CAP))
                return i;
        }
        if (!comma)
            continue;
        /* "…, although it may take days", "…, and when pressed, she
         * replied": a clause of concession or circumstance. */
        if (!d->slavic &&
            (ws_qdoc_is(d, i + 1, "although") || ws_qdoc_is(d, i + 1, "though") ||
             (qd_has(d, i + 1, QL_CONJ) && circumstance(d, i + 2))))
            return i;
        /* "…, а вона додала, що …", "…, and she added that …": another
         * speaker's statement begins. */
        size_t k = qd_has(d, i + 1, QL_CONJ) ||
                           (!d->slavic && ws_qdoc_is(d, i + 1, "while"))
                       ? i + 2
                       : i + 1;
        if (k > i + 1 && qd_has(d, k, QL_PRON | QL_PLUR) &&
            !qd_has(d, k, QL_DET) && qd_has(d, k + 1, QL_CUE))
            return i;
        /* "…, but officials said …", "…, and Smith added …", "…, while
         * other voters said …", "…, and six in 10 say …": a cue a few
         * words after a conjunction starts another statement. */
        if (k > i + 1) {
            for (size_t m = k; m < sb && m < k + 5 && qd_word(d, m) &&
                               outside(d, m);
                 m++) {
                if (qd_has(d, m, QL_CUE) && !(d->t[m].flags & QF_CAP) &&
                    !qd_has(d, m - 1, QL_MODAL) && !ws_qdoc_is(d, m - 1, "to"))
                    return i;
                bool share = ws_qdoc_is(d, m, "in") && m > k &&
                             qd_word(d, m + 1) &&
                             (d->t[m + 1].flags & QF_DIGIT);
                if (qd_has(d, m, QL_THAT | QL_PREP) && !share)
                    break;
            }
        }
        if (qd_has(d, j, QL_WEAK) && d->t[j].flen > 3 &&
            memcmp(qd_fold(d, j) + d->t[j].flen - 3, "ing", 3) == 0)
            return i;
    }
    return sb;
}

/* Kind of content [cs, ce): the outer quotes inside it, and whether there
 * is anything but quotes and punctuation. */
static int kind_of(const qdoc *d, size_t cs, size_t ce, size_t *qa, size_t *qb)
{
    bool any = false, words = false;
    for (size_t i = cs; i < ce; i++) {
        if (d->t[i].quote >= 0) {
            size_t k = (size_t)d->t[i].quote;
            if (d->q[k].open < cs || d->q[k].close >= ce)
                continue;
            /* A name in marks inside a clause ("газопровода «Северный
             * поток»"), the way Ukrainian and Russian mark names of firms
             * and things: up to three words, capitalised, no stop inside;
             * it makes no quotation of the clause. */
            size_t o = d->q[k].open, c = d->q[k].close;
            if (d->slavic && o > cs && qd_word(d, o + 1) &&
                (d->t[o + 1].flags & QF_CAP) &&
                words_in(d, o, c) < 4 && !qd_punct(d, c - 1, '.') &&
                !qd_punct(d, c - 1, '!') && !qd_punct(d, c - 1, '?')) {
                words = true;
                i = c;
                continue;
            }
            if (!any)
                *qa = k;
            *qb = k;
            any = true;
            i = d->q[k].close;
            continue;
        }
        if (d->t[i].type == QT_WORD)
            words = true;
    }
    if (!any)
        return K_INDIRECT;
    return words ? K_MIXED : K_DIRECT;
}

/* ---- statements --------------------------------------------------------------- */

static const char *last_speaker(const finder *f, size_t before, int *kind)
{
    *kind = SK_NONE;
    for (size_t i = f->ns; i > 0; i--) {
        const stmt *s = &f->s[i - 1];
        if (s->cue_tok >= before)
            continue;
        if (f->d.t[before].para > s->para + 3)
            return NULL;
        if (s->who.kind != SK_NONE) {
            *kind = s->who.kind;
            return s->who.speaker;
        }
    }
    return NULL;
}

static bool overlaps(const finder *f, size_t cs, size_t ce, size_t cue)
{
    for (size_t i = 0; i < f->ns; i++) {
        const stmt *s = &f->s[i];
        if (cue >= s->cs && cue < s->ce)
            return true;
        size_t a = WS_MAX(cs, s->cs), b = WS_MIN(ce, s->ce);
        if (a < b && (b - a) * 2 > ce - cs)
            return true;
    }
    return false;
}

/* "в Координаційному штабі" after a statement by "Координаційний штаб з
 * питань …": the organisation named before, its first word compared by
 * stem (all but an ending of up to three letters). */
static void same_org(finder *f, size_t ms, qwho *who)
{
    const qdoc *d = &f->d;
    const char *w = qd_fold(d, ms);
    size_t n = d->t[ms].flen;
    for (size_t i = f->ns; i > 0; i--) {
        const stmt *p = &f->s[i - 1];
        if (p->who.kind != SK_ORG || !p->who.speaker || p->who.me <= p->who.ms)
            continue;
        const char *v = qd_fold(d, p->who.ms);
        size_t m = d->t[p->who.ms].flen, k = 0;
        while (k < n && k < m && w[k] == v[k])
            k++;
        if (k >= 8 && k + 6 >= n && k + 6 >= m) {
            who->speaker = p->who.speaker;
            who->kind = SK_ORG;
            return;
        }
    }
}

/* "По словам аналитика": a role word the lexicon knows only in the
 * nominative, here with one letter of case ending, names the latest
 * person who holds that role (at most 2,000 tokens back). */
static void oblique_role(finder *f, size_t m, qwho *who)
{
    const qdoc *d = &f->d;
    const char *w = qd_fold(d, m);
    size_t n = d->t[m].flen;
    if (n < 8 || (d->t[m].flags & QF_CAP) || (unsigned char)w[n - 2] < 0xD0)
        return;
    const int32_t *tok_ent = (const int32_t *)(f->cast.e + QC_MAX_ENTITIES);
    size_t lo = m > 2000 ? m - 2000 : 0;
    for (size_t i = m; i > lo; i--) {
        int32_t e = tok_ent[i - 1];
        if (e < 0 || f->cast.e[e].nwords < 2)
            continue;
        const qentity *x = &f->cast.e[e];
        for (size_t t = 0; t < x->ntitles; t++) {
            const char *h = x->titles[t];
            const char *sp = strrchr(h, ' ');
            const char *last = sp ? sp + 1 : h;
            size_t l = strlen(last);
            if (!x->former[t] && l + 2 == n && memcmp(last, w, l) == 0 &&
                ws_qlex_lookup(last, l) & QL_TITLE) {
                who->speaker = x->name;
                who->kind = SK_PERSON;
                return;
            }
        }
    }
}

/* Adds a statement with content [cs, ce), cue [cu0, cu1) and the mention
 * [ms, me) (resolved here). Returns it, or NULL when refused. */
static stmt *add(finder *f, enum form form, size_t cs, size_t ce, size_t cu0,
                 size_t cu1, size_t ms, size_t me)
{
    const qdoc *d = &f->d;
    trim(d, &cs, &ce);
    /* Content of more than 4,000 tokens is a run-away sentence, not a
     * statement; refusing it before reading it keeps the stage linear. */
    if (cs >= ce || ce - cs > 4000 || f->ns >= MAX_STATEMENTS)
        return NULL;
    size_t qa = 0, qb = 0;
    int kind = kind_of(d, cs, ce, &qa, &qb);
    /* Fewer than three words say nothing, unless a quote is among them
     * ("назвав звинувачення «передчасними»"). */
    if (kind != K_DIRECT && words_in(d, cs, ce) < (kind == K_MIXED ? 2u : 3u))
        return NULL;
    if (overlaps(f, cs, ce, cu0))
        return NULL;
    if (f->ns % 64 == 0)
        f->s = ws_xrealloc(f->s, (f->ns + 64) * sizeof *f->s);
    stmt *s = &f->s[f->ns];
    memset(s, 0, sizeof *s);
    s->cs = cs;
    s->ce = ce;
    s->qa = qa;
    s->qb = qb;
    s->kind = kind;
    /* A quote after "that" is reported speech with the speaker's words in
     * it, not a quote that stands on its own. */
    if (kind == K_DIRECT && form == F_THAT)
        s->kind = K_MIXED;
    s->form = form;
    s->cu0 = cu0;
    s->cu1 = cu1;
    s->cue_tok = cu0;
    s->para = d->t[cs].para;
    int lk;
    const char *last = last_speaker(f, cu0 < d->n ? cu0 : cs, &lk);
    ws_qresolve(d, &f->cast, ms, me, last, lk, &s->who);
    if (s->who.kind == SK_NONE && d->slavic && me == ms + 1)
        oblique_role(f, ms, &s->who);
    if (d->slavic && ms > 0 && me > ms &&
        (ws_qdoc_is(d, ms - 1, "в") || ws_qdoc_is(d, ms - 1, "у")))
        same_org(f, ms, &s->who);
    if ((s->who.kind == SK_NONE || (s->who.kind == SK_ORG && f->org_kind != SK_PERSON)) &&
        ms == f->org_ms && me == f->org_me &&
        me > ms && d->t[me - 1].end - d->t[ms].start <= MENTION_MAX) {
        s->who.speaker =
            f->org_kind == SK_ANON
                ? NULL
                : ws_arena_strndup(&f->cast.arena, d->text + d->t[ms].start,
                                   d->t[me - 1].end - d->t[ms].start);
        s->who.kind = f->org_kind;
        s->who.ms = ms;
        s->who.me = me;
    }
    if (kind != K_INDIRECT)
        for (size_t k = qa; k <= qb; k++)
            f->d.q[k].claimed = (int)f->ns;
    f->ns++;
    return s;
}

/* The statement whose speaker a participle cue ("…, adding that …")
 * shares: the last one before it in the same sentence. */
static const stmt *same_sentence(const finder *f, size_t c)
{
    for (size_t i = f->ns; i > 0; i--) {
        const stmt *s = &f->s[i - 1];
        if (s->cue_tok < c && f->d.t[s->cue_tok].sent == f->d.t[c].sent)
            return s;
    }
    return NULL;
}

/* A cue that reports nothing: hypothetical ("would say"), infinitive
 * ("declined to say"), passive without agent. */
static bool idle_cue(const qdoc *d, size_t c, size_t sa)
{
    for (size_t i = c, k = 0; i > sa && k < 3; i--, k++) {
        size_t p = i - 1;
        if (qd_has(d, p, QL_MODAL))
            return true;
        /* "went on to say" reports; "declined to say" does not */
        if (ws_qdoc_is(d, p, "to") && k == 0)
            return !(p >= sa + 2 && ws_qdoc_is(d, p - 1, "on") &&
                     (ws_qdoc_is(d, p - 2, "went") ||
                      ws_qdoc_is(d, p - 2, "goes") ||
                      ws_qdoc_is(d, p - 2, "go")));
        if (!qd_has(d, p, QL_AUX))
            break;
    }
    return false;
}

/* True when a subject starting at ms opens the clause: at its start,
 * after punctuation or a conjunction, or after a role the lexicon lacks
 * ("Продавчиня овочів Галина Мельничук, яка …, розповіла"): a capitalised
 * word at the clause start and up to three lower-case words. */
static bool opens_clause(const qdoc *d, size_t cs0, size_t ms)
{
    if (ms == cs0 || !qd_word(d, ms - 1) || qd_has(d, ms - 1, QL_CONJ))
        return true;
    /* "As Steven Rosenthal, a tax lawyer, put it, …" */
    if (qd_has(d, ms - 1, QL_AS) && !d->slavic &&
        (ms - 1 == cs0 || ws_qdoc_sep(d, ms - 2)))
        return true;
    /* Role words count too: "Колишній голова облдержадміністрації Віктор
     * Гнатюк, який …, назвав". */
    size_t j = ms, k = 0;
    while (j > cs0 + 1 && k < 4 && qd_word(d, j - 1) && outside(d, j - 1) &&
           ((d->t[j - 1].lex == 0 && !(d->t[j - 1].flags & QF_CAP)) ||
            qd_has(d, j - 1, QL_TITLE | QL_FORMER)))
        j--, k++;
    return k > 0 && j == cs0 + 1 && qd_word(d, cs0) &&
           ((d->t[cs0].flags & QF_CAP) || qd_has(d, cs0, QL_TITLE));
}

/* Skips a comma-bounded apposition right after a comma ("… with the mayor
 * of Lviv, Ivan Drach, the city supports"): the content starts after it. */
static size_t after_apposition(const qdoc *d, size_t i, size_t sb)
{
    for (int round = 0; round < 3; round++) {
        size_t j = i;
        while (j < sb && j < i + 4 && qd_word(d, j) && (d->t[j].flags & QF_CAP))
            j++;
        if (j > i && j < sb && qd_punct(d, j, ','))
            i = j + 1;
        else
            break;
    }
    return i;
}

static size_t next_comma(const qdoc *d, size_t i, size_t sb)
{
    while (i < sb && !(outside(d, i) && qd_punct(d, i, ',')))
        i++;
    return i;
}

/* The subject of the clause [cs0, lim): the first mention at its start or
 * after one of its first commas ("In a statement, Gov. Rick Scott blasted
 * …") that a verb, a comma or a parenthesis follows. */
static bool clause_subject(const qdoc *d, size_t cs0, size_t lim, size_t *ms,
                           size_t *me)
{
    /* A mention a verb follows wins over one set off by a comma or a
     * parenthesis ("At a rally in Lakeview, Greenfield County, on
     * Tuesday, state senator Paul Adeyemi endorsed …"). */
    size_t p = cs0, cms = 0, cme = 0;
    for (int round = 0; round < 5 && p < lim; round++) {
        size_t ms2, me2;
        if (ws_qmention_fwd(d, p, lim, &ms2, &me2) && me2 < lim &&
            !qd_has(d, ms2, QL_IT) && !ws_qtime_word(d, ms2)) {
            if (qd_word(d, me2) && !(d->t[me2].flags & QF_CAP) &&
                !qd_has(d, me2, QL_PREP | QL_CONJ | QL_THAT)) {
                *ms = ms2;
                *me = me2;
                return true;
            }
            if (cme == 0 && (qd_punct(d, me2, ',') || qd_punct(d, me2, '('))) {
                cms = ms2;
                cme = me2;
            }
        }
        p = next_comma(d, p, lim) + 1;
    }
    *ms = cms;
    *me = cme;
    return cme > 0;
}

/* A word that opens a clause as its subject: he, they, his (firm). */
static bool subject_start(const qdoc *d, size_t i)
{
    static const char *const w[] = {"he",  "she", "they", "we",  "i",
                                    "his", "her", "their", "its", "our",
                                    "my"};
    return !d->slavic && ws_qdoc_is_any(d, i, w, WS_COUNT(w));
}

/* Object of "told" ("told reporters", "told the Post", "сказав
 * журналістам"): up to four words, no punctuation; it ends before a
 * subject that opens the clause told ("told POLITICO he planned …"). */
static size_t skip_object(const qdoc *d, size_t j, size_t sb)
{
    size_t k = 0;
    while (j < sb && k < 4 && qd_word(d, j) && outside(d, j) &&
           !qd_has(d, j, QL_THAT) &&
           !(k && subject_start(d, j) && !qd_has(d, j - 1, QL_PREP))) {
        j++;
        k++;
    }
    return j;
}

/* A cue within the next few words (a trailer after a quote). */
static bool cue_near(const qdoc *d, size_t i)
{
    for (size_t k = 0; k < 6 && i + k < d->n; k++) {
        if (!qd_word(d, i + k))
            return false;
        if (qd_has(d, i + k, QL_CUE | QL_CUEP))
            return true;
    }
    return false;
}

/* An adjunct between a cue and its clause ("said on Thursday he …",
 * "said in an interview that …"): the position after it, or j. */
static size_t skip_adjunct(const qdoc *d, size_t j, size_t sb)
{
    if (!qd_has(d, j, QL_PREP) || qd_has(d, j, QL_THAT))
        return j;
    for (size_t k = j + 1; k < sb && k <= j + 4; k++) {
        if (!outside(d, k))
            return j;
        if (qd_punct(d, k, ','))
            return k + 1;
        if (qd_has(d, k, QL_THAT))
            return k;
        if (!qd_word(d, k))
            return j;
        if (k > j + 1 && qd_has(d, k, QL_PRON | QL_PLUR | QL_IT) &&
            !qd_has(d, k, QL_DET))
            return k;
    }
    return j;
}

/* Words of time and a prepositional phrase after a cue, up to a comma or
 * colon ("said Thursday on Twitter,", "told his radio audience of
 * Monday,", "said last week in Tel Aviv,"): the punctuation's token, or 0
 * when the words could be a clause of their own ("said the plan,"). */
static size_t gap_end(const qdoc *d, size_t j, size_t sb)
{
    size_t k = skip_time(d, j), lim = j + 12;
    bool pp = false;
    while (k < sb && k < lim && qd_word(d, k) && outside(d, k)) {
        if (qd_has(d, k, QL_THAT | QL_CUE | QL_CUEP | QL_BE | QL_MODAL |
                             QL_CONJ | QL_PRON | QL_PLUR))
            return 0;
        if (qd_has(d, k, QL_PREP))
            pp = true;
        else if (!pp && !(d->t[k].flags & (QF_CAP | QF_DIGIT)))
            return 0;
        k++;
    }
    if (k > j && k + 1 < sb && (qd_punct(d, k, ',') || qd_punct(d, k, ':')))
        return k;
    return 0;
}

/* The same words before a quote ("said Thursday on Twitter, “…”"): the
 * quote's opening mark, or 0. */
static size_t lead_gap(const qdoc *d, size_t j, size_t sb)
{
    size_t k = gap_end(d, j, sb);
    return k && is_open(d, k + 1) ? k + 1 : 0;
}

/* "several months after …", "two days ago", "a week later": a span of
 * time after a trailer's cue. */
static bool time_span(const qdoc *d, size_t j)
{
    static const char *const unit[] = {"minutes", "hours", "days", "weeks",
                                       "months", "years", "minute", "hour",
                                       "day", "week", "month", "year"};
    if (!qd_word(d, j) || d->slavic ||
        !(qd_has(d, j, QL_DET) || (d->t[j].flags & QF_DIGIT) ||
          ws_qdoc_is(d, j, "few")))
        return false;
    size_t u = ws_qdoc_is(d, j + 1, "few") ? j + 2 : j + 1;
    bool is_unit = false;
    for (size_t k = 0; k < WS_COUNT(unit) && !is_unit; k++)
        is_unit = ws_qdoc_is(d, u, unit[k]);
    return is_unit && (qd_has(d, u + 1, QL_PREP) || circumstance(d, u + 1) ||
                       ws_qdoc_is(d, u + 1, "ago") ||
                       ws_qdoc_is(d, u + 1, "later") ||
                       ws_qdoc_is(d, u + 1, "earlier"));
}

/* A quote opening at j that is a name: up to three capitalised words,
 * no stop ("«Вістям Полісся»"). */
static bool name_in_marks(const qdoc *d, size_t j)
{
    if (!is_open(d, j))
        return false;
    size_t c = d->q[d->t[j].quote].close;
    return qd_word(d, j + 1) && (d->t[j + 1].flags & QF_CAP) &&
           words_in(d, j, c) < 4 && !stop_inside(d, c) &&
           !qd_punct(d, c - 1, ',');
}

/* Words [a, b) before a comma that only open a sentence: one or two
 * words ("Earlier,"), or a phrase that starts with a preposition, a word
 * of circumstance or a participle ("After the event,", "Appearing on
 * CNN,"). */
static bool opening_adjunct(const qdoc *d, size_t a, size_t b)
{
    if (d->slavic || !qd_word(d, a))
        return false;
    size_t w = words_in(d, a, b);
    if (w <= 2)
        return true;
    if (w > 12)
        return false;
    for (size_t i = a; i < b; i++)
        if (!outside(d, i) || qd_has(d, i, QL_CUE | QL_CUEP | QL_THAT))
            return false;
    return (qd_has(d, a, QL_PREP) && !qd_has(d, a, QL_ACC)) ||
           circumstance(d, a) ||
           (d->t[a].flen > 4 &&
            memcmp(qd_fold(d, a) + d->t[a].flen - 3, "ing", 3) == 0);
}

/* "asked", "asks", "asking". */
static bool asks(const qdoc *d, size_t c)
{
    return ws_qdoc_is(d, c, "asked") || ws_qdoc_is(d, c, "asks") ||
           ws_qdoc_is(d, c, "asking");
}

/* A word that opens an indirect question after "asked": whether, if,
 * how, what …, "about", or "to" before a verb ("asked to release"). */
static bool question_word(const qdoc *d, size_t k)
{
    static const char *const w[] = {"whether", "if",    "how",  "what",
                                    "why",     "when",  "which", "who",
                                    "where",   "about"};
    for (size_t i = 0; i < WS_COUNT(w); i++)
        if (ws_qdoc_is(d, k, w[i]))
            return true;
    return ws_qdoc_is(d, k, "to") && qd_word(d, k + 1) &&
           !(d->t[k + 1].flags & QF_CAP) &&
           !qd_has(d, k + 1, QL_DET | QL_PRON | QL_PLUR | QL_PREP);
}

/* True when a relative pronoun stands right before cue c ("who said"). */
static bool relative_pron(const qdoc *d, size_t c, size_t cs0)
{
    return c > cs0 && (ws_qdoc_is(d, c - 1, "who") ||
                       ws_qdoc_is(d, c - 1, "which") ||
                       ws_qdoc_is(d, c - 1, "that"));
}

/* One cue at token c: the forms of docs/quote.md, section 2, in order;
 * the first that fits makes the statement. */
static void try_cue(finder *f, size_t c)
{
    qdoc *d = &f->d;
    if (f->ns >= MAX_STATEMENTS)
        return;
    f->org_ms = f->org_me = 0;
    size_t sa, sb;
    sentence_of(d, c, &sa, &sb);
    size_t cs0 = clause_start(d, sa, sb);
    unsigned lex = d->t[c].lex;
    size_t cend = c + 1;
    size_t ms = c, me = c;

    /* according to X / за словами X / по его словам */
    if (lex & QL_ACC) {
        size_t m0;
        if (ws_qdoc_is(d, c, "according")) {
            if (!ws_qdoc_is(d, c + 1, "to"))
                return;
            cend = c + 2;
            m0 = cend;
        } else if (qd_has(d, c + 1, QL_PRON | QL_PLUR) &&
                   qd_has(d, c + 2, QL_WORDS)) {
            cend = c + 3;
            ms = c + 1;
            me = c + 2;
            m0 = SIZE_MAX;
        } else if (qd_has(d, c + 1, QL_WORDS)) {
            cend = c + 2;
            m0 = cend;
        } else {
            return;
        }
        /* "according to early returns", "according to a memo released
         * Friday", "according to a CBS poll released Monday": when no
         * mention ends at the punctuation, any run of words up to it
         * names the source. */
        if (m0 != SIZE_MAX && (!ws_qmention_fwd(d, m0, sb, &ms, &me) ||
                               (me < sb && qd_word(d, me)))) {
            size_t j = m0;
            while (j < sb && j < m0 + 20 && qd_word(d, j) && outside(d, j))
                j++;
            if (j == m0 || (j < sb && qd_word(d, j)))
                return;
            ms = m0;
            me = j;
        }
        size_t after = m0 == SIZE_MAX ? cend : me;
        if (c > cs0 + 1 && ws_qdoc_sep(d, c - 1) && qd_punct(d, after, ',') &&
            opening_adjunct(d, cs0, c - 1) && words_in(d, cs0, c - 1) < 3) {
            /* "In addition, according to the department, …": the
             * sentence, the attribution inside it. */
            add(f, F_ACCORDING, cs0, clause_end(d, after + 1, sb), c, cend, ms,
                me);
        } else if (c > cs0 && ws_qdoc_sep(d, c - 1)) {
            add(f, F_ACCORDING, cs0, c - 1, c, cend, ms, me);
        } else if (c > cs0 + 3 && !d->slavic &&
                   (qd_word(d, c - 1) || is_close(d, c - 1)) &&
                   (after >= sb || qd_punct(d, after, '.'))) {
            /* "… 46 percent to 39 percent according to a CBS poll
             * released Monday." */
            add(f, F_ACCORDING, cs0, c, c, cend, ms, me);
        } else if (qd_punct(d, after, ',')) {
            size_t from = after_apposition(d, after + 1, sb);
            add(f, F_ACCORDING, from, clause_end(d, from, sb), c, cend, ms, me);
        } else if (c == cs0) {
            add(f, F_ACCORDING, after, clause_end(d, after, sb), c, cend, ms,
                me);
        }
        return;
    }
    if (!(lex & (QL_CUE | QL_CUEP | QL_WEAK)))
        return;
    /* "the United States": a capitalised cue inside a sentence is part of
     * a name. */
    if ((d->t[c].flags & QF_CAP) && c > cs0)
        return;
    if (ws_qdoc_is(d, c, "pointed") || ws_qdoc_is(d, c, "points")) {
        if (!qd_has(d, c + 1, QL_OUT))
            return;
        cend = c + 2;
    }
    /* Two-word cues: "as X put it", "Trump shot back", "fired back". */
    if (ws_qdoc_is(d, c, "put") || ws_qdoc_is(d, c, "puts")) {
        if (!ws_qdoc_is(d, c + 1, "it"))
            return;
        cend = c + 2;
    }
    if (ws_qdoc_is(d, c, "shot") || ws_qdoc_is(d, c, "fired") ||
        ws_qdoc_is(d, c, "hit")) {
        if (!ws_qdoc_is(d, c + 1, "back"))
            return;
        cend = c + 2;
    }
    if (idle_cue(d, c, sa))
        return;
    /* After a possessive the word is a noun or an adjective ("Ukraine's
     * alleged readiness"), not a cue. */
    if (c > sa && (d->t[c - 1].flags & QF_POSS))
        return;
    bool weak = (lex & (QL_CUE | QL_CUEP)) == 0;

    /* "As noted by X, …" and "As X said, …" */
    if (!weak && c > sa && qd_has(d, c - 1, QL_AS) && qd_has(d, cend, QL_BY)) {
        if (!ws_qmention_fwd(d, cend + 1, sb, &ms, &me))
            return;
        size_t comma = next_comma(d, me, sb);
        if (comma < sb) {
            size_t from = after_apposition(d, comma + 1, sb);
            add(f, F_AS, from, clause_end(d, from, sb), c, cend, ms, me);
        }
        return;
    }
    /* "Как сообщили в управлении X, …", "Як повідомили в міністерстві,
     * …": the clause after the comma. */
    if (!weak && d->slavic && c == cs0 + 1 && qd_has(d, cs0, QL_AS)) {
        if (!ws_qmention_fwd(d, cend, sb, &ms, &me))
            return;
        size_t comma = next_comma(d, me, sb);
        if (comma < sb && comma <= me + 6) {
            size_t from = after_apposition(d, comma + 1, sb);
            add(f, F_AS, from, clause_end(d, from, sb), c, cend, ms, me);
        }
        return;
    }
    /* "X went on to say": the subject stands before "went on to". */
    size_t vc = c >= cs0 + 4 && ws_qdoc_is(d, c - 1, "to") &&
                        ws_qdoc_is(d, c - 2, "on")
                    ? c - 3
                    : c;
    bool have_back = ws_qmention_back(d, cs0, vc, &ms, &me);
    /* "Координаційний штаб з питань поводження з військовополоненими
     * повідомив", "Джерело в Офісі омбудсмана розповіло": an
     * organisation, or a source placed by a preposition, that opens the
     * sentence and runs up to the cue in plain words. */
    if ((!have_back || ms > cs0 || me < vc) && vc > cs0 + 2 && vc <= cs0 + 8 &&
        words_in(d, cs0, vc) == vc - cs0 && outside(d, cs0) &&
        (d->t[cs0].flags & QF_CAP) && !qd_has(d, cs0, QL_DET) &&
        (qd_has(d, cs0, QL_ANON) || !qd_has(d, cs0, QL_STOP)) &&
        ((qd_has(d, cs0, QL_ANON) && ws_qdoc_is(d, cs0 + 1, "в")) ||
         (qd_has(d, cs0, QL_ANON) && ws_qdoc_is(d, cs0 + 1, "у")) ||
         (d->slavic && qd_has(d, cs0 + 1, QL_ORG) &&
          !(d->t[cs0 + 1].flags & QF_CAP) && qd_has(d, cs0 + 2, QL_PREP)))) {
        size_t k = cs0;
        while (k < vc && outside(d, k) &&
               !qd_has(d, k, QL_CUE | QL_CUEP | QL_THAT | QL_CONJ | QL_BE))
            k++;
        if (k == vc) {
            ms = cs0;
            me = vc;
            have_back = true;
            f->org_ms = ms;
            f->org_me = me;
            f->org_kind = qd_has(d, cs0, QL_ANON) ? SK_ANON : SK_ORG;
        }
    }
    size_t lead = ms; /* where the subject's words start, before the cue */
    /* A stray capitalised word names nobody, unless a finite cue follows
     * it right away ("McLenney said …", "Republicans said …"). */
    if (have_back && me - ms == 1 && ws_qcast_stray(&f->cast, d, ms) &&
        !qd_has(d, ms, QL_ANON | QL_TITLE | QL_ORG) &&
        !(me == vc && (lex & QL_CUE) && !(lex & QL_CUEP) && !d->slavic &&
          d->t[ms].lex == 0))
        have_back = false;
    /* Apposition or relative clause between subject and cue ("Dan Roe,
     * the party's director, said", "Roe, who says …, said"). */
    /* Auxiliaries after the apposition ("X, the founder of Y, has
     * since said") are stepped over first. */
    size_t ca = c;
    while (ca > cs0 + 3 && qd_has(d, ca - 1, QL_AUX) && outside(d, ca - 1))
        ca--;
    /* "…, сообщила главный врач Татьяна Ильина.": a speaker after the
     * cue that runs to the sentence's end makes an inverted trailer, not
     * an apposition before the cue. */
    size_t ims, ime;
    bool inv_end = ca == c && ws_qmention_fwd(d, cend, sb, &ims, &ime) &&
                   ims == cend &&
                   (ime >= sb || (d->t[ime].type == QT_PUNCT &&
                                  d->t[ime].cp != '(' && d->t[ime].cp != ','));
    if (!have_back && !inv_end && ca > cs0 + 2 && ws_qdoc_sep(d, ca - 1) &&
        qd_punct(d, ca - 1, ',')) {
        size_t k = ca - 1;
        while (k > cs0 && ca - k < 24 && !(qd_punct(d, k - 1, ',') &&
                                           outside(d, k - 1)))
            k--;
        /* "Marco Rubio, whose hometown, Miami, is …, argues": a person
         * named at the clause's start and set off by a comma is the
         * subject; the commas after it belong to the apposition. */
        size_t ms0, me0;
        if (!(lex & QL_CUEP) && ca - cs0 < 48 &&
            ws_qmention_fwd(d, cs0, ca, &ms0, &me0) &&
            ms0 == cs0 && me0 + 2 < ca && qd_punct(d, me0, ',') &&
            outside(d, me0) && me0 - ms0 >= 2 &&
            ws_qcast_named(&f->cast, d, ms0, me0)) {
            ms = ms0;
            me = me0;
            have_back = true;
        }
        if (!have_back && k > cs0 + 1 && qd_punct(d, k - 1, ',') &&
            ca - k < 24 &&
            ws_qmention_back(d, cs0, k - 1, &ms, &me) &&
            !qd_has(d, ms, QL_PRON | QL_PLUR | QL_IT) &&
            !ws_qtime_word(d, ms) && !ws_qtime_word(d, k - 2) &&
            opens_clause(d, cs0, ms))
            have_back = true;
        /* "Harry Bond, 30, of Raleigh, N.C., who was among those polled,
         * said": an apposition with commas of its own; a full name that
         * opens the clause right before one of the earlier commas (a
         * finite cue: a participle's subject is the clause's). */
        for (size_t k2 = k, round = 0; !have_back && !(lex & QL_CUEP) &&
                                       round < 4 && k2 > cs0 + 2 &&
                                       ca - k2 < 32;
             round++) {
            k2--; /* onto the comma */
            while (k2 > cs0 && !(qd_punct(d, k2 - 1, ',') && outside(d, k2 - 1)))
                k2--;
            size_t ms2, me2;
            if (k2 > cs0 + 1 && ca - k2 < 32 &&
                ws_qmention_back(d, cs0, k2 - 1, &ms2, &me2) &&
                me2 == k2 - 1 && me2 - ms2 >= 2 &&
                ws_qcast_named(&f->cast, d, ms2, me2) &&
                opens_clause(d, cs0, ms2)) {
                ms = ms2;
                me = me2;
                have_back = true;
            }
        }
        /* "A senior official at the port authority, who spoke on condition
         * of anonymity, said": the role before a prepositional phrase. */
        size_t ms2, me2;
        if (!have_back && k > cs0 + 1 && qd_punct(d, k - 1, ',') && ca - k < 24 &&
            ws_qmention_back(d, cs0, k - 1, &ms2, &me2) && ms2 > cs0 + 1 &&
            qd_has(d, ms2 - 1, QL_PREP) &&
            ws_qmention_back(d, cs0, ms2 - 1, &ms, &me) &&
            qd_has(d, me - 1, QL_ANON | QL_TITLE) &&
            (ms == cs0 || !qd_word(d, ms - 1) || qd_has(d, ms - 1, QL_CONJ)))
            have_back = true;
        /* "The head of the regional tourism office, Alla Shevchuk, said":
         * the apposition names the person the role describes. */
        if (have_back)
            lead = ms;
        if (have_back && !ws_qcast_named(&f->cast, d, ms, me) &&
            ws_qmention_back(d, k, ca - 1, &ms2, &me2) &&
            /* ", актриса Вера Гончарова,": a role the lexicon lacks */
            (ms2 == k || (ms2 <= k + 2 && words_in(d, k, ms2) == ms2 - k &&
                          !(d->t[k].flags & QF_CAP))) &&
            ws_qcast_named(&f->cast, d, ms2, me2)) {
            ms = ms2;
            me = me2;
        }
    }
    /* "Представитель компании, пожелавший остаться неизвестным,
     * сообщил": an aside that asks for anonymity makes the source
     * anonymous. */
    if (have_back && me < ca && ca - me < 24) {
        static const char *const anon[] = {
            "неизвестным", "анонимности", "анонимно", "анонімно",
            "анонімності", "неназваним", "невідомим", "anonymity",
            "anonymously"};
        for (size_t i = me; i < ca; i++)
            for (size_t k = 0; k < WS_COUNT(anon); k++)
                if (ws_qdoc_is(d, i, anon[k]) && !ws_qcast_named(&f->cast, d, ms, me)) {
                    f->org_ms = ms;
                    f->org_me = me;
                    f->org_kind = SK_ANON;
                }
    }
    /* "Trump visited the state and said …", "She blamed X and then
     * said …": a second verb of the sentence's subject. */
    if (!have_back && ca > cs0 + 2 && qd_has(d, ca - 1, QL_CONJ) &&
        !ws_qdoc_is(d, ca - 1, "or") && outside(d, ca - 1) &&
        clause_subject(d, cs0, ca - 1, &ms, &me)) {
        lead = ms;
        have_back = true;
    }
    /* "Podesta, who said the project was vetted, …", "the government,
     * which has denied …": the relative pronoun stands for the mention
     * before it; no trailer is read before it. */
    bool relative = false;
    if (!have_back && ca > cs0 + 1 && outside(d, ca - 1) &&
        (ws_qdoc_is(d, ca - 1, "who") || ws_qdoc_is(d, ca - 1, "which"))) {
        size_t e = ca - 1, ms2, me2;
        if (e > cs0 && qd_punct(d, e - 1, ','))
            e--;
        if (e > cs0 && ws_qmention_back(d, cs0, e, &ms2, &me2) &&
            !qd_has(d, ms2, QL_PRON | QL_PLUR | QL_IT)) {
            ms = ms2;
            me = me2;
            lead = ms;
            have_back = relative = true;
        }
    }
    /* "asked whether …", "Asked about her vote, X said …", "Mr. Rubin
     * asked the students if …": an indirect question is the asker's
     * speech, up to the first comma; a passive or a participle ("When
     * asked how …") names no asker. */
    if (asks(d, c) && !d->slavic) {
        size_t k = cend;
        while (k < sb && k < cend + 4 && qd_word(d, k) && outside(d, k) &&
               !question_word(d, k) && !ws_qdoc_is(d, k, "not"))
            k++;
        /* "Blumenthal was asked, “If you had known …?”": the question,
         * its asker unnamed. */
        if (k == cend && k + 1 < sb && (qd_punct(d, k, ',') || qd_punct(d, k, ':')) &&
            is_open(d, k + 1) && c > sa && qd_has(d, c - 1, QL_BE)) {
            size_t q = (size_t)d->t[k + 1].quote;
            add(f, F_LEADIN, k + 1, d->q[q].close + 1, c, cend, c, c);
            return;
        }
        if (k < sb && question_word(d, k)) {
            size_t e = clause_end(d, k, sb);
            e = WS_MIN(e, next_comma(d, k, e));
            bool passive = c == cs0 ||
                           (c > sa && (qd_has(d, c - 1, QL_BE) ||
                                       circumstance(d, c - 1)));
            if (passive || !have_back)
                ms = me = c;
            stmt *s = add(f, F_BARE, k, e, c, cend, ms, me);
            if (s && s->cs > k && s->kind == K_INDIRECT)
                s->cs = k; /* the question word stays: "how long …" */
            return;
        }
    }
    if (!weak && have_back && ms > sa && qd_has(d, ms - 1, QL_AS) &&
        (ms - 1 == cs0 || ws_qdoc_sep(d, ms - 2)) &&
        /* "As Professor Foner put it: ''…''" leads into the quote */
        !(ms - 1 == cs0 && qd_punct(d, cend, ':'))) {
        /* "As X said last week in Tel Aviv, …": the comma after the
         * cue's adjunct. */
        size_t comma = qd_punct(d, cend, ',') ? cend : gap_end(d, cend, sb);
        if (comma && !qd_punct(d, comma, ','))
            comma = 0;
        /* "But, as Mr. Sykes said, …", "But at the time, as X put it,
         * “…”": a few words before "as" open the sentence; what was said
         * follows. */
        if (comma && (ms - 1 == cs0 || words_in(d, cs0, ms - 1) <= 4 ||
                      is_open(d, comma + 1))) {
            size_t from = after_apposition(d, comma + 1, sb);
            add(f, F_AS, from, clause_end(d, from, sb), c, cend, ms, me);
        } else if (ms - 1 > cs0) {
            add(f, F_AS, cs0, ms - 2, c, cend, ms, me);
        }
        return;
    }

    /* "This was stated by X." / "Про це заявив X." / "Об этом сообщил X."
     * report the sentence before. */
    if (!weak) {
        size_t i = cs0;
        if (ws_qdoc_is(d, i, "про") || ws_qdoc_is(d, i, "об"))
            i++;
        if (qd_has(d, i, QL_THIS) && i + 4 > c && d->t[cs0].sent > 0) {
            bool passive = qd_has(d, c - 1, QL_BE) && qd_has(d, cend, QL_BY);
            size_t m0 = passive ? cend + 1 : cend;
            if ((passive || d->slavic) && ws_qmention_fwd(d, m0, sb, &ms, &me)) {
                uint32_t k = d->t[cs0].sent - 1;
                size_t pa = d->sent_start[k], pb = sa;
                if (d->t[pa].para + 1 >= d->t[c].para)
                    add(f, F_THIS, clause_start(d, pa, pb), pb, c, cend, ms, me);
            }
            return;
        }
    }
    /* A passive cue without an agent is no statement; "is telling",
     * "was saying" are no passives. */
    if (qd_has(d, c - 1, QL_BE) && c > sa &&
        !(d->t[c].flen > 3 &&
          memcmp(qd_fold(d, c) + d->t[c].flen - 3, "ing", 3) == 0))
        return;

    /* Inverted order: "…,” said Drach", "…, – заявив Марченко". */
    bool inverted = false;
    size_t after = cend;
    /* An English participle is never inverted: "…, saying she is …"
     * (Ukrainian "заявив" is both a participle and a past tense). */
    if (!have_back && (d->slavic || !(lex & QL_CUEP)) &&
        ((c > sa && (ws_qdoc_sep(d, c - 1) || is_close(d, c - 1))) ||
         /* "Said Comey, “…”" */
         (c == cs0 && !d->slavic && (d->t[c].flags & QF_CAP)))) {
        if (ws_qmention_fwd(d, cend, sb, &ms, &me)) {
            inverted = true;
            after = me;
        } else if (d->slavic && (ws_qdoc_is(d, cend, "в") || ws_qdoc_is(d, cend, "у")) &&
                   qd_word(d, cend + 1) && (d->t[cend + 1].flags & QF_CAP) &&
                   ws_qmention_fwd(d, cend + 1, sb, &ms, &me) && ms == cend + 1 &&
                   (me >= sb || d->t[me].type == QT_PUNCT)) {
            /* "«…», — зазначили в Координаційному штабі.": the
             * organisation in the locative. */
            inverted = true;
            after = me;
        }
    }
    /* "…, назвав их «черепашьими»", "…, calling it “a disgrace”": the
     * pronoun after a weak cue is its object; the clause's speaker is the
     * person the sentence names before the cue. */
    if (weak && inverted && me == ms + 1 && cend == ms &&
        qd_has(d, ms, QL_PRON | QL_PLUR | QL_IT) && !have_back) {
        size_t end = clause_end(d, cend, sb), qa, qb;
        /* The content takes in the clause the pronoun points back to:
         * "раскритиковал темпы …, назвав их «черепашьими»". */
        size_t from = c;
        if (c > cs0 && ws_qdoc_sep(d, c - 1)) {
            from = c - 1;
            while (from > cs0 && c - from < 24 &&
                   !(qd_punct(d, from - 1, ',') && outside(d, from - 1)))
                from--;
        }
        qwho who;
        if (kind_of(d, from, end, &qa, &qb) != K_INDIRECT &&
            ws_qnearest_person(d, &f->cast, sa, c, NULL, &who)) {
            stmt *s = add(f, F_BARE, from, end, c, cend, c, c);
            if (s)
                s->who = who;
        }
        return;
    }
    if ((lex & QL_TELL) && !inverted)
        after = skip_object(d, after, sb);

    /* Lead-in: "X said: “…”", "X told reporters, “…”", "He said:" at the
     * end of a paragraph whose next one is the quote. */
    if (have_back || inverted) {
        /* "Литвиненко объяснил, почему …:" closing a paragraph whose next
         * one is a quote: the quote is what was explained. */
        if (sb > after && qd_punct(d, sb - 1, ':') && outside(d, sb - 1)) {
            size_t j = sb;
            while (j < d->n && d->t[j].type == QT_BREAK)
                j++;
            if (j > sb && is_open(d, j) && d->q[d->t[j].quote].claimed < 0 &&
                kind_of(d, after, sb, &(size_t){0}, &(size_t){0}) ==
                    K_INDIRECT) {
                size_t end = d->q[d->t[j].quote].close + 1;
                add(f, F_LEADIN, j, end, c, cend, ms, me);
                return;
            }
        }
        size_t j = after;
        if (qd_punct(d, j, ':') || qd_punct(d, j, ','))
            j++;
        if (j < d->n && d->t[j].type == QT_BREAK && qd_punct(d, after, ':'))
            j++;
        if (!is_open(d, j) && qd_word(d, after)) {
            size_t g = lead_gap(d, after, sb);
            if (g)
                j = g;
        }
        size_t k0 = is_open(d, j) ? (size_t)d->t[j].quote : 0;
        /* "said “it gets me mad” every time …": the quote is a fragment
         * of a clause, read below as a bare clause. */
        bool fragment = is_open(d, j) && j == after &&
                        qd_word(d, d->q[k0].close + 1) &&
                        d->t[d->q[k0].close + 1].sent == d->t[c].sent &&
                        !cue_near(d, d->q[k0].close + 1);
        /* "сообщили в компании «Волжская теплосеть»": a short quote
         * right after the speaker is a name, not what was said. */
        bool name = is_open(d, j) && j == after && inverted &&
                    words_in(d, j, d->q[k0].close) < 4 &&
                    !qd_punct(d, d->q[k0].close - 1, '.');
        /* "“Now that …,” he told the host, “it was …”": the cue splits
         * one quote; the trailer below takes the first half and the
         * second is merged into it (section 3). */
        size_t lp = WS_MIN(ms, lead);
        size_t lc = lp > cs0 && is_close(d, lp - 1) ? lp - 1
                    : lp > cs0 + 1 && ws_qdoc_sep(d, lp - 1) &&
                            is_close(d, lp - 2)
                        ? lp - 2
                        : 0;
        /* Only a quote that opens the sentence is split ("Remarking upon
         * his “empathy,” Starr said, “…”" leads into the second). */
        bool split = !inverted && lc && d->q[d->t[lc].quote].open <= cs0;
        if (j == after && name_in_marks(d, j) &&
            qd_punct(d, d->q[d->t[j].quote].close + 1, ',') &&
            qd_has(d, d->q[d->t[j].quote].close + 2, QL_THAT))
            name = true;
        if (is_open(d, j) && !fragment && !name && !split &&
            (j > after || d->t[j].para == d->t[c].para)) {
            size_t k = (size_t)d->t[j].quote;
            size_t end = d->q[k].close + 1;
            /* Quotes right after it belong to it ("…" "…"). */
            while (end < d->n && is_open(d, end) &&
                   d->t[end].para == d->t[j].para)
                end = d->q[d->t[end].quote].close + 1;
            add(f, F_LEADIN, j, end, c, cend, ms, me);
            return;
        }
        if (!weak && qd_punct(d, after, ':') && after + 1 < sb) {
            add(f, F_LEADIN, after + 1, clause_end(d, after + 1, sb), c, cend,
                ms, me);
            return;
        }
    }

    /* "…, tweeting, “…”", "while chanting, “…”", "before asking her,
     * “…”", "X, a long apposition -- told me, ''…''": a cue, its object
     * and a comma or colon right before a quote lead into it even when no
     * subject is found; a participle's speaker is that of the statement
     * before in the sentence or the clause's subject. */
    if (!have_back && !inverted && !relative_pron(d, c, cs0)) {
        size_t j = after;
        if (qd_has(d, j, QL_PRON | QL_PLUR) && (lex & (QL_WEAK | QL_CUEP)))
            j++;
        /* "…, singing “It's Our Time.”": a participle right before a
         * whole quote, nothing after it in the clause. */
        if (j == after && is_open(d, j) && c > cs0 && qd_punct(d, c - 1, ',') &&
            d->t[c].flen > 3 &&
            memcmp(qd_fold(d, c) + d->t[c].flen - 3, "ing", 3) == 0 &&
            (!qd_word(d, d->q[d->t[j].quote].close + 1) ||
             d->q[d->t[j].quote].close + 1 >= sb))
            j--;
        else if (!(qd_punct(d, j, ',') || qd_punct(d, j, ':')))
            j = sb;
        if (j + 1 < sb && is_open(d, j + 1) &&
            words_in(d, j + 1, d->q[d->t[j + 1].quote].close) >= 3) {
            size_t k = (size_t)d->t[j + 1].quote;
            const stmt *p = same_sentence(f, c);
            size_t ms2 = c, me2 = c;
            if (!p && c > cs0 + 1 &&
                !clause_subject(d, cs0, c - 1, &ms2, &me2))
                ms2 = me2 = c;
            stmt *s = add(f, F_LEADIN, j + 1, d->q[k].close + 1, c, cend, ms2,
                          me2);
            if (s && p)
                s->who = p->who;
            return;
        }
    }

    /* That-clause: "X said (on Tuesday) that …", "заявив, що …". */
    if (!inverted) {
        /* "said at a campaign stop in Toledo, Ohio, that": a place
         * adjunct may be longer. */
        size_t j = cend,
               lim = cend + ((lex & QL_TELL) ? 7 : qd_has(d, cend, QL_PREP) ? 10 : 5);
        /* "розповіло «Вістям Полісся», що …": a name in marks as the
         * addressee. */
        if (name_in_marks(d, j) && qd_punct(d, d->q[d->t[j].quote].close + 1, ',') &&
            qd_has(d, d->q[d->t[j].quote].close + 2, QL_THAT)) {
            j = d->q[d->t[j].quote].close + 1;
            lim = j + 2;
        }
        /* A comma only right before the conjunction ("заявив, що") or
         * inside a place ("Toledo, Ohio"). */
        while (j < sb && j < lim) {
            /* "told MSNBC's “Morning Joe” that …": a short name in marks
             * inside the object. */
            if (j > cend && is_open(d, j) && !d->slavic &&
                words_in(d, j, d->q[d->t[j].quote].close) <= 3 &&
                qd_has(d, d->q[d->t[j].quote].close + 1, QL_THAT)) {
                j = d->q[d->t[j].quote].close + 1;
                break;
            }
            /* "said on NBC's ''Meet the Press'' on Sunday that": a
             * title in marks inside the adjunct is stepped over. */
            if (j > cend && is_open(d, j) && !d->slavic &&
                title_case(d, j + 1, d->q[d->t[j].quote].close) &&
                words_in(d, j, d->q[d->t[j].quote].close) <= 4) {
                size_t close = d->q[d->t[j].quote].close;
                lim += close + 1 - j;
                j = close + 1;
                continue;
            }
            if (!(outside(d, j) && !qd_has(d, j, QL_THAT) &&
                  (qd_word(d, j) ||
                   (qd_punct(d, j, ',') &&
                    (qd_has(d, j + 1, QL_THAT) ||
                     (j > cend && (d->t[j - 1].flags & QF_CAP) &&
                      qd_word(d, j + 1) && (d->t[j + 1].flags & QF_CAP)))))))
                break;
            j++;
        }
        if (j < sb && qd_has(d, j, QL_THAT) && outside(d, j)) {
            if (!have_back && (lex & QL_CUEP)) {
                const stmt *p = same_sentence(f, c);
                size_t ms2 = c, me2 = c;
                /* "Cruz took the stage with a shot at Trump, saying that
                 * …": the subject of the sentence. */
                if (!p && c > cs0 + 2 && ws_qdoc_sep(d, c - 1) &&
                    !clause_subject(d, cs0, c - 1, &ms2, &me2))
                    ms2 = me2 = c;
                stmt *s = add(f, F_THAT, j + 1, clause_end(d, j + 1, sb), c,
                              cend, ms2, me2);
                if (s && p)
                    s->who = p->who;
                return;
            }
            if (!have_back)
                return;
            size_t end = clause_end(d, j + 1, sb), qa, qb;
            if (weak && kind_of(d, j + 1, end, &qa, &qb) == K_INDIRECT)
                return;
            add(f, F_THAT, j + 1, end, c, cend, ms, me);
            return;
        }
    }

    /* Trailer: the content comes first, then the speaker and the cue. */
    if (!weak || true) {
        size_t p = inverted ? c : (have_back ? WS_MIN(ms, lead) : c);
        /* Role words the lexicon lacks ("…,” engineer Pavlo Sydorenko
         * said): up to three lower-case words between the quote and the
         * name belong to the mention. */
        if (have_back && !inverted) {
            size_t q = p, k = 0;
            while (q > cs0 && k < 3 && qd_word(d, q - 1) && outside(d, q - 1) &&
                   !(d->t[q - 1].flags & QF_CAP) && !circumstance(d, q - 1) &&
                   !qd_has(d, q - 1, QL_PREP | QL_CONJ | QL_THAT | QL_CUE |
                                         QL_CUEP | QL_WEAK | QL_BE | QL_AUX |
                                         QL_MODAL | QL_PRON | QL_PLUR))
                q--, k++;
            if (q < p && q > cs0 &&
                (ws_qdoc_sep(d, q - 1) || is_close(d, q - 1) ||
                 circumstance(d, q - 1)))
                p = ms = q;
        }
        bool sep = false;
        while (p > cs0 && ws_qdoc_sep(d, p - 1)) {
            p--;
            sep = true;
        }
        if (p > cs0 && p - cs0 < 4000 && (sep || is_close(d, p - 1)) &&
            (have_back || inverted) && !relative) {
            size_t j = after;
            /* "…, the senator said then, …" */
            while (j < sb && j < after + 2 && qd_has(d, j, QL_AUX) &&
                   !(d->t[j].flags & QF_CAP))
                j++;
            /* A quote over several paragraphs ends in this sentence but
             * opened paragraphs before it: the content starts there. */
            size_t from = cs0;
            if (p > cs0 + 1 && is_close(d, p - 2) && qd_punct(d, p - 1, ','))
                from = WS_MIN(from, d->q[d->t[p - 2].quote].open);
            if (is_close(d, p - 1))
                from = WS_MIN(from, d->q[d->t[p - 1].quote].open);
            /* After "«…», — сказал собеседник" the words that follow
             * ("агентства") can only say more about the speaker. */
            bool ends = j >= sb || !qd_word(d, j) ||
                        qd_has(d, j, QL_PREP | QL_CONJ) ||
                        (d->t[j].flags & QF_CAP) || qd_has(d, j, QL_AUX) ||
                        (inverted && d->slavic && !weak && is_close(d, p - 1)) ||
                        /* "“…,” he told reporters outside the room" */
                        ((lex & QL_TELL) && is_close(d, p - 1)) ||
                        /* "“…,” Trump said last month on Twitter, “…”",
                         * "“…,” he said when asked …" */
                        (is_close(d, p - 1) &&
                         (lead_gap(d, j, sb) || circumstance(d, j))) ||
                        /* "“…,” she said several months after her
                         * release, and …": a quote that ends on a comma
                         * is the trailer's, whatever follows. */
                        (is_close(d, p - 1) && time_span(d, j)) ||
                        /* "“…,” said a GOP data expert who has worked
                         * for …": a relative clause about the speaker. */
                        (is_close(d, p - 1) && inverted &&
                         (ws_qdoc_is(d, j, "who") ||
                          ws_qdoc_is(d, j, "whose"))) ||
                        /* "“…,” Bond said onstage Tuesday night." */
                        (is_close(d, p - 1) && words_to_end(d, j, sb) &&
                         !qd_has(d, j, QL_THAT | QL_PRON | QL_PLUR | QL_DET));
            /* "After the event, Mr. Emanuel said Mr. Bush had …",
             * "Appearing on CNN, the senator said …": an opening adjunct
             * before the comma is no content when a clause follows the
             * cue. */
            if (ends && !is_close(d, p - 1) && opening_adjunct(d, cs0, p) &&
                j < sb && qd_word(d, j) && !words_to_end(d, j, sb) &&
                !qd_has(d, j, QL_PREP | QL_CONJ))
                ends = false;
            if (ends && !weak) {
                /* An interposed cue ("In a merger, he said, the brand
                 * would survive"): the content runs on after it. */
                size_t end = p;
                /* "…, said Dan Roe, director of …": after an inverted
                 * speaker the comma opens an apposition. */
                if (!inverted && qd_punct(d, j, ',') && j + 1 < sb &&
                    qd_word(d, j + 1) &&
                    !qd_has(d, j + 1, QL_CUEP | QL_ACC | QL_CONJ) &&
                    !ws_qdoc_is(d, j + 1, "who") &&
                    !ws_qdoc_is(d, j + 1, "which") && !is_close(d, p - 1))
                    end = clause_end(d, j + 1, sb);
                add(f, F_TRAILER, from, end, c, cend, ms, me);
                return;
            }
            if (ends && weak) {
                size_t qa, qb;
                if (kind_of(d, from, p, &qa, &qb) != K_INDIRECT)
                    add(f, F_TRAILER, from, p, c, cend, ms, me);
                return;
            }
        }
    }

    /* Bare clause: "X said only Ukraine should decide …". */
    if (inverted)
        return;
    size_t j = skip_adjunct(d, after, sb);
    if (j > after && qd_has(d, j, QL_THAT))
        j++;
    if (j >= sb || (!outside(d, j) && !is_open(d, j)))
        return;
    /* "said Friday as he entered the talks", "said this month on CNBC",
     * "said when she resigned": an adjunct of time, no content. */
    if (j == after) {
        size_t t = skip_time(d, j);
        if (t > j && (t >= sb || !qd_word(d, t) || circumstance(d, t) ||
                      qd_has(d, t, QL_PREP)))
            return;
        if (qd_has(d, t, QL_THAT))
            t++;
        j = t;
    }
    if (circumstance(d, j))
        return;
    /* "vowed to form a task force": a promise's content. */
    bool to = (lex & QL_TO) && j == after && ws_qdoc_is(d, j, "to") &&
              qd_word(d, j + 1) && !qd_has(d, j + 1, QL_DET | QL_PRON | QL_PLUR);
    if (!to && (qd_has(d, j, QL_PREP | QL_CONJ | QL_BE) || qd_punct(d, j, '.')))
        return;
    if (!have_back && (lex & QL_CUEP)) {
        const stmt *p = same_sentence(f, c);
        size_t ms2 = c, me2 = c;
        if (!p && !(c > cs0 + 2 && qd_punct(d, c - 1, ',') &&
                    clause_subject(d, cs0, c - 1, &ms2, &me2)))
            return;
        size_t qa, qb;
        size_t end = clause_end(d, j, sb);
        if (weak && kind_of(d, j, end, &qa, &qb) == K_INDIRECT)
            return;
        stmt *s = add(f, F_BARE, j, end, c, cend, ms2, me2);
        if (s && p)
            s->who = p->who;
        return;
    }
    if (!have_back)
        return;
    if (d->t[j].type != QT_WORD && !is_open(d, j))
        return;
    size_t end = clause_end(d, j, sb);
    /* "chanted “What curfew?” and kept going": the quote, not the verb
     * that follows it. */
    if (is_open(d, j) && d->q[d->t[j].quote].close + 2 < end &&
        qd_has(d, d->q[d->t[j].quote].close + 1, QL_CONJ) &&
        !is_open(d, d->q[d->t[j].quote].close + 2) &&
        (weak || stop_inside(d, d->q[d->t[j].quote].close)))
        end = d->q[d->t[j].quote].close + 1;
    /* "Podesta told the AP his firm worked …": a clause after the
     * object of "told" that opens with its subject. */
    bool told = (lex & QL_TELL) && j == after && after > cend &&
                subject_start(d, j) && qd_word(d, j + 1);
    /* "…, with 30 percent of voters saying they …": a participle after
     * "with" and its subject takes a bare clause. */
    bool with = false;
    if ((lex & QL_CUEP) && !d->slavic && me == c) {
        size_t w = ms;
        while (w > cs0 && ms - w < 6 && qd_word(d, w - 1) && outside(d, w - 1) &&
               !ws_qdoc_is(d, w - 1, "with"))
            w--;
        if (w > cs0 && ws_qdoc_is(d, w - 1, "with")) {
            with = true;
            ms = w;
        }
    }
    if ((weak || !(lex & QL_BARE)) && !told && !with) {
        size_t qa, qb;
        if (kind_of(d, j, end, &qa, &qb) == K_INDIRECT)
            return;
    }
    /* "call them “lone wolves” and describe …", "calls people “losers”
     * and “sad.”": a weak cue's object and the name it is given; the
     * clause goes on about something else. */
    if (weak) {
        size_t k = j;
        while (k < end && k < j + 4 && qd_word(d, k) && outside(d, k))
            k++;
        if (is_open(d, k)) {
            size_t e = d->q[d->t[k].quote].close + 1;
            while (e + 1 < end && qd_has(d, e, QL_CONJ) && is_open(d, e + 1))
                e = d->q[d->t[e + 1].quote].close + 1;
            end = WS_MIN(end, e);
        }
    }
    add(f, F_BARE, j, end, c, cend, ms, me);
}

static bool is_dash(const qdoc *d, size_t i)
{
    return i < d->n && d->t[i].type == QT_PUNCT &&
           (d->t[i].cp == '-' || d->t[i].cp == 0x2013 || d->t[i].cp == 0x2014 ||
            d->t[i].cp == 0x2015);
}

/* An attribution set off by dashes inside the marks, the Ukrainian and
 * Russian way of splitting a quote: «…, — признался он. — …», "…, -
 * пояснив він. - …". Quote k becomes one direct statement whose cue and
 * speaker are those words, left out of its text. Linear in the quote. */
static void inner_cue(finder *f, size_t k)
{
    qdoc *d = &f->d;
    size_t o = d->q[k].open, c = d->q[k].close;
    for (size_t i = o + 2; i + 3 < c; i++) {
        if (!is_dash(d, i) || !(qd_punct(d, i - 1, ',') || qd_punct(d, i - 1, '!') ||
                                qd_punct(d, i - 1, '?') || qd_punct(d, i - 1, 0x2026)))
            continue;
        size_t cu = i + 1;
        if (!qd_has(d, cu, QL_CUE) || (d->t[cu].flags & QF_CAP))
            continue;
        /* The speaker: a pronoun, or up to five title and name words. */
        size_t ms = cu + 1, me = ms;
        if (qd_has(d, ms, QL_PRON | QL_PLUR)) {
            me = ms + 1;
        } else {
            while (me < c && me < ms + 5 && qd_word(d, me) &&
                   ((d->t[me].flags & QF_CAP) || qd_has(d, me, QL_TITLE | QL_ANON | QL_ORG)))
                me++;
        }
        if (me == ms || me + 1 >= c)
            continue;
        size_t g1;
        if ((qd_punct(d, me, '.') || qd_punct(d, me, ',')) && is_dash(d, me + 1))
            g1 = me + 2;
        else
            continue;
        stmt *s = add(f, F_TRAILER, o, c + 1, cu, cu + 1, ms, me);
        if (s) {
            s->gap0 = i;
            s->gap1 = g1;
        }
        return;
    }
}

/* ---- transcript lines ---------------------------------------------------- */

/* A speaker's label at token i: up to three words, all capitals ("WALLACE",
 * "CHRIS MATTHEWS") or the name of a person the article names ("Chris
 * Matthews"), then a colon. Returns the colon's token, or 0. */
static size_t transcript_label(const finder *f, size_t i)
{
    static const char *const furniture[] = {
        "update", "updated", "note", "editor's", "correction", "clarification",
        "related", "breaking", "warning", "photo", "video", "watch", "read",
        "advertisement", "disclaimer", "transcript", "source", "sources",
        "caption", "credit", "tags", "topics", "share", "contact"};
    const qdoc *d = &f->d;
    bool allcap = true;
    size_t k = 0;
    while (k < 3 && qd_word(d, i + k) && (d->t[i + k].flags & QF_CAP) &&
           !(d->t[i + k].flags & QF_DIGIT) &&
           !qd_has(d, i + k, QL_STOP | QL_LABEL | QL_PLACE | QL_ORG |
                                 QL_TITLE | QL_CUE | QL_CUEP | QL_PRON |
                                 QL_PLUR | QL_DET)) {
        for (size_t w = 0; w < WS_COUNT(furniture); w++)
            if (ws_qdoc_is(d, i + k, furniture[w]))
                return 0;
        allcap &= (d->t[i + k].flags & QF_ALLCAP) != 0;
        k++;
    }
    if (k == 0 || !qd_punct(d, i + k, ':') || i + k + 1 >= d->n ||
        d->t[i + k + 1].type == QT_BREAK)
        return 0;
    if (!allcap && !ws_qcast_named(&f->cast, d, i, i + k))
        return 0;
    return i + k;
}

/* Where a label may stand: at a paragraph's start (after an opening mark
 * too) or after a sentence's end. */
static bool line_start(const qdoc *d, size_t i)
{
    if (i > 0 && d->t[i - 1].type == QT_MARK)
        i--;
    if (i == 0 || d->t[i - 1].type == QT_BREAK)
        return true;
    size_t p = i - 1;
    if (d->t[p].type == QT_MARK && p > 0)
        p--;
    return d->t[p].type == QT_PUNCT &&
           (d->t[p].cp == '.' || d->t[p].cp == '?' || d->t[p].cp == '!' ||
            d->t[p].cp == ')' || d->t[p].cp == 0x2014);
}

/* Transcript lines ("WALLACE: … PENCE: …"): the words after a label up to
 * the next label or the paragraph's end are the labelled speaker's direct
 * speech. Read before the cues, so that cues inside an answer make no
 * statements of their own. Linear: each token is passed once. */
static void transcript(finder *f)
{
    qdoc *d = &f->d;
    for (size_t i = 0; i < d->n; i++) {
        if (!qd_word(d, i) || !line_start(d, i))
            continue;
        size_t colon = transcript_label(f, i);
        if (!colon)
            continue;
        size_t j = colon + 1;
        while (j < d->n && d->t[j].type != QT_BREAK && j < colon + 4000 &&
               !(qd_word(d, j) && line_start(d, j) && transcript_label(f, j)))
            j++;
        stmt *s = add(f, F_TRANSCRIPT, colon + 1, j, colon, colon + 1, i, colon);
        if (s) {
            s->kind = K_DIRECT;
            s->raw = true;
        }
        i = j - 1;
    }
}

/* ---- quotes no cue governs --------------------------------------------------- */

static bool ends_sentence(const qdoc *d, size_t close)
{
    size_t p = close - 1;
    return d->t[p].type == QT_PUNCT &&
           (d->t[p].cp == '.' || d->t[p].cp == '!' || d->t[p].cp == '?' ||
            d->t[p].cp == ',' || d->t[p].cp == 0x2026);
}

static void loose_quote(finder *f, size_t k)
{
    qdoc *d = &f->d;
    size_t o = d->q[k].open, c = d->q[k].close;
    size_t words = words_in(d, o, c);
    if (words < 4 && !ends_sentence(d, c))
        return;
    /* After a colon, a title-case quote that ends on a stop is a
     * headline's quotation ("Warren Hammers CEO: ‘You Should Be
     * Investigated.’"), not a title. */
    bool colon = o > 0 && qd_punct(d, o - 1, ':');
    if (words < 10 && title_case(d, o + 1, c) && !(colon && stop_inside(d, c)))
        return;
    size_t sa, sb;
    sentence_of(d, o, &sa, &sb);
    size_t cs0 = clause_start(d, sa, sb);
    bool label = o >= 2 && qd_punct(d, o - 1, ':') && qd_has(d, o - 2, QL_LABEL);
    bool opens = o == cs0 || label || (o > 0 && (qd_punct(d, o - 1, ':') ||
                                                 is_close(d, o - 1) ||
                                                 d->t[o - 1].type == QT_BREAK));
    /* The statement before it, and whether this quote continues it. */
    stmt *prev = NULL;
    for (size_t i = f->ns; i > 0; i--) {
        if (f->s[i - 1].ce <= o) {
            if (!prev || f->s[i - 1].ce > prev->ce)
                prev = &f->s[i - 1];
        }
    }
    /* "“…” ― Maria Lysenko": a quote signed with a dash and a name that
     * ends its line (an epigraph, a row of voices). */
    if (is_dash(d, c + 1) && outside(d, c + 2) && qd_word(d, c + 2) &&
        (d->t[c + 2].flags & QF_CAP)) {
        size_t ms, me;
        if (ws_qmention_fwd(d, c + 2, d->n, &ms, &me) && ms == c + 2) {
            size_t e = me;
            if (qd_punct(d, e, '.'))
                e++;
            /* "“…” - Hillary Clinton. Clinton has …": a full name and a
             * period, the text going on after it. */
            bool signed_off = qd_punct(d, me, '.') &&
                              (me - ms >= 2 ||
                               ws_qcast_named(&f->cast, d, ms, me)) &&
                              ends_sentence(d, c) && e < d->n &&
                              (d->t[me - 1].flags & QF_CAP) && qd_word(d, e) &&
                              (d->t[e].flags & QF_CAP);
            if (signed_off || e >= d->n || d->t[e].type == QT_BREAK ||
                is_open(d, e) ||
                memchr(d->text + d->t[e - 1].end, '\n',
                       d->t[e].start - d->t[e - 1].end)) {
                add(f, F_TRAILER, o, c + 1, c + 1, c + 2, ms, me);
                return;
            }
        }
    }
    /* The second half of a quote split by its trailer ("“Every time,”
     * Tester said, “you give …”"): the cue sits between the two. */
    if (!opens && prev && prev->kind == K_DIRECT && !prev->raw &&
        prev->qb + 1 == k &&
        prev->cu0 > d->q[prev->qb].close && prev->cu0 < o &&
        o - d->q[prev->qb].close <= 14 && d->t[o].para == prev->para) {
        prev->qb = k;
        prev->ce = c + 1;
        d->q[k].claimed = (int)(prev - f->s);
        return;
    }
    /* "…, because to her, “there's nothing more important than …”": a
     * long quote after a comma that ends its sentence is a quotation
     * still; its speaker is left null. */
    if (!opens && o > 0 && qd_punct(d, o - 1, ',') && words >= 8 &&
        stop_inside(d, c) &&
        (c + 1 >= d->n || d->t[c + 1].type == QT_BREAK ||
         d->t[c + 1].sent != d->t[c].sent)) {
        add(f, F_ALONE, o, c + 1, o, o, o, o);
        return;
    }
    if (!opens)
        return;
    if (label) {
        qwho near;
        size_t lo = o;
        while (lo > 0 && d->t[lo - 1].para + 3 > d->t[o].para)
            lo--;
        stmt *s = add(f, F_LABEL, o, c + 1, o - 2, o - 2, o, o);
        if (!s)
            return;
        s->label = NULL;
        s->cu0 = o - 2;
        s->cu1 = o - 1;
        /* The speaker of the statement before, else the person named
         * last (a "Source:" line above often names them). */
        if (prev && prev->who.kind == SK_PERSON && prev->who.speaker &&
            d->t[o].para <= prev->para + 3) {
            s->who = prev->who;
            if (ws_qnearest_person(d, &f->cast, lo, o - 2, prev->who.speaker,
                                   &near) &&
                near.ms > prev->who.me)
                s->who = near;
        } else if (ws_qnearest_person(d, &f->cast, lo, o - 2, NULL, &near)) {
            s->who = near;
        }
        return;
    }
    /* "Iowa State University's Dianne Bystrom agreed. “…”", "Valastro
     * praised Christie's leadership …. “…”": a quote that follows, in its
     * paragraph, a sentence without quotes or statements whose subject
     * is a person is that person's. */
    if (o > 0 && d->t[o - 1].type != QT_BREAK && d->t[o - 1].sent != d->t[o].sent &&
        d->t[o - 1].para == d->t[o].para && (!prev || prev->ce <= o - 1) &&
        words >= 4) {
        size_t pa, pb;
        sentence_of(d, o - 1, &pa, &pb);
        size_t pcs = clause_start(d, pa, pb);
        bool plain = pb - pa < 60 && (!prev || prev->ce <= pa);
        for (size_t i = pa; plain && i < pb; i++)
            plain = outside(d, i);
        size_t sm, se;
        if (plain && clause_subject(d, pcs, pb, &sm, &se) && sm == pcs &&
            (ws_qcast_named(&f->cast, d, sm, se) ||
             (se == sm + 1 && qd_has(d, sm, QL_PRON) &&
              !qd_has(d, sm, QL_DET)))) {
            add(f, F_CONTINUED, o, c + 1, o, o, sm, se);
            return;
        }
    }
    if (prev && prev->kind != K_INDIRECT && prev->para == d->t[o].para &&
        prev->qb + 1 == k && prev->kind == K_DIRECT && !prev->raw) {
        /* A split quote ("First …," he said. "That's …") or a quote
         * followed by another: one statement. */
        prev->qb = k;
        prev->ce = c + 1;
        d->q[k].claimed = (int)(prev - f->s);
        return;
    }
    /* "Her answer was short: ‘…’": a colon after a clause that opens
     * with a possessive pronoun; the pronoun names the speaker. */
    if (o > cs0 + 2 && qd_punct(d, o - 1, ':') && outside(d, cs0) &&
        qd_has(d, cs0, QL_PRON) && qd_has(d, cs0, QL_DET) &&
        d->t[cs0].para == d->t[o].para) {
        add(f, F_CONTINUED, o, c + 1, o, o, cs0, cs0 + 1);
        return;
    }
    /* "President Obama is rolling out a new message: “It's about me.”":
     * a quote after a colon that ends a clause is its subject's. */
    size_t ms, me;
    if (colon && o > cs0 + 2 && d->t[o - 1].sent == d->t[o].sent &&
        words >= 3 && clause_subject(d, cs0, o - 1, &ms, &me) &&
        !qd_has(d, ms, QL_PLUR | QL_IT)) {
        add(f, F_CONTINUED, o, c + 1, o - 1, o, ms, me);
        return;
    }
    /* "… doesn't surprise Republican pollster Daron Shaw: “…”", "Here's
     * Clinton in December 1992: “…”": a person named right before the
     * colon, or before a time phrase that ends at it. */
    if (colon && words >= 3 && o > cs0 + 1 &&
        d->t[o - 1].sent == d->t[o].sent) {
        size_t end = o - 1;
        size_t t = skip_time_back(d, cs0, end);
        if (ws_qmention_back(d, cs0, t, &ms, &me) && me == t &&
            !qd_has(d, ms, QL_PRON | QL_PLUR | QL_IT) &&
            ws_qcast_named(&f->cast, d, ms, me)) {
            add(f, F_CONTINUED, o, c + 1, o - 1, o, ms, me);
            return;
        }
    }
    if (prev && prev->who.kind != SK_NONE && d->t[o].para <= prev->para + 1) {
        stmt *s = add(f, F_CONTINUED, o, c + 1, o, o, o, o);
        if (s) {
            s->who = prev->who;
            s->who.ms = prev->who.ms;
            s->who.me = prev->who.me;
        }
        return;
    }
    /* Nobody is named next to it: a quotation still, its speaker left
     * null rather than guessed from whoever was named last (in news that
     * is as often a place or the outlet). */
    if (words >= 6 || (colon && words >= 3))
        add(f, F_ALONE, o, c + 1, o, o, o, o);
}

/* ---- output -------------------------------------------------------------------- */

static char *slice(const qdoc *d, size_t a, size_t b, size_t cap)
{
    if (a >= b)
        return NULL;
    size_t n = d->t[b - 1].end - d->t[a].start;
    if (n > cap)
        return NULL;
    return ws_xstrndup(d->text + d->t[a].start, n);
}

/* Direct speech: the words inside quotes qa..qb, without their marks or
 * the marks that reopen a quote in a new paragraph. */
static char *direct_text(const qdoc *d, size_t qa, size_t qb, size_t gap0,
                         size_t gap1, size_t *start, size_t *end)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    *start = d->t[d->q[qa].open].end;
    *end = d->t[d->q[qb].close].start;
    for (size_t k = qa; k <= qb; k++) {
        size_t from = d->t[d->q[k].open].end;
        size_t to = d->t[d->q[k].close].start;
        if (b.len)
            ws_buf_putc(&b, ' ');
        size_t pos = from;
        for (size_t i = d->q[k].open + 1; i < d->q[k].close; i++) {
            if (d->t[i].type == QT_MARK && (d->t[i].flags & QF_CONT)) {
                ws_buf_append(&b, d->text + pos, d->t[i].start - pos);
                pos = d->t[i].end;
            }
            if (i == gap0 && gap1 > gap0 && gap1 < d->q[k].close) {
                /* "…снимали, — признался он. — Вечером": the words on
                 * either side, with the stop the attribution ended on. */
                ws_buf_append(&b, d->text + pos, d->t[i].start - pos);
                while (b.len && (ws_is_space((unsigned char)b.data[b.len - 1]) ||
                                 b.data[b.len - 1] == ','))
                    b.len--;
                if (qd_punct(d, gap1 - 2, '.'))
                    ws_buf_putc(&b, '.');
                ws_buf_putc(&b, ' ');
                pos = d->t[gap1].start;
                i = gap1 - 1;
            }
        }
        ws_buf_append(&b, d->text + pos, to - pos);
    }
    /* Trim spaces at both ends, and the comma that belongs to the
     * attribution ("…support," he concluded). */
    size_t a = 0, n = b.len;
    const char *s = ws_buf_cstr(&b);
    while (a < n && ws_is_space((unsigned char)s[a]))
        a++;
    while (n > a && (ws_is_space((unsigned char)s[n - 1]) || s[n - 1] == ','))
        n--;
    char *out = ws_xstrndup(s + a, n - a);
    ws_buf_cleanup(&b);
    return out;
}

static const char *const kind_name[] = {"direct", "mixed", "indirect"};
static const char *const who_kind[] = {NULL, "person", "organisation",
                                       "anonymous"};

static int by_start(const void *a, const void *b)
{
    const ws_quote *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

ws_status ws_quote_find(const ws_article *a, ws_quote **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!a || !a->text || a->text_len == 0)
        return WS_OK;
    finder f;
    memset(&f, 0, sizeof f);
    ws_qdoc_build(&f.d, a->text, a->text_len, a->language);
    ws_qcast_build(&f.cast, &f.d);
    qdoc *d = &f.d;
    transcript(&f);
    for (size_t i = 0; i < d->n; i++) {
        if (d->t[i].type == QT_WORD && d->t[i].quote < 0 &&
            (d->t[i].lex & (QL_CUE | QL_CUEP | QL_WEAK | QL_ACC)))
            try_cue(&f, i);
    }
    for (size_t k = 0; k < d->nq; k++)
        if (d->q[k].claimed < 0)
            inner_cue(&f, k);
    for (size_t k = 0; k < d->nq; k++)
        if (d->q[k].claimed < 0)
            loose_quote(&f, k);

    ws_quote *q = f.ns ? ws_xcalloc(f.ns, sizeof *q) : NULL;
    size_t m = 0;
    for (size_t i = 0; i < f.ns; i++) {
        const stmt *s = &f.s[i];
        ws_quote *x = &q[m];
        if (s->kind == K_DIRECT && !s->raw) {
            x->text = direct_text(d, s->qa, s->qb, s->gap0, s->gap1, &x->start,
                                  &x->end);
        } else {
            x->start = d->t[s->cs].start;
            x->end = d->t[s->ce - 1].end;
            x->text = ws_xstrndup(d->text + x->start, x->end - x->start);
        }
        if (!x->text[0]) {
            free(x->text);
            continue;
        }
        x->kind = kind_name[s->kind];
        x->speaker = s->who.speaker ? ws_xstrdup(s->who.speaker) : NULL;
        x->speaker_kind = who_kind[s->who.kind];
        x->mention = slice(d, s->who.ms, s->who.me, MENTION_MAX);
        x->cue = s->label ? ws_xstrdup(s->label)
                          : slice(d, s->cu0, s->cu1, MENTION_MAX);
        double conf = form_conf[s->form];
        if (!x->speaker)
            conf *= 0.7;
        if (s->who.pron)
            conf *= 0.95;
        x->confidence = conf;
        m++;
    }
    if (m)
        qsort(q, m, sizeof *q, by_start);
    else {
        free(q);
        q = NULL;
    }
    *out = q;
    *n = m;
    free(f.s);
    ws_qcast_cleanup(&f.cast);
    ws_qdoc_cleanup(d);
    return WS_OK;
}

void ws_quote_list_free(ws_quote *q, size_t n)
{
    if (!q)
        return;
    for (size_t i = 0; i < n; i++) {
        free(q[i].text);
        free(q[i].speaker);
        free(q[i].mention);
        free(q[i].cue);
    }
    free(q);
}
