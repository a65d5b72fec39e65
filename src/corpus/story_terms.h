/* The terms of an article as the story grouping sees them: folded word
 * stems, names (with a transliterated consonant key so "Зеленський" meets
 * "Zelensky"), numbers and months. Internal to src/corpus; the grouping
 * itself (weights, stories) is in stories.c. */
#ifndef WS_STORY_TERMS_H
#define WS_STORY_TERMS_H

#include "../core/core.h"
#include "whosaid/article.h"

/* What a term stands for; the grouping weighs kinds differently and asks
 * for a shared entity (anything but a plain word) before two articles are
 * one story. */
enum ws_story_kind {
    WS_STORY_WORD = 0, /* a stem of an ordinary word */
    WS_STORY_NAME,     /* a capitalised word inside a sentence, an acronym */
    WS_STORY_SKEL,     /* a name's consonant key, shared across scripts */
    WS_STORY_NUM,      /* a number, separators dropped */
    WS_STORY_YEAR,     /* a number that reads as a year, 1900-2099 */
    WS_STORY_TIME,     /* a month, whatever the language */
    WS_STORY_KINDS
};

typedef struct ws_story_term {
    uint64_t hash; /* of the kind and the term's text */
    uint32_t tf;   /* occurrences, the title's counted more */
    uint8_t kind;  /* enum ws_story_kind */
    bool dated;    /* a year written in a date: "May 3, 2013" */
} ws_story_term;

/* An article's distinct terms; at most WS_STORY_MAX_TERMS. */
#define WS_STORY_MAX_TERMS 4096

typedef struct ws_story_termset {
    uint32_t *slot;      /* open addressing over 2 * WS_STORY_MAX_TERMS
                            slots: 1 + index into list, 0 when free */
    ws_story_term *list; /* the n distinct terms in first-seen order */
    size_t n;
} ws_story_termset;

void ws_story_termset_init(ws_story_termset *ts);
void ws_story_termset_cleanup(ws_story_termset *ts);

/* Replaces the set's content with the terms of a's title, text and quote
 * speakers. Reads at most the first 256 KB of text; deterministic. */
void ws_story_terms_collect(ws_story_termset *ts, const ws_article *a);

#endif
