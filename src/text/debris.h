/* The site-debris lexicon of the scraped-text reader: phrases in English,
 * Ukrainian and Russian that mark a line as site furniture (appeals,
 * copyright, ads, share and follow lines, labels, related-news markers),
 * matched all at once over a case-folded line. Internal to src/text. */
#ifndef WS_TEXT_DEBRIS_H
#define WS_TEXT_DEBRIS_H

#include "../core/core.h"

enum debris_cat {
    C_STRONG = 1 << 0,    /* site furniture wherever it occurs */
    C_WEAK = 1 << 1,      /* furniture in a short line or with other hits */
    C_BARRIER = 1 << 2,   /* the article is over ("Comments", "Most read") */
    C_AD = 1 << 3,        /* an ad slot marker inside the article */
    C_LABEL = 1 << 4,     /* "Details:", "Background:", "Quote:" */
    C_RELATED = 1 << 5,   /* "Read also:", "Related:" */
    C_CAPTION = 1 << 6,   /* photo credits and captions */
    C_NAV = 1 << 7,       /* a navigation item alone on its line */
    C_LANG = 1 << 8,      /* a language name (switchers) */
    C_SOCIAL = 1 << 9,    /* a social network name (share rows) */
    C_TAGS = 1 << 10,     /* "Tags:" */
    C_COUNTER = 1 << 11,  /* "41 views": a number before a counter word */
    C_DATEWORD = 1 << 12, /* "Published", "Updated", "date" before a date */
    C_UPDATED = 1 << 13,  /* the date after it is an update, not the first
                             publication */
    C_APPEAL = 1 << 14,   /* us, our, you, your: the site talking to readers */
};

typedef struct debris_hits {
    uint32_t cats;        /* union of matched categories */
    uint16_t n;           /* phrases matched (STRONG and WEAK) */
    bool phrase_at_start; /* one of them starts the line (imperative) */
    uint16_t n_lang;      /* language names */
    uint16_t n_social;    /* social network names */
    /* For a label or related marker at the start: folded bytes it spans
     * (the label, its colon and spaces). */
    uint16_t label_len;
} debris_hits;

/* Matches the lexicon against a folded line f[0..n) (see ws_lex_fold). */
void ws_debris_match(const char *f, size_t n, debris_hits *h);

#endif
