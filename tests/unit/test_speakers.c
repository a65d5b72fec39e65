/* Unit tests for src/corpus/speakers.c: the collection-wide speakers
 * registry. Articles are built by hand (text, date, quotes as the quote
 * stage gives them) so that each rule is seen alone: surname to full name,
 * title-only mentions by date around a change of holder, one person in
 * en/uk/ru, two people sharing a surname, organisations, anonymous
 * sources, order independence, aliases and tenures. */
/* cmocka needs these first, in this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "corpus/speaker_names.h"
#include "whosaid/article.h"
#include "whosaid/corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building articles ------------------------------------------------- */

#define MAXQ 8

typedef struct art {
    ws_article a;
    ws_quote q[MAXQ];
    char text[256], mention[128];
} art;

static void mk(art *x, const char *date, const char *lang, const char *text)
{
    memset(x, 0, sizeof *x);
    x->a.date = (char *)date;
    x->a.language = (char *)lang;
    x->a.text = (char *)text;
    x->a.text_len = strlen(text);
    x->a.quotes = x->q;
}

/* Adds a quote as the quote stage would give it; returns its index. */
static size_t say(art *x, const char *speaker, const char *kind,
                  const char *mention)
{
    assert_true(x->a.n_quotes < MAXQ);
    ws_quote *q = &x->q[x->a.n_quotes];
    q->text = (char *)"words";
    q->kind = "direct";
    q->speaker = (char *)speaker;
    q->speaker_kind = kind;
    q->mention = (char *)mention;
    return x->a.n_quotes++;
}

/* An article naming its speaker with a title before the name, in the
 * text and in the quote's mention: "<title> <name> said that ...". */
static size_t apposed(art *x, const char *date, const char *title,
                      const char *name)
{
    mk(x, date, "en", "");
    snprintf(x->mention, sizeof x->mention, "%s %s", title, name);
    snprintf(x->text, sizeof x->text, "%s said that the talks go on.",
             x->mention);
    x->a.text = x->text;
    x->a.text_len = strlen(x->text);
    return say(x, name, "person", x->mention);
}

static size_t who(const ws_speakers *s, const art *x, size_t qi)
{
    return ws_speakers_resolve(s, &x->a, &x->q[qi]);
}

static const char *name_of(const ws_speakers *s, size_t id)
{
    ws_speaker_info in;
    if (id == WS_CORPUS_NONE || ws_speakers_get(s, id, &in) != 0)
        return "(none)";
    return in.name;
}

static ws_speakers *settled(art *const *xs, size_t n)
{
    ws_speakers *s = ws_speakers_new();
    for (size_t i = 0; i < n; i++)
        ws_speakers_learn(s, &xs[i]->a);
    ws_speakers_settle(s);
    return s;
}

static bool has_alias(const ws_speaker_info *in, const char *alias)
{
    for (size_t i = 0; i < in->n_aliases; i++)
        if (strcmp(in->aliases[i], alias) == 0)
            return true;
    return false;
}

/* The tenure of title t in a speaker's listing, or NULL. */
static const ws_speaker_title *tenure(const ws_speaker_info *in, const char *t)
{
    for (size_t i = 0; i < in->n_titles; i++)
        if (strcmp(in->titles[i].title, t) == 0)
            return &in->titles[i];
    return NULL;
}

/* ---- names helpers --------------------------------------------------- */

static size_t split(const char *s, sn_word *w)
{
    return sn_split(s, strlen(s), w, 4);
}

static void test_skeletons(void **state)
{
    (void)state;
    char a[SN_MAX_WORD], b[SN_MAX_WORD];
    sn_word w[4];
    assert_int_equal(split("Столтенберг Stoltenberg", w), 2);
    sn_skeleton(w[0].lat, a, sizeof a);
    sn_skeleton(w[1].lat, b, sizeof b);
    assert_string_equal(a, b);
    assert_true(w[0].cyr);
    assert_false(w[1].cyr);
    /* Inflected Ukrainian forms meet the nominative. */
    assert_int_equal(split("Зеленського Zelenskyy", w), 2);
    sn_skeleton(w[0].lat, a, sizeof a);
    sn_skeleton(w[1].lat, b, sizeof b);
    assert_string_equal(a, b);
    /* Х is kh where English writes h. */
    assert_int_equal(split("Халворсен Halvorsen", w), 2);
    sn_skeleton(w[0].lat, a, sizeof a);
    sn_skeleton(w[1].lat, b, sizeof b);
    assert_string_equal(a, b);
    /* Short names compare by their vowel form across scripts. */
    assert_int_equal(split("Йенса Jens Ian Ann", w), 4);
    assert_true(sn_same_first(&w[0], &w[1]));
    assert_false(sn_same_first(&w[2], &w[3]));
    /* Possessives are cut and flagged. */
    assert_int_equal(split("Ukraine's Foreign Ministry", w), 3);
    assert_true(w[0].poss);
    assert_int_equal(w[0].n, 7);
}

static void test_days(void **state)
{
    (void)state;
    char buf[11];
    assert_int_equal(sn_day("1970-01-01"), 0);
    assert_int_equal(sn_day("1972-03-01"), 790);
    assert_int_equal(sn_day("2024-10-01T10:00+02:00") - sn_day("2024-09-30"),
                     1);
    assert_int_equal(sn_day("2025-03-01") - sn_day("2025-02-28"), 1);
    assert_int_equal(sn_day("2024-03-01") - sn_day("2024-02-28"), 2);
    assert_int_equal(sn_day(NULL), SN_NODATE);
    assert_int_equal(sn_day("12.12.2024"), SN_NODATE);
    assert_int_equal(sn_day("2024-13-01"), SN_NODATE);
    for (int32_t d = sn_day("1999-12-25"); d < sn_day("2001-01-10"); d++) {
        sn_day_str(d, buf);
        assert_int_equal(sn_day(buf), d);
    }
    sn_day_str(sn_day("2024-02-29"), buf);
    assert_string_equal(buf, "2024-02-29");
}

/* ---- the registry ----------------------------------------------------- */

static void test_surname_to_full(void **state)
{
    (void)state;
    art a1, a2, a3;
    mk(&a1, "2024-01-10", "en",
       "Finance Minister Anna Kowalczyk said that taxes would fall.");
    size_t q1 =
        say(&a1, "Anna Kowalczyk", "person", "Finance Minister Anna Kowalczyk");
    mk(&a2, "2024-02-11", "en", "Kowalczyk said that the budget was tight.");
    size_t q2 = say(&a2, "Kowalczyk", "person", "Kowalczyk");
    /* An article the registry never learnt: the surname alone. */
    mk(&a3, NULL, "en", "Kowalczyk said that more was to come.");
    size_t q3 = say(&a3, NULL, "person", "Kowalczyk");
    art *all[] = {&a1, &a2};
    ws_speakers *s = settled(all, 2);
    assert_int_equal(ws_speakers_count(s), 1);
    size_t id = who(s, &a1, q1);
    assert_int_not_equal(id, WS_CORPUS_NONE);
    assert_int_equal(who(s, &a2, q2), id);
    assert_int_equal(who(s, &a3, q3), id);
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, id, &in), 0);
    assert_string_equal(in.name, "Anna Kowalczyk");
    assert_string_equal(in.kind, "person");
    assert_true(has_alias(&in, "Kowalczyk"));
    const ws_speaker_title *t = tenure(&in, "Finance Minister");
    assert_non_null(t);
    assert_string_equal(t->from, "2024-01-10");
    assert_null(t->until);
    ws_speakers_free(s);
}

/* Two holders of one title, learnt from the articles' appositions only. */
static void nato_articles(art *x)
{
    apposed(&x[0], "2024-03-01", "NATO Secretary General", "Jens Halvorsen");
    apposed(&x[1], "2024-11-05", "NATO Secretary General", "Mark Vandermeer");
    apposed(&x[2], "2024-12-12", "Former NATO Secretary General",
            "Jens Halvorsen");
    mk(&x[3], "2025-02-01", "en",
       "Vandermeer said that the Alliance would spend more.");
    say(&x[3], "Vandermeer", "person", "Vandermeer");
}

static void test_title_by_date(void **state)
{
    (void)state;
    art x[4], q[5];
    nato_articles(x);
    art *all[] = {&x[0], &x[1], &x[2], &x[3]};
    ws_speakers *s = settled(all, 4);
    assert_int_equal(ws_speakers_count(s), 2);
    /* Title-only mentions in articles that name nobody. */
    mk(&q[0], "2024-06-01", "en",
       "The NATO Secretary General said that the summit went well.");
    say(&q[0], NULL, "person", "The NATO Secretary General");
    mk(&q[1], "2025-01-10T09:00", "en",
       "The NATO secretary general said that the summit went well.");
    say(&q[1], NULL, "person", "The NATO secretary general");
    mk(&q[2], NULL, "en",
       "The NATO Secretary General said that the summit went well.");
    say(&q[2], NULL, "person", "The NATO Secretary General");
    /* Another wording of the office; the article names the organisation. */
    mk(&q[3], "2025-01-20", "en",
       "NATO met in Brussels. The Alliance secretary general said that "
       "talks go on.");
    say(&q[3], NULL, "person", "the Alliance secretary general");
    mk(&q[4], "2025-01-20", "en",
       "The former NATO Secretary General said that talks go on.");
    say(&q[4], NULL, "person", "The former NATO Secretary General");
    assert_string_equal(name_of(s, who(s, &q[0], 0)), "Jens Halvorsen");
    assert_string_equal(name_of(s, who(s, &q[1], 0)), "Mark Vandermeer");
    /* No date and two holders ever: unresolved rather than guessed. */
    assert_int_equal(who(s, &q[2], 0), WS_CORPUS_NONE);
    assert_string_equal(name_of(s, who(s, &q[3], 0)), "Mark Vandermeer");
    assert_string_equal(name_of(s, who(s, &q[4], 0)), "Jens Halvorsen");
    ws_speakers_free(s);
    /* Another wording learnt for the successor from an undated article
     * does not make him the holder before his time: the article's date
     * and the organisation it names decide. */
    art y;
    mk(&y, NULL, "en",
       "Mark Vandermeer spoke. The Alliance secretary general "
       "said that talks go on.");
    say(&y, "Mark Vandermeer", "person", "the Alliance secretary general");
    art *more[] = {&x[0], &x[1], &x[2], &x[3], &y};
    s = settled(more, 5);
    q[3].a.date = (char *)"2024-06-01";
    assert_string_equal(name_of(s, who(s, &q[3], 0)), "Jens Halvorsen");
    q[3].a.date = (char *)"2025-01-20";
    assert_string_equal(name_of(s, who(s, &q[3], 0)), "Mark Vandermeer");
    /* The tenures listed. */
    ws_speaker_info in;
    size_t jh = who(s, &x[0], 0), mv = who(s, &x[1], 0);
    assert_int_equal(ws_speakers_get(s, jh, &in), 0);
    const ws_speaker_title *t = tenure(&in, "NATO Secretary General");
    assert_non_null(t);
    assert_string_equal(t->from, "2024-03-01");
    assert_string_equal(t->until, "2024-11-04");
    assert_int_equal(ws_speakers_get(s, mv, &in), 0);
    t = tenure(&in, "NATO Secretary General");
    assert_non_null(t);
    assert_string_equal(t->from, "2024-11-05");
    assert_null(t->until);
    assert_true(has_alias(&in, "Vandermeer"));
    ws_speakers_free(s);
}

/* A predecessor only ever called "former": held the title before the
 * first known holder. */
static void test_former_only(void **state)
{
    (void)state;
    art x[2], q[3];
    apposed(&x[0], "2024-12-03", "NATO Secretary General", "Mark Vandermeer");
    apposed(&x[1], NULL, "Former NATO Secretary General", "Jens Halvorsen");
    art *all[] = {&x[0], &x[1]};
    ws_speakers *s = settled(all, 2);
    mk(&q[0], "2024-06-01", "en", "The NATO Secretary General spoke.");
    say(&q[0], NULL, "person", "the NATO Secretary General");
    mk(&q[1], "2024-12-20", "en", "The NATO Secretary General spoke.");
    say(&q[1], NULL, "person", "the NATO Secretary General");
    mk(&q[2], NULL, "en", "The NATO Secretary General spoke.");
    say(&q[2], NULL, "person", "the NATO Secretary General");
    assert_string_equal(name_of(s, who(s, &q[0], 0)), "Jens Halvorsen");
    assert_string_equal(name_of(s, who(s, &q[1], 0)), "Mark Vandermeer");
    assert_int_equal(who(s, &q[2], 0), WS_CORPUS_NONE);
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, who(s, &x[1], 0), &in), 0);
    const ws_speaker_title *t = tenure(&in, "NATO Secretary General");
    assert_non_null(t);
    assert_null(t->from);
    assert_string_equal(t->until, "2024-12-02");
    ws_speakers_free(s);
}

/* A late article retelling the past ("NATO Secretary General Jens
 * Halvorsen said in 2019 ...") does not make the title shared: most days
 * he was called holder precede the successor's first. */
static void test_stale_mention(void **state)
{
    (void)state;
    art x[5], q[2];
    const char *d[4] = {"2024-03-01", "2024-05-01", "2024-07-01", "2025-03-01"};
    art *all[5];
    for (size_t i = 0; i < 4; i++) {
        apposed(&x[i], d[i], "NATO Secretary General", "Jens Halvorsen");
        all[i] = &x[i];
    }
    apposed(&x[4], "2024-11-05", "NATO Secretary General", "Mark Vandermeer");
    all[4] = &x[4];
    ws_speakers *s = settled(all, 5);
    mk(&q[0], "2025-01-10", "en", "The NATO Secretary General spoke.");
    say(&q[0], NULL, "person", "the NATO Secretary General");
    mk(&q[1], "2024-08-01", "en", "The NATO Secretary General spoke.");
    say(&q[1], NULL, "person", "the NATO Secretary General");
    assert_string_equal(name_of(s, who(s, &q[0], 0)), "Mark Vandermeer");
    assert_string_equal(name_of(s, who(s, &q[1], 0)), "Jens Halvorsen");
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, who(s, &x[0], 0), &in), 0);
    assert_string_equal(tenure(&in, "NATO Secretary General")->until,
                        "2024-11-04");
    ws_speakers_free(s);
}

/* A title held by one person only: an undated mention resolves. */
static void test_single_holder_undated(void **state)
{
    (void)state;
    art x, q;
    apposed(&x, "2024-05-05", "Agriculture Minister", "Oksana Dovzhenko");
    art *all[] = {&x};
    ws_speakers *s = settled(all, 1);
    mk(&q, NULL, "en", "The Agriculture Minister said that grain is safe.");
    say(&q, NULL, "person", "The Agriculture Minister");
    assert_string_equal(name_of(s, who(s, &q, 0)), "Oksana Dovzhenko");
    /* Before anyone was seen holding it: nobody. */
    q.a.date = (char *)"2023-01-01";
    assert_int_equal(who(s, &q, 0), WS_CORPUS_NONE);
    ws_speakers_free(s);
    /* Learnt from an undated article only: no day to go by, so a dated
     * mention goes by the single holder too. */
    x.a.date = NULL;
    s = settled(all, 1);
    assert_string_equal(name_of(s, who(s, &q, 0)), "Oksana Dovzhenko");
    ws_speakers_free(s);
}

static void test_languages(void **state)
{
    (void)state;
    art x[4];
    apposed(&x[0], "2024-12-03", "NATO Secretary General", "Mark Vandermeer");
    mk(&x[1], "2024-12-04", "uk",
       "Генсек НАТО Марк Вандермеер заявив, що підтримка триватиме.");
    say(&x[1], "Марк Вандермеер", "person", "Генсек НАТО Марк Вандермеер");
    mk(&x[2], "2024-12-05", "ru",
       "По словам Марка Вандермеера, поддержка продолжится.");
    say(&x[2], "Марка Вандермеера", "person", "Марка Вандермеера");
    mk(&x[3], "2024-12-06", "ru", "Вандермеер сказал, что мир возможен.");
    say(&x[3], "Вандермеер", "person", "Вандермеер");
    art *all[] = {&x[0], &x[1], &x[2], &x[3]};
    ws_speakers *s = settled(all, 4);
    assert_int_equal(ws_speakers_count(s), 1);
    size_t id = who(s, &x[0], 0);
    for (size_t i = 1; i < 4; i++)
        assert_int_equal(who(s, &x[i], 0), id);
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, id, &in), 0);
    assert_string_equal(in.name, "Mark Vandermeer");
    assert_true(has_alias(&in, "Марк Вандермеер"));
    assert_true(has_alias(&in, "Вандермеер"));
    /* The Ukrainian title is learnt too. */
    assert_non_null(tenure(&in, "Генсек НАТО"));
    /* Aliases are sorted. */
    for (size_t i = 1; i < in.n_aliases; i++)
        assert_true(strcmp(in.aliases[i - 1], in.aliases[i]) < 0);
    ws_speakers_free(s);
}

/* An inflected mention, however frequent, does not name the speaker. */
static void test_nominative(void **state)
{
    (void)state;
    art x;
    mk(&x, "2024-12-05", "uk", "За словами Марка Вандермеера, мир можливий.");
    for (size_t i = 0; i < 3; i++)
        say(&x, "Марк Вандермеер", "person", "Марка Вандермеера");
    art *all[] = {&x};
    ws_speakers *s = settled(all, 1);
    assert_int_equal(ws_speakers_count(s), 1);
    assert_string_equal(name_of(s, 0), "Марк Вандермеер");
    ws_speakers_free(s);
}

/* Two people share a surname; first names keep them apart. */
static void test_two_johnsons(void **state)
{
    (void)state;
    art x[2], q[4];
    apposed(&x[0], "2020-03-01", "Prime Minister", "Boris Johnson");
    apposed(&x[1], "2024-02-01", "House Speaker", "Mike Johnson");
    art *all[] = {&x[0], &x[1]};
    ws_speakers *s = settled(all, 2);
    assert_int_equal(ws_speakers_count(s), 2);
    assert_int_not_equal(who(s, &x[0], 0), who(s, &x[1], 0));
    /* The surname alone, no date: unresolved. */
    mk(&q[0], NULL, "en", "Johnson said that it was over.");
    say(&q[0], "Johnson", "person", "Johnson");
    assert_int_equal(who(s, &q[0], 0), WS_CORPUS_NONE);
    /* The article's date tells them apart. */
    mk(&q[1], "2024-02-01", "en", "Johnson said that it was over.");
    say(&q[1], "Johnson", "person", "Johnson");
    assert_string_equal(name_of(s, who(s, &q[1], 0)), "Mike Johnson");
    /* So does the article's own text. */
    mk(&q[2], NULL, "en",
       "Boris Johnson arrived late. Johnson said that it was over.");
    say(&q[2], NULL, "person", "Johnson");
    assert_string_equal(name_of(s, who(s, &q[2], 0)), "Boris Johnson");
    /* A third Johnson the registry does not know is nobody it knows. */
    mk(&q[3], NULL, "en", "Lyndon Johnson said that it was over.");
    say(&q[3], "Lyndon Johnson", "person", "Lyndon Johnson");
    assert_int_equal(who(s, &q[3], 0), WS_CORPUS_NONE);
    ws_speaker_info in;
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(ws_speakers_get(s, i, &in), 0);
        assert_false(has_alias(&in, "Johnson"));
    }
    ws_speakers_free(s);
}

/* An initial for a first name joins the one full name it fits. */
static void test_initials(void **state)
{
    (void)state;
    art x[4], q;
    mk(&x[0], "2024-01-01", "en", "Jens Halvorsen said that it was over.");
    say(&x[0], "Jens Halvorsen", "person", "Jens Halvorsen");
    mk(&x[1], "2024-01-02", "en", "J. Halvorsen said that it was over.");
    say(&x[1], "J. Halvorsen", "person", "J. Halvorsen");
    mk(&x[2], "2024-01-03", "en", "John Smith said that it was over.");
    say(&x[2], "John Smith", "person", "John Smith");
    mk(&x[3], "2024-01-03", "en", "Jane Smith said that it was over.");
    say(&x[3], "Jane Smith", "person", "Jane Smith");
    art *all[] = {&x[0], &x[1], &x[2], &x[3]};
    ws_speakers *s = settled(all, 4);
    assert_int_equal(ws_speakers_count(s), 3);
    assert_int_equal(who(s, &x[1], 0), who(s, &x[0], 0));
    mk(&q, NULL, "en", "J. Smith said that it was over.");
    say(&q, "J. Smith", "person", "J. Smith");
    assert_int_equal(who(s, &q, 0), WS_CORPUS_NONE);
    q.q[0].speaker = (char *)"K. Smith";
    assert_int_equal(who(s, &q, 0), WS_CORPUS_NONE);
    ws_speakers_free(s);
}

/* A title held by two people at once (two countries' ministers written
 * alike) resolves to nobody. */
static void test_shared_title(void **state)
{
    (void)state;
    art x[4], q;
    const char *t[4] = {
        "Foreign Minister Pavel Arkhipov said that talks failed.",
        "Foreign Minister Lina Soares said that talks failed.",
        "Foreign Minister Pavel Arkhipov said that talks resumed.",
        "Foreign Minister Lina Soares said that talks resumed."};
    const char *d[4] = {"2024-01-01", "2024-02-01", "2024-09-01", "2024-10-01"};
    const char *n[4] = {"Pavel Arkhipov", "Lina Soares", "Pavel Arkhipov",
                        "Lina Soares"};
    art *all[4];
    for (size_t i = 0; i < 4; i++) {
        mk(&x[i], d[i], "en", t[i]);
        say(&x[i], n[i], "person", n[i]);
        all[i] = &x[i];
    }
    ws_speakers *s = settled(all, 4);
    mk(&q, "2024-05-01", "en", "The Foreign Minister said no.");
    say(&q, NULL, "person", "The Foreign Minister");
    assert_int_equal(who(s, &q, 0), WS_CORPUS_NONE);
    ws_speakers_free(s);
}

static void test_organisations(void **state)
{
    (void)state;
    art x[2];
    mk(&x[0], "2024-01-01", "en", "The Kremlin said that no plan exists.");
    size_t k1 = say(&x[0], "Kremlin", "organisation", "the Kremlin");
    size_t f1 = say(&x[0], "Ukraine's Foreign Ministry", "organisation",
                    "Ukraine's Foreign Ministry");
    mk(&x[1], "2024-01-02", "en", "The Kremlin said that talks are off.");
    size_t k2 = say(&x[1], "the Kremlin", "organisation", "the Kremlin");
    art *all[] = {&x[0], &x[1]};
    ws_speakers *s = settled(all, 2);
    assert_int_equal(ws_speakers_count(s), 2);
    size_t id = who(s, &x[0], k1);
    assert_int_equal(who(s, &x[1], k2), id);
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, id, &in), 0);
    assert_string_equal(in.name, "Kremlin");
    assert_string_equal(in.kind, "organisation");
    assert_int_equal(ws_speakers_get(s, who(s, &x[0], f1), &in), 0);
    assert_string_equal(in.name, "Ukraine's Foreign Ministry");
    ws_speakers_free(s);
}

static void test_anonymous(void **state)
{
    (void)state;
    art x[2];
    mk(&x[0], "2024-01-01", "en", "A source said that the deal was close.");
    say(&x[0], NULL, "anonymous", "A source");
    say(&x[0], "a source", "anonymous", "a source");
    mk(&x[1], "2024-01-02", "en", "A source said that the deal was off.");
    say(&x[1], NULL, "anonymous", "A source");
    art *all[] = {&x[0], &x[1]};
    ws_speakers *s = settled(all, 2);
    assert_int_equal(ws_speakers_count(s), 0);
    assert_int_equal(who(s, &x[0], 0), WS_CORPUS_NONE);
    assert_int_equal(who(s, &x[0], 1), WS_CORPUS_NONE);
    assert_int_equal(who(s, &x[1], 0), WS_CORPUS_NONE);
    ws_speakers_free(s);
}

/* Everything the registry says, as text, to compare two registries. */
static void dump(const ws_speakers *s, art *const *xs, size_t n, char *out,
                 size_t cap)
{
    size_t o = 0;
    for (size_t id = 0; id < ws_speakers_count(s); id++) {
        ws_speaker_info in;
        assert_int_equal(ws_speakers_get(s, id, &in), 0);
        o += (size_t)snprintf(out + o, cap - o, "%zu %s %s;", id, in.name,
                              in.kind);
        for (size_t i = 0; i < in.n_aliases; i++)
            o += (size_t)snprintf(out + o, cap - o, " a:%s", in.aliases[i]);
        for (size_t i = 0; i < in.n_titles; i++)
            o += (size_t)snprintf(
                out + o, cap - o, " t:%s %s %s", in.titles[i].title,
                in.titles[i].from ? in.titles[i].from : "-",
                in.titles[i].until ? in.titles[i].until : "-");
        assert_true(o < cap);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < xs[i]->a.n_quotes; j++) {
            size_t r = ws_speakers_resolve(s, &xs[i]->a, &xs[i]->q[j]);
            o += (size_t)snprintf(out + o, cap - o, " r%zu.%zu=%s", i, j,
                                  name_of(s, r));
            assert_true(o < cap);
        }
}

static void test_order(void **state)
{
    (void)state;
    art x[8];
    nato_articles(x);
    mk(&x[4], "2024-12-04", "uk",
       "Генсек НАТО Марк Вандермеер заявив, що підтримка триватиме.");
    say(&x[4], "Марк Вандермеер", "person", "Генсек НАТО Марк Вандермеер");
    apposed(&x[5], "2020-03-01", "Prime Minister", "Boris Johnson");
    say(&x[5], "Kremlin", "organisation", "the Kremlin");
    apposed(&x[6], "2024-02-01", "House Speaker", "Mike Johnson");
    say(&x[6], "Johnson", "person", "Johnson");
    mk(&x[7], NULL, "en", "The NATO Secretary General said so.");
    say(&x[7], NULL, "person", "The NATO Secretary General");
    art *fwd[8], *rev[8], *mix[8];
    for (size_t i = 0; i < 8; i++) {
        fwd[i] = &x[i];
        rev[i] = &x[7 - i];
        mix[i] = &x[(i * 3) % 8];
    }
    static char d1[8192], d2[8192], d3[8192];
    ws_speakers *a = settled(fwd, 8), *b = settled(rev, 8),
                *c = settled(mix, 8);
    dump(a, fwd, 8, d1, sizeof d1);
    dump(b, fwd, 8, d2, sizeof d2);
    dump(c, fwd, 8, d3, sizeof d3);
    assert_string_equal(d1, d2);
    assert_string_equal(d1, d3);
    /* Speakers are numbered by name. */
    for (size_t i = 1; i < ws_speakers_count(a); i++)
        assert_true(strcmp(name_of(a, i - 1), name_of(a, i)) <= 0);
    /* Settling twice changes nothing; learning an article again only
     * counts it again. */
    ws_speakers_settle(a);
    dump(a, fwd, 8, d2, sizeof d2);
    assert_string_equal(d1, d2);
    ws_speakers_free(a);
    ws_speakers_free(b);
    ws_speakers_free(c);
}

/* The same article learnt many times adds no memory for new names. */
static void test_bounded(void **state)
{
    (void)state;
    art x[4];
    nato_articles(x);
    ws_speakers *s = ws_speakers_new();
    for (size_t r = 0; r < 2000; r++)
        for (size_t i = 0; i < 4; i++)
            ws_speakers_learn(s, &x[i].a);
    ws_speakers_settle(s);
    assert_int_equal(ws_speakers_count(s), 2);
    ws_speakers_free(s);
}

/* Articles as ws_extract gives them, dated by hand. */
static ws_article *extracted(const char *text, const char *date)
{
    ws_article *a = NULL;
    ws_extract_opts o;
    memset(&o, 0, sizeof o);
    o.format = WS_FORMAT_TEXT;
    assert_int_equal(ws_extract(text, strlen(text), &o, &a), WS_OK);
    free(a->date);
    a->date = date ? strdup(date) : NULL;
    return a;
}

/* The quote stage's output learnt as it is: surnames, appositions and a
 * title-only mention in an article that names nobody. */
static void test_extracted(void **state)
{
    (void)state;
    ws_article *a[4];
    a[0] = extracted("NATO Secretary General Jens Halvorsen said on Tuesday "
                     "that the allies agreed on new plans.\n\n"
                     "\"We stand together,\" Halvorsen said.\n",
                     "2024-03-01");
    a[1] = extracted("NATO Secretary General Mark Vandermeer said on Monday "
                     "that support for Kyiv goes on.\n",
                     "2024-11-05");
    const char *t3 = "The NATO Secretary General said on Friday that the "
                     "summit went well.\n";
    a[2] = extracted(t3, "2024-06-07");
    a[3] = extracted(t3, "2025-01-10");
    ws_speakers *s = ws_speakers_new();
    for (size_t i = 0; i < 4; i++)
        ws_speakers_learn(s, a[i]);
    ws_speakers_settle(s);
    assert_int_equal(ws_speakers_count(s), 2);
    assert_true(a[0]->n_quotes == 2 && a[2]->n_quotes == 1 &&
                a[3]->n_quotes == 1);
    size_t jh = ws_speakers_resolve(s, a[0], &a[0]->quotes[0]);
    assert_string_equal(name_of(s, jh), "Jens Halvorsen");
    assert_int_equal(ws_speakers_resolve(s, a[0], &a[0]->quotes[1]), jh);
    assert_int_equal(ws_speakers_resolve(s, a[2], &a[2]->quotes[0]), jh);
    assert_string_equal(
        name_of(s, ws_speakers_resolve(s, a[3], &a[3]->quotes[0])),
        "Mark Vandermeer");
    ws_speakers_free(s);
    for (size_t i = 0; i < 4; i++)
        ws_article_free(a[i]);
}

/* A name from a number: four syllables. With same_consonants the
 * number picks the vowels only, so every such name has one skeleton. */
static void made_up(size_t i, bool same_consonants, char *out)
{
    static const char cons[] = "bdfklmnprstv", vow[] = "aeiouy";
    size_t o = 0;
    out[o++] = 'Z';
    for (size_t k = 0; k < 4; k++) {
        out[o++] = same_consonants ? cons[k] : cons[i % 12];
        out[o++] = vow[i % 6];
        i = same_consonants ? i / 6 : i / 12;
    }
    out[o] = '\0';
}

/* Many people with one surname, and many spellings with one skeleton:
 * settling and resolving stay fast (ctest's time limit guards) and the
 * surname alone stays unresolved. */
static void test_many(void **state)
{
    (void)state;
    enum { N = 20000 };
    static char names[N][32];
    static art x[N / 4];
    ws_speakers *s = ws_speakers_new();
    for (size_t i = 0; i < N; i++) {
        char first[16];
        /* The last quarter: one consonant pattern, other vowels only. */
        made_up(i, i >= 3 * N / 4, first);
        snprintf(names[i], sizeof names[i], "%s Smith", first);
        art *a = &x[i % (N / 4)];
        if (i < N / 4)
            mk(a, "2024-01-01", "en", "");
        a->a.n_quotes = 0;
        say(a, names[i], "person", names[i]);
        ws_speakers_learn(s, &a->a);
    }
    ws_speakers_settle(s);
    assert_true(ws_speakers_count(s) > N / 2);
    art q;
    mk(&q, NULL, "en", "Smith said so.");
    say(&q, "Smith", "person", "Smith");
    assert_int_equal(who(s, &q, 0), WS_CORPUS_NONE);
    for (size_t i = 0; i < N; i += 7) {
        q.q[0].speaker = names[i];
        assert_int_not_equal(who(s, &q, 0), WS_CORPUS_NONE);
    }
    ws_speakers_free(s);
}

static void test_edges(void **state)
{
    (void)state;
    ws_speakers_free(NULL);
    ws_speakers_learn(NULL, NULL);
    ws_speakers_settle(NULL);
    assert_int_equal(ws_speakers_count(NULL), 0);
    assert_int_equal(ws_speakers_resolve(NULL, NULL, NULL), WS_CORPUS_NONE);
    ws_speakers *s = ws_speakers_new();
    art x;
    mk(&x, "garbage", NULL, "");
    say(&x, "Mark Vandermeer", "person", NULL);
    say(&x, NULL, NULL, NULL);
    say(&x, "", "person", "");
    /* A name past the caps is not learnt. */
    static char longname[600];
    for (size_t i = 0; i + 6 < sizeof longname; i += 6)
        memcpy(longname + i, "Abcde ", 6);
    say(&x, longname, "person", longname);
    /* Before settling nothing resolves. */
    assert_int_equal(ws_speakers_resolve(s, &x.a, &x.q[0]), WS_CORPUS_NONE);
    ws_speakers_learn(s, &x.a);
    ws_speakers_learn(s, NULL);
    ws_speakers_settle(s);
    assert_int_equal(ws_speakers_count(s), 1);
    ws_speaker_info in;
    assert_int_equal(ws_speakers_get(s, 1, &in), -1);
    assert_int_equal(ws_speakers_get(s, 0, &in), 0);
    assert_string_equal(in.name, "Mark Vandermeer");
    assert_int_equal(ws_speakers_resolve(s, &x.a, &x.q[0]), 0);
    assert_int_equal(ws_speakers_resolve(s, &x.a, &x.q[1]), WS_CORPUS_NONE);
    assert_int_equal(ws_speakers_resolve(s, &x.a, &x.q[2]), WS_CORPUS_NONE);
    assert_int_equal(ws_speakers_resolve(s, &x.a, &x.q[3]), WS_CORPUS_NONE);
    assert_int_equal(ws_speakers_resolve(s, NULL, &x.q[0]), 0);
    /* Learning after settling: the new names and titles wait for the next
     * settling. */
    art y;
    apposed(&y, "2024-01-01", "Chief Prosecutor", "Ezra Lindqvist");
    ws_speakers_learn(s, &y.a);
    assert_int_equal(ws_speakers_count(s), 1);
    assert_int_equal(ws_speakers_resolve(s, &y.a, &y.q[0]), WS_CORPUS_NONE);
    say(&y, NULL, "person", "the Chief Prosecutor");
    assert_int_equal(ws_speakers_resolve(s, &y.a, &y.q[1]), WS_CORPUS_NONE);
    ws_speakers_settle(s);
    assert_int_equal(ws_speakers_count(s), 2);
    assert_string_equal(name_of(s, ws_speakers_resolve(s, &y.a, &y.q[1])),
                        "Ezra Lindqvist");
    ws_speakers_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skeletons),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_surname_to_full),
        cmocka_unit_test(test_title_by_date),
        cmocka_unit_test(test_former_only),
        cmocka_unit_test(test_stale_mention),
        cmocka_unit_test(test_single_holder_undated),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_nominative),
        cmocka_unit_test(test_two_johnsons),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_shared_title),
        cmocka_unit_test(test_organisations),
        cmocka_unit_test(test_anonymous),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_extracted),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
