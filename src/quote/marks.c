/* Tokens, quotation marks and sentences of an article body. One pass turns
 * the text into words, punctuation, quotation marks and paragraph breaks,
 * pairing the marks on a small stack as it goes (every style: " “ ” „ « »
 * ‘ ’ ‚ ' and `` ''); a second pass keeps the outer quotes and a third cuts
 * sentences outside them. Everything is linear in the text: the stack is
 * capped, unclosed marks are dropped at the end of their paragraph, and a
 * "quote" longer than QD_MAX_QUOTE bytes is no quote. */
#include "qparts.h"

#include "../meta/lex.h"

#include <stdlib.h>
#include <string.h>

enum { FAM_DOUBLE = 1, FAM_SINGLE = 2 };

typedef struct open_mark {
    uint32_t tok;
    uint32_t cp;
    int fam;
} open_mark;

bool ws_qdoc_is(const qdoc *d, size_t i, const char *w)
{
    if (!qd_word(d, i))
        return false;
    size_t n = strlen(w);
    return d->t[i].flen == n && memcmp(qd_fold(d, i), w, n) == 0;
}

bool ws_qdoc_is_any(const qdoc *d, size_t i, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (ws_qdoc_is(d, i, w[k]))
            return true;
    return false;
}

bool ws_qdoc_sep(const qdoc *d, size_t i)
{
    if (i >= d->n || d->t[i].type != QT_PUNCT)
        return false;
    uint32_t c = d->t[i].cp;
    return c == ',' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0x2012;
}

static qtok *push(qdoc *d, int type, size_t start, size_t end, uint32_t para)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->t = ws_xrealloc(d->t, d->cap * sizeof *d->t);
    }
    qtok *t = &d->t[d->n++];
    memset(t, 0, sizeof *t);
    t->type = (uint16_t)type;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->para = para;
    t->quote = -1;
    t->pair = -1;
    return t;
}

static void add_fold(qdoc *d, qtok *t)
{
    size_t n = t->end - t->start;
    size_t need = n * 2 + 8;
    if (d->folds_len + need > d->folds_cap) {
        d->folds_cap = (d->folds_cap + need) * 2;
        d->folds = ws_xrealloc(d->folds, d->folds_cap);
    }
    char *out = d->folds + d->folds_len;
    size_t k = ws_lex_fold(d->text + t->start, n, out, need - 1);
    /* "Ukraine's", "Drach's": the possessive is a flag, not part of the
     * word the lexicon and the names see. */
    if (k > 2 && out[k - 2] == '\'' && out[k - 1] == 's') {
        t->flags |= QF_POSS;
        k -= 2;
    }
    out[k] = '\0';
    t->fold = (uint32_t)d->folds_len;
    t->flen = (uint32_t)k;
    d->folds_len += k + 1;
    t->lex = ws_qlex_lookup(out, k);
    /* "He's said", "it's": a contraction, not a possessive. */
    if (t->lex & (QL_PRON | QL_PLUR | QL_IT))
        t->flags &= (uint16_t)~QF_POSS;
}

static bool is_digit_cp(uint32_t c)
{
    return c < 0x80 && ws_is_digit((unsigned char)c);
}

static bool word_cp(uint32_t c)
{
    return ws_lex_is_letter(c) || is_digit_cp(c) ||
           (c >= 0x300 && c < 0x370);
}

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    uint32_t c = 0;
    size_t k = i < n ? ws_utf8_decode(s + i, n - i, &c) : 0;
    if (len)
        *len = k;
    return c;
}

/* Code point before byte i (0 at the start). */
static uint32_t cp_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    uint32_t c;
    ws_utf8_decode(s + j, i - j, &c);
    return c;
}

static bool space_cp(uint32_t c)
{
    return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
           c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

static bool mark_cp(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E ||
           c == 0xAB || c == 0xBB || c == 0x2018 || c == 0x2019 ||
           c == 0x201A || c == '\'' || c == '`' || c == 0x201F;
}

/* Punctuation a quote may open after ("(“", "—«") or close before. */
static bool open_punct(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
           c == '-' || c == '/' || c == ':' || mark_cp(c);
}
static bool close_punct(uint32_t c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == ']' || c == '}' || c == 0x2026 ||
           c == 0x2014 || c == 0x2013 || c == '-' || mark_cp(c);
}

static int family(uint32_t c)
{
    return (c == 0x2018 || c == 0x2019 || c == 0x201A || c == '\'')
               ? FAM_SINGLE
               : FAM_DOUBLE;
}

/* Index in the stack of the innermost open mark of family fam, -1. */
static int top_of(const open_mark *st, int depth, int fam)
{
    for (int i = depth - 1; i >= 0; i--)
        if (st[i].fam == fam)
            return i;
    return -1;
}

typedef struct pairing {
    open_mark st[QD_MAX_OPEN];
    int depth;
    bool reopen; /* the next paragraph's first mark continues a quote */
} pairing;

static void close_at(qdoc *d, pairing *p, int at, size_t tok)
{
    uint32_t o = p->st[at].tok;
    d->t[o].pair = (int32_t)tok;
    d->t[tok].pair = (int32_t)o;
    d->t[o].flags |= QF_OPEN;
    d->t[tok].flags |= QF_CLOSE;
    p->depth = at;
}

static void open_at(qdoc *d, pairing *p, size_t tok, uint32_t c)
{
    if (p->depth >= QD_MAX_OPEN)
        return;
    p->st[p->depth].tok = (uint32_t)tok;
    p->st[p->depth].cp = c;
    p->st[p->depth].fam = family(c);
    p->depth++;
    (void)d;
}

/* True when a mark at token tok stands where a quote may open: at a
 * paragraph's start or after a stop, a colon or a comma. */
static bool opens_here(const qdoc *d, size_t tok)
{
    if (tok == 0 || d->t[tok - 1].type == QT_BREAK)
        return true;
    const qtok *t = &d->t[tok - 1];
    return t->type == QT_PUNCT && (t->cp == '.' || t->cp == '!' ||
                                   t->cp == '?' || t->cp == ':' ||
                                   t->cp == ',');
}

/* Decides what the mark at token tok (code point c, between prev and next)
 * does: the curly marks say which way they face, straight ones are read
 * from the flanking characters, and a closer always closes the innermost
 * open mark of its family. */
static void pair_mark(qdoc *d, pairing *p, size_t tok, uint32_t c,
                      uint32_t prev, uint32_t next)
{
    bool ps = space_cp(prev), ns = space_cp(next);
    bool left = !ns && (ps || open_punct(prev));
    bool right = !ps && (ns || close_punct(next));
    int fam = family(c);
    int top = top_of(p->st, p->depth, fam);
    switch (c) {
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
    case 0xAB:   /* « */
        if (!ns || ps)
            open_at(d, p, tok, c);
        return;
    case 0xBB: /* » */
        if (top >= 0)
            close_at(d, p, top, tok);
        return;
    case 0x201C: /* “ closes „ in Ukrainian and German usage */
        if (top >= 0 && right && !left && p->st[top].cp == 0x201E) {
            close_at(d, p, top, tok);
            return;
        }
        if (top >= 0 && right && !left && p->st[top].cp == 0x201C) {
            close_at(d, p, top, tok);
            return;
        }
        if (!ns)
            open_at(d, p, tok, c);
        return;
    case 0x201D: /* ” closes; opens only where it clearly faces right */
        if (top >= 0 && (right || !left))
            close_at(d, p, top, tok);
        else if (left && !right)
            open_at(d, p, tok, c);
        else if (top < 0 && ps && ns && d->text[d->t[tok].start] != '\'' &&
                 opens_here(d, tok))
            open_at(d, p, tok, c); /* "he says, ” there are …" */
        return;
    case 0x2018: /* ‘ */
        if (left || (ps && !ns))
            open_at(d, p, tok, c);
        else if (top >= 0 && right)
            close_at(d, p, top, tok);
        return;
    case 0x2019: /* ’ outside a word: closes an open single quote */
    case '\'':
        if (top >= 0 && right && !left)
            close_at(d, p, top, tok);
        else if (c == '\'' && left && !right && ps)
            open_at(d, p, tok, c);
        return;
    default: /* straight " */
        if (top >= 0 && right && !left)
            close_at(d, p, top, tok);
        else if (left && !right)
            open_at(d, p, tok, c);
        else if (top >= 0)
            close_at(d, p, top, tok);
        else if (left)
            open_at(d, p, tok, c);
        return;
    }
}

/* First non-space character of the paragraph that starts at byte i. */
static bool para_opens_with_mark(const char *s, size_t n, size_t i)
{
    while (i < n && ws_is_space((unsigned char)s[i]))
        i++;
    uint32_t c = cp_at(s, n, i, NULL);
    return c == '"' || c == 0x201C || c == 0xAB || c == 0x201E ||
           (c == '`' && i + 1 < n && s[i + 1] == '`');
}

static void tokenize(qdoc *d)
{
    const char *s = d->text;
    size_t n = d->len, i = 0;
    uint32_t para = 0;
    pairing p = {.depth = 0};
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b == '\n') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j < n && s[j] == '\n') {
                while (j < n && ws_is_space((unsigned char)s[j]))
                    j++;
                push(d, QT_BREAK, i, i, para);
                para++;
                /* A quote runs on into the next paragraph when that one
                 * opens with a mark, the quote is the only one open and
                 * it opened a paragraph or followed a colon (a stray mark
                 * mid-sentence, "until the ”new pipe", runs on into
                 * nothing); anything else still open here was no quote. */
                size_t ot = p.depth == 1 ? p.st[0].tok : 0;
                bool starts = p.depth == 1 &&
                              (ot == 0 || d->t[ot - 1].type == QT_BREAK ||
                               (d->t[ot - 1].type == QT_PUNCT &&
                                d->t[ot - 1].cp == ':'));
                p.reopen = starts && p.st[0].fam == FAM_DOUBLE &&
                           para_opens_with_mark(s, n, j) &&
                           d->t[p.st[0].tok].start + QD_MAX_QUOTE > j;
                if (!p.reopen)
                    p.depth = 0;
                i = j;
                continue;
            }
            i++;
            continue;
        }
        size_t k = ws_lex_space(s + i, n - i);
        if (!k)
            k = ws_lex_invisible(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        size_t clen;
        uint32_t c = cp_at(s, n, i, &clen);
        if (word_cp(c)) {
            size_t j = i + clen;
            size_t seg = 1; /* letters since the start or an inner period */
            bool inner = false;
            for (;;) {
                size_t l2;
                uint32_t c2 = cp_at(s, n, j, &l2);
                if (j < n && word_cp(c2)) {
                    j += l2;
                    seg++;
                    continue;
                }
                size_t l3;
                uint32_t c3 = cp_at(s, n, j + l2, &l3);
                if (j < n && (ws_lex_is_apostrophe(c2) || c2 == '-' ||
                              c2 == 0x2010 || c2 == 0x2011) &&
                    j + l2 < n && word_cp(c3)) {
                    j += l2 + l3;
                    seg++;
                    continue;
                }
                /* U.S, a.m, D.C: an inner period after one letter. */
                if (j < n && c2 == '.' && seg == 1 && j + 1 < n &&
                    ws_lex_is_letter(c3)) {
                    uint32_t c4 = cp_at(s, n, j + 1 + l3, NULL);
                    if (!ws_lex_is_letter(c4)) {
                        j += 1 + l3;
                        inner = true;
                        continue;
                    }
                }
                break;
            }
            qtok *t = push(d, QT_WORD, i, j, para);
            if (ws_lex_is_upper(c)) {
                t->flags |= QF_CAP;
                bool all = true;
                size_t letters = 0;
                for (size_t x = i; x < j;) {
                    size_t l;
                    uint32_t cx = cp_at(s, n, x, &l);
                    if (ws_lex_is_letter(cx)) {
                        letters++;
                        if (!ws_lex_is_upper(cx))
                            all = false;
                    }
                    x += l;
                }
                if (all && letters >= 2)
                    t->flags |= QF_ALLCAP;
            }
            if (is_digit_cp(c))
                t->flags |= QF_DIGIT;
            if (inner)
                t->flags |= QF_INNER;
            add_fold(d, t);
            i = j;
            continue;
        }
        /* `` and '' (PTB style) are one mark each. */
        size_t mlen = clen;
        uint32_t mc = c;
        if ((c == '`' || c == '\'') && i + 1 < n && s[i + 1] == (char)c) {
            mlen = 2;
            mc = c == '`' ? 0x201C : 0x201D;
        } else if (c == '`') {
            mc = 0x2018;
        } else if (c == 0x201F) {
            mc = 0x201C;
        }
        if (mark_cp(c)) {
            qtok *t = push(d, QT_MARK, i, i + mlen, para);
            t->cp = c;
            if (p.reopen && family(mc) == FAM_DOUBLE) {
                /* The reopening mark of a quote run over paragraphs. */
                t->flags |= QF_CONT;
                p.reopen = false;
            } else {
                p.reopen = false;
                pair_mark(d, &p, d->n - 1, mc, cp_before(s, i),
                          cp_at(s, n, i + mlen, NULL));
            }
            i += mlen;
            continue;
        }
        p.reopen = false;
        qtok *t = push(d, QT_PUNCT, i, i + clen, para);
        t->cp = c;
        i += clen;
    }
}

/* Keeps outer quotes: paired, not inside a kept quote, not too long. */
static void outer_quotes(qdoc *d)
{
    size_t cap = 0;
    size_t end = 0; /* first token after the current outer quote */
    for (size_t i = 0; i < d->n; i++) {
        qtok *t = &d->t[i];
        if (i < end) {
            t->quote = (int32_t)d->nq - 1;
            continue;
        }
        if (t->type != QT_MARK || !(t->flags & QF_OPEN) || t->pair < 0 ||
            (size_t)t->pair <= i)
            continue;
        size_t c = (size_t)t->pair;
        if (d->t[c].end - t->start > QD_MAX_QUOTE)
            continue;
        if (d->nq == cap) {
            cap = cap ? cap * 2 : 16;
            d->q = ws_xrealloc(d->q, cap * sizeof *d->q);
        }
        d->q[d->nq].open = (uint32_t)i;
        d->q[d->nq].close = (uint32_t)c;
        d->q[d->nq].claimed = -1;
        d->nq++;
        t->quote = (int32_t)d->nq - 1;
        end = c + 1;
    }
}

static bool sentence_end_punct(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* A cue within the next few tokens after i (the trailer of a quote: "Drach
 * added", "the NATO secretary general said"): then the quote and what
 * follows are one sentence. */
static bool cue_follows(const qdoc *d, size_t i)
{
    for (size_t j = i, k = 0; j < d->n && k < 8; j++, k++) {
        if (d->t[j].type != QT_WORD)
            return false;
        if (d->t[j].lex & (QL_CUE | QL_CUEP | QL_WEAK))
            return true;
    }
    return false;
}

/* After a quote that ended its own sentence, a capitalised cue phrase is
 * its trailer ("“… over.” Smith said on Tuesday.") only when the sentence
 * ends soon after the cue; "“… ongoing.” He said the FBI has …" opens a
 * new one. */
static bool trailer_follows(const qdoc *d, size_t i)
{
    size_t j = i, k = 0;
    while (j < d->n && k < 8 && d->t[j].type == QT_WORD &&
           !(d->t[j].lex & (QL_CUE | QL_CUEP | QL_WEAK)))
        j++, k++;
    if (j >= d->n || k >= 8 || d->t[j].type != QT_WORD)
        return false;
    j++;
    for (k = 0; j < d->n && d->t[j].type == QT_WORD; j++, k++)
        if (k >= 4 || (d->t[j].lex & QL_THAT))
            return false;
    return true;
}

static bool starts_sentence(const qdoc *d, size_t j)
{
    if (j >= d->n)
        return true;
    const qtok *t = &d->t[j];
    if (t->type == QT_BREAK)
        return true;
    if (t->type == QT_MARK)
        return (t->flags & QF_OPEN) || (t->flags & QF_CONT);
    if (t->type == QT_WORD)
        return (t->flags & (QF_CAP | QF_DIGIT)) != 0;
    return t->cp == '(' || t->cp == '[' || t->cp == 0x2014 ||
           t->cp == 0x2013 || t->cp == '-' || t->cp == 0x2022;
}

/* A period after an abbreviation or an initial does not end a sentence,
 * nor one glued between two words ("2.1 gigawatts", "U.S.", "example.com"). */
static bool abbreviation(const qdoc *d, size_t i)
{
    if (i > 0 && i + 1 < d->n && d->t[i].cp == '.' &&
        d->t[i - 1].end == d->t[i].start &&
        d->t[i + 1].start == d->t[i].end && d->t[i + 1].type == QT_WORD)
        return true;
    if (i == 0 || d->t[i - 1].type != QT_WORD ||
        d->t[i - 1].end != d->t[i].start)
        return false;
    const qtok *w = &d->t[i - 1];
    if (w->flags & QF_INNER)
        return true;
    if ((w->flags & QF_CAP) && w->end - w->start == 1)
        return true; /* an initial: "Donald J. Trump" */
    return (w->lex & QL_ABBR) != 0;
}

static void sentences(qdoc *d)
{
    size_t cap = 64;
    d->sent_start = ws_xmalloc(cap * sizeof *d->sent_start);
    d->nsent = 0;
    bool fresh = true;
    for (size_t i = 0; i < d->n; i++) {
        qtok *t = &d->t[i];
        if (t->type == QT_BREAK) {
            /* A paragraph break belongs to the sentence it ends. */
            t->sent = d->nsent ? (uint32_t)(d->nsent - 1) : 0;
            fresh = true;
            continue;
        }
        if (fresh) {
            if (d->nsent == cap) {
                cap *= 2;
                d->sent_start =
                    ws_xrealloc(d->sent_start, cap * sizeof *d->sent_start);
            }
            d->sent_start[d->nsent++] = (uint32_t)i;
            fresh = false;
        }
        t->sent = (uint32_t)(d->nsent - 1);
        bool inside = t->quote >= 0 && !(t->type == QT_MARK &&
                                         d->q[t->quote].close == i);
        if (inside)
            continue;
        if (t->type == QT_PUNCT && sentence_end_punct(t->cp) &&
            !abbreviation(d, i)) {
            size_t j = i + 1;
            while (j < d->n && d->t[j].type == QT_PUNCT &&
                   (sentence_end_punct(d->t[j].cp) || d->t[j].cp == ')'))
                j++;
            if (starts_sentence(d, j) && !(j < d->n && d->t[j].type == QT_WORD &&
                                           t->cp != '.' && cue_follows(d, j))) {
                for (size_t k = i + 1; k < j; k++)
                    d->t[k].sent = (uint32_t)(d->nsent - 1);
                i = j - 1;
                fresh = true;
            }
            continue;
        }
        /* The closing mark of a quote that ended its own sentence ("… will
         * continue." "That's …") ends the sentence too, unless a trailer
         * ("Drach added") follows. */
        if (t->type == QT_MARK && t->quote >= 0 && d->q[t->quote].close == i &&
            i > 0 && d->t[i - 1].type == QT_PUNCT &&
            sentence_end_punct(d->t[i - 1].cp)) {
            size_t j = i + 1;
            if (j < d->n && (d->t[j].type == QT_BREAK ||
                             (d->t[j].type == QT_MARK &&
                              (d->t[j].flags & QF_OPEN)) ||
                             (d->t[j].type == QT_WORD &&
                              (d->t[j].flags & QF_CAP) && !trailer_follows(d, j))))
                fresh = true;
        }
    }
}

void ws_qdoc_build(qdoc *d, const char *text, size_t len, const char *lang)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = WS_MIN(len, QD_MAX_TEXT);
    d->slavic = lang && (strcmp(lang, "uk") == 0 || strcmp(lang, "ru") == 0 ||
                         strcmp(lang, "be") == 0);
    tokenize(d);
    outer_quotes(d);
    sentences(d);
}

void ws_qdoc_cleanup(qdoc *d)
{
    free(d->t);
    free(d->folds);
    free(d->q);
    free(d->sent_start);
    memset(d, 0, sizeof *d);
}
