/* The collection-wide speakers registry of the corpus stage. Pass 1 learns
 * every way the articles name a speaker and every dated "Title Name"
 * apposition; settling merges the spellings of one person (surname only,
 * other scripts, inflections), orders the holders of each title in time
 * and numbers the speakers; pass 2 maps a quote's speaker or mention to
 * one of them, or to none when the collection cannot tell. See
 * docs/speakers.md for the rules. */
#include "whosaid/corpus.h"

#include "../meta/lex.h"
#include "../quote/qparts.h"
#include "speaker_names.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Caps: memory grows with the distinct names and titles, never with the
 * articles; past these caps new ones are ignored. */
#define MAX_ENTRIES (1u << 20)
#define MAX_TITLES (1u << 16)
#define MAX_HOLDS (1u << 20)
#define MAX_ALIASES 32 /* listed per speaker, the first in byte order */
#define MAX_LISTED_TITLES 16
#define MAX_CANDS 16
#define MAX_PAIRS 256
#define MAX_SCAN 64 /* titles with one office word looked at per mention */
/* A holder still called current this long after a successor's first day,
 * most of its days as holder not before it, shares the title (two
 * countries' foreign ministers): their tenures overlap and a title-only
 * mention there resolves to nobody. */
#define OVERLAP_DAYS 60

enum { KIND_PERSON = 1, KIND_ORG = 2 };

/* An entry that fits several speakers (a shared surname) belongs to none. */
#define CL_AMBIG (UINT32_MAX - 1)

/* One way of naming a speaker: a person's name as written (up to case and
 * spelling of one script), or an organisation's. */
typedef struct entry {
    char *key;     /* kind and script letters, transliterated words */
    char *display; /* the best-written form seen */
    uint64_t hash;
    uint32_t count;
    uint32_t as_name;    /* of those, as the quote's speaker or apposed */
    int32_t first, last; /* dated sightings */
    uint8_t kind;
    uint8_t nwords;
} entry;

/* A title as the articles write it: "Alliance Secretary General". */
typedef struct title {
    char *key; /* transliterated words */
    char *display;
    char *head;      /* transliterated title-class words: "secretary general" */
    char *qual_lat;  /* the other words: "alliance" */
    char *qual_fold; /* the same, folded in their script, for the text */
    uint64_t hash;
} title;

/* What the articles say of one holder of one title: the days called its
 * holder (first, last, how many, their sum for the mean day) and called a
 * former holder; undated articles only count. */
typedef struct evidence {
    int64_t cur_sum;
    int32_t cur_first, cur_last, former_first, former_last;
    uint32_t n_cur, n_cur_nodate, n_former, n_former_nodate;
} evidence;

/* Evidence that entry who held (or had held: former) a title. */
typedef struct hold {
    uint32_t title, who;
    uint64_t hash;
    evidence ev;
} hold;

/* Open addressing over item indexes (stored plus one; 0 is empty). */
typedef struct table {
    uint32_t *slot;
    size_t cap, n;
} table;

/* After settling: one holder's tenure of one title. */
typedef struct tenure {
    uint32_t speaker;
    int32_t from, until; /* SN_NODATE: open (or unknown) */
    bool dated;          /* the interval can answer a dated mention */
    bool former;         /* evidence that it ended */
} tenure;

typedef struct cluster {
    const char *name;
    const char *key; /* of the entry giving the name: ties in the order */
    uint8_t kind;
    int32_t first, last;
    const char **aliases;
    size_t n_aliases;
    ws_speaker_title *titles;
    size_t n_titles;
} cluster;

/* The surname index: every full name with its speaker. */
typedef struct sname {
    const char *last_skel, *first_skel, *last_lat, *last_vow, *first_lat;
    bool first_cyr;
    uint32_t speaker;
} sname;

/* A title by its office words, for mentions that qualify it otherwise. */
typedef struct hitem {
    const char *head, *key;
    uint32_t t;
} hitem;

struct ws_speakers {
    entry *e;
    size_t ne, cap_e;
    table te;
    title *t;
    size_t nt, cap_t;
    table tt;
    hold *h;
    size_t nh, cap_h;
    table th;
    /* Settled state, rebuilt by each ws_speakers_settle. */
    bool settled;
    ws_arena arena;
    uint32_t *entry_cl; /* per entry, for the entries known at settling */
    size_t n_entry_cl;
    cluster *cl;
    size_t ncl;
    tenure *ten;    /* grouped by title */
    size_t *t_ten;  /* per title: first tenure; nt + 1 of them */
    size_t nt_ten;  /* titles known at settling */
    hitem *by_head; /* titles sorted by office words */
    sname *sn;      /* sorted by surname's, then first name's skeleton */
    size_t nsn;
};

/* ---- hash tables --------------------------------------------------------- */

typedef bool (*same_fn)(const ws_speakers *s, uint32_t idx, const void *key);

static uint32_t *slot_for(const ws_speakers *s, const table *tb, uint64_t h,
                          same_fn same, const void *key)
{
    size_t mask = tb->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t v = tb->slot[i];
        if (v == 0 || same(s, v - 1, key))
            return &tb->slot[i];
    }
}

/* Makes room for one more item; hashes come from hash_of. */
static void table_grow(ws_speakers *s, table *tb,
                       uint64_t (*hash_of)(const ws_speakers *, uint32_t))
{
    if ((tb->n + 1) * 2 <= tb->cap)
        return;
    size_t cap = tb->cap ? tb->cap * 2 : 256;
    uint32_t *slot = ws_xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < tb->cap; i++) {
        uint32_t v = tb->slot[i];
        if (!v)
            continue;
        size_t j = (size_t)hash_of(s, v - 1) & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = v;
    }
    free(tb->slot);
    tb->slot = slot;
    tb->cap = cap;
}

static bool same_entry(const ws_speakers *s, uint32_t i, const void *key)
{
    return strcmp(s->e[i].key, key) == 0;
}
static uint64_t entry_hash(const ws_speakers *s, uint32_t i)
{
    return s->e[i].hash;
}
static bool same_title(const ws_speakers *s, uint32_t i, const void *key)
{
    return strcmp(s->t[i].key, key) == 0;
}
static uint64_t title_hash(const ws_speakers *s, uint32_t i)
{
    return s->t[i].hash;
}
static bool same_hold(const ws_speakers *s, uint32_t i, const void *key)
{
    const uint32_t *k = key;
    return s->h[i].title == k[0] && s->h[i].who == k[1];
}
static uint64_t hold_hash(const ws_speakers *s, uint32_t i)
{
    return s->h[i].hash;
}

static uint64_t str_hash(const char *k)
{
    return ws_hash64(k, strlen(k));
}

/* ---- parsing names, titles and mentions ---------------------------------- */

/* A short string cut into words: the trailing name, the title words
 * before it, and whether a "former" qualifies them. */
typedef struct parsed {
    sn_word w[SN_MAX_WORDS];
    size_t n;
    size_t ts, te; /* title words */
    size_t ns, ne; /* name words (ns == ne: none) */
    bool former, title, slavic;
} parsed;

static bool ends(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

/* A transliterated patronymic: Андрійович, Сергеевич, Петрівна. */
static bool patronymic(const char *lat)
{
    return strlen(lat) > 6 &&
           (ends(lat, "ich") || ends(lat, "na") || ends(lat, "ych"));
}

static void parse(parsed *p, const char *s)
{
    memset(p, 0, sizeof *p);
    if (!s)
        return;
    p->n = sn_split(s, strlen(s), p->w, SN_MAX_WORDS);
    const sn_word *w = p->w;
    for (size_t i = 0; i < p->n; i++)
        p->slavic |= w[i].cyr;
    size_t ne = p->n, ns = p->n;
    /* The name ends the string ("Finance Minister Anna Kowalczyk"); a
     * Ukrainian or Russian one is a first name, maybe a patronymic, and a
     * surname; elsewhere up to four words ("Donald J. Trump"). */
    size_t max = p->slavic ? 3 : 4;
    while (ns > 0 && sn_name_word(&w[ns - 1]) && ne - ns < max &&
           (ns == ne || !w[ns - 1].poss))
        ns--;
    /* Three Ukrainian or Russian words are a name only with a patronymic
     * in the middle; else the first is a place in the genitive ("голова
     * Черкас Андрій Литвиненко"), which belongs to the title. */
    if (p->slavic && ne - ns == 3 && !patronymic(w[ne - 2].lat))
        ns++;
    p->ns = ns;
    p->ne = ne;
    size_t ts = 0;
    for (size_t i = 0; i < ns; i++) {
        if (w[i].lex & QL_FORMER) {
            p->former = true;
            ts = i + 1;
        }
    }
    /* Determiners and plain lower-case words at the left edge ("the",
     * "the new") qualify nothing that names the office; in Ukrainian and
     * Russian the office word comes first and its organisation after it
     * ("голова ради"). */
    while (ts < ns && !(w[ts].lex & QL_TITLE) &&
           ((w[ts].lex & QL_DET) || p->slavic || !(w[ts].cap || w[ts].allcap)))
        ts++;
    if (ns - ts > 6)
        ts = ns - 6;
    p->ts = ts;
    p->te = ns;
    bool any = false;
    for (size_t i = ts; i < ns; i++)
        any |= (w[i].lex & QL_TITLE) != 0;
    /* "Finance Minister Anna Kowalczyk": in English the office word
     * comes right before the name or ends a title-only mention. */
    p->title = any && (p->slavic || (w[ns - 1].lex & QL_TITLE));
}

static bool has_name(const parsed *p)
{
    return p->ne > p->ns;
}

/* The form of the words that names a thing well: more words written with
 * a capital and lower case after it, then the least in byte order. */
static bool better_display(const char *a, const char *b)
{
    sn_word wa[SN_MAX_WORDS], wb[SN_MAX_WORDS];
    size_t na = sn_split(a, strlen(a), wa, SN_MAX_WORDS);
    size_t nb = sn_split(b, strlen(b), wb, SN_MAX_WORDS);
    size_t ca = 0, cb = 0;
    for (size_t i = 0; i < na; i++)
        ca += wa[i].cap && !wa[i].allcap;
    for (size_t i = 0; i < nb; i++)
        cb += wb[i].cap && !wb[i].allcap;
    if (ca != cb)
        return ca > cb;
    return strcmp(a, b) < 0;
}

/* ---- learning ------------------------------------------------------------ */

ws_speakers *ws_speakers_new(void)
{
    ws_speakers *s = ws_xcalloc(1, sizeof *s);
    ws_arena_init(&s->arena);
    return s;
}

static void unsettle(ws_speakers *s)
{
    ws_arena_cleanup(&s->arena);
    ws_arena_init(&s->arena);
    for (size_t i = 0; i < s->ncl; i++) {
        free(s->cl[i].aliases);
        free(s->cl[i].titles);
    }
    free(s->cl);
    free(s->entry_cl);
    free(s->ten);
    free(s->t_ten);
    free(s->by_head);
    free(s->sn);
    s->cl = NULL;
    s->entry_cl = NULL;
    s->ten = NULL;
    s->t_ten = NULL;
    s->by_head = NULL;
    s->sn = NULL;
    s->ncl = s->n_entry_cl = s->nt_ten = s->nsn = 0;
    s->settled = false;
}

void ws_speakers_free(ws_speakers *s)
{
    if (!s)
        return;
    unsettle(s);
    ws_arena_cleanup(&s->arena);
    for (size_t i = 0; i < s->ne; i++) {
        free(s->e[i].key);
        free(s->e[i].display);
    }
    for (size_t i = 0; i < s->nt; i++) {
        free(s->t[i].key);
        free(s->t[i].display);
        free(s->t[i].head);
        free(s->t[i].qual_lat);
        free(s->t[i].qual_fold);
    }
    free(s->e);
    free(s->t);
    free(s->h);
    free(s->te.slot);
    free(s->tt.slot);
    free(s->th.slot);
    free(s);
}

static void seen(int32_t *first, int32_t *last, int32_t day)
{
    if (day == SN_NODATE)
        return;
    if (*first == SN_NODATE || day < *first)
        *first = day;
    if (*last == SN_NODATE || day > *last)
        *last = day;
}

/* The key of words w[from..to) of a kind: "pl anna kowalczyk"; a name in
 * Cyrillic ("pc mark riutte") is a form of its own, so that it is listed
 * among the aliases even when it transliterates to the Latin one. */
static void entry_key(ws_buf *b, int kind, const sn_word *w, size_t from,
                      size_t to)
{
    bool cyr = false;
    for (size_t i = from; i < to; i++)
        cyr |= w[i].cyr;
    ws_buf_clear(b);
    ws_buf_puts(b, kind == KIND_ORG ? "o" : "p");
    ws_buf_puts(b, cyr ? "c" : "l");
    sn_join(b, w, from, to, 2);
}

/* Adds (or counts again) the speaker named by w[from..to); returns its
 * entry index, or UINT32_MAX past the cap. */
static uint32_t add_entry(ws_speakers *s, int kind, const sn_word *w,
                          size_t from, size_t to, int32_t day, bool as_name)
{
    if (to <= from)
        return UINT32_MAX;
    ws_buf k, d;
    ws_buf_init(&k, SN_MAX_TEXT * 4);
    ws_buf_init(&d, SN_MAX_TEXT * 2);
    entry_key(&k, kind, w, from, to);
    if (kind == KIND_ORG) {
        /* An organisation keeps its words as written: "Ukraine's Foreign
         * Ministry". */
        const char *a = w[from].s, *b = w[to - 1].s + w[to - 1].n;
        while (*b && *b != ' ' && *b != ',' && *b != '.' && *b != ';')
            b++;
        ws_buf_append(&d, a, (size_t)(b - a));
    } else {
        sn_join(&d, w, from, to, 0);
    }
    const char *key = ws_buf_cstr(&k), *disp = ws_buf_cstr(&d);
    uint32_t idx = UINT32_MAX;
    table_grow(s, &s->te, entry_hash);
    uint64_t h = str_hash(key);
    uint32_t *sl = slot_for(s, &s->te, h, same_entry, key);
    if (*sl) {
        idx = *sl - 1;
    } else if (s->ne < MAX_ENTRIES && k.len > 3) {
        if (s->ne == s->cap_e) {
            s->cap_e = s->cap_e ? s->cap_e * 2 : 256;
            s->e = ws_xrealloc(s->e, s->cap_e * sizeof *s->e);
        }
        idx = (uint32_t)s->ne++;
        entry *x = &s->e[idx];
        memset(x, 0, sizeof *x);
        x->key = ws_xstrdup(key);
        x->display = ws_xstrdup(disp);
        x->hash = h;
        x->kind = (uint8_t)kind;
        x->nwords = (uint8_t)(to - from);
        x->first = x->last = SN_NODATE;
        *sl = idx + 1;
        s->te.n++;
    }
    if (idx != UINT32_MAX) {
        entry *x = &s->e[idx];
        x->count++;
        x->as_name += as_name;
        seen(&x->first, &x->last, day);
        if (strcmp(disp, x->display) != 0 && better_display(disp, x->display)) {
            free(x->display);
            x->display = ws_xstrdup(disp);
        }
    }
    ws_buf_cleanup(&k);
    ws_buf_cleanup(&d);
    return idx;
}

/* Adds the title written by p's title words; returns its index or
 * UINT32_MAX. */
static uint32_t add_title(ws_speakers *s, const parsed *p)
{
    ws_buf k, d, hd, ql, qf;
    ws_buf_init(&k, 0);
    ws_buf_init(&d, 0);
    ws_buf_init(&hd, 0);
    ws_buf_init(&ql, 0);
    ws_buf_init(&qf, 0);
    for (size_t i = p->ts; i < p->te; i++) {
        const sn_word *w = &p->w[i];
        if (w->lex & QL_DET)
            continue;
        sn_join(&k, p->w, i, i + 1, 2);
        sn_join(&d, p->w, i, i + 1, 0);
        if (w->lex & QL_TITLE) {
            sn_join(&hd, p->w, i, i + 1, 2);
        } else {
            sn_join(&ql, p->w, i, i + 1, 2);
            sn_join(&qf, p->w, i, i + 1, 1);
        }
    }
    uint32_t idx = UINT32_MAX;
    const char *key = ws_buf_cstr(&k), *disp = ws_buf_cstr(&d);
    if (k.len && hd.len) {
        table_grow(s, &s->tt, title_hash);
        uint64_t h = str_hash(key);
        uint32_t *sl = slot_for(s, &s->tt, h, same_title, key);
        if (*sl) {
            idx = *sl - 1;
            title *t = &s->t[idx];
            if (strcmp(disp, t->display) != 0 &&
                better_display(disp, t->display)) {
                free(t->display);
                t->display = ws_xstrdup(disp);
            }
        } else if (s->nt < MAX_TITLES) {
            if (s->nt == s->cap_t) {
                s->cap_t = s->cap_t ? s->cap_t * 2 : 64;
                s->t = ws_xrealloc(s->t, s->cap_t * sizeof *s->t);
            }
            idx = (uint32_t)s->nt++;
            title *t = &s->t[idx];
            t->key = ws_xstrdup(key);
            t->display = ws_xstrdup(disp);
            t->head = ws_xstrdup(ws_buf_cstr(&hd));
            t->qual_lat = ws_xstrdup(ws_buf_cstr(&ql));
            t->qual_fold = ws_xstrdup(ws_buf_cstr(&qf));
            t->hash = h;
            *sl = idx + 1;
            s->tt.n++;
        }
    }
    ws_buf_cleanup(&k);
    ws_buf_cleanup(&d);
    ws_buf_cleanup(&hd);
    ws_buf_cleanup(&ql);
    ws_buf_cleanup(&qf);
    return idx;
}

static void add_hold(ws_speakers *s, uint32_t t, uint32_t who, bool former,
                     int32_t day)
{
    if (t == UINT32_MAX || who == UINT32_MAX)
        return;
    uint32_t key[2] = {t, who};
    uint64_t h = ws_hash64(key, sizeof key);
    table_grow(s, &s->th, hold_hash);
    uint32_t *sl = slot_for(s, &s->th, h, same_hold, key);
    hold *x;
    if (*sl) {
        x = &s->h[*sl - 1];
    } else {
        if (s->nh >= MAX_HOLDS)
            return;
        if (s->nh == s->cap_h) {
            s->cap_h = s->cap_h ? s->cap_h * 2 : 256;
            s->h = ws_xrealloc(s->h, s->cap_h * sizeof *s->h);
        }
        x = &s->h[s->nh];
        memset(x, 0, sizeof *x);
        x->title = t;
        x->who = who;
        x->hash = h;
        x->ev.cur_first = x->ev.cur_last = SN_NODATE;
        x->ev.former_first = x->ev.former_last = SN_NODATE;
        *sl = (uint32_t)++s->nh;
        s->th.n++;
    }
    evidence *v = &x->ev;
    if (former) {
        if (day == SN_NODATE)
            v->n_former_nodate++;
        else
            v->n_former++;
        seen(&v->former_first, &v->former_last, day);
    } else if (day == SN_NODATE) {
        v->n_cur_nodate++;
    } else {
        v->n_cur++;
        v->cur_sum += day;
        seen(&v->cur_first, &v->cur_last, day);
    }
}

/* "Finance Minister Anna Kowalczyk", "former Finance Minister Jan
 * Nowak": a name with the office before it. */
static void learn_apposition(ws_speakers *s, const char *span, size_t n,
                             int32_t day)
{
    if (n > SN_MAX_TEXT)
        return;
    char buf[SN_MAX_TEXT + 1];
    memcpy(buf, span, n);
    buf[n] = '\0';
    parsed p;
    parse(&p, buf);
    if (!has_name(&p) || !p.title)
        return;
    uint32_t who = add_entry(s, KIND_PERSON, p.w, p.ns, p.ne, day, true);
    add_hold(s, add_title(s, &p), who, p.former, day);
}

/* A word that may be part of a person's name in the token stream. */
static bool tok_name(const qdoc *d, size_t i)
{
    return qd_word(d, i) && d->t[i].quote < 0 && (d->t[i].flags & QF_CAP) &&
           !(d->t[i].flags & (QF_ALLCAP | QF_DIGIT)) &&
           !(d->t[i].lex & (QL_STOP | QL_TITLE | QL_ORG | QL_PLACE | QL_HONOR |
                            QL_CUE | QL_CUEP | QL_LABEL | QL_ANON | QL_PRON |
                            QL_PLUR | QL_DET | QL_FORMER));
}

/* Finds the appositions of the article's text outside quotes: a run of
 * name words with office words (and the words that qualify the office)
 * right before it in the same sentence. */
static void learn_text(ws_speakers *s, const ws_article *a, int32_t day)
{
    qdoc d;
    memset(&d, 0, sizeof d);
    ws_qdoc_build(&d, a->text, a->text_len, a->language);
    for (size_t i = 0; i < d.n;) {
        if (!tok_name(&d, i)) {
            i++;
            continue;
        }
        size_t ns = i, ne = i;
        uint32_t sent = d.t[i].sent;
        while (ne < d.n && d.t[ne].sent == sent) {
            if (tok_name(&d, ne)) {
                ne++;
                continue;
            }
            /* "Donald J. Trump": an initial's period inside the name. */
            if (qd_punct(&d, ne, '.') && ne > ns &&
                d.t[ne - 1].end - d.t[ne - 1].start == 1 &&
                tok_name(&d, ne + 1) && d.t[ne + 1].sent == sent) {
                ne++;
                continue;
            }
            break;
        }
        i = ne;
        if (ne - ns > 4)
            continue;
        /* A capitalised word before a plain lower-case one qualifies it
         * ("Курганской области", "Baltic states"): no name. */
        if (ne - ns == 1 && qd_word(&d, ne) && d.t[ne].sent == sent &&
            !(d.t[ne].flags & QF_CAP) && d.t[ne].lex == 0)
            continue;
        size_t st = ns, k = 0, lowers = 0;
        bool office = false;
        while (st > 0 && k < 7) {
            size_t t = st - 1;
            if (!qd_word(&d, t) || d.t[t].quote >= 0 || d.t[t].sent != sent)
                break;
            unsigned lex = d.t[t].lex, fl = d.t[t].flags;
            if (lex & QL_FORMER) {
                st = t;
                break;
            }
            if (lex & QL_TITLE) {
                st = t, k++, office = true;
                continue;
            }
            if (lex &
                (QL_DET | QL_CUE | QL_CUEP | QL_LABEL | QL_PREP | QL_CONJ |
                 QL_THAT | QL_PRON | QL_PLUR | QL_BE | QL_AUX | QL_MODAL))
                break;
            if ((fl & (QF_CAP | QF_ALLCAP)) && !(lex & QL_STOP)) {
                st = t, k++;
                continue;
            }
            if (lex == 0 && !(fl & QF_DIGIT) && lowers < 3) {
                st = t, k++, lowers++;
                continue;
            }
            break;
        }
        if (!office)
            continue;
        /* A sentence's first word is capitalised anyway: it qualifies the
         * office when the office word follows it ("Finance Minister"), or
         * when it is an acronym, a possessive or a place. */
        if (st < ns && d.sent_start[sent] == st &&
            !(d.t[st].flags & (QF_ALLCAP | QF_POSS)) &&
            !(d.t[st].lex & (QL_TITLE | QL_PLACE | QL_FORMER)) &&
            !qd_has(&d, st + 1, QL_TITLE))
            st++;
        learn_apposition(s, a->text + d.t[st].start,
                         d.t[ne - 1].end - d.t[st].start, day);
    }
    ws_qdoc_cleanup(&d);
}

/* An organisation's name without its article: "the Pentagon" is
 * Pentagon. */
static size_t org_start(const parsed *p)
{
    size_t i = 0;
    while (i + 1 < p->n && (p->w[i].lex & QL_DET))
        i++;
    return i;
}

/* A title-only string the quote stage gave as an organisation ("голова
 * АМКУ" with no holder in the article). */
static bool office_only(const parsed *p)
{
    return p->n && (p->w[org_start(p)].lex & QL_TITLE) && !has_name(p);
}

static bool all_names(const parsed *p)
{
    return p->n && p->ns == 0 && has_name(p);
}

/* "the company", "harbour master's office": an organisation the words
 * do not name (no capital) is one per article, like an anonymous source. */
static bool org_named(const parsed *p)
{
    for (size_t i = org_start(p); i < p->n; i++)
        if (p->w[i].cap || p->w[i].allcap)
            return true;
    return false;
}

static void learn_quote(ws_speakers *s, const ws_quote *q, int32_t day)
{
    const char *kind = q->speaker_kind;
    if (!kind || !q->speaker || strcmp(kind, "anonymous") == 0)
        return;
    parsed sp, mn;
    parse(&sp, q->speaker);
    if (strcmp(kind, "organisation") == 0) {
        if (!office_only(&sp) && org_named(&sp))
            add_entry(s, KIND_ORG, sp.w, org_start(&sp), sp.n, day, true);
        return;
    }
    if (!has_name(&sp))
        return;
    uint32_t who = add_entry(s, KIND_PERSON, sp.w, sp.ns, sp.ne, day, true);
    parse(&mn, q->mention);
    /* Another form of the name ("Kowalczyk", "Анни Ковальчик") is how articles
     * call the speaker; an office-only mention the quote stage resolved in
     * its article ("the Alliance secretary general") is an office the
     * speaker held that day. */
    if (all_names(&mn) &&
        (mn.ne - mn.ns != sp.ne - sp.ns || strcmp(q->mention, q->speaker) != 0))
        add_entry(s, KIND_PERSON, mn.w, mn.ns, mn.ne, day, false);
    else if (!has_name(&mn) && mn.title)
        add_hold(s, add_title(s, &mn), who, mn.former, day);
}

void ws_speakers_learn(ws_speakers *s, const ws_article *a)
{
    if (!s || !a)
        return;
    int32_t day = sn_day(a->date);
    for (size_t i = 0; i < a->n_quotes; i++)
        learn_quote(s, &a->quotes[i], day);
    if (a->text && a->text_len)
        learn_text(s, a, day);
}

/* ---- settling ------------------------------------------------------------ */

/* What settling needs of a person entry's words. */
typedef struct pinfo {
    const char *first_lat, *first_skel, *last_lat, *last_skel, *last_vow;
    bool first_cyr, last_cyr, initial;
    size_t nwords;
} pinfo;

static const char *arena_dup(ws_arena *a, const char *s)
{
    return ws_arena_strndup(a, s, strlen(s));
}

static void person_info(ws_speakers *s, const entry *x, pinfo *pi)
{
    sn_word w[SN_MAX_WORDS];
    size_t n = sn_split(x->display, strlen(x->display), w, SN_MAX_WORDS);
    memset(pi, 0, sizeof *pi);
    pi->first_lat = pi->first_skel = pi->last_lat = pi->last_skel =
        pi->last_vow = "";
    if (n == 0)
        return;
    char buf[SN_MAX_WORD];
    pi->nwords = n;
    pi->first_lat = arena_dup(&s->arena, w[0].lat);
    sn_skeleton(w[0].lat, buf, sizeof buf);
    pi->first_skel = arena_dup(&s->arena, buf);
    pi->first_cyr = w[0].cyr;
    pi->initial = n >= 2 && w[0].initial;
    pi->last_lat = arena_dup(&s->arena, w[n - 1].lat);
    pi->last_cyr = w[n - 1].cyr;
    sn_skeleton(w[n - 1].lat, buf, sizeof buf);
    pi->last_skel = arena_dup(&s->arena, buf);
    sn_vowels(w[n - 1].lat, buf, sizeof buf);
    pi->last_vow = arena_dup(&s->arena, buf);
}

/* One surname written two ways: the same letters, or the same skeleton
 * when it has three consonants or more, else the same vowel form too
 * ("Otte"/"Отте"). The skeletons are already known to be equal. */
static bool same_surname(const char *lat_a, const char *vow_a, const char *skel,
                         const char *lat_b, const char *vow_b)
{
    if (strcmp(lat_a, lat_b) == 0)
        return true;
    if (skel[0] == '\0')
        return false;
    return strlen(skel) >= 3 || strcmp(vow_a, vow_b) == 0;
}

static bool same_first_lat(const char *a, bool acyr, const char *b, bool bcyr)
{
    sn_word x, y;
    memset(&x, 0, sizeof x);
    memset(&y, 0, sizeof y);
    snprintf(x.lat, sizeof x.lat, "%s", a);
    snprintf(y.lat, sizeof y.lat, "%s", b);
    x.cyr = acyr;
    y.cyr = bcyr;
    return sn_same_first(&x, &y);
}

static uint32_t find_root(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Unions keep the least index as the root, so roots do not depend on the
 * order of the unions. */
static void unite(uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

/* A full name in the order that groups surnames: skeleton, first name's
 * skeleton (two spellings of one first name always share it), then key
 * (the order learn met them in is not one to depend on). */
typedef struct fitem {
    const char *skel, *fskel, *key;
    uint32_t e;
} fitem;

static int cmp_fitem(const void *pa, const void *pb)
{
    const fitem *a = pa, *b = pb;
    int c = strcmp(a->skel, b->skel);
    if (c)
        return c;
    c = strcmp(a->fskel, b->fskel);
    return c ? c : strcmp(a->key, b->key);
}

/* The first of n sorted items (size bytes each) whose string at byte
 * offset off is not less than key. */
static size_t first_at_least(const void *base, size_t n, size_t size,
                             size_t off, const char *key)
{
    const char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        const char *v;
        memcpy(&v, b + m * size + off, sizeof v);
        if (strcmp(v, key) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static bool add_cand(uint32_t *c, size_t *n, uint32_t v)
{
    for (size_t i = 0; i < *n; i++)
        if (c[i] == v)
            return true;
    if (*n >= MAX_CANDS)
        return false;
    c[(*n)++] = v;
    return true;
}

/* The groups (roots) a surname-only or initial-first entry may belong to:
 * full names with that very surname, else with one written another way. */
static size_t surname_roots(uint32_t *parent, const fitem *full, size_t nf,
                            const pinfo *all, const pinfo *pi, uint32_t *out)
{
    size_t n = 0;
    size_t lo = first_at_least(full, nf, sizeof *full, offsetof(fitem, skel),
                               pi->last_skel);
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        for (size_t i = lo; i < nf && strcmp(full[i].skel, pi->last_skel) == 0;
             i++) {
            const pinfo *f = &all[full[i].e];
            bool ok = pass == 0
                          ? strcmp(f->last_lat, pi->last_lat) == 0
                          : same_surname(f->last_lat, f->last_vow, f->last_skel,
                                         pi->last_lat, pi->last_vow);
            if (ok && pi->initial && f->first_lat[0] != pi->first_lat[0])
                ok = false;
            if (ok && !add_cand(out, &n, find_root(parent, full[i].e)))
                return n; /* more than enough to be ambiguous */
        }
    }
    return n;
}

/* A speaker before numbering. */
typedef struct ccand {
    uint32_t root, best;
    const char *name, *key;
    uint8_t kind;
} ccand;

/* The entry that names a group best: the fullest name, then the most
 * often given as a speaker's name, then the most often seen, then the best
 * written, then the least key. */
static bool better_name(const ws_speakers *s, const pinfo *pi, uint32_t a,
                        uint32_t b)
{
    const entry *x = &s->e[a], *y = &s->e[b];
    size_t wa = x->kind == KIND_PERSON ? pi[a].nwords : x->nwords;
    size_t wb = y->kind == KIND_PERSON ? pi[b].nwords : y->nwords;
    if (wa != wb)
        return wa > wb;
    /* The quote stage gives a speaker in the nominative; a mention may be
     * inflected ("за словами Анни Ковальчик"), however often it occurs. */
    if (x->as_name != y->as_name)
        return x->as_name > y->as_name;
    if (x->count != y->count)
        return x->count > y->count;
    if (strcmp(x->display, y->display) != 0)
        return better_display(x->display, y->display);
    return strcmp(x->key, y->key) < 0;
}

static int cmp_cand(const void *pa, const void *pb)
{
    const ccand *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return strcmp(a->key, b->key);
}

static int cmp_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Aggregated evidence of one title held by one speaker. */
typedef struct agg {
    uint32_t title, speaker;
    evidence ev;
} agg;

static int cmp_agg(const void *pa, const void *pb)
{
    const agg *a = pa, *b = pb;
    if (a->title != b->title)
        return a->title < b->title ? -1 : 1;
    if (a->speaker != b->speaker)
        return a->speaker < b->speaker ? -1 : 1;
    return 0;
}

static int cmp_cur(const void *pa, const void *pb)
{
    const agg *a = pa, *b = pb;
    if (a->ev.cur_first != b->ev.cur_first)
        return a->ev.cur_first < b->ev.cur_first ? -1 : 1;
    return a->speaker < b->speaker ? -1 : a->speaker > b->speaker;
}

static int32_t min_day(int32_t a, int32_t b)
{
    if (a == SN_NODATE)
        return b;
    if (b == SN_NODATE)
        return a;
    return a < b ? a : b;
}

/* The tenures of one title from its holders' evidence (a[0..n), sorted
 * by speaker). Current holders in order of their first day: each holds
 * until the day before the next one's first day (or, when still called
 * current long after that, until last seen so: a shared title), and no
 * later than the day before a "former" mention dated after they were
 * last called current. A holder only ever called former held it before
 * the first known current holder. */
static size_t tenures_of(agg *a, size_t n, tenure *out)
{
    size_t k = 0;
    agg *cur = ws_xmalloc((n + 1) * sizeof *cur);
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i].ev.n_cur)
            cur[nc++] = a[i];
    qsort(cur, nc, sizeof *cur, cmp_cur);
    int32_t first_from = nc ? cur[0].ev.cur_first : SN_NODATE;
    for (size_t i = 0; i < nc; i++) {
        const agg *h = &cur[i];
        tenure *t = &out[k++];
        t->speaker = h->speaker;
        t->from = h->ev.cur_first;
        t->until = SN_NODATE;
        t->dated = true;
        t->former = h->ev.n_former || h->ev.n_former_nodate;
        size_t j = i + 1;
        while (j < nc && cur[j].ev.cur_first == h->ev.cur_first)
            j++;
        if (j < nc) {
            int32_t next = cur[j].ev.cur_first;
            /* Called holder long after the next one came: a shared title,
             * unless most of those days precede the successor (then the
             * late ones retell the past). */
            int64_t mean = h->ev.cur_sum / (int64_t)h->ev.n_cur;
            t->until = h->ev.cur_last > next + OVERLAP_DAYS && mean >= next
                           ? h->ev.cur_last
                           : next - 1;
        }
        int32_t f = SN_NODATE;
        if (h->ev.n_former && h->ev.former_first > h->ev.cur_last)
            f = h->ev.former_first;
        else if (h->ev.n_former && h->ev.former_last > h->ev.cur_last)
            f = h->ev.former_last; /* conflicting evidence: the latest */
        if (f != SN_NODATE)
            t->until = min_day(t->until, f - 1);
    }
    for (size_t i = 0; i < n; i++) {
        const agg *h = &a[i];
        if (h->ev.n_cur)
            continue;
        tenure *t = &out[k++];
        t->speaker = h->speaker;
        t->from = SN_NODATE;
        t->until = SN_NODATE;
        t->former = h->ev.n_former || h->ev.n_former_nodate;
        if (!t->former) {
            t->dated = false; /* called current, but never on a known day */
            continue;
        }
        if (h->ev.n_former)
            t->until = h->ev.former_first - 1;
        if (first_from != SN_NODATE &&
            (!h->ev.n_former || first_from <= h->ev.former_first))
            t->until = min_day(t->until, first_from - 1);
        t->dated = t->until != SN_NODATE;
    }
    free(cur);
    return k;
}

static const char *day_str(ws_arena *ar, int32_t d)
{
    if (d == SN_NODATE)
        return NULL;
    char buf[11];
    sn_day_str(d, buf);
    return arena_dup(ar, buf);
}

static int cmp_listed(const void *pa, const void *pb)
{
    const ws_speaker_title *a = pa, *b = pb;
    /* Unknown first days first; "YYYY-MM-DD" sorts as text. */
    if (!a->from != !b->from)
        return a->from ? 1 : -1;
    int c = a->from ? strcmp(a->from, b->from) : 0;
    if (c)
        return c;
    c = strcmp(a->title, b->title);
    if (c)
        return c;
    if (!a->until != !b->until)
        return a->until ? -1 : 1;
    return a->until ? strcmp(a->until, b->until) : 0;
}

static int cmp_hitem(const void *pa, const void *pb)
{
    const hitem *a = pa, *b = pb;
    int c = strcmp(a->head, b->head);
    return c ? c : strcmp(a->key, b->key);
}

static int cmp_sname(const void *pa, const void *pb)
{
    const sname *a = pa, *b = pb;
    int c = strcmp(a->last_skel, b->last_skel);
    if (c)
        return c;
    c = strcmp(a->first_skel, b->first_skel);
    if (c)
        return c;
    c = strcmp(a->last_lat, b->last_lat);
    if (c)
        return c;
    c = strcmp(a->first_lat, b->first_lat);
    if (c)
        return c;
    return a->speaker < b->speaker ? -1 : a->speaker > b->speaker;
}

/* Groups the person entries: full names by surname and first name, then
 * surname-only and initial-first ones into the one group they fit (none
 * when two fit: marked ambiguous). Fills parent and amb. */
static void group_people(ws_speakers *s, const pinfo *pi, uint32_t *parent,
                         bool *amb)
{
    fitem *full = ws_xmalloc((s->ne + 1) * sizeof *full);
    size_t nf = 0;
    for (size_t i = 0; i < s->ne; i++)
        if (s->e[i].kind == KIND_PERSON && pi[i].nwords >= 2 &&
            !pi[i].initial && pi[i].last_skel[0])
            full[nf++] = (fitem){pi[i].last_skel, pi[i].first_skel, s->e[i].key,
                                 (uint32_t)i};
    qsort(full, nf, sizeof *full, cmp_fitem);
    /* Only names with the same two skeletons can be one; a run of more
     * than MAX_PAIRS such spellings is compared with its neighbours only,
     * which keeps settling linear on hostile input. */
    for (size_t a = 0; a < nf;) {
        size_t b = a;
        while (b < nf && strcmp(full[b].skel, full[a].skel) == 0 &&
               strcmp(full[b].fskel, full[a].fskel) == 0)
            b++;
        for (size_t i = a; i < b; i++) {
            const pinfo *x = &pi[full[i].e];
            for (size_t j = i + 1; j < b && j <= i + MAX_PAIRS; j++) {
                const pinfo *y = &pi[full[j].e];
                if (same_surname(x->last_lat, x->last_vow, x->last_skel,
                                 y->last_lat, y->last_vow) &&
                    same_first_lat(x->first_lat, x->first_cyr, y->first_lat,
                                   y->first_cyr))
                    unite(parent, full[i].e, full[j].e);
            }
        }
        a = b;
    }
    /* The groups of full names are final before any surname joins one,
     * so where a surname goes does not depend on the others. */
    uint32_t *to = ws_xmalloc((s->ne + 1) * sizeof *to);
    for (size_t i = 0; i < s->ne; i++) {
        to[i] = UINT32_MAX;
        if (s->e[i].kind != KIND_PERSON ||
            (pi[i].nwords >= 2 && !pi[i].initial) || !pi[i].last_skel[0])
            continue;
        uint32_t c[MAX_CANDS];
        size_t n = surname_roots(parent, full, nf, pi, &pi[i], c);
        if (n == 1)
            to[i] = c[0];
        else if (n > 1)
            amb[i] = true;
    }
    for (size_t i = 0; i < s->ne; i++)
        if (to[i] != UINT32_MAX)
            parent[i] = to[i];
    free(to);
    free(full);
}

/* Numbers the groups: one speaker per group, in the order of their names. */
static void number_speakers(ws_speakers *s, const pinfo *pi, uint32_t *parent,
                            const bool *amb)
{
    uint32_t *best = ws_xmalloc((s->ne + 1) * sizeof *best);
    for (size_t i = 0; i < s->ne; i++)
        best[i] = UINT32_MAX;
    for (size_t i = 0; i < s->ne; i++) {
        if (amb[i])
            continue;
        uint32_t r = find_root(parent, (uint32_t)i);
        if (best[r] == UINT32_MAX || better_name(s, pi, (uint32_t)i, best[r]))
            best[r] = (uint32_t)i;
    }
    ccand *c = ws_xmalloc((s->ne + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < s->ne; i++)
        if (best[i] != UINT32_MAX)
            c[nc++] = (ccand){(uint32_t)i, best[i], s->e[best[i]].display,
                              s->e[best[i]].key, s->e[best[i]].kind};
    qsort(c, nc, sizeof *c, cmp_cand);
    /* best[] now maps a root to its speaker number. */
    for (size_t i = 0; i < nc; i++)
        best[c[i].root] = (uint32_t)i;
    s->cl = ws_xcalloc(nc + 1, sizeof *s->cl);
    s->ncl = nc;
    for (size_t i = 0; i < nc; i++) {
        cluster *k = &s->cl[i];
        k->name = arena_dup(&s->arena, c[i].name);
        k->key = arena_dup(&s->arena, c[i].key);
        k->kind = c[i].kind;
        k->first = k->last = SN_NODATE;
    }
    s->entry_cl = ws_xmalloc((s->ne + 1) * sizeof *s->entry_cl);
    s->n_entry_cl = s->ne;
    for (size_t i = 0; i < s->ne; i++) {
        s->entry_cl[i] =
            amb[i] ? CL_AMBIG : best[find_root(parent, (uint32_t)i)];
        if (amb[i])
            continue;
        cluster *k = &s->cl[s->entry_cl[i]];
        seen(&k->first, &k->last, s->e[i].first);
        seen(&k->first, &k->last, s->e[i].last);
    }
    free(c);
    free(best);
}

/* Every other name of a speaker, sorted, the first MAX_ALIASES. */
static void list_aliases(ws_speakers *s)
{
    size_t *n = ws_xcalloc(s->ncl + 1, sizeof *n);
    for (size_t i = 0; i < s->n_entry_cl; i++)
        if (s->entry_cl[i] < CL_AMBIG)
            n[s->entry_cl[i]]++;
    for (size_t k = 0; k < s->ncl; k++) {
        s->cl[k].aliases = ws_xmalloc((n[k] + 1) * sizeof(char *));
        s->cl[k].n_aliases = 0;
    }
    for (size_t i = 0; i < s->n_entry_cl; i++) {
        uint32_t k = s->entry_cl[i];
        if (k >= CL_AMBIG || strcmp(s->e[i].display, s->cl[k].name) == 0)
            continue;
        cluster *c = &s->cl[k];
        c->aliases[c->n_aliases++] = arena_dup(&s->arena, s->e[i].display);
    }
    for (size_t k = 0; k < s->ncl; k++) {
        cluster *c = &s->cl[k];
        qsort(c->aliases, c->n_aliases, sizeof(char *), cmp_str);
        size_t m = 0;
        for (size_t i = 0; i < c->n_aliases && m < MAX_ALIASES; i++)
            if (m == 0 || strcmp(c->aliases[m - 1], c->aliases[i]) != 0)
                c->aliases[m++] = c->aliases[i];
        c->n_aliases = m;
    }
    free(n);
}

/* The titles' holders in time, and each speaker's titles listed. */
static void order_titles(ws_speakers *s)
{
    agg *a = ws_xmalloc((s->nh + 1) * sizeof *a);
    size_t na = 0;
    for (size_t i = 0; i < s->nh; i++) {
        const hold *h = &s->h[i];
        if (h->who >= s->n_entry_cl || s->entry_cl[h->who] >= CL_AMBIG)
            continue;
        a[na++] = (agg){h->title, s->entry_cl[h->who], h->ev};
    }
    qsort(a, na, sizeof *a, cmp_agg);
    size_t m = 0;
    for (size_t i = 0; i < na; i++) {
        if (m && a[m - 1].title == a[i].title &&
            a[m - 1].speaker == a[i].speaker) {
            evidence *x = &a[m - 1].ev;
            const evidence *y = &a[i].ev;
            seen(&x->cur_first, &x->cur_last, y->cur_first);
            seen(&x->cur_first, &x->cur_last, y->cur_last);
            seen(&x->former_first, &x->former_last, y->former_first);
            seen(&x->former_first, &x->former_last, y->former_last);
            x->cur_sum += y->cur_sum;
            x->n_cur += y->n_cur;
            x->n_cur_nodate += y->n_cur_nodate;
            x->n_former += y->n_former;
            x->n_former_nodate += y->n_former_nodate;
        } else {
            a[m++] = a[i];
        }
    }
    s->ten = ws_xmalloc((m + 1) * sizeof *s->ten);
    s->t_ten = ws_xcalloc(s->nt + 1, sizeof *s->t_ten);
    s->nt_ten = s->nt;
    size_t k = 0, i = 0;
    for (size_t t = 0; t < s->nt; t++) {
        s->t_ten[t] = k;
        size_t j = i;
        while (j < m && a[j].title == t)
            j++;
        k += tenures_of(a + i, j - i, s->ten + k);
        i = j;
    }
    s->t_ten[s->nt] = k;
    free(a);

    size_t *n = ws_xcalloc(s->ncl + 1, sizeof *n);
    for (size_t x = 0; x < k; x++)
        n[s->ten[x].speaker]++;
    for (size_t c = 0; c < s->ncl; c++)
        s->cl[c].titles = ws_xmalloc((n[c] + 1) * sizeof *s->cl[c].titles);
    for (size_t t = 0; t < s->nt; t++) {
        const char *disp = arena_dup(&s->arena, s->t[t].display);
        for (size_t x = s->t_ten[t]; x < s->t_ten[t + 1]; x++) {
            const tenure *te = &s->ten[x];
            cluster *c = &s->cl[te->speaker];
            /* Held once, no telling when: a listing without days would
             * read as held now. */
            if (te->former && te->from == SN_NODATE && te->until == SN_NODATE)
                continue;
            c->titles[c->n_titles++] =
                (ws_speaker_title){disp, day_str(&s->arena, te->from),
                                   day_str(&s->arena, te->until)};
        }
    }
    for (size_t c = 0; c < s->ncl; c++) {
        cluster *x = &s->cl[c];
        qsort(x->titles, x->n_titles, sizeof *x->titles, cmp_listed);
        if (x->n_titles > MAX_LISTED_TITLES)
            x->n_titles = MAX_LISTED_TITLES;
    }
    free(n);

    s->by_head = ws_xmalloc((s->nt + 1) * sizeof *s->by_head);
    for (size_t t = 0; t < s->nt; t++)
        s->by_head[t] = (hitem){s->t[t].head, s->t[t].key, (uint32_t)t};
    qsort(s->by_head, s->nt, sizeof *s->by_head, cmp_hitem);
}

/* The surname index for pass 2: every full name with its speaker. */
static void index_surnames(ws_speakers *s, const pinfo *pi)
{
    s->sn = ws_xmalloc((s->n_entry_cl + 1) * sizeof *s->sn);
    s->nsn = 0;
    for (size_t i = 0; i < s->n_entry_cl; i++) {
        if (s->e[i].kind != KIND_PERSON || pi[i].nwords < 2 || pi[i].initial ||
            s->entry_cl[i] >= CL_AMBIG)
            continue;
        s->sn[s->nsn++] = (sname){
            pi[i].last_skel, pi[i].first_skel, pi[i].last_lat, pi[i].last_vow,
            pi[i].first_lat, pi[i].first_cyr,  s->entry_cl[i]};
    }
    qsort(s->sn, s->nsn, sizeof *s->sn, cmp_sname);
}

void ws_speakers_settle(ws_speakers *s)
{
    if (!s)
        return;
    unsettle(s);
    pinfo *pi = ws_xcalloc(s->ne + 1, sizeof *pi);
    uint32_t *parent = ws_xmalloc((s->ne + 1) * sizeof *parent);
    bool *amb = ws_xcalloc(s->ne + 1, sizeof *amb);
    for (size_t i = 0; i < s->ne; i++) {
        parent[i] = (uint32_t)i;
        if (s->e[i].kind == KIND_PERSON)
            person_info(s, &s->e[i], &pi[i]);
        else
            pi[i].first_lat = pi[i].last_lat = pi[i].last_skel =
                pi[i].last_vow = "";
    }
    group_people(s, pi, parent, amb);
    number_speakers(s, pi, parent, amb);
    list_aliases(s);
    order_titles(s);
    index_surnames(s, pi);
    free(amb);
    free(parent);
    free(pi);
    s->settled = true;
}

/* ---- resolving ----------------------------------------------------------- */

/* What one resolution looks at: the registry, the article and its day. */
typedef struct look {
    const ws_speakers *s;
    const ws_article *a;
    int32_t day;
    char *folded; /* the article's text folded, made when first needed */
    size_t folded_len;
} look;

static uint32_t lookup_entry(const ws_speakers *s, int kind, const sn_word *w,
                             size_t from, size_t to)
{
    if (!s->te.cap || to <= from)
        return UINT32_MAX;
    ws_buf k;
    ws_buf_init(&k, SN_MAX_TEXT * 4);
    entry_key(&k, kind, w, from, to);
    const char *key = ws_buf_cstr(&k);
    uint32_t *sl = slot_for(s, &s->te, str_hash(key), same_entry, key);
    uint32_t idx = *sl ? *sl - 1 : UINT32_MAX;
    ws_buf_cleanup(&k);
    return idx;
}

static bool letter_before(const char *base, const char *p)
{
    if (p == base)
        return false;
    const char *q = p - 1;
    while (q > base && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    uint32_t cp;
    ws_utf8_decode(q, (size_t)(p - q), &cp);
    return ws_lex_is_letter(cp) || (cp >= '0' && cp <= '9');
}

static bool letter_at(const char *p)
{
    if (!*p)
        return false;
    uint32_t cp;
    ws_utf8_decode(p, strnlen(p, 4), &cp);
    return ws_lex_is_letter(cp) || (cp >= '0' && cp <= '9');
}

/* True when the folded word w occurs as a whole word in the article. */
static bool text_has(look *l, const char *w, size_t n)
{
    if (!l->a || !l->a->text || n == 0 || n >= SN_MAX_WORD)
        return false;
    if (!l->folded) {
        size_t len = l->a->text_len;
        l->folded = ws_xmalloc(len * 2 + 16);
        l->folded_len = ws_lex_fold(l->a->text, len, l->folded, len * 2 + 8);
        l->folded[l->folded_len] = '\0';
    }
    char word[SN_MAX_WORD];
    memcpy(word, w, n);
    word[n] = '\0';
    for (const char *p = strstr(l->folded, word); p; p = strstr(p + 1, word))
        if (!letter_before(l->folded, p) && !letter_at(p + n))
            return true;
    return false;
}

/* The next word of a space-separated list at or after *p: its start, its
 * length in *n (0 at the end); *p moves past it. */
static const char *next_word(const char **p, size_t *n)
{
    const char *a = *p;
    while (*a == ' ')
        a++;
    const char *e = a;
    while (*e && *e != ' ')
        e++;
    *n = (size_t)(e - a);
    *p = e;
    return a;
}

/* True when every space-separated word of list occurs in the article. */
static bool text_has_all(look *l, const char *list)
{
    size_t n;
    for (const char *p = list, *w; *(w = next_word(&p, &n));)
        if (!text_has(l, w, n))
            return false;
    return true;
}

/* True when every word of the space-separated list a is a word of b. */
static bool words_in(const char *a, const char *b)
{
    size_t n, m;
    for (const char *p = a, *w; *(w = next_word(&p, &n));) {
        bool found = false;
        for (const char *q = b, *v; !found && *(v = next_word(&q, &m));)
            found = m == n && memcmp(v, w, n) == 0;
        if (!found)
            return false;
    }
    return true;
}

/* Adds the speakers who held title t on the look's day (or formerly, or,
 * with no day, ever) to c[0..*n). */
static void holders(const look *l, uint32_t t, bool former, uint32_t *c,
                    size_t *n)
{
    const ws_speakers *s = l->s;
    if (t >= s->nt_ten)
        return;
    int32_t day = l->day;
    for (size_t i = s->t_ten[t]; i < s->t_ten[t + 1]; i++) {
        const tenure *te = &s->ten[i];
        bool in;
        if (former)
            in = (te->until != SN_NODATE &&
                  (day == SN_NODATE || te->until < day)) ||
                 (day == SN_NODATE && te->former);
        else if (day != SN_NODATE)
            in = te->dated && (te->from == SN_NODATE || te->from <= day) &&
                 (te->until == SN_NODATE || day <= te->until);
        else
            in = true;
        if (in)
            add_cand(c, n, te->speaker);
    }
}

/* True when some holder of title t has a tenure placed in time. */
static bool title_dated(const ws_speakers *s, uint32_t t)
{
    if (t >= s->nt_ten)
        return false;
    for (size_t i = s->t_ten[t]; i < s->t_ten[t + 1]; i++)
        if (s->ten[i].dated)
            return true;
    return false;
}

/* The office words and the other words of p's title, transliterated. */
static void title_parts(const parsed *p, ws_buf *key, ws_buf *head,
                        ws_buf *qual)
{
    for (size_t i = p->ts; i < p->te; i++) {
        const sn_word *w = &p->w[i];
        if (w->lex & QL_DET)
            continue;
        sn_join(key, p->w, i, i + 1, 2);
        sn_join((w->lex & QL_TITLE) ? head : qual, p->w, i, i + 1, 2);
    }
}

/* Speakers p's title names on the day. The title as written first; else
 * the titles with the same office words whose other words include the
 * mention's ("the secretary general" fits every secretary general),
 * narrowed, when several fit, to those whose organisation the article
 * names; else those whose organisation the article names ("the bloc's
 * secretary general" in an article that names the bloc). */
static size_t title_holders(look *l, const parsed *p, uint32_t *c)
{
    const ws_speakers *s = l->s;
    size_t n = 0;
    ws_buf key, head, qual;
    ws_buf_init(&key, 0);
    ws_buf_init(&head, 0);
    ws_buf_init(&qual, 0);
    title_parts(p, &key, &head, &qual);
    const char *k = ws_buf_cstr(&key), *h = ws_buf_cstr(&head),
               *q = ws_buf_cstr(&qual);
    uint32_t exact = UINT32_MAX;
    if (s->tt.cap && key.len) {
        uint32_t *sl = slot_for(s, &s->tt, str_hash(k), same_title, k);
        if (*sl)
            holders(l, exact = *sl - 1, p->former, c, &n);
    }
    if (n == 0 && head.len) {
        /* The titles with these office words, split by whether their other
         * words include the mention's; at most MAX_SCAN of each, in key
         * order, so that a common office ("president") stays cheap. */
        uint32_t fit[MAX_SCAN], other[MAX_SCAN];
        size_t nf = 0, no = 0;
        for (size_t i =
                 first_at_least(s->by_head, s->nt_ten, sizeof *s->by_head,
                                offsetof(hitem, head), h);
             i < s->nt_ten && strcmp(s->by_head[i].head, h) == 0; i++) {
            uint32_t t = s->by_head[i].t;
            if (words_in(q, s->t[t].qual_lat)) {
                if (nf < MAX_SCAN)
                    fit[nf++] = t;
            } else if (no < MAX_SCAN) {
                other[no++] = t;
            }
        }
        uint32_t all[MAX_CANDS];
        size_t na = 0;
        for (size_t i = 0; i < nf; i++)
            holders(l, fit[i], p->former, all, &na);
        /* Several fit: those whose organisation the article names; none
         * fits: those whose organisation it names. */
        if (na != 1) {
            const uint32_t *ts = na ? fit : other;
            size_t nts = na ? nf : no;
            na = 0;
            for (size_t i = 0; i < nts; i++)
                if (text_has_all(l, s->t[ts[i]].qual_fold))
                    holders(l, ts[i], p->former, all, &na);
        }
        n = WS_MIN(na, 2); /* several: the caller tells them apart or not */
        if (n == 1)
            c[0] = all[0];
    }
    /* The title as written was never seen in a dated article and nothing
     * else answered: a dated mention of it goes as an undated one does
     * (its single holder ever). */
    if (n == 0 && exact != UINT32_MAX && l->day != SN_NODATE &&
        !title_dated(s, exact)) {
        look u = *l;
        u.day = SN_NODATE;
        holders(&u, exact, p->former, c, &n);
        n = WS_MIN(n, 2);
    }
    ws_buf_cleanup(&key);
    ws_buf_cleanup(&head);
    ws_buf_cleanup(&qual);
    return n;
}

static size_t resolve_title(look *l, const parsed *p)
{
    uint32_t c[MAX_CANDS];
    if (!p->title)
        return WS_CORPUS_NONE;
    return title_holders(l, p, c) == 1 ? c[0] : WS_CORPUS_NONE;
}

/* The speakers a name not settled to one may be: a full name by its
 * surname and first name, a surname (or initial and surname) by the
 * surname, as written first, else written another way. */
static size_t name_candidates(const ws_speakers *s, const parsed *p,
                              uint32_t *c)
{
    const sn_word *last = &p->w[p->ne - 1], *first = &p->w[p->ns];
    bool full = p->ne - p->ns >= 2 && !first->initial;
    bool initial = p->ne - p->ns >= 2 && first->initial;
    char skel[SN_MAX_WORD], vow[SN_MAX_WORD];
    sn_skeleton(last->lat, skel, sizeof skel);
    sn_vowels(last->lat, vow, sizeof vow);
    if (!skel[0])
        return 0;
    size_t n = 0, a = first_at_least(s->sn, s->nsn, sizeof *s->sn,
                                     offsetof(sname, last_skel), skel);
    char fskel[SN_MAX_WORD];
    sn_skeleton(first->lat, fskel, sizeof fskel);
    if (full) {
        /* Within the surname's run, the first name's (sorted second). */
        char past[SN_MAX_WORD + 1];
        snprintf(past, sizeof past, "%s\x01", skel); /* after the run */
        size_t b = first_at_least(s->sn, s->nsn, sizeof *s->sn,
                                  offsetof(sname, last_skel), past);
        a += first_at_least(s->sn + a, b - a, sizeof *s->sn,
                            offsetof(sname, first_skel), fskel);
    }
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        for (size_t i = a;
             i < s->nsn && strcmp(s->sn[i].last_skel, skel) == 0 &&
             (!full || strcmp(s->sn[i].first_skel, fskel) == 0);
             i++) {
            const sname *x = &s->sn[i];
            bool ok = pass == 0 ? strcmp(x->last_lat, last->lat) == 0
                                : same_surname(x->last_lat, x->last_vow, skel,
                                               last->lat, vow);
            if (ok && full)
                ok = same_first_lat(x->first_lat, x->first_cyr, first->lat,
                                    first->cyr);
            if (ok && initial)
                ok = x->first_lat[0] == first->lat[0];
            if (ok && !add_cand(c, &n, x->speaker))
                return n;
        }
    }
    return n;
}

/* True when the article writes one of the speaker's full names. */
static bool text_names(const look *l, const cluster *k)
{
    const char *t = l->a ? l->a->text : NULL;
    if (!t)
        return false;
    if (strchr(k->name, ' ') && strstr(t, k->name))
        return true;
    for (size_t i = 0; i < k->n_aliases; i++)
        if (strchr(k->aliases[i], ' ') && strstr(t, k->aliases[i]))
            return true;
    return false;
}

/* Several speakers share a name: the one holding the mention's title on
 * the day, else the one the article names in full, else the one seen
 * around the article's day; else none. */
static size_t disambiguate(look *l, const uint32_t *c, size_t n,
                           const parsed *mention)
{
    const ws_speakers *s = l->s;
    if (mention && mention->title && mention->te > mention->ts) {
        uint32_t h[MAX_CANDS];
        size_t nh = title_holders(l, mention, h);
        size_t hit = 0, who = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < nh && nh == 1; j++)
                if (c[i] == h[j])
                    hit++, who = c[i];
        if (hit == 1)
            return who;
    }
    size_t hit = 0, who = 0;
    for (size_t i = 0; i < n; i++)
        if (text_names(l, &s->cl[c[i]]))
            hit++, who = c[i];
    if (hit == 1)
        return who;
    if (l->day == SN_NODATE)
        return WS_CORPUS_NONE;
    hit = 0;
    for (size_t i = 0; i < n; i++) {
        const cluster *k = &s->cl[c[i]];
        if (k->first != SN_NODATE && k->first <= l->day && l->day <= k->last)
            hit++, who = c[i];
    }
    return hit == 1 ? who : WS_CORPUS_NONE;
}

static size_t resolve_name(look *l, const parsed *p, const parsed *mention)
{
    const ws_speakers *s = l->s;
    uint32_t e = lookup_entry(s, KIND_PERSON, p->w, p->ns, p->ne);
    bool amb = false;
    if (e < s->n_entry_cl) {
        if (s->entry_cl[e] < CL_AMBIG)
            return s->entry_cl[e];
        amb = s->entry_cl[e] == CL_AMBIG;
    }
    uint32_t c[MAX_CANDS];
    size_t n = name_candidates(s, p, c);
    if (n == 0)
        return WS_CORPUS_NONE;
    if (n == 1 && !amb)
        return c[0];
    return disambiguate(l, c, n, mention);
}

size_t ws_speakers_resolve(const ws_speakers *s, const ws_article *a,
                           const ws_quote *q)
{
    if (!s || !q || !s->settled)
        return WS_CORPUS_NONE;
    const char *kind = q->speaker_kind;
    if (kind && strcmp(kind, "anonymous") == 0)
        return WS_CORPUS_NONE;
    look l = {s, a, a ? sn_day(a->date) : SN_NODATE, NULL, 0};
    parsed *sp = ws_xmalloc(sizeof *sp), *mn = ws_xmalloc(sizeof *mn);
    parse(sp, q->speaker);
    parse(mn, q->mention);
    size_t r = WS_CORPUS_NONE;
    if (q->speaker && kind && strcmp(kind, "organisation") == 0) {
        if (office_only(sp)) {
            r = resolve_title(&l, sp);
        } else if (org_named(sp)) {
            uint32_t e = lookup_entry(s, KIND_ORG, sp->w, org_start(sp), sp->n);
            if (e < s->n_entry_cl && s->entry_cl[e] < CL_AMBIG)
                r = s->entry_cl[e];
        }
    } else if (q->speaker && has_name(sp)) {
        r = resolve_name(&l, sp, mn);
    } else if (all_names(mn) || (has_name(mn) && mn->title)) {
        r = resolve_name(&l, mn, mn);
    } else if (mn->title) {
        r = resolve_title(&l, mn);
    } else if (sp->title) {
        r = resolve_title(&l, sp);
    }
    free(l.folded);
    free(sp);
    free(mn);
    return r;
}

size_t ws_speakers_count(const ws_speakers *s)
{
    return s && s->settled ? s->ncl : 0;
}

int ws_speakers_get(const ws_speakers *s, size_t id, ws_speaker_info *out)
{
    if (!s || !out || !s->settled || id >= s->ncl)
        return -1;
    const cluster *k = &s->cl[id];
    out->name = k->name;
    out->kind = k->kind == KIND_ORG ? "organisation" : "person";
    out->aliases = k->aliases;
    out->n_aliases = k->n_aliases;
    out->titles = k->titles;
    out->n_titles = k->n_titles;
    return 0;
}
