/* Unit tests for src/meta: the fields setters, the date parser (formats,
 * languages, implausible values), author names and bylines, and language
 * identification. */
/* cmocka needs these first, in this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "meta/lex.h"
#include "meta/meta.h"

#include <stdlib.h>
#include <string.h>

/* ---- dates ------------------------------------------------------------- */

static const struct {
    const char *in;
    const char *out; /* NULL: no date */
} dates[] = {
    /* ISO 8601 */
    {"2024-12-12", "2024-12-12"},
    {"2024-12-12T19:16", "2024-12-12T19:16"},
    {"2024-12-12T19:16:05", "2024-12-12T19:16:05"},
    {"2024-12-12T19:16:00+02:00", "2024-12-12T19:16:00+02:00"},
    {"2024-12-12T19:16:00.123Z", "2024-12-12T19:16:00Z"},
    {"2024-12-12 19:16:00.123456-05:00", "2024-12-12T19:16:00-05:00"},
    {"2024-12-12T19:16:00+0530", "2024-12-12T19:16:00+05:30"},
    {"2024/12/12", "2024-12-12"},
    {"2024.12.12", "2024-12-12"},
    /* Written out, English */
    {"Thursday, 12 December 2024, 19:16", "2024-12-12T19:16"},
    {"12 December 2024", "2024-12-12"},
    {"12th of December, 2024", "2024-12-12"},
    {"12-Dec-2024", "2024-12-12"},
    {"December 12, 2024 7:16 PM", "2024-12-12T19:16"},
    {"December 12, 2024 12:05 a.m.", "2024-12-12T00:05"},
    {"Dec. 12, 2024", "2024-12-12"},
    {"Sept 3rd, 2024 at 10:05 am EST", "2024-09-03T10:05-05:00"},
    {"Thu, 12 Dec 2024 19:16:00 +0200", "2024-12-12T19:16:00+02:00"},
    {"Tue, 3 Dec 2024 13:41:00 GMT", "2024-12-03T13:41:00Z"},
    {"12 Dec 2024 19:16 UTC+2", "2024-12-12T19:16+02:00"},
    /* Numeric day first */
    {"12.12.2024", "2024-12-12"},
    {"03.12.25, 10:39", "2025-12-03T10:39"},
    {"03.12.99", "1999-12-03"},
    {"25/12/2024", "2024-12-25"},
    {"12/25/2024", "2024-12-25"},
    {"05/06/2024", "2024-06-05"},
    {"19:16, 12.12.2024", "2024-12-12T19:16"},
    {"12.12.2024 | 19:16", "2024-12-12T19:16"},
    /* Ukrainian and Russian */
    {"12 грудня 2024", "2024-12-12"},
    {"1 березня 2023 року, 08:00", "2023-03-01T08:00"},
    {"четвер, 12 грудня 2024, 19:16", "2024-12-12T19:16"},
    {"4 жовтня 2024 р. о 15:20", "2024-10-04T15:20"},
    {"П'ятниця, 13 грудня 2024", "2024-12-13"},
    {"12 декабря 2024 г., 19:16", "2024-12-12T19:16"},
    {"5 мая 2024 года в 09:30", "2024-05-05T09:30"},
    {"пятница, 1 ноября 2024", "2024-11-01"},
    {"12 дек. 2024", "2024-12-12"},
    {"Грудень 2024, 12", NULL},
    /* Anywhere in a line */
    {" date 2025-11-14 $41.870.02", "2025-11-14"},
    {"Published: 14 March 2023", "2023-03-14"},
    {"Опубліковано 12.12.2024 о 19:16", "2024-12-12T19:16"},
    {"A B , C DTHURSDAYThursday, 12 December 2024, 19:16", "2024-12-12T19:16"},
    {"ШЕВЧЕНКОчетвер, 12 грудня 2024, 19:16", "2024-12-12T19:16"},
    {"another story03.12.25, 10:39 • 518 views", "2025-12-03T10:39"},
    /* Implausible or not dates */
    {"31.02.2024", NULL},
    {"29.02.2023", NULL},
    {"29.02.2024", "2024-02-29"},
    {"12.13.2024", NULL},
    {"32 December 2024", NULL},
    {"1989-12-31", NULL},
    {"2101-01-01", NULL},
    {"version 1.2.3", NULL},
    {"10.12.25.3", NULL},
    {"12.12.20245", NULL},
    {"12:30", NULL},
    {"12 December", NULL},
    {"Copyright © 2024 Example.com", NULL},
    {"call 555-12-2024", NULL},
    {"", NULL},
    {"Thursday", NULL},
    {"2024-12-12T25:00", "2024-12-12"},
    {"December 3, 20242:33 PM GMT+1Updated 2 hours ago",
     "2024-12-03T14:33+01:00"},
    {"12 December 202419:16", "2024-12-12T19:16"},
    {"December 3, 202412", NULL},
    {"2024-12-12 10:00 - 11:00", "2024-12-12T10:00"},
};

static void test_date_parse(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        char out[32] = "untouched";
        bool ok = ws_date_parse(dates[i].in, strlen(dates[i].in), out);
        if (!dates[i].out) {
            if (ok)
                fail_msg("'%s' gave %s, expected no date", dates[i].in, out);
            assert_string_equal(out, "untouched");
        } else {
            if (!ok)
                fail_msg("'%s' gave no date, expected %s", dates[i].in,
                         dates[i].out);
            if (strcmp(out, dates[i].out) != 0)
                fail_msg("'%s' gave %s, expected %s", dates[i].in, out,
                         dates[i].out);
        }
    }
}

static void test_date_find_span(void **state)
{
    (void)state;
    char out[32];
    size_t a, e;
    const char *s = "Anna Smith , BOB JONESThursday, 12 December 2024, 19:16";
    assert_true(ws_date_find(s, strlen(s), out, &a, &e));
    assert_int_equal(a, strlen("Anna Smith , BOB JONES"));
    assert_int_equal(e, strlen(s));

    const char *t = "Headline of another storyz03.12.25, 10:39 • 5 views";
    assert_true(ws_date_find(t, strlen(t), out, &a, &e));
    assert_int_equal(a, strlen("Headline of another storyz"));
    assert_string_equal(out, "2025-12-03T10:39");

    /* ws_date_span: only at the start (after spaces and a weekday). */
    const char *u = "  Monday, 2 December 2024 — by Anna";
    size_t k = ws_date_span(u, strlen(u), out);
    assert_int_equal(k, strlen("  Monday, 2 December 2024"));
    assert_string_equal(out, "2024-12-02");
    assert_int_equal(ws_date_span("By Anna, 2 December 2024", 24, out), 0);
    assert_int_equal(ws_date_span("", 0, out), 0);

    size_t ml;
    assert_int_equal(ws_date_month("грудня 2024", strlen("грудня 2024"), &ml),
                     12);
    assert_int_equal(ml, strlen("грудня"));
    assert_int_equal(ws_date_month("Sept. 3", 7, &ml), 9);
    assert_int_equal(ml, 5);
    assert_int_equal(ws_date_month("Mayor", 5, &ml), 0);
}

/* A date is never found in a long paragraph beyond the scan limit, and the
 * scan stays linear on hostile input. */
static void test_date_hostile(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = ws_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        s[i] = "1.2:3-4/ "[i % 9];
    char out[32];
    assert_false(ws_date_parse(s, n, out));
    memset(s, '9', n);
    assert_false(ws_date_parse(s, n, out));
    free(s);
}

/* ---- names and bylines ------------------------------------------------- */

static const struct {
    const char *in;
    const char *out; /* NULL: rejected */
} names[] = {
    {"OKSANA MELNYK", "Oksana Melnyk"},
    {"anna kowalska", "Anna Kowalska"},
    {"By John Smith", "John Smith"},
    {"  Anna   Kowalska ,", "Anna Kowalska"},
    {"O'BRIEN PATRICK", "O'Brien Patrick"},
    {"JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"},
    {"LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"},
    {"Vincent van Gogh", "Vincent van Gogh"},
    {"MCDONALD RONALD", "McDonald Ronald"},
    {"Ronald McDonald", "Ronald McDonald"},
    {"DeShawn Williams", "DeShawn Williams"},
    {"Автор: ОЛЕНА КОВАЛЬ", "Олена Коваль"},
    {"петро мельник", "Петро Мельник"},
    {"Іван ПЕТРЕНКО-КОВАЛЬ", "Іван Петренко-Коваль"},
    {"John F.", "John F."},
    {"J.R.R. Tolkien", "J.R.R. Tolkien"},
    {"A Smith", "A Smith"},
    {"Written by: Grace O'NEILL", "Grace O'Neill"},
    {"Staff", NULL},
    {"Editorial board", NULL},
    {"Staff Writer", NULL},
    {"Associated Press", NULL},
    {"John Smith, staff writer", NULL},
    {"https://example.com", NULL},
    {"example.com", NULL},
    {"Example.net News", NULL},
    {"Agent 007", NULL},
    {"One Two Three Four Five Six Seven", NULL},
    {"Mark Twain: Stock photo", NULL},
    {"iPhone Review", NULL},
    {"Madonna", NULL},
    {"The president said", NULL},
    {"All News", NULL},
    {"Политика Экономика Общество", NULL},
    {"", NULL},
    {"Julia (Kyiv)", NULL},
    {"Site Map", NULL},
    {"Privacy Policy", NULL},
    {"Про нас", NULL},
};

static void test_name_normalize(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, 0);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        bool ok = ws_name_normalize(names[i].in, strlen(names[i].in), &b);
        if (!names[i].out) {
            if (ok)
                fail_msg("'%s' accepted as '%s'", names[i].in, ws_buf_cstr(&b));
        } else {
            if (!ok)
                fail_msg("'%s' rejected", names[i].in);
            if (strcmp(ws_buf_cstr(&b), names[i].out) != 0)
                fail_msg("'%s' gave '%s', expected '%s'", names[i].in,
                         ws_buf_cstr(&b), names[i].out);
        }
    }
    ws_buf_cleanup(&b);
}

static const struct {
    const char *in;
    const char *out; /* names joined by "|" */
} bylines[] = {
    {"Anna Smith , BOB JONESThursday, 12 December 2024, 19:16",
     "Anna Smith|Bob Jones"},
    {"A Smith and B Jones", "A Smith|B Jones"},
    {"Anna Smith, Bob Jones and Carl Ray", "Anna Smith|Bob Jones|Carl Ray"},
    {"By Anna Smith & Bob Jones", "Anna Smith|Bob Jones"},
    {"Written by Jane Doe | Example Wire", "Jane Doe"},
    {"Posted by jane doe, 12.12.2024", "Jane Doe"},
    {"By John Smith and Jane Doe, Staff Writers", "John Smith|Jane Doe"},
    {"Автор: Олена Коваль", "Олена Коваль"},
    {"Автори: Олена Коваль, Ігор Шевченко", "Олена Коваль|Ігор Шевченко"},
    {"Авторы: Иван Петров, Анна Сидорова", "Иван Петров|Анна Сидорова"},
    {"Олена Коваль та Ігор Шевченко", "Олена Коваль|Ігор Шевченко"},
    {"Олена Коваль і Ігор Шевченко", "Олена Коваль|Ігор Шевченко"},
    {"Иван Петров и Анна Сидорова", "Иван Петров|Анна Сидорова"},
    {"Anna Smith • 3 December 2024 • 5 min read", "Anna Smith"},
    {"José Ortega y Gasset", "José Ortega y Gasset"},
    {"Anna Smith, ANNA SMITH", "Anna Smith"},
    {"By Staff", ""},
    {"", ""},
};

static void test_byline(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bylines / sizeof bylines[0]; i++) {
        ws_fields f;
        ws_fields_init(&f, 0);
        ws_fields_add_byline(&f, bylines[i].in, strlen(bylines[i].in));
        ws_buf got;
        ws_buf_init(&got, 0);
        for (size_t k = 0; k < f.n_authors; k++) {
            if (k)
                ws_buf_putc(&got, '|');
            ws_buf_puts(&got, f.authors[k]);
        }
        if (strcmp(ws_buf_cstr(&got), bylines[i].out) != 0)
            fail_msg("'%s' gave '%s', expected '%s'", bylines[i].in,
                     ws_buf_cstr(&got), bylines[i].out);
        ws_buf_cleanup(&got);
        ws_fields_cleanup(&f);
    }
}

static void test_byline_names_only(void **state)
{
    (void)state;
    const char *yes[] = {"Anna Kowalska", "Anna Smith, BOB JONES",
                         "Олена Коваль та Ігор Шевченко",
                         "Ludwig van Beethoven"};
    const char *no[] = {"anna kowalska",
                        "Mayor meets Dutch ministers in Paris",
                        "Mayor and governor discuss funding",
                        "UNESCO",
                        "Example Press",
                        "All News"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!ws_byline_names_only(yes[i], strlen(yes[i]), true))
            fail_msg("'%s' should be names only", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (ws_byline_names_only(no[i], strlen(no[i]), true))
            fail_msg("'%s' should not be names only", no[i]);
    assert_true(ws_byline_names_only("anna kowalska", 13, false));
    assert_int_equal(ws_byline_prefix("By Anna", 7), 3);
    assert_int_equal(ws_byline_prefix("Byron Smith", 11), 0);
    assert_int_equal(ws_byline_prefix("Автор: Анна", strlen("Автор: Анна")),
                     strlen("Автор: "));
}

/* ---- fields ------------------------------------------------------------ */

static void test_fields(void **state)
{
    (void)state;
    ws_fields f;
    ws_fields_init(&f, 64);
    assert_false(ws_fields_set(&f.title, "  \t\xC2\xA0 ", 6));
    assert_null(f.title);
    const char *t = " A \n\n title\xC2\xA0here ";
    assert_true(ws_fields_set(&f.title, t, strlen(t)));
    assert_string_equal(f.title, "A title here");
    assert_false(ws_fields_set(&f.title, "other", 5));
    assert_string_equal(f.title, "A title here");

    ws_fields_add_author(&f, "ANNA SMITH", 10);
    ws_fields_add_author(&f, "Anna Smith", 10);
    ws_fields_add_author(&f, "anna smith", 10);
    ws_fields_add_author(&f, "Staff", 5);
    assert_int_equal(f.n_authors, 1);
    assert_string_equal(f.authors[0], "Anna Smith");

    assert_int_equal(ws_fields_add_paragraph(&f, " First  one. ", 13), WS_OK);
    assert_int_equal(ws_fields_add_paragraph(&f, "   ", 3), WS_OK);
    const char *second = "Second\u200B one.";
    assert_int_equal(ws_fields_add_paragraph(&f, second, strlen(second)),
                     WS_OK);
    assert_string_equal(ws_buf_cstr(&f.text), "First one.\n\nSecond one.");
    /* Past the cap: an error, and no half paragraph left behind. */
    char big[100];
    memset(big, 'x', sizeof big);
    assert_int_equal(ws_fields_add_paragraph(&f, big, sizeof big),
                     WS_ERR_TOO_BIG);
    assert_string_equal(ws_buf_cstr(&f.text), "First one.\n\nSecond one.");
    ws_fields_cleanup(&f);
    ws_fields_cleanup(&f); /* twice is harmless */
}

static void test_lex(void **state)
{
    (void)state;
    char out[64];
    const char *s = "ÀB\xC2\xA0\xC2\xA0Ґ’Я\xE2\x80\x8B!";
    size_t n = ws_lex_fold(s, strlen(s), out, sizeof out);
    assert_int_equal(n, strlen("àb ґ'я!"));
    assert_memory_equal(out, "àb ґ'я!", n);
    /* Never a partial character at the cap. */
    n = ws_lex_fold("ЯЯЯ", 6, out, 3);
    assert_int_equal(n, 2);

    const char *t = "\xEF\xBB\xBF \xC2\xA0 word \xE2\x80\x8B\xC2\xA0";
    size_t tn = strlen(t);
    ws_lex_trim(&t, &tn);
    assert_int_equal(tn, 4);
    assert_memory_equal(t, "word", 4);

    ws_buf b;
    ws_buf_init(&b, 0);
    const char *city = "НЬЮ-ЙОРК and KYIV McDonald";
    ws_lex_title_case(city, strlen(city), &b);
    assert_string_equal(ws_buf_cstr(&b), "Нью-Йорк and Kyiv McDonald");
    ws_buf_cleanup(&b);
}

/* ---- language ---------------------------------------------------------- */

static const struct {
    const char *text;
    const char *lang; /* NULL: unsure */
} langs[] = {
    {"The city council said on Tuesday that the bridge would reopen to "
     "traffic by the end of the month.",
     "en"},
    {"Міська рада повідомила, що міст відкриють для руху до кінця місяця, "
     "а роботи вже тривають.",
     "uk"},
    {"Городской совет сообщил, что мост откроют для движения до конца "
     "месяца, а работы уже идут.",
     "ru"},
    /* Ukrainian without і ї є ґ in the first words still has its own
     * function words. */
    {"Рада ухвалила закон, що стосується податків, та направила його на "
     "підпис.",
     "uk"},
    {"Der Stadtrat teilte mit, dass die Brücke bis zum Ende des Monats "
     "wieder für den Verkehr geöffnet wird.",
     "de"},
    {"Le conseil municipal a annoncé que le pont sera rouvert à la "
     "circulation avant la fin du mois.",
     "fr"},
    {"El ayuntamiento dijo que el puente se abrirá al tráfico antes de "
     "que termine el mes y que las obras siguen.",
     "es"},
    {"Il consiglio comunale ha detto che il ponte sarà riaperto al "
     "traffico entro la fine del mese.",
     "it"},
    {"Rada miasta poinformowała, że most zostanie otwarty dla ruchu do "
     "końca miesiąca, a prace już trwają.",
     "pl"},
    {"De gemeenteraad zei dat de brug voor het einde van de maand weer "
     "open gaat voor het verkeer.",
     "nl"},
    {"A câmara municipal disse que a ponte será reaberta ao trânsito até "
     "ao fim do mês e que as obras não param.",
     "pt"},
    {"Hello world", NULL},
    {"Київ", NULL},
    {"UNESCO", NULL},
    {"", NULL},
    {"12.12.2024 19:16 — 518 — 41.870.02", NULL},
    /* Bulgarian shares Russian's words but has ъ and no ы э ё. */
    {"България е член на Европейския съюз и на НАТО от години, а във "
     "външната политика се придържа към съюзниците си.",
     NULL},
    /* Greek: neither Latin nor Cyrillic. */
    {"Το δημοτικό συμβούλιο ανακοίνωσε ότι η γέφυρα θα ανοίξει ξανά.", NULL},
};

static void test_lang(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        const char *got = ws_lang_detect(langs[i].text, strlen(langs[i].text));
        const char *want = langs[i].lang;
        if ((got == NULL) != (want == NULL) || (got && strcmp(got, want)))
            fail_msg("'%.40s…' gave %s, expected %s", langs[i].text,
                     got ? got : "NULL", want ? want : "NULL");
    }
    assert_null(ws_lang_detect(NULL, 0));
}

/* A mostly Ukrainian text quoting Russian stays Ukrainian, and the other
 * way round; only the first 64 KB are read. */
static void test_lang_mixed(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, 0);
    for (int i = 0; i < 5; i++)
        ws_buf_puts(&b, "Голова адміністрації заявив, що ремонт триватиме "
                        "ще два тижні, і пообіцяв відкрити рух. ");
    ws_buf_puts(&b, "«Мы все сделаем вовремя», — сказал подрядчик. ");
    assert_string_equal(ws_lang_detect(b.data, b.len), "uk");
    ws_buf_clear(&b);
    for (int i = 0; i < 5; i++)
        ws_buf_puts(&b, "Глава администрации заявил, что ремонт продлится "
                        "еще две недели, и пообещал открыть движение. ");
    ws_buf_puts(&b, "«Ми все зробимо вчасно», — сказав підрядник. ");
    assert_string_equal(ws_lang_detect(b.data, b.len), "ru");
    ws_buf_clear(&b);
    while (b.len < 70000)
        ws_buf_puts(&b, "The council said that the work is going on. ");
    ws_buf_puts(&b, "Рада повідомила, що роботи тривають і тривають.");
    assert_string_equal(ws_lang_detect(b.data, b.len), "en");
    ws_buf_cleanup(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_parse),
        cmocka_unit_test(test_date_find_span),
        cmocka_unit_test(test_date_hostile),
        cmocka_unit_test(test_name_normalize),
        cmocka_unit_test(test_byline),
        cmocka_unit_test(test_byline_names_only),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_lex),
        cmocka_unit_test(test_lang),
        cmocka_unit_test(test_lang_mixed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
