/* The corpus stage: what holds across articles. Three groupings run over a
 * collection of article records (ws_article, quotes filled) in time order:
 *   speakers   - one canonical speaker for "Vik", "Secretary General Anders
 *                Vik" and "the Alliance secretary general", with the
 *                titles each holds over time, learnt from the articles;
 *   statements - the same words of one speaker reported by several outlets
 *                (other translations, partial overlap) grouped as one;
 *   stories    - articles about the same event grouped, online.
 * The store (src/store) feeds these from the database and writes back what
 * they decide; they hold no database handle themselves. Every grouping is
 * deterministic: the same records in the same order give the same ids. */
#ifndef WHOSAID_CORPUS_H
#define WHOSAID_CORPUS_H

#include "whosaid/article.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "No speaker / not assigned" for the index-returning functions below. */
#define WS_CORPUS_NONE SIZE_MAX

/* ---- speakers ----------------------------------------------------------
 * Two passes over the collection: ws_speakers_learn on every article (any
 * order), ws_speakers_settle once, then ws_speakers_resolve per quote.
 * Speaker indexes are dense, 0-based, and assigned by ws_speakers_settle
 * in a deterministic order (independent of the order of learn calls). */
typedef struct ws_speakers ws_speakers;

typedef struct ws_speaker_title {
    const char *title; /* as the articles write it: "NATO Secretary General" */
    const char *from;  /* YYYY-MM-DD first seen as current holder, or NULL */
    const char *until; /* YYYY-MM-DD last day held, NULL while current */
} ws_speaker_title;

/* A view into the registry; valid until the registry is freed. */
typedef struct ws_speaker_info {
    const char *name; /* canonical: the fullest name the articles give */
    const char *kind; /* "person", "organisation" or "anonymous" */
    const char *const *aliases; /* other ways articles name them, sorted */
    size_t n_aliases;
    const ws_speaker_title *titles; /* sorted by from */
    size_t n_titles;
} ws_speaker_info;

/* A new empty registry; free with ws_speakers_free (NULL is a no-op). */
ws_speakers *ws_speakers_new(void);
void ws_speakers_free(ws_speakers *s);

/* Pass 1: learns names, surnames, aliases and dated titles ("former Alliance
 * Secretary General Jan Holm" on 2024-12-12 ends his tenure before
 * that day) from the article's quotes and the appositions in its text.
 * The article is not kept; strings are copied. */
void ws_speakers_learn(ws_speakers *s, const ws_article *a);

/* Between the passes: merges surname-only and full names of one person,
 * orders title holders in time and numbers the speakers. */
void ws_speakers_settle(ws_speakers *s);

/* Pass 2: the canonical speaker of quote q in article a, or WS_CORPUS_NONE
 * when the article does not name one that the registry can tell apart (a
 * title-only mention resolves to its holder on the article's date). */
size_t ws_speakers_resolve(const ws_speakers *s, const ws_article *a,
                           const ws_quote *q);

size_t ws_speakers_count(const ws_speakers *s);

/* Fills *out for speaker index id (< ws_speakers_count); returns 0, or -1
 * when id is out of range. */
int ws_speakers_get(const ws_speakers *s, size_t id, ws_speaker_info *out);

/* ---- statements --------------------------------------------------------
 * Online: quotes are added in time order (article date, then the order of
 * ingest); a quote joins a statement of the same speaker reported within
 * the window when its words are the same statement (another translation,
 * a part of it, or it a part of the quote), else it starts a new one.
 * State is kept only for statements inside the window, so memory does not
 * grow with the collection. */
typedef struct ws_statements ws_statements;

typedef struct ws_statement_opts {
    unsigned window_days; /* 0: default (3 days) */
    double threshold;     /* 0: default similarity to join */
} ws_statement_opts;

ws_statements *ws_statements_new(const ws_statement_opts *opts);
void ws_statements_free(ws_statements *st);

/* Adds quote q of article a said by speaker (an index from
 * ws_speakers_resolve; WS_CORPUS_NONE: the quote starts its own statement
 * and is never joined). Returns the statement index: dense, 0-based, in
 * order of creation. */
size_t ws_statements_add(ws_statements *st, size_t speaker, const ws_article *a,
                         const ws_quote *q);

/* ---- stories -----------------------------------------------------------
 * Online clustering of articles into stories: each article, in time order,
 * joins the live story it is most like (words, names, numbers, places,
 * speakers) or starts one. Two articles on the same kind of event (two bank
 * robberies) are different stories. ws_stories_observe may first be called
 * on every article of the collection so word weights are known up front. */
typedef struct ws_stories ws_stories;

typedef struct ws_story_opts {
    unsigned window_days; /* a story with no new article for this long
                             closes; 0: default */
    double threshold;     /* 0: default similarity to join */
} ws_story_opts;

ws_stories *ws_stories_new(const ws_story_opts *opts);
void ws_stories_free(ws_stories *s);

/* Optional pass 1: counts the article's terms for the word weights. */
void ws_stories_observe(ws_stories *s, const ws_article *a);

/* Adds article a; returns its story index (dense, 0-based, in order of
 * creation). */
size_t ws_stories_add(ws_stories *s, const ws_article *a);

#ifdef __cplusplus
}
#endif
#endif
