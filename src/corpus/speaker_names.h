/* Internals of the speakers registry (speakers.c): names and titles cut
 * into words with the quote stage's word classes, Latin transliteration of
 * Ukrainian and Russian, the consonant skeleton that lets "Vandermeer",
 * "Вандермеер" and "Hnatiuk"/"Гнатюка" be compared, and calendar days
 * for title tenures. Not installed. */
#ifndef WS_CORPUS_SPEAKER_NAMES_H
#define WS_CORPUS_SPEAKER_NAMES_H

#include "../core/core.h"

/* Caps: a name, title or mention longer than SN_MAX_TEXT bytes, or of more
 * than SN_MAX_WORDS words, is not looked at. */
#define SN_MAX_TEXT 160
#define SN_MAX_WORDS 8
/* Bytes of one folded or transliterated word (a longer word is cut). */
#define SN_MAX_WORD 64

/* No date: sorts before every real day. */
#define SN_NODATE INT32_MIN

/* One word of a short string: where it is, its folded form, its classes
 * (QL_* from the quote stage's lexicon) and how it is written. */
typedef struct sn_word {
    const char *s; /* as written, possessive ending cut */
    size_t n;
    char fold[SN_MAX_WORD]; /* lower case, ASCII apostrophes */
    char lat[SN_MAX_WORD];  /* folded, diacritics off, Latin letters */
    unsigned lex;
    bool cap, allcap, poss, cyr, initial;
} sn_word;

/* Cuts s[0..n) into at most max words (spaces, commas, brackets and
 * quotation marks separate them; "'s" and "’s" are cut and flagged;
 * a hyphen stays inside a word). Returns the count; 0 when s is longer
 * than SN_MAX_TEXT. */
size_t sn_split(const char *s, size_t n, sn_word *w, size_t max);

/* A capitalised word that can be part of a personal name (not a title,
 * organisation, place, honorific, function word or acronym). */
bool sn_name_word(const sn_word *w);

/* Writes the Latin transliteration of folded word s (NUL-terminated) into
 * out (cap bytes, NUL-terminated); sets *cyr when s had Cyrillic. */
void sn_latin(const char *s, char *out, size_t cap, bool *cyr);

/* Consonant skeleton of a transliterated word: vowels, y, j, h, kh and g
 * dropped (Ukrainian г is h, Russian g, English spellings either; х is kh
 * where English writes h), c/q as k, z as s, w as v, doubled letters once.
 * "Halvorsen" and "Халворсен" both give "lvrsn". */
void sn_skeleton(const char *lat, char *out, size_t cap);

/* The word with each run of vowels written as one 'a', h (and kh) as g,
 * doubled letters once and a final vowel (often a case ending) dropped:
 * compares short names across scripts ("Jens"/"Йенс"/"Йенса" all give
 * "ans", "Otte"/"Оттe" "at"). */
void sn_vowels(const char *lat, char *out, size_t cap);

/* True when the two first names (transliterated, with their scripts) can
 * be one name: equal; or the same skeleton of three consonants or more;
 * or, when either is Cyrillic, the same vowel form. */
bool sn_same_first(const sn_word *a, const sn_word *b);

/* The day number (days since 1970-01-01) of a date starting "YYYY-MM-DD";
 * SN_NODATE when date is NULL or does not start so. */
int32_t sn_day(const char *date);

/* Writes day d as "YYYY-MM-DD" (out has 11 bytes). */
void sn_day_str(int32_t d, char out[11]);

/* Appends the words w[from..to) to b, separated by one space, each as
 * written (form 0), folded (1) or transliterated (2). */
void sn_join(ws_buf *b, const sn_word *w, size_t from, size_t to, int form);

#endif
