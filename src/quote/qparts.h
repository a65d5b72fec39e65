/* Internals of the quote stage, shared by its files: the word classes of
 * the cue lexicon (cues.c), the token stream with paired quotation marks
 * and sentences (marks.c), speaker mentions and the per-article entity
 * table (speaker.c). quote.c turns these into statements. Not installed. */
#ifndef WS_QUOTE_QPARTS_H
#define WS_QUOTE_QPARTS_H

#include "../core/core.h"

/* ---- lexicon (cues.c) ---------------------------------------------------- */

/* Word classes; one folded word may have several. */
enum {
    QL_CUE = 1u << 0,    /* speech verb, finite: said, заявив, заявил */
    QL_CUEP = 1u << 1,   /* speech participle: saying, adding, додавши */
    QL_WEAK = 1u << 2,   /* counts only with a quoted fragment: called */
    QL_BARE = 1u << 3,   /* cue that may take a clause without "that" */
    QL_TITLE = 1u << 4,  /* office or role: president, міністр, генсек */
    QL_ORG = 1u << 5,    /* organisation head: ministry, Kremlin, уряд */
    QL_PRON = 1u << 6,   /* he/she and forms: він, его */
    QL_PLUR = 1u << 7,   /* they/them: вони, они */
    QL_IT = 1u << 8,     /* it */
    QL_ANON = 1u << 9,   /* source, official, джерело, источник */
    QL_DET = 1u << 10,   /* the, a, another, his */
    QL_DEF = 1u << 11,   /* definite determiner: the, this */
    QL_FORMER = 1u << 12, /* former, ex, колишній, бывший */
    QL_AUX = 1u << 13,   /* words between subject and cue: has, also */
    QL_MODAL = 1u << 14, /* would, could: the cue is hypothetical */
    QL_THAT = 1u << 15,  /* that, що, что, how */
    QL_STOP = 1u << 16,  /* capitalised, yet never part of a name */
    QL_PLACE = 1u << 17, /* country or bloc: a speaker that is no person */
    QL_HONOR = 1u << 18, /* Mr, Dr, пан */
    QL_PREP = 1u << 19,  /* preposition: ends a mention, blocks a bare clause */
    QL_BE = 1u << 20,    /* was, were, is: passive "was stated by" */
    QL_CONJ = 1u << 21,  /* and, or, but */
    QL_LABEL = 1u << 22, /* "Quote:" line labels */
    QL_AS = 1u << 23,    /* as, як, как */
    QL_BY = 1u << 24,    /* by: agent of a passive cue */
    QL_ACC = 1u << 25,   /* according (to), за/по (словами) */
    QL_WORDS = 1u << 26, /* словами, словам: "за словами X" */
    QL_THIS = 1u << 27,  /* this, це, этом: "Про це заявив X" */
    QL_TELL = 1u << 28,  /* told, tells: takes an object before "that" */
    QL_ABBR = 1u << 29,  /* abbreviation before a period: Mr, Jan, St */
    QL_OUT = 1u << 30,   /* particle of a two-word cue: pointed out */
};

/* Cue whose content may be an infinitive ("vowed to …"); outside the
 * enum, whose values must fit an int. */
#define QL_TO (1u << 31)

/* Classes of the folded word s[0..n) (lower case, ASCII apostrophes, as
 * ws_lex_fold writes it); 0 when unknown. Thread-safe. */
unsigned ws_qlex_lookup(const char *s, size_t n);

/* ---- tokens (marks.c) ------------------------------------------------------ */

enum { QT_WORD, QT_PUNCT, QT_MARK, QT_BREAK };

enum {
    QF_CAP = 1u << 0,     /* first letter upper case */
    QF_ALLCAP = 1u << 1,  /* two letters or more, all upper case */
    QF_POSS = 1u << 2,    /* ends in 's / ’s */
    QF_OPEN = 1u << 3,    /* quotation mark that opens a pair */
    QF_CLOSE = 1u << 4,   /* quotation mark that closes a pair */
    QF_CONT = 1u << 5,    /* mark that reopens a quote in a new paragraph */
    QF_DIGIT = 1u << 6,   /* word starts with a digit */
    QF_INNER = 1u << 7,   /* word with an inner period: U.S, a.m */
};

typedef struct qtok {
    uint32_t start, end;  /* bytes into the text */
    uint32_t fold, flen;  /* folded form in qdoc.folds (words only) */
    uint32_t cp;          /* the code point of punctuation and marks */
    uint32_t lex;         /* QL_* classes (words only) */
    uint32_t para, sent;
    int32_t quote;        /* outer quote containing this token, -1 */
    int32_t pair;         /* partner of a paired mark, -1 */
    uint16_t type, flags;
} qtok;

/* An outer quotation: the marks at tokens open and close (inclusive). */
typedef struct qspan {
    uint32_t open, close;
    int claimed;          /* statement that took it, -1 */
} qspan;

typedef struct qdoc {
    const char *text;
    size_t len;
    qtok *t;
    size_t n, cap;
    char *folds;
    size_t folds_len, folds_cap;
    qspan *q;
    size_t nq;
    uint32_t *sent_start; /* first token of each sentence */
    size_t nsent;
    bool slavic;          /* uk/ru: names inflect, match by stem */
} qdoc;

/* Caps. Text past QD_MAX_TEXT is not looked at; a direct quote longer than
 * QD_MAX_QUOTE bytes is not one (a stray mark, not speech). */
#define QD_MAX_TEXT ((size_t)4 << 20)
#define QD_MAX_QUOTE 4000
#define QD_MAX_OPEN 64

/* Tokenises text[0..len) (at most QD_MAX_TEXT bytes), pairs its quotation
 * marks, finds the outer quotes and the sentences. */
void ws_qdoc_build(qdoc *d, const char *text, size_t len, const char *lang);
void ws_qdoc_cleanup(qdoc *d);

static inline const char *qd_fold(const qdoc *d, size_t i)
{
    return d->folds + d->t[i].fold;
}
/* A word of time that heads an adjunct, not a speaker: "The next month,",
 * "Hours later,", a number. */
bool ws_qtime_word(const qdoc *d, size_t i);
/* True when token i is the word w (folded). */
bool ws_qdoc_is(const qdoc *d, size_t i, const char *w);
/* True when token i is one of the n folded words w[]. */
bool ws_qdoc_is_any(const qdoc *d, size_t i, const char *const *w, size_t n);
/* True when token i is punctuation with code point cp. */
static inline bool qd_punct(const qdoc *d, size_t i, uint32_t cp)
{
    return i < d->n && d->t[i].type == QT_PUNCT && d->t[i].cp == cp;
}
static inline bool qd_word(const qdoc *d, size_t i)
{
    return i < d->n && d->t[i].type == QT_WORD;
}
static inline bool qd_has(const qdoc *d, size_t i, unsigned bits)
{
    return qd_word(d, i) && (d->t[i].lex & bits);
}
/* A comma or a dash that separates a clause from its cue. */
bool ws_qdoc_sep(const qdoc *d, size_t i);

/* ---- speakers (speaker.c) -------------------------------------------------- */

enum { SK_NONE, SK_PERSON, SK_ORG, SK_ANON };

typedef struct qentity {
    char *name;           /* fullest form seen (arena) */
    char *words[6];       /* folded name words (arena) */
    size_t nwords;
    char *titles[4];      /* folded title words ("secretary general") */
    bool former[4];
    size_t ntitles;
    size_t last;          /* token of the latest mention */
    size_t mid;           /* mentions not at the start of a sentence */
    int gender;           /* QG_*: from the name, a title or a pronoun */
    bool nom;             /* display form read as a nominative (uk/ru) */
} qentity;

enum { QG_NONE, QG_MALE, QG_FEMALE };

typedef struct qcast {
    ws_arena arena;
    qentity *e;
    size_t n;
} qcast;

#define QC_MAX_ENTITIES 256

/* Builds the entity table from the names outside quotes. */
void ws_qcast_build(qcast *c, const qdoc *d);
void ws_qcast_cleanup(qcast *c);

/* True when token i is a capitalised word that names nobody: one word,
 * never seen but at the start of a sentence, no title ("Having", "Hours"). */
bool ws_qcast_stray(const qcast *c, const qdoc *d, size_t i);

/* True when mention [ms, me) ends in a person's name. */
bool ws_qcast_named(const qcast *c, const qdoc *d, size_t ms, size_t me);

/* A resolved speaker. */
typedef struct qwho {
    size_t ms, me;        /* mention tokens [ms, me), ms == me when none */
    const char *speaker;  /* NULL when unresolved (arena or entity) */
    int kind;             /* SK_* */
    int pron;             /* the mention is a pronoun or a generic "the official" */
} qwho;

/* Mention ending right before token end (walking back from the cue over
 * auxiliaries): [*ms, *me); false when there is none. */
bool ws_qmention_back(const qdoc *d, size_t lo, size_t end, size_t *ms,
                      size_t *me);
/* Mention starting at token start (after an inverted cue, "by",
 * "according to"): [*ms, *me); false when none. */
bool ws_qmention_fwd(const qdoc *d, size_t start, size_t hi, size_t *ms,
                     size_t *me);

/* Resolves mention [ms, me) to a speaker. last/last_kind: the speaker of
 * the previous statement (pronouns and "the official" refer to it);
 * before: the token where the statement is, for the latest-mention rule. */
void ws_qresolve(const qdoc *d, qcast *c, size_t ms, size_t me,
                 const char *last, int last_kind, qwho *out);

/* Nearest person name outside quotes in tokens [lo, hi), searched
 * backwards (only the person called want when want is not NULL); sets
 * the mention and speaker. */
bool ws_qnearest_person(const qdoc *d, qcast *c, size_t lo, size_t hi,
                        const char *want, qwho *out);

#endif
