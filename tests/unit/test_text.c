/* Unit tests for src/text: each kind of site debris the scraped-text reader
 * drops, the article paragraphs it keeps, and the title, date, authors,
 * outlet and dateline it finds, on small documents written for the test. */
/* cmocka needs these first, in this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "meta/meta.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Four plain article paragraphs that any page below wraps in debris. */
#define P1                                                                     \
    "The regional council approved a plan on Monday to rebuild the old "       \
    "river bridge, which has been closed to trucks since a flood in July."
#define P2                                                                     \
    "\"We expect the first lane to open in the spring and the whole bridge "   \
    "by the end of the summer,\" council chair Maria Lenska told reporters."
#define P3                                                                     \
    "The work will cost about 12 million euros, most of it from a national "   \
    "reconstruction fund, according to the council's budget office."
#define P4                                                                     \
    "Local businesses have complained that the detour adds forty minutes "     \
    "to every delivery and asked for a temporary pontoon crossing."
#define BODY P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n"
#define BODY_TEXT P1 "\n\n" P2 "\n\n" P3 "\n\n" P4
#define TITLE "Council approves plan to rebuild the old river bridge"

static ws_fields *read_doc(const char *doc)
{
    static ws_fields f;
    ws_fields_init(&f, 0);
    assert_int_equal(ws_text_read(doc, strlen(doc), &f), WS_OK);
    return &f;
}

static const char *text_of(ws_fields *f)
{
    return ws_buf_cstr(&f->text);
}

/* True when p is one whole paragraph of the text. */
static bool has_para(ws_fields *f, const char *p)
{
    const char *t = text_of(f);
    size_t n = strlen(p);
    for (const char *s = t; (s = strstr(s, p)); s++)
        if ((s == t || (s >= t + 2 && s[-1] == '\n' && s[-2] == '\n')) &&
            (s[n] == '\0' || (s[n] == '\n' && s[n + 1] == '\n')))
            return true;
    return false;
}

static void assert_no(ws_fields *f, const char *sub)
{
    if (strstr(text_of(f), sub))
        fail_msg("text holds debris '%s':\n%s", sub, text_of(f));
}

static void assert_authors(ws_fields *f, const char *joined)
{
    char got[512] = "";
    for (size_t i = 0; i < f->n_authors; i++) {
        if (i)
            strcat(got, "|");
        strncat(got, f->authors[i], sizeof got - strlen(got) - 2);
    }
    if (strcmp(got, joined) != 0)
        fail_msg("authors '%s', expected '%s'", got, joined);
}

static void assert_field(const char *got, const char *want, const char *what)
{
    if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0))
        fail_msg("%s: got '%s', expected '%s'", what, got ? got : "NULL",
                 want ? want : "NULL");
}

/* ---- debris ------------------------------------------------------------ */

static void test_header_debris(void **state)
{
    (void)state;
    ws_fields *f = read_doc("Skip to content\n"
                            "All Sections\n"
                            "Eng Укр Рус Support Us\n"
                            "EN | RU | UA\n"
                            "Support Us\n"
                            "Follow us on Instagram!\n"
                            "USD 41.25 EUR 43.80\n"
                            "Menu\n\n" TITLE "\n\n" BODY);
    assert_string_equal(text_of(f), BODY_TEXT);
    assert_field(f->title, TITLE, "title");
    ws_fields_cleanup(f);
}

static void test_ads_labels_bullets(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE
        "\n\n" P1 "\n\nAdvertisement:\n\n" P2 "\n\nDetails\n\n"
        "Quote: \"We will not close the crossing again,\" the chair said.\n\n"
        "Details: The council will publish the tender in March and pick a "
        "contractor by May.\n\n"
        "Реклама\n\n" P3 "\n\nBackground:\n\n"
        "  • The bridge was built in 1962 and last repaired in 1998.\n"
        "  • A second crossing 20 km downstream carries most trucks now.\n"
        "- A ferry service was discussed in August but rejected as too "
        "costly.\n\nSupport XY or become our patron!\n");
    assert_true(has_para(f, P1));
    assert_true(has_para(f, P3));
    /* A labelled paragraph keeps its label (the quote stage reads it). */
    assert_true(has_para(f, "Quote: \"We will not close the crossing "
                            "again,\" the chair said."));
    assert_true(has_para(f, "Details: The council will publish the tender "
                            "in March and pick a contractor by May."));
    /* Background items are the outlet's own text: kept, bullet dropped. */
    assert_true(has_para(f, "The bridge was built in 1962 and last repaired "
                            "in 1998."));
    /* A dash may open dialogue, so it stays. */
    assert_true(has_para(f, "- A ferry service was discussed in August but "
                            "rejected as too costly."));
    assert_false(has_para(f, "Details"));
    assert_no(f, "Advertisement");
    assert_no(f, "Реклама");
    assert_no(f, "Background");
    assert_no(f, "patron");
    assert_field(f->outlet, "XY", "outlet");
    ws_fields_cleanup(f);
}

static void test_recent_news_lists(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE "\n\n" BODY "NewsBridgesCouncil\n"
              "Advertisement:\n\n"
              "Minister says \"no more delays\" on eastern highway\n\n"
              "Rail link to the airport opens after six years - photos\n\n"
              "Mayor: \"We will rebuild every school\"\n\n"
              "All News\n"
              "RECENT NEWS\n22:36\nFerry service resumes after storm\n"
              "22:18\nNew tram line approved by the city\n"
              "21:59\nHospital opens a second emergency ward\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

static void test_views_and_related_dates(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE
        "\n\nRivertown • RTN\n\n • 41 views\n\n" BODY
        "Ferry service resumes after the autumn storms04.11.24, 10:39 • 1934 "
        "views\n\n"
        "Council raises parking fees in the city centre05.11.24, 08:00 • 914 "
        "views\n\nMarta Kowalczyk\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    /* The related lines' dates are not the article's. */
    assert_null(f->date);
    assert_field(f->dateline, "Rivertown", "dateline");
    assert_field(f->outlet, "RTN", "outlet");
    assert_authors(f, "Marta Kowalczyk");
    ws_fields_cleanup(f);
}

static void test_appeals(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        "Copyright © 2024 Rivertownpost.com\n\n"
        "Rivertown Post is supported by the Local News Fund\n\n"
        "When referencing our materials, please include an active hyperlink "
        "to the Rivertown Post page. Reprinting requires written "
        "permission.\n\nPrivacy and Cookie Policies.\n\n" TITLE "\n\n" BODY
        "You could close this page. Or you could join our community and help "
        "us keep local reporting alive. For the price of a coffee a month you "
        "can become a patron. Become a Patron!\n\n"
        "To suggest a correction or clarification, write to us here\n\n"
        "You can also highlight the text and press Ctrl + Enter\n\n"
        "Rivertown Post\n\n"
        "We rely on advertising. Please support us by disabling your ad "
        "blocker. Thank you!\n\n"
        "Note from the author:\n\n"
        "Hi, this is Anna. We keep our reporting free for everyone. Please "
        "consider supporting our work by becoming a member today.\n\n"
        "We use cookies to improve your experience on our site.\n"
        "Subscribe to our newsletter\n"
        "Підтримайте нас на Patreon\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    /* The copyright names a domain; the page spells the name out. */
    assert_field(f->outlet, "Rivertown Post", "outlet");
    assert_int_equal(f->n_authors, 0);
    ws_fields_cleanup(f);
}

/* A word of the appeal lexicon repeated in a news paragraph ("donations"
 * in a story about campaign money) is one phrase, not an appeal. */
static void test_appeal_word_in_news(void **state)
{
    (void)state;
    const char *money =
        "The senator received nine $2,500 donations from out-of-state "
        "donors on a single day in October. One of the donations is "
        "attributed to a teacher who had never before made a federal "
        "campaign donation, state records show.";
    char doc[2048];
    snprintf(doc, sizeof doc, "%s\n\n%s\n\n%s\n\n" BODY, TITLE, P1, money);
    ws_fields *f = read_doc(doc);
    assert_true(has_para(f, money));
    ws_fields_cleanup(f);
}

/* A long sentence that opens like a related-links label ("Also on …") is
 * a paragraph; the short label line stays out. */
static void test_related_opening_in_news(void **state)
{
    (void)state;
    const char *para =
        "Also on Thursday, the mayor said he would no longer fight the "
        "release of a second video, recorded by a police car camera in "
        "October, after the family of the man who was shot asked the court "
        "to make it public before the hearing in January.";
    char doc[2048];
    snprintf(doc, sizeof doc,
             "%s\n\n%s\n\n%s\n\nAlso on Rivertown Post: Ferry fares "
             "rise in May\n",
             TITLE, BODY, para);
    ws_fields *f = read_doc(doc);
    assert_true(has_para(f, para));
    assert_no(f, "Ferry fares");
    ws_fields_cleanup(f);
}

static void test_barriers(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE
        "\n\n" BODY "Tags: bridge, council, roads\n"
        "Comments\n"
        "Anna K. This bridge has been a disaster for years and everybody in "
        "town knew it, I am glad they finally decided to act on it.\n"
        "Piotr W. The detour costs me an hour every single day, so any date "
        "is better than no date at all, honestly.\n"
        "Related Posts\n"
        "Council votes to extend the night bus service until March next "
        "year, after months of complaints from shift workers.\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

static void test_read_also_and_captions(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE "\n"
              "The bridge seen from the east bank. Photo: Ivan Demchuk\n"
              "The bridge seen from the east bank. Photo: Ivan Demchuk\n" TITLE
              "\n\n" P1
              "\n\nRead also: Ferry service resumes after storm\n\n" P2
              "\n\nRelated:\n\nCouncil raises parking fees in the centre\n\n" P3
              "\n\nЧитайте також: Міст через Тетерів відкриють у грудні\n\n" P4
              "\n\nФото: пресслужба ради\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

/* A widget of other stories inside the article does not cut it short;
 * teasers under a "Latest" heading above the article are not its text. */
static void test_widgets(void **state)
{
    (void)state;
    ws_fields *f = read_doc(TITLE "\n\n" P1 "\n\n" P2 "\n\nMORE FROM THE CITY\n"
                                  "Tram line 4 to close for summer repairs\n"
                                  "New bike lanes planned on the embankment\n"
                                  "Council approves budget for next year\n\n" P3
                                  "\n\n" P4 "\n\nMost popular\n"
                                  "Zoo welcomes two red panda cubs\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);

    f = read_doc("Latest\n"
                 "Government approves new rules for rental housing. The law "
                 "will take effect in September and limit rent increases.\n"
                 "Storm leaves 20,000 homes without power in the north. Crews "
                 "expect to restore supply by Monday evening.\n"
                 "Football club announces new coach after a difficult season. "
                 "He signed a three-year contract.\n\n" TITLE "\n\n" BODY);
    assert_string_equal(text_of(f), BODY_TEXT);
    assert_field(f->title, TITLE, "title");
    ws_fields_cleanup(f);

    /* The same without blank lines: the article after the widget stays. */
    f = read_doc("Latest\n"
                 "Government approves new rules for rental housing. The law "
                 "will take effect in September and limit rent increases.\n"
                 "Storm leaves 20,000 homes without power in the north. Crews "
                 "expect to restore supply by Monday evening.\n" TITLE "\n" P1
                 "\n" P2 "\n" P3 "\n" P4 "\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

/* A paragraph printed twice (a pull quote) is kept once, in place. */
static void test_repeated_paragraph(void **state)
{
    (void)state;
    ws_fields *f =
        read_doc(TITLE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P2 "\n\n" P4 "\n");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

static void test_subheading_kept(void **state)
{
    (void)state;
    ws_fields *f =
        read_doc(TITLE "\n\n" P1 "\n\n" P2 "\n\nWhat happens next\n\n" P3
                       "\n\n" P4 "\n");
    assert_true(has_para(f, "What happens next"));
    ws_fields_cleanup(f);
}

/* ---- title, date --------------------------------------------------------- */

static void test_title(void **state)
{
    (void)state;
    /* A repeated line wins over an earlier one. */
    ws_fields *f = read_doc("Weather warning issued for the whole coast\n\n"
                            "Main menu\n\n" TITLE "\n\nBy Anna Nowak\n\n" TITLE
                            "\n\n" BODY);
    assert_field(f->title, TITLE, "title");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);

    /* No headline at all: no title, the text still read. */
    f = read_doc(BODY);
    assert_null(f->title);
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);
}

static void test_dates(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        const char *date;
    } cases[] = {
        {"Thursday, 12 December 2024, 19:16", "2024-12-12T19:16"},
        {"03.12.25, 10:39 • 1934 views", "2025-12-03T10:39"},
        {"Published: December 12, 2024 7:16 PM", "2024-12-12T19:16"},
        {"2024-12-12T19:16:00+02:00", "2024-12-12T19:16:00+02:00"},
        {"12 грудня 2024, 19:16", "2024-12-12T19:16"},
        {"12 декабря 2024 г., 19:16", "2024-12-12T19:16"},
        {"Posted on Dec. 12, 2024", "2024-12-12"},
        {"Opublikowano", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[2048];
        snprintf(doc, sizeof doc, "%s\n%s\n\n%s", TITLE, cases[i].line, BODY);
        ws_fields *f = read_doc(doc);
        assert_field(f->date, cases[i].date, cases[i].line);
        assert_string_equal(text_of(f), BODY_TEXT);
        ws_fields_cleanup(f);
    }

    /* A scraper's " date" line, and a byline date with the time: the
     * byline's wins when both are the same day. */
    ws_fields *f =
        read_doc(" date 2024-12-03 €46.21\n" TITLE "\n\nAnna Nowak, PIOTR LIS"
                 "Tuesday, 3 December 2024, 13:41\n\n" BODY);
    assert_field(f->date, "2024-12-03T13:41", "date");
    assert_authors(f, "Anna Nowak|Piotr Lis");
    ws_fields_cleanup(f);

    /* The scraper's date prefix glued to the headline. */
    f = read_doc(" date 2024-12-03 " TITLE "\n\n" BODY);
    assert_field(f->title, TITLE, "title");
    assert_field(f->date, "2024-12-03", "date");
    assert_string_equal(text_of(f), BODY_TEXT);
    ws_fields_cleanup(f);

    /* A site's date of today above the title is a last resort; the
     * published date below the title wins. */
    f = read_doc("Friday, 13 December 2024\n\n" TITLE
                 "\n\n12 December 2024\n\n" BODY);
    assert_field(f->date, "2024-12-12", "date");
    ws_fields_cleanup(f);

    /* A time glued to the year, a relative update time, and a rubric
     * between the title and the date. */
    f = read_doc("World\nBusiness\nMarkets\n\n" TITLE "\nEurope\n"
                 "December 3, 20242:33 PM GMT+1Updated 2 hours ago\n\n" BODY);
    assert_field(f->title, TITLE, "title");
    assert_field(f->date, "2024-12-03T14:33+01:00", "date");
    ws_fields_cleanup(f);

    /* An update date loses to the publication date. */
    f = read_doc(TITLE "\nUpdated: 14 December 2024\n"
                       "Published: 12 December 2024\n\n" BODY);
    assert_field(f->date, "2024-12-12", "date");
    ws_fields_cleanup(f);
}

/* ---- authors ----------------------------------------------------------- */

static void test_authors(void **state)
{
    (void)state;
    ws_fields *f = read_doc(TITLE "\n\nBy Anna Nowak and PIOTR LIS\n\n" BODY);
    assert_authors(f, "Anna Nowak|Piotr Lis");
    ws_fields_cleanup(f);

    f = read_doc(TITLE "\nАнна Новак\n12 грудня 2024\n\n" BODY);
    assert_authors(f, "Анна Новак");
    ws_fields_cleanup(f);

    /* An explicit byline after share rows and related lists. */
    f = read_doc(TITLE
                 "\n\n" BODY "Поділитися:\nFacebook Telegram Viber\n\n"
                 "Читайте також\nУряд спростив оформлення субсидій\n"
                 "Пенсії: що зміниться з 1 січня\n\nАвтор: Марія Левченко\n");
    assert_authors(f, "Марія Левченко");
    ws_fields_cleanup(f);

    /* Names of outlets and menus are not authors. */
    f = read_doc("Politics World Business Sport\n\n" TITLE "\n\n" BODY
                 "Rivertown Press\n\nAll News\n");
    assert_authors(f, "");
    ws_fields_cleanup(f);
}

/* ---- outlet and dateline ----------------------------------------------- */

static void test_outlets(void **state)
{
    (void)state;
    static const struct {
        const char *doc;
        const char *outlet;
    } cases[] = {
        {TITLE "\n\n" BODY "© 2010–2024 Northern Courier Media. All rights "
               "reserved.\n",
         "Northern Courier Media"},
        {TITLE "\n\n" BODY "© Northern Courier, 2024\n", "Northern Courier"},
        {TITLE "\n\n" BODY "Northern Courier © 2024\n", "Northern Courier"},
        {TITLE "\n\n" BODY "Підтримайте «Житомир Сьогодні» або станьте "
               "нашим патроном!\n",
         "Житомир Сьогодні"},
        {TITLE "\n\nThe chair said this in answer to a question from a "
               "Rivertown.net's correspondent in the council hall, after the "
               "vote.\n\n" BODY,
         "Rivertown.net"},
        {TITLE "\n\nГолова ради розповіла про це кореспонденту «Подільських "
               "новин» після засідання, яке тривало понад три години.\n\n" BODY,
         "Подільських новин"},
        /* A case form of the name, and the name as the page writes it. */
        {TITLE "\n\nПро це повідомляє кореспондент Вісника, який був на "
               "засіданні ради і поставив питання голові.\n\nЯк повідомляв "
               "Вісник, рада вже двічі відкладала рішення.\n\n" BODY,
         "Вісник"},
        {TITLE "\n\n" P1 " The work starts in March, writes RTN.\n\n" P2
               "\n\n" P3 "\n\n" P4 "\n",
         "RTN"},
        /* A cited outlet is a source, not the publisher. */
        {TITLE "\n\n" P1 " The work starts in March, writes Daily Wire.\n\n"
               "Source: the chair, quoted by Daily Wire\n\n" P2 "\n\n" P3
               "\n\n" P4 "\n",
         NULL},
        {TITLE "\n\n" BODY "Читайте Рівне Онлайн в Google News\n",
         "Рівне Онлайн"},
        {TITLE "\n\n" BODY "Read More\nFollow us on Telegram\n", NULL},
        {TITLE "\n\n" BODY, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ws_fields *f = read_doc(cases[i].doc);
        assert_field(f->outlet, cases[i].outlet, "outlet");
        ws_fields_cleanup(f);
    }
}

static void test_datelines(void **state)
{
    (void)state;
    static const struct {
        const char *opening;
        const char *city;
        const char *outlet;
    } cases[] = {
        {"KYIV, Dec 3 (Northwire) – The regional council approved a plan.",
         "Kyiv", "Northwire"},
        {"Київ, 3 грудня — Обласна рада затвердила план відновлення мосту.",
         "Київ", NULL},
        {"NEW YORK — The council approved a plan to rebuild the bridge.",
         "New York", NULL},
        {"LONDON (AP) — The council approved a plan to rebuild the bridge.",
         "London", "AP"},
        {"МОСКВА, 3 декабря. /ИНФОРМ/. Совет одобрил план восстановления "
         "моста через реку.",
         "Москва", "ИНФОРМ"},
        {"Москва, 3 декабря. Совет одобрил план восстановления моста через "
         "реку.",
         NULL, NULL},
        {"Lenska — who chairs the council — said the plan was approved.", NULL,
         NULL},
        {"Kyiv, the capital, will host the meeting — officials said on "
         "Monday.",
         NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[2048];
        snprintf(doc, sizeof doc, "%s\n\n%s\n\n%s", TITLE, cases[i].opening,
                 BODY);
        ws_fields *f = read_doc(doc);
        assert_field(f->dateline, cases[i].city, cases[i].opening);
        assert_field(f->outlet, cases[i].outlet, cases[i].opening);
        assert_true(has_para(f, cases[i].opening));
        ws_fields_cleanup(f);
    }
}

/* ---- Ukrainian and Russian pages --------------------------------------- */

static void test_uk_page(void **state)
{
    (void)state;
    const char *p1 = "Обласна рада ухвалила план відновлення старого мосту, "
                     "який закритий для вантажівок після повені в липні.";
    const char *p2 = "«Ми очікуємо, що першу смугу відкриють навесні, а "
                     "весь міст — до кінця літа», — сказала голова ради.";
    char doc[4096];
    snprintf(doc, sizeof doc,
             "Укр | Eng\nПідтримайте нас\nГоловна\n\n"
             "Рада затвердила план відновлення мосту\n\n"
             "Олена Коваль, ІГОР ШЕВЧЕНКОчетвер, 12 грудня 2024, 19:16\n\n"
             "%s\n\nРеклама:\n\n%s\n\nПоділитися\n\nТеги: міст, рада\n"
             "Коментарі\n",
             p1, p2);
    ws_fields *f = read_doc(doc);
    char want[2048];
    snprintf(want, sizeof want, "%s\n\n%s", p1, p2);
    assert_string_equal(text_of(f), want);
    assert_field(f->title, "Рада затвердила план відновлення мосту", "title");
    assert_field(f->date, "2024-12-12T19:16", "date");
    assert_authors(f, "Олена Коваль|Ігор Шевченко");
    assert_field(ws_lang_detect(text_of(f), f->text.len), "uk", "language");
    ws_fields_cleanup(f);
}

static void test_ru_page(void **state)
{
    (void)state;
    const char *p1 = "Новосибирск, 5 декабря — Власти области утвердили "
                     "проект нового моста, строительство начнется весной.";
    const char *p2 = "«Мост разгрузит центр города и сократит путь в "
                     "аэропорт почти вдвое», — сказал губернатор.";
    char doc[4096];
    snprintf(doc, sizeof doc,
             "Главная\nНовости\n\nПостроят новый мост через Обь\n\n"
             "5 декабря 2024 г., 14:30\nАвтор: Иван Петров\n\n%s\n\n"
             "Реклама\n\n%s\n\nЧитайте также: Мэрия закупит автобусы\n\n"
             "Поделиться\nКомментарии (3)\n"
             "Все права защищены. © 2024 Сибирский Вестник\n",
             p1, p2);
    ws_fields *f = read_doc(doc);
    char want[2048];
    snprintf(want, sizeof want, "%s\n\n%s", p1, p2);
    assert_string_equal(text_of(f), want);
    assert_field(f->date, "2024-12-05T14:30", "date");
    assert_authors(f, "Иван Петров");
    assert_field(f->dateline, "Новосибирск", "dateline");
    assert_field(f->outlet, "Сибирский Вестник", "outlet");
    assert_field(ws_lang_detect(text_of(f), f->text.len), "ru", "language");
    ws_fields_cleanup(f);
}

/* ---- shapes of input ----------------------------------------------------- */

static void test_wrapped(void **state)
{
    (void)state;
    ws_fields *f = read_doc(
        TITLE
        "\n\n"
        "The town council voted 7-2 on Saturday to close the old pier for\n"
        "repairs that are expected to last until the end of August, the\n"
        "mayor's office said in a statement on its website.\n\n"
        "Engineers found corrosion in 14 of the 60 steel piles during an\n"
        "inspection in January. Two of them had lost more than half of\n"
        "their thickness, according to the report seen by the council.\n\n"
        "Ferry services will use the commercial dock on Harbor Street\n"
        "While the work is under way, the mayor's office added in its note.\n");
    assert_true(has_para(f, "The town council voted 7-2 on Saturday to close "
                            "the old pier for repairs that are expected to "
                            "last until the end of August, the mayor's "
                            "office said in a statement on its website."));
    assert_true(has_para(f, "Ferry services will use the commercial dock on "
                            "Harbor Street While the work is under way, the "
                            "mayor's office added in its note."));
    ws_fields_cleanup(f);
}

static void test_crlf_and_spaces(void **state)
{
    (void)state;
    ws_fields *f =
        read_doc(TITLE "\r\n\r\n" P1 "\r\n\r\n" P2
                       "\xC2\xA0\xC2\xA0\r\n\r\n\t" P3 "\r\n\r\n" P4);
    assert_string_equal(text_of(f), BODY_TEXT);
    assert_field(f->title, TITLE, "title");
    ws_fields_cleanup(f);
}

static void test_empty_and_debris_only(void **state)
{
    (void)state;
    ws_fields *f = read_doc("");
    assert_string_equal(text_of(f), "");
    assert_null(f->title);
    ws_fields_cleanup(f);

    f = read_doc("\n\n   \n");
    assert_string_equal(text_of(f), "");
    ws_fields_cleanup(f);

    f = read_doc("Menu\nSearch\nSupport Us\nAdvertisement:\nComments\n"
                 "© 2024 Example\n22:36\n");
    assert_string_equal(text_of(f), "");
    ws_fields_cleanup(f);

    f = read_doc("One short paragraph of text with a full stop at the end.");
    assert_string_equal(text_of(f),
                        "One short paragraph of text with a full stop at "
                        "the end.");
    ws_fields_cleanup(f);
}

static void test_cap(void **state)
{
    (void)state;
    ws_fields f;
    ws_fields_init(&f, 300);
    const char *doc = TITLE "\n\n" BODY;
    assert_int_equal(ws_text_read(doc, strlen(doc), &f), WS_ERR_TOO_BIG);
    /* Whole paragraphs only. */
    assert_string_equal(ws_buf_cstr(&f.text), P1 "\n\n" P2);
    ws_fields_cleanup(&f);
}

/* Hostile shapes finish fast: many lines, one huge line, lists of times,
 * a page of names, a page of dates. */
static void test_pathological(void **state)
{
    (void)state;
    static const char *const units[] = {
        "22:36\n",       "a\n",          "\n",
        "Anna Nowak\n",  "12.12.2024\n", "x. ",
        "\xE2\x80\xA2 ", "Support Us\n", P1 "\n",
    };
    size_t n = 1 << 21;
    char *s = malloc(n + 1);
    assert_non_null(s);
    /* Quadratic work on any of these would run into ctest's time limit. */
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t m = strlen(units[u]), o = 0;
        while (o + m <= n) {
            memcpy(s + o, units[u], m);
            o += m;
        }
        s[o] = '\0';
        ws_fields f;
        ws_fields_init(&f, 0);
        assert_int_equal(ws_text_read(s, o, &f), WS_OK);
        ws_fields_cleanup(&f);
    }
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_debris),
        cmocka_unit_test(test_ads_labels_bullets),
        cmocka_unit_test(test_recent_news_lists),
        cmocka_unit_test(test_views_and_related_dates),
        cmocka_unit_test(test_appeals),
        cmocka_unit_test(test_appeal_word_in_news),
        cmocka_unit_test(test_related_opening_in_news),
        cmocka_unit_test(test_barriers),
        cmocka_unit_test(test_read_also_and_captions),
        cmocka_unit_test(test_widgets),
        cmocka_unit_test(test_repeated_paragraph),
        cmocka_unit_test(test_subheading_kept),
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_authors),
        cmocka_unit_test(test_outlets),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_uk_page),
        cmocka_unit_test(test_ru_page),
        cmocka_unit_test(test_wrapped),
        cmocka_unit_test(test_crlf_and_spaces),
        cmocka_unit_test(test_empty_and_debris_only),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
