/* The words of a quote as the statement grouping compares them: folded word
 * stems for quotes in one script, and language-neutral keys (numbers, name
 * skeletons, a small hand-written list of political concepts) for quotes in
 * different languages. Internal to the corpus stage (statements.c). */
#ifndef WS_CORPUS_STATEMENT_TERMS_H
#define WS_CORPUS_STATEMENT_TERMS_H

#include <stddef.h>
#include <stdint.h>

/* Caps: words of a quote read, and distinct terms kept per quote. A quote
 * longer than this is judged by its first words, which is where another
 * outlet's shorter cut of the same paragraph begins too. */
#define WS_STMT_MAX_WORDS 240
#define WS_STMT_MAX_TERMS 160

/* Layer of a term: a stem only meets stems of the same script; a key
 * (number, concept) and a name skeleton are comparable across English,
 * Ukrainian and Russian. Within one script a name is already a stem, so
 * its skeleton is left out there rather than counted twice. */
enum ws_stmt_layer { WS_STMT_STEM = 0, WS_STMT_KEY = 1, WS_STMT_NAME = 2 };
#define WS_STMT_LAYERS 3

typedef struct ws_stmt_term {
    uint32_t hash; /* of layer and term; sorted ascending, distinct */
    float weight;  /* 1 word, 2 name, 3 number; the caller may rescale */
    uint8_t layer; /* enum ws_stmt_layer */
} ws_stmt_term;

typedef struct ws_stmt_terms {
    ws_stmt_term t[WS_STMT_MAX_TERMS];
    size_t n;
    double weight[WS_STMT_LAYERS]; /* total weight of each layer */
    int script;                    /* 'L' Latin, 'C' Cyrillic: the majority */
} ws_stmt_terms;

/* Fills *out from text[0..n) written in language lang ("en", "uk", "ru"
 * or NULL: only the Ukrainian/Russian reading of Cyrillic depends on it).
 * Words in square brackets or parentheses are the editor's, not the
 * speaker's, and are skipped. Never fails; text need not be valid UTF-8. */
void ws_stmt_terms_make(const char *text, size_t n, const char *lang,
                        ws_stmt_terms *out);

/* Recomputes the layer totals after the weights were changed. */
void ws_stmt_terms_total(ws_stmt_terms *t);

#endif
