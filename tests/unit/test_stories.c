/* Unit tests for the story grouping: same-event articles join, two events
 * of one kind stay apart, the window closes stories, undated articles take
 * the time before them, the result is deterministic, empty articles are
 * harmless, and a Ukrainian and an English report of one meeting meet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/story_terms.h"
#include "whosaid/corpus.h"

static ws_article art(const char *date, const char *lang, const char *text)
{
    ws_article a;
    memset(&a, 0, sizeof a);
    a.date = (char *)date;
    a.language = (char *)lang;
    a.text = (char *)text;
    a.text_len = strlen(text);
    return a;
}

/* Two bank robberies (same kind, other towns, names and sums), and a
 * background of unrelated news so that word weights mean something. */
static const char *const robbery_a1 =
    "Two armed men robbed the First Federal Bank on Main Street in "
    "Springfield on Tuesday and escaped with $45,000, police chief Laura "
    "Benson said.\n\nThe robbers fled in a grey Toyota, Benson said. No "
    "customers were hurt.";
static const char *const robbery_a2 =
    "Police in Springfield are searching for two gunmen who took $45,000 "
    "from the First Federal Bank on Tuesday.\n\nChief Laura Benson said "
    "the suspects drove off in a grey Toyota after the robbery.";
static const char *const robbery_b1 =
    "A masked man robbed the Harbor Savings Bank in Portland on Friday and "
    "escaped with $12,800, detective Miguel Ortega said.\n\nThe robber "
    "showed a note and fled on foot. No one was hurt.";
static const char *const robbery_b2 =
    "Portland detective Miguel Ortega asked for help finding the masked "
    "man who robbed Harbor Savings Bank of $12,800 on Friday.\n\nThe "
    "robber handed a teller a note and fled on foot.";
static const char *const background[] = {
    "The city council approved a new budget for parks and libraries on "
    "Monday after a long debate about taxes.",
    "Heavy rain flooded several roads in the north of the country, and "
    "forecasters expect more storms this week.",
    "The home team won the championship game 3-1 in front of a record "
    "crowd, the coach praised the defence.",
    "A new study finds that regular walking lowers the risk of heart "
    "disease in older adults, researchers said.",
    "Shares in technology companies fell sharply as investors worried "
    "about interest rates and slowing growth.",
};

static ws_stories *observed(const ws_story_opts *o)
{
    ws_stories *s = ws_stories_new(o);
    const char *all[] = {robbery_a1, robbery_a2, robbery_b1, robbery_b2};
    for (size_t i = 0; i < WS_COUNT(all); i++) {
        ws_article a = art(NULL, "en", all[i]);
        ws_stories_observe(s, &a);
    }
    for (size_t i = 0; i < WS_COUNT(background); i++) {
        ws_article a = art(NULL, "en", background[i]);
        ws_stories_observe(s, &a);
    }
    return s;
}

static size_t add(ws_stories *s, const char *date, const char *text)
{
    ws_article a = art(date, "en", text);
    return ws_stories_add(s, &a);
}

static void same_event_joins_other_event_apart(void **state)
{
    (void)state;
    ws_stories *s = observed(NULL);
    size_t a1 = add(s, "2024-03-05", robbery_a1);
    size_t b1 = add(s, "2024-03-05", robbery_b1);
    size_t a2 = add(s, "2024-03-06", robbery_a2);
    size_t b2 = add(s, "2024-03-06T10:00", robbery_b2);
    assert_int_equal(a1, 0); /* dense, in order of creation */
    assert_int_equal(b1, 1);
    assert_int_equal(a2, a1);
    assert_int_equal(b2, b1);
    for (size_t i = 0; i < WS_COUNT(background); i++)
        assert_int_equal(add(s, "2024-03-06", background[i]), 2 + i);
    ws_stories_free(s);
}

static void works_without_observe(void **state)
{
    (void)state;
    ws_stories *s = ws_stories_new(NULL);
    for (size_t i = 0; i < WS_COUNT(background); i++)
        add(s, "2024-03-01", background[i]);
    size_t a1 = add(s, "2024-03-05", robbery_a1);
    size_t b1 = add(s, "2024-03-05", robbery_b1);
    assert_int_not_equal(a1, b1);
    assert_int_equal(add(s, "2024-03-05", robbery_a2), a1);
    assert_int_equal(add(s, "2024-03-05", robbery_b2), b1);
    ws_stories_free(s);
}

static void window_closes_stories(void **state)
{
    (void)state;
    ws_story_opts o = {7, 0};
    ws_stories *s = observed(&o);
    size_t a1 = add(s, "2024-03-01", robbery_a1);
    assert_int_equal(add(s, "2024-03-07", robbery_a2), a1); /* 6 days */
    /* 14 days after the story's last article: it has closed */
    size_t late = add(s, "2024-03-21", robbery_a1);
    assert_int_not_equal(late, a1);
    assert_int_equal(add(s, "2024-03-22", robbery_a2), late);
    ws_stories_free(s);

    o.window_days = 30; /* a longer window keeps it open */
    s = observed(&o);
    a1 = add(s, "2024-03-01", robbery_a1);
    assert_int_equal(add(s, "2024-03-21", robbery_a2), a1);
    ws_stories_free(s);
}

static void undated_takes_the_time_before(void **state)
{
    (void)state;
    ws_stories *s = observed(NULL);
    size_t a1 = add(s, "2024-03-01", robbery_a1);
    add(s, NULL, background[0]);
    assert_int_equal(add(s, NULL, robbery_a2), a1);
    ws_stories_free(s);

    /* After a dated article three weeks on, an undated one is that late
     * too: the first story has closed. */
    s = observed(NULL);
    a1 = add(s, "2024-03-01", robbery_a1);
    add(s, "2024-03-22", background[1]);
    assert_int_not_equal(add(s, NULL, robbery_a2), a1);
    ws_stories_free(s);

    /* No dates at all: one moment, nothing closes. */
    s = observed(NULL);
    a1 = add(s, NULL, robbery_a1);
    add(s, NULL, robbery_b1);
    assert_int_equal(add(s, NULL, robbery_a2), a1);
    ws_stories_free(s);
}

static void deterministic(void **state)
{
    (void)state;
    const char *texts[] = {robbery_b2,    background[2], robbery_a1,
                           background[3], robbery_b1,    robbery_a2};
    size_t first[WS_COUNT(texts)];
    for (int run = 0; run < 2; run++) {
        ws_stories *s = observed(NULL);
        for (size_t i = 0; i < WS_COUNT(texts); i++) {
            size_t id = add(s, "2024-03-02", texts[i]);
            if (run == 0)
                first[i] = id;
            else
                assert_int_equal(id, first[i]);
        }
        ws_stories_free(s);
    }
    assert_int_equal(first[0], first[4]);
    assert_int_equal(first[2], first[5]);
}

static void empty_articles_stand_alone(void **state)
{
    (void)state;
    ws_stories *s = observed(NULL);
    size_t a1 = add(s, "2024-03-01", robbery_a1);
    size_t e1 = add(s, "2024-03-01", "");
    size_t e2 = add(s, "2024-03-01", "  \n\n ");
    assert_int_not_equal(e1, a1);
    assert_int_not_equal(e2, e1);
    assert_int_equal(add(s, "2024-03-01", robbery_a2), a1);
    ws_article odd = art("not a date", NULL, "...");
    ws_stories_observe(s, &odd);
    assert_int_equal(ws_stories_add(s, &odd), e2 + 1);
    ws_stories_free(NULL);
    ws_stories_free(s);
}

static const char *const meeting_en =
    "Ukrainian President Volodymyr Zelensky met French President Emmanuel "
    "Macron in Paris on 12 March 2025.\n\nThey discussed 3 billion euros of "
    "military aid and 150 Caesar howitzers, Zelensky said.";
static const char *const meeting_uk =
    "Президент України Володимир Зеленський зустрівся з президентом "
    "Франції Емманюелем Макроном у Парижі 12 березня 2025 року.\n\nВони "
    "обговорили 3 мільярди євро військової допомоги та 150 гаубиць "
    "Caesar, повідомив Зеленський.";
static const char *const other_en =
    "Polish Prime Minister Donald Tusk met German Chancellor Friedrich "
    "Merz in Berlin on 5 May 2025.\n\nThey discussed 40 million euros for "
    "border security, Tusk said.";

static void across_languages(void **state)
{
    (void)state;
    for (int uk_first = 0; uk_first < 2; uk_first++) {
        ws_stories *s = observed(NULL);
        ws_article en = art("2025-03-12", "en", meeting_en);
        ws_article uk = art("2025-03-12", "uk", meeting_uk);
        ws_article other = art("2025-03-12", "en", other_en);
        ws_stories_observe(s, &en);
        ws_stories_observe(s, &uk);
        ws_stories_observe(s, &other);
        size_t x = ws_stories_add(s, uk_first ? &uk : &en);
        size_t y = ws_stories_add(s, &other);
        size_t z = ws_stories_add(s, uk_first ? &en : &uk);
        assert_int_not_equal(x, y);
        assert_int_equal(x, z);
        ws_stories_free(s);
    }
}

/* The consonant key of a declined Cyrillic name is the one of its Latin
 * spelling. */
static bool share_name_key(const char *lang1, const char *t1, const char *lang2,
                           const char *t2)
{
    ws_story_termset x, y;
    ws_story_termset_init(&x);
    ws_story_termset_init(&y);
    ws_article a = art(NULL, lang1, t1), b = art(NULL, lang2, t2);
    ws_story_terms_collect(&x, &a);
    ws_story_terms_collect(&y, &b);
    bool shared = false;
    for (size_t i = 0; i < x.n; i++)
        for (size_t j = 0; j < y.n; j++)
            if (x.list[i].kind == WS_STORY_SKEL &&
                x.list[i].hash == y.list[j].hash)
                shared = true;
    ws_story_termset_cleanup(&x);
    ws_story_termset_cleanup(&y);
    return shared;
}

static void name_keys_across_scripts(void **state)
{
    (void)state;
    assert_true(share_name_key("uk", "Вчора Зеленського привітали.", "en",
                               "Yesterday Zelensky arrived."));
    assert_true(share_name_key("ru", "Встреча с Макроном прошла.", "en",
                               "He met Macron today."));
    assert_true(share_name_key("uk", "Заява Шмигаля пролунала.", "en",
                               "A statement by Shmyhal came."));
    assert_false(share_name_key("en", "He met Macron today.", "en",
                                "He met Merkel today."));
}

static void many_articles_stay_dense(void **state)
{
    (void)state;
    ws_stories *s = ws_stories_new(NULL);
    char text[256], date[16];
    for (size_t i = 0; i < 3000; i++) {
        snprintf(text, sizeof text,
                 "Report number %zu from Town%zu about Item%zu and Thing%zu.",
                 i * 7919, i, i * 31, i * 17);
        snprintf(date, sizeof date, "2024-%02zu-%02zu", 1 + (i / 28) % 12,
                 1 + i % 28);
        ws_article a = art(date, "en", text);
        assert_true(ws_stories_add(s, &a) <= i);
    }
    ws_stories_free(s);
}

/* Long and odd texts: past the term cap, past the text cap, numbers that
 * never end, words of one letter, apostrophes alone. Runs under the ctest
 * time limit, which guards against quadratic work. */
static void pathological_texts(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++) {
        size_t k = i % 12;
        big[i] = k == 11 ? ' '
                         : (char)(k == 0 ? 'A' + i / 12 % 26
                                         : 'a' + (i / 12 / 26 + k) % 26);
    }
    big[n] = 0;
    const char *odd[] = {"1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5",
                         "' ' ' '' ’ ’’ «» „“ ...", "a b c d e f g h i j k",
                         "Ё Ї Є Ґ ЁЁЁ ЇЇЇ ЄЄЄ ҐҐҐ",
                         "\xff\xfe\xc3 broken \xe2\x80"};
    ws_stories *s = ws_stories_new(NULL);
    ws_article a = art("2024-01-01", "en", big);
    ws_stories_observe(s, &a);
    assert_int_equal(ws_stories_add(s, &a), 0);
    assert_int_equal(ws_stories_add(s, &a), 0); /* the same text joins */
    for (size_t i = 0; i < WS_COUNT(odd); i++) {
        ws_article o = art("2024-01-01", "uk", odd[i]);
        ws_stories_observe(s, &o);
        ws_stories_add(s, &o);
    }
    ws_stories_free(s);
    free(big);
}

/* A year written in a date is marked; a number with separators is never
 * a year; a bare year is a year but not a date's. */
static void dated_years(void **state)
{
    (void)state;
    ws_story_termset ts;
    ws_story_termset_init(&ts);
    ws_article a = art(NULL, "en",
                       "Published on May 3, 2013. The flaw hit 2,000 "
                       "computers; a similar one was fixed in 2008.");
    ws_story_terms_collect(&ts, &a);
    size_t years = 0, dated = 0, numbers = 0;
    for (size_t i = 0; i < ts.n; i++) {
        years += ts.list[i].kind == WS_STORY_YEAR;
        dated += ts.list[i].kind == WS_STORY_YEAR && ts.list[i].dated;
        numbers += ts.list[i].kind == WS_STORY_NUM;
    }
    assert_int_equal(years, 2);   /* 2013, 2008; not 2,000 */
    assert_int_equal(dated, 1);   /* 2013 */
    assert_int_equal(numbers, 2); /* 3, 2000 */
    ws_story_termset_cleanup(&ts);
}

/* The year rule and the weight of a date's year: a story of three reports
 * of a 2008 patch; a report of the same kind, nearly word for word, dated
 * in 2013 (a year none of them named) starts its own story, while one
 * dated in 2008 joins. */
static const char *const patch[] = {
    "December 17, 2008\nMicrosoft released an emergency patch for Internet "
    "Explorer after hackers used a flaw to attack computers, the company "
    "said. Security expert Graham Cluley urged users to update.",
    "December 17, 2008\nMicrosoft rushed out an emergency patch for the "
    "Internet Explorer flaw that hackers used to attack computers. Graham "
    "Cluley said users should update at once.",
    "December 18, 2008\nUsers of Internet Explorer should install the "
    "emergency patch Microsoft released for the flaw hackers exploited, "
    "security expert Graham Cluley said.",
    "December 18, 2008\nMicrosoft released an emergency patch for Internet "
    "Explorer after hackers attacked computers through a flaw. Graham "
    "Cluley urged users to update.",
    "September 18, 2013\nMicrosoft released an emergency patch for Internet "
    "Explorer after hackers attacked computers through a flaw. Graham "
    "Cluley urged users to update.",
};

static size_t patch_run(size_t last, double threshold)
{
    ws_story_opts o = {0, threshold};
    ws_stories *s = ws_stories_new(&o);
    for (size_t i = 0; i < WS_COUNT(patch); i++) {
        ws_article a = art(NULL, "en", patch[i]);
        ws_stories_observe(s, &a);
    }
    for (size_t i = 0; i < WS_COUNT(background); i++) {
        ws_article a = art(NULL, "en", background[i]);
        ws_stories_observe(s, &a);
    }
    size_t first = add(s, NULL, patch[0]);
    assert_int_equal(add(s, NULL, patch[1]), first);
    assert_int_equal(add(s, NULL, patch[2]), first);
    size_t id = add(s, NULL, patch[last]);
    ws_stories_free(s);
    return id;
}

static void year_rule(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        double threshold = i ? 0.45 : 0; /* 0: the default */
        assert_int_equal(patch_run(3, threshold), 0);
        assert_int_not_equal(patch_run(4, threshold), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_event_joins_other_event_apart),
        cmocka_unit_test(works_without_observe),
        cmocka_unit_test(window_closes_stories),
        cmocka_unit_test(undated_takes_the_time_before),
        cmocka_unit_test(deterministic),
        cmocka_unit_test(empty_articles_stand_alone),
        cmocka_unit_test(across_languages),
        cmocka_unit_test(name_keys_across_scripts),
        cmocka_unit_test(many_articles_stay_dense),
        cmocka_unit_test(pathological_texts),
        cmocka_unit_test(dated_years),
        cmocka_unit_test(year_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
