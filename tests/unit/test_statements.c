/* Unit tests for the statement grouping (src/corpus/statements.c): which
 * quotes of one speaker join as one statement across outlets, translations
 * and partial overlaps, and which stay apart. Articles and quotes are built
 * by hand; only the fields the grouping reads are set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "whosaid/corpus.h"

/* Adds one quote said on date in language lang; returns its statement. */
static size_t add(ws_statements *st, size_t speaker, const char *date,
                  const char *lang, const char *text)
{
    ws_article a;
    memset(&a, 0, sizeof a);
    a.date = (char *)date;
    a.language = (char *)lang;
    a.text = (char *)"";
    ws_quote q;
    memset(&q, 0, sizeof q);
    q.text = (char *)text;
    q.kind = "direct";
    a.quotes = &q;
    a.n_quotes = 1;
    return ws_statements_add(st, speaker, &a, &q);
}

static const char *const filler[] = {
    "Farmers will receive compensation for the lost harvest before spring.",
    "The new metro line in the capital opens to passengers in June.",
    "Teachers' salaries rise by a fifth from the first of September.",
    "The court will announce its decision on the pipeline next month.",
};

/* A few unrelated quotes by other speakers, so word weights have a
 * background as they would in a real collection. */
static void background(ws_statements *st, const char *date)
{
    for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
        add(st, 100 + i, date, "en", filler[i]);
}

static void translations_join(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    background(st, "2026-01-14");
    size_t a = add(st, 1, "2026-01-14", "en",
                   "We will receive the first air defence systems already "
                   "this winter. Partners have confirmed the deliveries, and "
                   "we are grateful to everyone who helps protect our sky.");
    size_t b = add(st, 1, "2026-01-14T11:40", "en",
                   "The first air-defence systems will come as early as this "
                   "winter. Our partners confirmed the supplies, and we thank "
                   "everyone who is helping to defend our skies.");
    assert_int_equal(a, b);
    ws_statements_free(st);
}

static void sentence_joins_paragraph(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    background(st, "2025-11-20");
    size_t para =
        add(st, 7, "2025-11-20", "en",
            "Our energy system survived the night, but three regions are still "
            "without power. Repair crews have been working since four in the "
            "morning, and by evening we expect to restore supply to 80 percent "
            "of consumers. I ask people to save electricity between 5 pm and "
            "10 pm.");
    size_t sentence =
        add(st, 7, "2025-11-20", "en",
            "Repair crews have been working since four in the morning, and "
            "by evening we expect to restore supply to 80 percent of "
            "consumers.");
    size_t half1 = add(st, 7, "2025-11-20", "en",
                       "Our energy system survived the night, but three "
                       "regions are still without power.");
    size_t half2 = add(st, 7, "2025-11-21", "en",
                       "I ask people to save electricity between 5 pm and "
                       "10 pm.");
    assert_int_equal(sentence, para);
    assert_int_equal(half1, para);
    assert_int_equal(half2, para);
    ws_statements_free(st);
}

static void same_day_different_statements_apart(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    background(st, "2026-03-04");
    size_t a1 = add(st, 3, "2026-03-04", "en",
                    "Ukraine needs more air defence now. Allies must send "
                    "Patriot systems and ammunition before the winter, "
                    "because Russia is attacking the energy grid every "
                    "night.");
    size_t a2 = add(st, 3, "2026-03-04", "en",
                    "Ukraine will become a member of NATO one day. The path "
                    "is irreversible, but the decision is for all 32 allies "
                    "and it will not happen during the war.");
    size_t b1 = add(st, 3, "2026-03-04", "en",
                    "Ukraine needs more air defence right now. The allies "
                    "have to send Patriots and ammunition before winter "
                    "comes, because every night Russia is striking the "
                    "power grid.");
    size_t b2 = add(st, 3, "2026-03-04", "en",
                    "The path is irreversible, but the decision is for all "
                    "32 allies.");
    assert_int_not_equal(a1, a2);
    assert_int_equal(b1, a1);
    assert_int_equal(b2, a2);
    ws_statements_free(st);
}

static void short_fragment_does_not_glue(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    background(st, "2026-03-04");
    size_t a = add(st, 3, "2026-03-04", "en",
                   "Russia is not interested in peace, it is preparing a new "
                   "offensive in the east and moving troops to the border.");
    size_t b = add(st, 3, "2026-03-04", "en", "peace is possible");
    assert_int_not_equal(a, b);
    ws_statements_free(st);
}

static void different_speakers_apart(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    const char *words = "The port keeps working. Every ship that is loaded "
                        "today will sail tomorrow, and grain exports will "
                        "not stop this winter.";
    size_t a = add(st, 1, "2025-10-02", "en", words);
    size_t b = add(st, 2, "2025-10-02", "en", words);
    size_t c = add(st, 1, "2025-10-02", "en", words);
    assert_int_not_equal(a, b);
    assert_int_equal(c, a);
    ws_statements_free(st);
}

static void window_expires(void **state)
{
    (void)state;
    const char *words = "The port keeps working. Every ship that is loaded "
                        "today will sail tomorrow, and grain exports will "
                        "not stop this winter.";
    ws_statements *st = ws_statements_new(NULL);
    size_t a = add(st, 1, "2025-10-02", "en", words);
    size_t b = add(st, 1, "2025-10-05", "en", words); /* 3 days: inside */
    size_t c = add(st, 1, "2025-10-13", "en", words); /* 8 days later */
    size_t d = add(st, 1, NULL, "en", words); /* undated: as the previous */
    assert_int_equal(b, a);
    assert_int_not_equal(c, a);
    assert_int_equal(d, c);
    ws_statements_free(st);

    ws_statement_opts wide = {30, 0};
    st = ws_statements_new(&wide);
    a = add(st, 1, "2025-10-02", "en", words);
    c = add(st, 1, "2025-10-13", "en", words);
    assert_int_equal(c, a);
    ws_statements_free(st);
}

static void crosslingual_en_uk_ru(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    background(st, "2026-02-10");
    size_t en = add(st, 5, "2026-02-10", "en",
                    "We have agreed with our partners on 12 new Patriot "
                    "batteries for Kharkiv and Odesa. The first two will "
                    "arrive before summer.");
    size_t en2 = add(st, 5, "2026-02-10", "en",
                     "Russia launched 40 drones at Kyiv overnight, 35 of "
                     "them were shot down by our air defence.");
    size_t uk = add(st, 5, "2026-02-10", "uk",
                    "Ми домовилися з партнерами про 12 нових батарей "
                    "Patriot для Харкова та Одеси. Перші дві прибудуть ще "
                    "до літа.");
    size_t uk2 = add(st, 5, "2026-02-10", "uk",
                     "Росія вночі запустила по Києву 40 дронів, 35 з них "
                     "збила наша протиповітряна оборона.");
    size_t ru = add(st, 5, "2026-02-11", "ru",
                    "Мы договорились с партнерами о 12 новых батареях "
                    "Patriot для Харькова и Одессы. Первые две прибудут "
                    "еще до лета.");
    /* same topic, other statement, other language: apart */
    size_t uk3 = add(st, 5, "2026-02-10", "uk",
                     "Україна стане членом НАТО, але рішення ухвалюють усі "
                     "32 союзники, і під час війни цього не станеться.");
    size_t ru3 = add(st, 5, "2026-02-10", "ru",
                     "Партнеры должны быстрее передавать Украине ракеты для "
                     "ПВО, потому что Россия каждую ночь бьет по энергетике.");
    assert_int_not_equal(en, en2);
    assert_int_not_equal(uk3, en);
    assert_int_not_equal(uk3, en2);
    assert_int_not_equal(ru3, en);
    assert_int_not_equal(ru3, en2);
    assert_int_equal(uk, en);
    assert_int_equal(uk2, en2);
    assert_int_equal(ru, en);
    ws_statements_free(st);
}

static void names_across_scripts(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    size_t en = add(st, 9, "2025-12-03", "en",
                    "NATO will not let Putin win in Ukraine, and sanctions "
                    "against Russia will stay until 2027.");
    size_t uk = add(st, 9, "2025-12-03", "uk",
                    "НАТО не дозволить Путіну перемогти в Україні, а "
                    "санкції проти Росії залишаться до 2027 року.");
    assert_int_equal(uk, en);
    ws_statements_free(st);
}

static void unresolved_speaker_never_joins(void **state)
{
    (void)state;
    ws_statements *st = ws_statements_new(NULL);
    const char *words = "The port keeps working. Every ship that is loaded "
                        "today will sail tomorrow.";
    size_t a = add(st, WS_CORPUS_NONE, "2025-10-02", "en", words);
    size_t b = add(st, WS_CORPUS_NONE, "2025-10-02", "en", words);
    size_t c = add(st, 4, "2025-10-02", "en", words);
    size_t d = add(st, WS_CORPUS_NONE, "2025-10-02", "en", words);
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    assert_int_equal(c, 2);
    assert_int_equal(d, 3);
    ws_statements_free(st);
}

/* Many quotes over many days: ids stay dense and identical across runs,
 * and old statements are let go (a quote after the window never joins). */
static void deterministic_and_dense(void **state)
{
    (void)state;
    enum { N = 3000 };
    size_t *first = malloc(N * sizeof *first);
    for (int run = 0; run < 2; run++) {
        ws_statements *st = ws_statements_new(NULL);
        size_t max_id = 0;
        for (size_t i = 0; i < N; i++) {
            char date[16], text[200];
            snprintf(date, sizeof date, "2025-%02zu-%02zu", 1 + i / 300 % 12,
                     1 + i / 12 % 25);
            snprintf(text, sizeof text,
                     "We will deliver %zu shells to brigade %zu near the "
                     "town of Sector%zu before the %zu of the month.",
                     i % 37 * 100, i % 11, i % 5, i % 7 + 1);
            size_t id = add(st, i % 13, date, "en", text);
            assert_true(id <= max_id + (i > 0));
            if (id > max_id)
                max_id = id;
            if (run == 0)
                first[i] = id;
            else
                assert_int_equal(id, first[i]);
        }
        ws_statements_free(st);
    }
    free(first);
}

static void free_null_is_noop(void **state)
{
    (void)state;
    ws_statements_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(translations_join),
        cmocka_unit_test(sentence_joins_paragraph),
        cmocka_unit_test(same_day_different_statements_apart),
        cmocka_unit_test(short_fragment_does_not_glue),
        cmocka_unit_test(different_speakers_apart),
        cmocka_unit_test(window_expires),
        cmocka_unit_test(crosslingual_en_uk_ru),
        cmocka_unit_test(names_across_scripts),
        cmocka_unit_test(unresolved_speaker_never_joins),
        cmocka_unit_test(deterministic_and_dense),
        cmocka_unit_test(free_null_is_noop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
