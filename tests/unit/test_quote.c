/* Unit tests for src/quote: the cue lexicon, quotation-mark pairing in
 * every style, each statement form (direct, split, multi-paragraph,
 * "Quote:" lines, mixed, indirect in three languages), the traps (scare
 * quotes, titles, hypothetical speech, former office holders), speaker
 * resolution, and pathological inputs that must stay fast. All names are
 * invented. */
/* cmocka needs these first, in this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "quote/qparts.h"
#include "quote/quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct found {
    ws_quote *q;
    size_t n;
} found;

static found run(const char *text, const char *lang)
{
    ws_article a;
    memset(&a, 0, sizeof a);
    a.text = (char *)text;
    a.text_len = strlen(text);
    a.language = (char *)lang;
    found f = {NULL, 0};
    assert_int_equal(ws_quote_find(&a, &f.q, &f.n), WS_OK);
    for (size_t i = 0; i < f.n; i++) {
        /* Offsets always lie inside the text, in order. */
        assert_true(f.q[i].start <= f.q[i].end);
        assert_true(f.q[i].end <= a.text_len);
        if (i)
            assert_true(f.q[i - 1].start <= f.q[i].start);
        assert_non_null(f.q[i].text);
        assert_non_null(f.q[i].kind);
    }
    return f;
}

static void done(found *f)
{
    ws_quote_list_free(f->q, f->n);
}

/* The one quote whose text starts with prefix. */
static const ws_quote *find(const found *f, const char *prefix)
{
    for (size_t i = 0; i < f->n; i++)
        if (strncmp(f->q[i].text, prefix, strlen(prefix)) == 0)
            return &f->q[i];
    return NULL;
}

static void expect(const found *f, const char *prefix, const char *kind,
                   const char *speaker)
{
    const ws_quote *q = find(f, prefix);
    if (!q) {
        for (size_t i = 0; i < f->n; i++)
            fprintf(stderr, "  have: [%s] %s\n", f->q[i].kind, f->q[i].text);
        fail_msg("no quote starting with \"%s\"", prefix);
    }
    assert_string_equal(q->kind, kind);
    if (speaker)
        assert_string_equal(q->speaker ? q->speaker : "(null)", speaker);
    else
        assert_null(q->speaker);
}

static bool any_with(const found *f, const char *needle)
{
    for (size_t i = 0; i < f->n; i++)
        if (strstr(f->q[i].text, needle))
            return true;
    return false;
}

/* ---- lexicon ------------------------------------------------------------ */

static unsigned lx(const char *w)
{
    return ws_qlex_lookup(w, strlen(w));
}

static void test_lexicon(void **state)
{
    (void)state;
    const char *cues[] = {"said", "told", "added", "stressed", "emphasised",
                          "warned", "urged", "argued", "concluded",
                          "reiterated", "summarised", "заявив", "заявила",
                          "заявили", "сказав", "зазначила", "наголосив",
                          "додав", "підкреслила", "пояснив", "заявил",
                          "сказала", "отметил", "подчеркнула", "добавили",
                          "сообщил"};
    for (size_t i = 0; i < WS_COUNT(cues); i++)
        assert_true(lx(cues[i]) & QL_CUE);
    assert_true(lx("according") & QL_ACC);
    assert_true(lx("словами") & QL_WORDS);
    assert_true(lx("adding") & QL_CUEP);
    assert_true(lx("called") & QL_WEAK);
    assert_false(lx("заява") & QL_CUE);   /* a noun, not a verb */
    assert_false(lx("сказка") & QL_CUE);
    assert_false(lx("table") & QL_CUE);
    assert_true(lx("president") & QL_TITLE);
    assert_true(lx("речник") & QL_TITLE);
    assert_true(lx("министр") & QL_TITLE);
    assert_true(lx("kremlin") & QL_ORG);
    assert_true(lx("міністерство") & QL_ORG);
    assert_true(lx("she") & QL_PRON);
    assert_true(lx("вона") & QL_PRON);
    assert_true(lx("source") & QL_ANON);
    assert_true(lx("джерело") & QL_ANON);
    assert_true(lx("former") & QL_FORMER);
    assert_true(lx("would") & QL_MODAL);
}

/* ---- quotation marks ------------------------------------------------------ */

static void test_mark_styles(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "\"We will rebuild every bridge this year,\" Olena Marchenko said.",
        "\xe2\x80\x9cWe will rebuild every bridge this year,\xe2\x80\x9d "
        "Olena Marchenko said.",
        "\xc2\xab" "We will rebuild every bridge this year\xc2\xbb, "
        "Olena Marchenko said.",
        "\xe2\x80\x9eWe will rebuild every bridge this year\xe2\x80\x9c, "
        "Olena Marchenko said.",
        "\xe2\x80\x98We will rebuild every bridge this year,\xe2\x80\x99 "
        "Olena Marchenko said.",
        "``We will rebuild every bridge this year,'' Olena Marchenko said.",
        "\xe2\x80\x9dWe will rebuild every bridge this year,\xe2\x80\x9d "
        "Olena Marchenko said.",
    };
    for (size_t i = 0; i < WS_COUNT(texts); i++) {
        found f = run(texts[i], "en");
        assert_int_equal(f.n, 1);
        expect(&f, "We will rebuild every bridge this year", "direct",
               "Olena Marchenko");
        assert_string_equal(f.q[0].cue, "said");
        assert_string_equal(f.q[0].mention, "Olena Marchenko");
        done(&f);
    }
}

static void test_nested_and_hypothetical(void **state)
{
    (void)state;
    /* The inner quote is part of the outer one: the speaker imagines what
     * someone else would say; it is not that person's statement. */
    found f = run("Minister Olena Marchenko spoke in Lviv.\n\n"
                  "Quote: \"If I were Ivan Drach, I would say: \xe2\x80\x98"
                  "Everything is going my way!\xe2\x80\x99 But he is "
                  "wrong.\"",
                  "en");
    assert_int_equal(f.n, 1);
    expect(&f, "If I were Ivan Drach", "direct", "Olena Marchenko");
    assert_non_null(strstr(f.q[0].text, "Everything is going my way"));
    done(&f);

    /* A hypothetical cue outside quotes ("would say") reports nothing. */
    f = run("Ivan Drach would say that the grid is fine if anyone asked him.",
            "en");
    assert_int_equal(f.n, 0);
    done(&f);
}

static void test_unbalanced_and_straight(void **state)
{
    (void)state;
    /* A stray mark never produces a quote running to the end. */
    found f = run("The pipe was 12\" wide. \"We fixed it in two days,\" "
                  "engineer Pavlo Sydorenko said.",
                  "en");
    assert_int_equal(f.n, 1);
    expect(&f, "We fixed it in two days", "direct", "Pavlo Sydorenko");
    done(&f);

    f = run("Pavlo Sydorenko said \"this never ends and it goes on and on\n\n"
            "Next paragraph without marks.",
            "en");
    for (size_t i = 0; i < f.n; i++)
        assert_null(strstr(f.q[i].text, "Next paragraph"));
    done(&f);
}

static void test_multi_paragraph(void **state)
{
    (void)state;
    found f = run("Olena Marchenko said:\n\n"
                  "\"The first stage is finished and the second has begun.\n\n"
                  "\"The third stage starts in spring, if the money comes.\"\n\n"
                  "Others disagreed.",
                  "en");
    assert_int_equal(f.n, 1);
    expect(&f, "The first stage is finished", "direct", "Olena Marchenko");
    assert_non_null(strstr(f.q[0].text, "The third stage starts in spring"));
    assert_null(strstr(f.q[0].text, "\n\n\""));
    done(&f);
}

static void test_split_quote(void **state)
{
    (void)state;
    found f = run("\xe2\x80\x9c" "First, we repair the bridges,\xe2\x80\x9d "
                  "Mayor Ivan Drach said. \xe2\x80\x9cThen we build the new "
                  "school.\xe2\x80\x9d",
                  "en");
    assert_true(f.n >= 1);
    for (size_t i = 0; i < f.n; i++) {
        assert_string_equal(f.q[i].kind, "direct");
        assert_string_equal(f.q[i].speaker, "Ivan Drach");
    }
    assert_true(any_with(&f, "Then we build the new school"));
    done(&f);

    f = run("\"Every time you say that,\" Drach said, \"you give them "
            "a reason to wait.\"",
            "en");
    assert_int_equal(f.n, 1);
    assert_non_null(strstr(f.q[0].text, "you give them a reason"));
    done(&f);
}

/* ---- forms ------------------------------------------------------------------ */

static void test_forms_en(void **state)
{
    (void)state;
    found f = run(
        "Energy Minister Olena Marchenko said that the grid will hold this "
        "winter.\n\n"
        "She told reporters: \"We have enough reserves for January.\"\n\n"
        "\"Households will not see outages,\" said Marchenko.\n\n"
        "According to her, \"the repairs are ahead of schedule.\"\n\n"
        "She emphasized that the plan is \"not a promise but a schedule\".\n\n"
        "Marchenko said only the weather could change the plan.\n\n"
        "The grid will need new lines by 2027, the minister added.",
        "en");
    expect(&f, "the grid will hold this winter", "indirect", "Olena Marchenko");
    expect(&f, "We have enough reserves", "direct", "Olena Marchenko");
    expect(&f, "Households will not see outages", "direct", "Olena Marchenko");
    expect(&f, "the repairs are ahead", "direct", "Olena Marchenko");
    expect(&f, "the plan is \"not a promise", "mixed", "Olena Marchenko");
    expect(&f, "only the weather could change", "indirect", "Olena Marchenko");
    expect(&f, "The grid will need new lines", "indirect", "Olena Marchenko");
    const ws_quote *q = find(&f, "the repairs are ahead");
    assert_string_equal(q->mention, "her");
    assert_string_equal(q->cue, "According to");
    q = find(&f, "The grid will need new lines");
    assert_string_equal(q->mention, "the minister");
    done(&f);
}

static void test_weak_cues(void **state)
{
    (void)state;
    /* An indirect question after "asked" is the asker's speech (news
     * annotators count it as such), up to the first comma; "When asked"
     * names no asker. */
    found f = run("When asked how to fix the grid, Marchenko said: \"We "
                  "start with the substations.\"\n\n"
                  "The journalist asked how long the repairs would take.\n\n"
                  "\"Will it be ready by May?\" a resident asked.\n\n"
                  "Marchenko was asked, \"Is the money there for the "
                  "repairs?\"",
                  "en");
    expect(&f, "We start with the substations", "direct", "Marchenko");
    expect(&f, "how to fix the grid", "indirect", NULL);
    assert_null(find(&f, "how to fix the grid")->mention);
    expect(&f, "how long the repairs would take", "indirect", NULL);
    const ws_quote *p = find(&f, "Is the money there");
    assert_non_null(p);
    assert_string_equal(p->kind, "direct");
    assert_string_equal(p->cue, "asked");
    assert_null(p->speaker);
    assert_string_equal(find(&f, "how long the repairs")->mention,
                        "The journalist");
    const ws_quote *q = find(&f, "Will it be ready by May");
    assert_non_null(q);
    assert_string_equal(q->cue, "asked");
    done(&f);
}

static void test_quote_line(void **state)
{
    (void)state;
    found f = run("Mayor Ivan Drach has pointed out that the budget is "
                  "short.\n\n"
                  "Source: Drach at a council meeting\n\n"
                  "Quote: \"We will need help from the region to finish the "
                  "bridges.\"",
                  "en");
    expect(&f, "the budget is short", "indirect", "Ivan Drach");
    expect(&f, "We will need help", "direct", "Ivan Drach");
    const ws_quote *q = find(&f, "We will need help");
    assert_string_equal(q->mention, "Drach");
    done(&f);
}

static void test_forms_uk_ru(void **state)
{
    (void)state;
    found f = run("Міністр енергетики Олена Марченко заявила, що мережа "
                  "витримає зиму.\n\n"
                  "\xc2\xab" "Ми маємо резерви на січень\xc2\xbb, \xe2\x80\x93 "
                  "сказала Марченко.\n\n"
                  "За словами Марченко, ремонт іде швидше за графік.\n\n"
                  "Петро Гнатюк наголосив, що грошей не вистачає.\n\n"
                  "На думку експертів, усе залежить від погоди. За словами "
                  "Гнатюка, уряд допоможе громадам.",
                  "uk");
    expect(&f, "мережа витримає зиму", "indirect", "Олена Марченко");
    expect(&f, "Ми маємо резерви", "direct", "Олена Марченко");
    expect(&f, "ремонт іде швидше", "indirect", "Олена Марченко");
    expect(&f, "грошей не вистачає", "indirect", "Петро Гнатюк");
    expect(&f, "уряд допоможе", "indirect", "Петро Гнатюк");
    done(&f);

    f = run("Глава ведомства Иван Петров заявил, что тарифы не вырастут.\n\n"
            "По словам Петрова, решение примут в марте.\n\n"
            "\xc2\xab" "Мы готовы к зиме\xc2\xbb, \xe2\x80\x94 добавил он.",
            "ru");
    expect(&f, "тарифы не вырастут", "indirect", "Иван Петров");
    expect(&f, "решение примут в марте", "indirect", "Иван Петров");
    expect(&f, "Мы готовы к зиме", "direct", "Иван Петров");
    done(&f);
}

/* ---- traps ------------------------------------------------------------------ */

static void test_not_speech(void **state)
{
    (void)state;
    found f = run("The government wants peace through its \xe2\x80\x9dWinter "
                  "Shield.\xe2\x80\x9d The film \"The Long Night Over The "
                  "River\" opened on Friday. Critics found the \"bold\" idea "
                  "strange.",
                  "en");
    assert_int_equal(f.n, 0);
    done(&f);
}

static void test_former_holder(void **state)
{
    (void)state;
    found f = run("Energy Minister Olena Marchenko visited the plant.\n\n"
                  "On Monday, former Energy Minister Petro Hnatiuk said that "
                  "the plant should be sold.\n\n"
                  "The Energy Minister said that the plant stays public.",
                  "en");
    expect(&f, "the plant should be sold", "indirect", "Petro Hnatiuk");
    expect(&f, "the plant stays public", "indirect", "Olena Marchenko");
    done(&f);
}

static void test_speakers(void **state)
{
    (void)state;
    found f = run("The Defence Ministry said that the drills are over.\n\n"
                  "A source said that more drills are planned in May.\n\n"
                  "\"Nothing has been decided,\" the official said.",
                  "en");
    const ws_quote *q = find(&f, "the drills are over");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    assert_string_equal(q->speaker, "Defence Ministry");
    q = find(&f, "more drills are planned");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    assert_null(q->speaker);
    assert_string_equal(q->mention, "A source");
    done(&f);

    /* A pronoun goes to the speaker before it, not to a person named in
     * between; unresolved stays NULL. */
    f = run("Mayor Ivan Drach said that the school opens in May. He recalled "
            "that Governor Anna Lysenko had promised the money.",
            "en");
    expect(&f, "Governor Anna Lysenko had promised", "indirect", "Ivan Drach");
    done(&f);
    f = run("\"We are ready for anything that comes,\" he said.", "en");
    assert_int_equal(f.n, 1);
    assert_null(f.q[0].speaker);
    assert_string_equal(f.q[0].mention, "he");
    done(&f);
}

/* ---- pathological inputs ------------------------------------------------------ */

/* He/she: the subject of the sentence before, then the speaker before;
 * gender, once known, keeps a woman and a man apart. */
static void test_pronouns(void **state)
{
    (void)state;
    found f = run("Engineer Ivan Petrenko said on Monday that the works "
                  "would end in May.\n\n"
                  "Councillor Oksana Dovzhenko doubted the date. She said "
                  "the firm had missed every deadline so far.\n\n"
                  "Petrenko rejected the criticism. He said the firm had "
                  "been paid in advance this year.\n\n"
                  "Mrs Hanna Bilyk, a resident, was there too. She said "
                  "the water still smelled of the river.\n\n"
                  "Petrenko answered nothing. Asked again, she said the "
                  "council would vote on it next week.\n",
                  "en");
    expect(&f, "the firm had missed", "indirect", "Oksana Dovzhenko");
    expect(&f, "the firm had been paid", "indirect", "Ivan Petrenko");
    expect(&f, "the water still", "indirect", "Hanna Bilyk");
    expect(&f, "the council would vote", "indirect", "Hanna Bilyk");
    done(&f);
    /* Two men: "He" is the subject of the sentence before, even when the
     * other one was the last to be called "he". */
    found m = run("Engineer Ivan Petrenko said the works would end in May.\n\n"
                  "Councillor Taras Lenko questioned the date. He said the "
                  "firm had missed every deadline so far.\n\n"
                  "Petrenko rejected the criticism. He said the firm had "
                  "been paid in advance this year.\n",
                  "en");
    expect(&m, "the firm had missed", "indirect", "Taras Lenko");
    expect(&m, "the firm had been paid", "indirect", "Ivan Petrenko");
    done(&m);
    found u = run("Мер Степан Гордійчук заявив, що ремонт закінчать у "
                  "травні.\n\n"
                  "Депутатка Ірина Мельник не погодилася з цим. Вона "
                  "сказала, що підрядник уже двічі зривав терміни.\n\n"
                  "Потім слово взяв Гордійчук. Вона додала, що рада "
                  "перевірить кошторис.\n",
                  "uk");
    expect(&u, "підрядник уже двічі", "indirect", "Ірина Мельник");
    expect(&u, "рада перевірить", "indirect", "Ірина Мельник");
    done(&u);
}

/* Names: a uk/ru name is at most first name, patronymic and surname; a
 * sentence-initial word before a known surname is no first name; the
 * nominative form is the display form. */
static void test_name_forms(void **state)
{
    (void)state;
    found f = run("Голова Житомира Андрей Кравцов заявил, что мост откроют "
                  "в декабре.\n\n"
                  "Позже Кравцов добавил, что подрядчик получил аванс.\n\n"
                  "Фильм режиссера Ольги Зиминой открыл фестиваль. «Это "
                  "кино о тех, кто остался дома», — сказала Зимина.\n",
                  "ru");
    expect(&f, "мост откроют", "indirect", "Андрей Кравцов");
    expect(&f, "подрядчик получил", "indirect", "Андрей Кравцов");
    expect(&f, "Это кино", "direct", "Ольга Зимина");
    done(&f);
    found u = run("Вистава за п'єсою Марії Гончарук відкриє сезон.\n\n"
                  "Авторка Марія Гончарук розповіла, що писала текст два "
                  "роки.\n",
                  "uk");
    expect(&u, "писала текст", "indirect", "Марія Гончарук");
    done(&u);
}

/* Organisations and anonymous sources: a company's name, "the company"
 * after it, "a source at the ministry" (not the ministry), an official
 * whose relative clause stands between subject and cue, then "the
 * official"; a role in apposition to a name is that person. */
static void test_orgs_sources(void **state)
{
    (void)state;
    found f = run("Northern Barge Lines said in a statement that the first "
                  "sailings would leave on 3 June.\n\n"
                  "According to the company, a return ticket will cost about "
                  "90 euros.\n\n"
                  "A source at the Transport Ministry said the permit was "
                  "ready and would be signed within days.\n\n"
                  "The director of the city museum, Iryna Holub, said the "
                  "exhibition would reopen in autumn.\n\n"
                  "An official at the harbour office, who asked not to be "
                  "named, said repairs would cost at least a million.\n\n"
                  "\"The insurers will pay for part of it, but not for all,\" "
                  "the official said.\n",
                  "en");
    const ws_quote *q = find(&f, "the first sailings");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    expect(&f, "a return ticket", "indirect", "Northern Barge Lines");
    q = find(&f, "the permit was ready");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    expect(&f, "the exhibition would", "indirect", "Iryna Holub");
    q = find(&f, "repairs would cost");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    q = find(&f, "The insurers will pay");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    done(&f);
}

/* A quote over three paragraphs (an opening mark on each, a closing one
 * on the last) with its cue after it is one direct statement. */
static void test_paragraph_quote(void **state)
{
    (void)state;
    found f = run("Tourism chief Olha Savka spoke about the summer.\n\n"
                  "\"Before the war, one in five visitors came by sea. Most of "
                  "them came on the ferry.\n\n"
                  "\"We have spoken to tour operators in the port. They are "
                  "ready to sell packages.\n\n"
                  "\"If the ferry runs all summer, we can expect many more "
                  "visitors,\" Savka said.\n",
                  "en");
    const ws_quote *q = find(&f, "Before the war");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_non_null(strstr(q->text, "we can expect many more"));
    assert_non_null(q->cue);
    assert_string_equal(q->speaker, "Olha Savka");
    done(&f);
}

/* An attribution set off by dashes inside the marks splits one quote;
 * reflexive and feminine cue forms count. */
static void test_dash_split(void **state)
{
    (void)state;
    found f = run("Режиссер Павел Донской представил фильм.\n\n"
                  "«Мы жили в тех же домах, где снимали, — признался он. — "
                  "Вечером выключали камеры, и ничего не менялось».\n\n"
                  "«Даже если трубу починят завтра, - продолжил Донской, - "
                  "гнать по ней газ будет некому».\n",
                  "ru");
    const ws_quote *q = find(&f, "Мы жили");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_null(strstr(q->text, "признался"));
    assert_non_null(strstr(q->text, "Вечером выключали"));
    assert_string_equal(q->cue, "признался");
    assert_string_equal(q->speaker, "Павел Донской");
    q = find(&f, "Даже если");
    assert_non_null(q);
    assert_null(strstr(q->text, "продолжил"));
    assert_string_equal(q->speaker, "Павел Донской");
    done(&f);
}

/* Russian and Ukrainian organisations and sources: "В мэрии X
 * заявили", "Источник в мэрии рассказал", "— сказал собеседник
 * агентства", "Как сообщили в управлении …, …", a title with a genitive
 * before the name. */
static void test_slavic_sources(void **state)
{
    (void)state;
    found f = run("В мэрии Тулы заявили, что на время ремонта в школах "
                  "установят водонагреватели.\n\n"
                  "Источник в мэрии рассказал агентству, что трубу не меняли "
                  "с 1978 года.\n\n"
                  "«Этот участок стоял в плане замены на прошлый год», — "
                  "сказал собеседник агентства.\n\n"
                  "Как сообщили в управлении санитарного надзора, пробы воды "
                  "соответствуют нормативам.\n\n"
                  "«Бригады работают круглосуточно», — рассказала "
                  "пресс-секретарь компании Инна Руденко.\n",
                  "ru");
    const ws_quote *q = find(&f, "на время ремонта");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    q = find(&f, "трубу не меняли");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    q = find(&f, "Этот участок");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    q = find(&f, "пробы воды");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    expect(&f, "Бригады работают", "direct", "Инна Руденко");
    done(&f);
}

/* A paragraph ending in a colon after a cue ("X пояснив, як …:") leads
 * into the quote of the next paragraph; "голова АМКУ" is whoever holds
 * that title. */
static void test_colon_title(void **state)
{
    (void)state;
    found f = run("Голова Антимонопольного комітету Петро Савчин заявив, що "
                  "перевірка триватиме місяць.\n\n"
                  "Пізніше Савчин пояснив депутатам, як працюватиме "
                  "перевірка:\n\n"
                  "«Спершу ми запитуємо в мереж собівартість пального за "
                  "кожен день».\n\n"
                  "«Нам кажуть, що ціни ринкові», — наголосив голова АМКУ.\n",
                  "uk");
    const ws_quote *q = find(&f, "Спершу ми");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_string_equal(q->cue, "пояснив");
    assert_string_equal(q->speaker, "Петро Савчин");
    expect(&f, "Нам кажуть", "direct", "Петро Савчин");
    done(&f);
}

/* "…, а вона додала, що …" ends the clause before it: two statements,
 * two speakers. */
static void test_second_speaker(void **state)
{
    (void)state;
    found f = run("Режисер Остап Гнатів і авторка Ірина Дорош говорили про "
                  "прем'єру.\n\n"
                  "Він розповів, що репетиції почнуться в червні, а вона "
                  "додала, що текст буде готовий до травня.\n",
                  "uk");
    expect(&f, "репетиції почнуться в червні", "indirect", "Остап Гнатів");
    expect(&f, "текст буде готовий", "indirect", "Ірина Дорош");
    assert_null(strstr(find(&f, "репетиції")->text, "текст"));
    done(&f);
}

/* A man named only in the genitive is shown in the nominative; a word
 * before his name that is another person's surname leaves the mention. */
static void test_masculine_genitive(void **state)
{
    (void)state;
    found f = run("Губернатор Алексей Сорокин провел совещание.\n\n"
                  "На совещании выступил заместитель главы округа Георгия "
                  "Белова, сказано в сообщении.\n\n"
                  "После совещания с Сорокиным Белов добавил: «Деньги уже в "
                  "бюджете округа, задержек быть не должно».\n",
                  "ru");
    const ws_quote *q = find(&f, "Деньги уже");
    assert_non_null(q);
    assert_string_equal(q->speaker, "Георгий Белов");
    assert_string_equal(q->mention, "Белов");
    done(&f);
}

/* Single curly marks with ’ as the apostrophe inside them; a role in
 * apposition before the name after the quote stays out of the content;
 * "Her answer was short: ‘…’" is hers. */
static void test_single_marks_colon(void **state)
{
    (void)state;
    found f = run("The festival opened with a new film by Olena Marchuk.\n\n"
                  "‘We didn’t choose the hall for effect. It’s the only one "
                  "that won’t close for an alert,’ the festival’s director, "
                  "Petro Lys, said before the screening.\n\n"
                  "Marchuk, who shot the film in Izmail, was asked whether "
                  "it was too early. Her answer was short: ‘It’s too late "
                  "not to.’\n",
                  "en");
    expect(&f, "We didn’t choose", "direct", "Petro Lys");
    expect(&f, "It’s too late", "direct", "Olena Marchuk");
    done(&f);
}

/* Names in marks: «Северный поток» inside a clause leaves it indirect;
 * a short name right after an inverted speaker is not what was said. */
static void test_names_in_marks(void **state)
{
    (void)state;
    found f = run("Три района остались без горячей воды после аварии, "
                  "сообщили в компании «Городская теплосеть».\n\n"
                  "Аналитик Петр Гусев заявил, что ремонт газопровода "
                  "«Южный поток» обойдется в 4 млрд евро.\n",
                  "ru");
    assert_false(any_with(&f, "Городская теплосеть"));
    const ws_quote *q = find(&f, "Три района");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    expect(&f, "ремонт газопровода", "indirect", "Петр Гусев");
    done(&f);
}

/* "…, назвав їх «…»": the pronoun is the weak cue's object; the clause
 * is mixed speech of the person the sentence names. */
static void test_weak_object(void **state)
{
    (void)state;
    found f = run("Колишній губернатор Петро Осадчий розкритикував темпи "
                  "будівництва дамби, назвавши їх «черепашими».\n",
                  "uk");
    const ws_quote *q = find(&f, "Колишній губернатор");
    assert_non_null(q);
    assert_string_equal(q->kind, "mixed");
    assert_string_equal(q->speaker, "Петро Осадчий");
    done(&f);
}

/* A stray mark mid-sentence does not run on into the next paragraph's
 * quote. */
static void test_stray_mark(void **state)
{
    (void)state;
    found f = run("Residents should boil tap water until the ”new pipe is "
                  "connected to the network.\n\n"
                  "“Boil the water for at least three minutes. Do not use "
                  "filters instead,” the city’s sanitary doctor, Iryna "
                  "Melnyk, said.\n",
                  "en");
    expect(&f, "Boil the water", "direct", "Iryna Melnyk");
    assert_false(any_with(&f, "new pipe"));
    done(&f);
}

/* Cue forms: reflexive past tense, more stems, weak назвав/назвала. */
static void test_lexicon_forms(void **state)
{
    (void)state;
    const char *cues[] = {"признался", "призналась", "зізнався",
                          "подтвердил", "підтвердила", "продолжил",
                          "продовжила", "пообещал", "пообіцяла"};
    for (size_t i = 0; i < sizeof cues / sizeof *cues; i++)
        assert_true(lx(cues[i]) & QL_CUE);
    assert_true(lx("назвала") & QL_WEAK);
    assert_true(lx("назвавши") & QL_WEAK);
    assert_false(lx("назвала") & QL_CUE);
    assert_false(lx("одевался") & QL_CUE);
}

/* "“…,” he told reporters outside the room": the object and what
 * follows it do not stop the trailer. */
static void test_told_trailer(void **state)
{
    (void)state;
    found f = run("Former minister Pavlo Hrytsenko was not persuaded. "
                  "“Published after the decision is not the same as "
                  "public,” he told reporters outside the committee room.\n",
                  "en");
    const ws_quote *q = find(&f, "Published after");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_string_equal(q->cue, "told");
    assert_string_equal(q->speaker, "Pavlo Hrytsenko");
    done(&f);
}

/* A short adjunct between subject and cue is stepped over. */
static void test_adjunct_before_cue(void **state)
{
    (void)state;
    found f = run("Голова асоціації Василь Дяченко заявив, що фермери "
                  "втратили врожай.\n\n"
                  "Дяченко у відповідь зауважив, що торішня комісія "
                  "працювала три місяці.\n",
                  "uk");
    expect(&f, "торішня комісія", "indirect", "Василь Дяченко");
    assert_string_equal(find(&f, "торішня комісія")->cue, "зауважив");
    done(&f);
}

/* A role the lexicon lacks before a name with a relative clause after
 * it: the name is the subject. */
static void test_unknown_role_relative(void **state)
{
    (void)state;
    found f = run("Продавчиня овочів Галина Стасюк, яка торгує тут двадцять "
                  "років, розповіла, що покупці на новий майданчик не "
                  "підуть.\n",
                  "uk");
    expect(&f, "покупці на новий", "indirect", "Галина Стасюк");
    done(&f);
}

/* A plural role word opening a sentence is a subject, not a stray name. */
static void test_role_plural_subject(void **state)
{
    (void)state;
    found f = run("Experts said that the new dam would not hold another "
                  "flood.\n",
                  "en");
    const ws_quote *q = find(&f, "the new dam");
    assert_non_null(q);
    assert_string_equal(q->kind, "indirect");
    assert_string_equal(q->mention, "Experts");
    assert_null(q->speaker);
    done(&f);
}

/* A time adjunct ("on Tuesday") or a parenthesis ("(D-Ore.)") between
 * the subject and the cue. */
static void test_time_adjunct_paren(void **state)
{
    (void)state;
    found f = run("Senator Olena Kravets on Tuesday said that the bill was "
                  "dead.\n\n"
                  "Sen. Ivan Pavliuk (D-Ore.) said the vote had been rigged "
                  "by insiders.\n",
                  "en");
    expect(&f, "the bill was dead", "indirect", "Olena Kravets");
    expect(&f, "the vote had been", "indirect", "Ivan Pavliuk");
    assert_string_equal(find(&f, "the vote had been")->mention,
                        "Sen. Ivan Pavliuk");
    done(&f);
}

/* "according to" any noun phrase, lower case included. */
static void test_according_phrase(void **state)
{
    (void)state;
    found f = run("Turnout in the district fell below 40 percent, according "
                  "to early returns.\n",
                  "en");
    const ws_quote *q = find(&f, "Turnout in the district");
    assert_non_null(q);
    assert_string_equal(q->mention, "early returns");
    assert_null(q->speaker);
    done(&f);
}

/* A second verb of the sentence's subject ("… and said") and a
 * participle with no statement before it ("…, saying"). */
static void test_second_verb(void **state)
{
    (void)state;
    found f = run("Mayor Ostap Hnatiuk visited the depot on Monday and said "
                  "the trams would run again by May.\n\n"
                  "In a statement, Governor Lina Moroz criticised the "
                  "budget, saying it left hospitals without money.\n\n"
                  "Hnatiuk attacked Moroz for her plan, saying she had never "
                  "ridden a tram.\n",
                  "en");
    expect(&f, "the trams would run", "indirect", "Ostap Hnatiuk");
    expect(&f, "it left hospitals", "indirect", "Lina Moroz");
    expect(&f, "she had never", "indirect", "Ostap Hnatiuk");
    done(&f);
}

/* The period of an honorific belongs to the mention ("Mr. Dovzhenko"). */
static void test_honorific_period(void **state)
{
    (void)state;
    found f = run("Taras Dovzhenko has run the plant since 2010.\n\n"
                  "\"We will not wait for the ministry any longer,\" "
                  "Mr. Dovzhenko said.\n",
                  "en");
    const ws_quote *q = find(&f, "We will not wait");
    assert_non_null(q);
    assert_string_equal(q->speaker, "Taras Dovzhenko");
    assert_string_equal(q->mention, "Mr. Dovzhenko");
    done(&f);
}

/* Quotes signed with a dash and a name that ends the line. */
static void test_dash_signed(void **state)
{
    (void)state;
    found f = run("Readers wrote to us.\n\n"
                  "“Nothing has changed in this town for years.” ― Maria "
                  "Lysenko\n"
                  "“We need the bridge back before the winter comes.” ― "
                  "Petro Bondar\n",
                  "en");
    expect(&f, "Nothing has changed", "direct", "Maria Lysenko");
    expect(&f, "We need the bridge", "direct", "Petro Bondar");
    done(&f);
}

/* A told-object cue between the halves of one quote. */
static void test_split_told(void **state)
{
    (void)state;
    found f = run("Retired general Yurii Koval spoke on the radio.\n\n"
                  "“Now that I am retired,” he told the host, “it is easier "
                  "to speak about the army.”\n",
                  "en");
    const ws_quote *q = find(&f, "Now that I am retired");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_non_null(strstr(q->text, "easier to speak"));
    assert_string_equal(q->speaker, "Yurii Koval");
    done(&f);
}

/* A clause ends before another speaker's cue after a conjunction, and a
 * capitalised cue phrase after a closed quote with a clause after it opens
 * a sentence. */
static void test_clause_bounds(void **state)
{
    (void)state;
    found f = run("Yurii Koval said the army was tired, but officials said "
                  "the morale was high.\n\n"
                  "Koval called the probe \"a formality that nobody takes "
                  "seriously.\" He said the bureau had never called him.\n",
                  "en");
    const ws_quote *q = find(&f, "the army was tired");
    assert_non_null(q);
    assert_null(strstr(q->text, "officials"));
    q = find(&f, "the bureau had never");
    assert_non_null(q);
    assert_string_equal(q->kind, "indirect");
    assert_string_equal(q->speaker, "Yurii Koval");
    done(&f);
}

/* A relative pronoun before the cue stands for the mention before it;
 * the main clause's cue after a comma ends the relative clause. */
static void test_relative_cue(void **state)
{
    (void)state;
    found f = run("Ostap Melnyk, who said the project was vetted by the "
                  "firm's lawyers, said he knew nothing about the dispute.\n",
                  "en");
    const ws_quote *q = find(&f, "the project was vetted");
    assert_non_null(q);
    assert_string_equal(q->speaker, "Ostap Melnyk");
    assert_null(strstr(q->text, "knew nothing"));
    expect(&f, "he knew nothing", "indirect", "Ostap Melnyk");
    done(&f);
}

/* A promise's infinitive and a denial's object are what was said. */
static void test_promise_denial(void **state)
{
    (void)state;
    found f = run("Governor Lina Moroz vowed to rebuild every school in the "
                  "region.\n\n"
                  "The ministry denied any involvement in the tender.\n",
                  "en");
    const ws_quote *q = find(&f, "to rebuild every school");
    assert_non_null(q);
    assert_string_equal(q->speaker, "Lina Moroz");
    q = find(&f, "any involvement in");
    assert_non_null(q);
    assert_string_equal(q->cue, "denied");
    done(&f);
}

/* Transcript lines: a label in capitals (or a named person) and a colon;
 * the answer runs to the next label or the paragraph's end, and cues
 * inside it make no statements of their own. */
static void test_transcript(void **state)
{
    (void)state;
    found f = run("Partial transcript as follows:\n\n"
                  "HOST: Do you see those two as equivalent? GUEST: Well, "
                  "look, my opponent has been saying tough things about us "
                  "for a year.\n\n"
                  "UPDATE: This story has been corrected.\n",
                  "en");
    const ws_quote *q = find(&f, "Do you see those");
    assert_non_null(q);
    assert_string_equal(q->kind, "direct");
    assert_string_equal(q->mention, "HOST");
    assert_string_equal(q->cue, ":");
    assert_null(strstr(q->text, "GUEST"));
    q = find(&f, "Well, look");
    assert_non_null(q);
    assert_string_equal(q->mention, "GUEST");
    assert_null(find(&f, "tough things"));
    assert_null(find(&f, "This story has been"));
    done(&f);
}

/* A speaker after the cue that runs to the sentence's end is an inverted
 * trailer even when a comma stands earlier in the sentence; an
 * organisation word with its name in marks is a mention; a quoted word
 * and one more make a mixed statement. */
static void test_slavic_trailer_org(void **state)
{
    (void)state;
    found f = run("Самара, 3 мая — Открытие корпуса переносится на февраль, "
                  "сообщила главный врач учреждения Анна Воронова.\n\n"
                  "Комунальне підприємство «Водоканал-Північ» повідомило, що "
                  "воду подадуть у п’ятницю.\n\n"
                  "Голова асоціації Петро Левчук назвав звинувачення "
                  "«передчасними».\n",
                  "ru");
    expect(&f, "Самара, 3 мая — Открытие корпуса", "indirect", "Анна Воронова");
    const ws_quote *q = find(&f, "воду подадуть");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "organisation");
    assert_non_null(strstr(q->mention, "Водоканал-Північ"));
    expect(&f, "звинувачення «передчасними»", "mixed", "Петро Левчук");
    done(&f);
}

/* Role words before a name with a relative clause after it; a role the
 * lexicon lacks inside an apposition; a soft-stem man's name in the
 * genitive. */
static void test_apposition_roles(void **state)
{
    (void)state;
    found f = run("Колишній голова облдержадміністрації Віктор Гнатюк, який "
                  "нині очолює громадську раду, назвав ці терміни «надто "
                  "оптимістичними».\n",
                  "uk");
    expect(&f, "ці терміни", "mixed", "Віктор Гнатюк");
    done(&f);
    f = run("Председатель жюри, актриса Вера Лаптева, назвала программу "
            "«самой зрелой за всю историю».\n\n"
            "По словам директора фестиваля Игоря Ласточкина, продано 14 "
            "тысяч билетов.\n",
            "ru");
    expect(&f, "программу", "mixed", "Вера Лаптева");
    assert_string_equal(find(&f, "программу")->mention, "Вера Лаптева");
    expect(&f, "продано 14", "indirect", "Игорь Ласточкин");
    done(&f);
}

/* Two-word cues ("put it", "shot back"), a trailer with a short adverbial
 * after its cue, and a place adjunct with a comma before "that". */
static void test_more_cues(void **state)
{
    (void)state;
    found f = run("Historians have long compared the two countries. As "
                  "Professor Ivan Fonarenko put it: \"The country does a "
                  "better job at accepting newcomers.\"\n\n"
                  "\"Everyone wants to look tough tonight,\" Petro Bondar "
                  "shot back at the debate.\n\n"
                  "\"I started the club because I love this town,\" Olena "
                  "Kravets said onstage Tuesday night.\n\n"
                  "Olena Kravets says at a campaign stop in Lviv, Ukraine, "
                  "that the tram will run again by May.\n",
                  "en");
    expect(&f, "The country does a better job", "direct", "Ivan Fonarenko");
    expect(&f, "Everyone wants to look tough", "direct", "Petro Bondar");
    expect(&f, "I started the club", "direct", "Olena Kravets");
    expect(&f, "the tram will run again", "indirect", "Olena Kravets");
    done(&f);
}

/* Words of time after a cue are stepped over; an adjunct of circumstance
 * or time alone is no content. */
static void test_time_after_cue(void **state)
{
    (void)state;
    found f = run("Mayor Ostap Hnatiuk said Tuesday the trams would run "
                  "again by May.\n\n"
                  "\"The depot is not ready for the winter,\" Hnatiuk said "
                  "this month on local radio.\n\n"
                  "Governor Lina Moroz said as she entered the hall that "
                  "nothing was decided.\n",
                  "en");
    expect(&f, "the trams would run", "indirect", "Ostap Hnatiuk");
    expect(&f, "The depot is not ready", "direct", "Ostap Hnatiuk");
    assert_false(any_with(&f, "on local radio"));
    assert_null(find(&f, "as she entered"));
    done(&f);
}

/* Lead-ins after an adjunct, "as X said" after an opener, inverted
 * "Said X", "went on to say", a participle or a cue without a subject
 * right before a quote. */
static void test_lead_ins(void **state)
{
    (void)state;
    found f = run("Mayor Ivan Hrytsenko and Olha Savchuk met on Monday.\n\n"
                  "Ivan Hrytsenko said last week in Lviv, \"The depot will "
                  "open on the first of May.\"\n\n"
                  "But, as Olha Savchuk said, \"Nobody has seen the "
                  "contract yet.\"\n\n"
                  "Said Hrytsenko, \"We have paid for every single tram.\"\n\n"
                  "Savchuk went on to say, \"The council never voted on "
                  "it.\"\n\n"
                  "Protesters marched past the depot, chanting, \"Open the "
                  "books now.\"\n\n"
                  "A man in the crowd, a tram driver for thirty years who "
                  "lost his job in the spring -- told me, \"They owe us "
                  "three months of pay.\"\n",
                  "en");
    expect(&f, "The depot will open", "direct", "Ivan Hrytsenko");
    expect(&f, "Nobody has seen the contract", "direct", "Olha Savchuk");
    expect(&f, "We have paid for every", "direct", "Ivan Hrytsenko");
    expect(&f, "The council never voted", "direct", "Olha Savchuk");
    expect(&f, "Open the books now", "direct", NULL);
    expect(&f, "They owe us three months", "direct", NULL);
    done(&f);
}

/* Trailers after a quote followed by an adjunct, a span of time or a
 * circumstance; a second quote after the adjunct is merged. A split only
 * counts when the first quote opens the sentence. */
static void test_trailer_adjuncts(void **state)
{
    (void)state;
    found f = run("Olena Moroz runs the harbour. Petro Lys is her deputy.\n\n"
                  "\"Word is,\" Moroz said last month on local radio, "
                  "\"that the ferry will stop in June.\"\n\n"
                  "\"It never crossed my mind to close it,\" Lys said "
                  "several months after the vote, and the port stayed "
                  "open.\n\n"
                  "\"Absolutely,\" Moroz said when asked by a reporter.\n\n"
                  "Remarking upon the \"new spirit,\" Lys said, \"The "
                  "harbour has never been busier than this year.\"\n",
                  "en");
    expect(&f, "Word is, that the ferry", "direct", "Olena Moroz");
    expect(&f, "It never crossed my mind", "direct", "Petro Lys");
    expect(&f, "Absolutely", "direct", "Olena Moroz");
    expect(&f, "The harbour has never been", "direct", "Petro Lys");
    assert_null(find(&f, "Remarking"));
    done(&f);
}

/* Where a clause ends: a semicolon, "although", "and when", a named
 * subject and its cue after a comma or a dash, "and" before a second
 * cue; a weak cue's content is its object and the quoted name. */
static void test_clause_ends(void **state)
{
    (void)state;
    found f = run("Taras Bilyk and Iryna Kovalenko spoke at the council.\n\n"
                  "Bilyk said the budget was short; the council did not "
                  "reply.\n\n"
                  "The bridge, Kovalenko said, was finished, although the "
                  "road is not.\n\n"
                  "When Kovalenko noted that the firm had not paid its "
                  "taxes, Bilyk boasted, \"That makes us smart.\"\n\n"
                  "Kovalenko urges the council to act and repeatedly says, "
                  "\"Do it now.\"\n\n"
                  "Bilyk and his deputies call them \"lone wolves\" and "
                  "describe the protest as a stunt.\n\n"
                  "Bilyk says he respects the council and calls it \"a "
                  "house of patient people.\"\n",
                  "en");
    expect(&f, "the budget was short", "indirect", "Taras Bilyk");
    assert_false(any_with(&f, "did not reply"));
    assert_false(any_with(&f, "although"));
    expect(&f, "the firm had not paid its taxes", "indirect",
           "Iryna Kovalenko");
    assert_false(any_with(&f, "taxes, Bilyk"));
    expect(&f, "That makes us smart", "direct", "Taras Bilyk");
    expect(&f, "Do it now", "direct", "Iryna Kovalenko");
    expect(&f, "the council to act", "indirect", "Iryna Kovalenko");
    expect(&f, "he respects the council", "indirect", "Taras Bilyk");
    const ws_quote *q = find(&f, "them \"lone wolves\"");
    assert_non_null(q);
    assert_string_equal(q->kind, "mixed");
    assert_false(any_with(&f, "stunt"));
    assert_false(any_with(&f, "council and calls"));
    done(&f);
    /* An opening adjunct before the comma is no content when a clause
     * follows the cue; "others" is a subject. */
    f = run("Taras Bilyk met Iryna Kovalenko on Monday.\n\n"
            "After the meeting, Mr. Bilyk said Kovalenko had not won him "
            "over.\n\n"
            "Appearing on local radio, Kovalenko said the budget would "
            "pass in May.\n\n"
            "Kovalenko and others said they could not support the plan.\n",
            "en");
    expect(&f, "Kovalenko had not won him over", "indirect", "Taras Bilyk");
    expect(&f, "the budget would pass", "indirect", "Iryna Kovalenko");
    assert_false(any_with(&f, "After the meeting"));
    assert_false(any_with(&f, "Appearing on"));
    expect(&f, "they could not support", "indirect", NULL);
    done(&f);
    /* "The Ministry for X" is one organisation; a suffix ("Jr.") before
     * the cue is stepped over. */
    f = run("The Ministry for Regional Development said in a comment that "
            "the application \"is being considered in the general "
            "order\".\n\n"
            "Vice Mayor Pavlo R. Kostenko Jr. said the depot would reopen "
            "in the spring.\n\n"
            "Ahead of the vote, Kostenko told Radio Lviv's \"Morning Hour\" "
            "that nobody would question the budget.\n\n"
            "In addition, according to the ministry, nine depots will be "
            "rebuilt by the winter.\n\n"
            "Turnout rose to 46 percent in the city according to a survey "
            "released Monday.\n",
            "en");
    const ws_quote *m = find(&f, "the application");
    assert_non_null(m);
    assert_string_equal(m->speaker_kind, "organisation");
    assert_string_equal(m->speaker, "Ministry for Regional Development");
    m = find(&f, "In addition, according to the ministry");
    assert_non_null(m);
    assert_string_equal(m->kind, "indirect");
    assert_non_null(find(&f, "Turnout rose to 46 percent"));
    m = find(&f, "nobody would question");
    assert_non_null(m);
    assert_string_equal(m->mention, "Kostenko");
    assert_false(any_with(&f, "Ahead of the vote"));
    m = find(&f, "the depot would reopen");
    assert_non_null(m);
    assert_string_equal(m->mention, "Vice Mayor Pavlo R. Kostenko");
    done(&f);
}

/* A quote after a colon that ends a clause is the clause subject's; a
 * right-facing ” after a stop opens a quote; a stray capitalised word
 * right before "said" is a subject. */
static void test_colon_and_marks(void **state)
{
    (void)state;
    found f = run("Governor Maria Tkachuk visited the plant on Monday.\n\n"
                  "Governor Maria Tkachuk is rolling out a new campaign "
                  "message: \"It's about the plant.\"\n\n"
                  "She spoke for an hour. ” … and the plant will stay open "
                  "for as long as I am governor,” she said.\n\n"
                  "Residents met in the hall. Marchuk said the plant "
                  "never paid for the water it used.\n\n"
                  "She thanked the workers because to her, \"there is "
                  "nothing more important for this town than the plant.\" "
                  "The plant, \"a scare quote,\" stays.\n",
                  "en");
    expect(&f, "It's about the plant", "direct", "Maria Tkachuk");
    expect(&f, "… and the plant will stay open", "direct", "Maria Tkachuk");
    expect(&f, "there is nothing more important for this town", "direct",
           NULL);
    assert_null(find(&f, "a scare quote"));
    const ws_quote *q = find(&f, "the plant never paid");
    assert_non_null(q);
    assert_string_equal(q->mention, "Marchuk");
    done(&f);
}

/* Ukrainian: an organisation's long name or a source placed by a
 * preposition opening the sentence is the subject; a short name in marks
 * after the cue is the addressee; a title before a parenthesis and a
 * name is that person's. */
static void test_uk_subjects(void **state)
{
    (void)state;
    found f = run("Координаційний штаб з питань ремонту доріг повідомив, що "
                  "роботи завершать у вересні.\n\n"
                  "«Підрядник отримав аванс, а графік робіт не змінився», — "
                  "зазначили в Координаційному штабі.\n\n"
                  "Джерело в Офісі мера розповіло «Вістям Полісся», що "
                  "наступний тендер оголосять у жовтні.\n\n"
                  "Голова Рівненської обласної адміністрації (ОДА) Остап "
                  "Гнатюк заявив, що всі дороги області відремонтують до зими.\n\n"
                  "Голова ОДА відповів, що торішні терміни зірвав "
                  "підрядник.\n",
                  "uk");
    expect(&f, "роботи завершать у вересні", "indirect",
           "Координаційний штаб з питань ремонту доріг");
    expect(&f, "Підрядник отримав аванс", "direct",
           "Координаційний штаб з питань ремонту доріг");
    const ws_quote *q = find(&f, "наступний тендер");
    assert_non_null(q);
    assert_string_equal(q->speaker_kind, "anonymous");
    assert_null(find(&f, "Вістям Полісся"));
    expect(&f, "всі дороги області", "indirect", "Остап Гнатюк");
    expect(&f, "торішні терміни", "indirect", "Остап Гнатюк");
    done(&f);
    /* "мэр" names the "городской голова" when no one holds "мэр". */
    f = run("Городской голова Ровно Игорь Ткач заявил, что мост откроют "
            "к декабрю этого года.\n\n"
            "«Без приемки я не пущу на мост никого», – подчеркнул мэр.\n",
            "ru");
    expect(&f, "Без приемки я не пущу", "direct", "Игорь Ткач");
    done(&f);
    /* A role in an oblique case names its holder; an aside asking for
     * anonymity makes the source anonymous. */
    f = run("Ремонт обойдется в 4 млрд евро, заявил ведущий аналитик "
            "энергетического центра Павел Серов.\n\n"
            "По словам аналитика, ни один покупатель сейчас не готов "
            "заключать контракты.\n\n"
            "Представитель компании, пожелавший остаться неизвестным, "
            "сообщил, что решение не может быть принято до суда.\n",
            "ru");
    expect(&f, "ни один покупатель", "indirect", "Павел Серов");
    const ws_quote *a = find(&f, "решение не может");
    assert_non_null(a);
    assert_string_equal(a->speaker_kind, "anonymous");
    assert_null(a->speaker);
    done(&f);
}

/* A text without sentence ends full of cues (lower case after every
 * stop), and one sentence of interposed dash cues: both stay linear. */
static void test_runaway_sentence(void **state)
{
    (void)state;
    const char *unit[] = {"голова АМКУ заявив, що ціни ростуть. ",
                          "«а, — сказал он, — б, — сказал он, — "};
    for (int r = 0; r < 2; r++) {
        size_t n = 30000, ul = strlen(unit[r]);
        char *s = malloc(n * ul + 1);
        for (size_t i = 0; i < n; i++)
            memcpy(s + i * ul, unit[r], ul);
        s[n * ul] = '\0';
        /* quadratic work here would hit ctest's time limit */
        found f = run(s, r ? "ru" : "uk");
        done(&f);
        free(s);
    }
}

static void test_pathological(void **state)
{
    (void)state;
    size_t n = 100000;
    char *s = malloc(n * 4 + 64);
    /* 10^5 marks in a row, and alternated with words. */
    for (int round = 0; round < 3; round++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (round == 0)
                s[k++] = '"';
            else if (round == 1) {
                memcpy(s + k, "\"a ", 3);
                k += 3;
            } else {
                memcpy(s + k, "\xe2\x80\x9c", 3); /* only openers */
                k += 3;
            }
        }
        s[k] = '\0';
        found f = run(s, "en");
        for (size_t i = 0; i < f.n; i++)
            assert_true(f.q[i].end - f.q[i].start <= QD_MAX_QUOTE);
        done(&f);
    }
    free(s);

    /* A quote that never closes, in a 1 MB paragraph full of cues. */
    size_t big = 1 << 20;
    s = malloc(big + 64);
    size_t k = 0;
    memcpy(s, "He said: \"", 10);
    k = 10;
    static const char chunk[] = "Ivan Drach said that the grid, he added, "
                                "is fine according to him. ";
    while (k + sizeof chunk < big) {
        memcpy(s + k, chunk, sizeof chunk - 1);
        k += sizeof chunk - 1;
    }
    s[k] = '\0';
    found f = run(s, "en");
    assert_true(f.n <= 512);
    done(&f);
    free(s);
}

static void test_empty(void **state)
{
    (void)state;
    found f = run("", "en");
    assert_int_equal(f.n, 0);
    assert_null(f.q);
    done(&f);
    ws_quote_list_free(NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_mark_styles),
        cmocka_unit_test(test_nested_and_hypothetical),
        cmocka_unit_test(test_unbalanced_and_straight),
        cmocka_unit_test(test_multi_paragraph),
        cmocka_unit_test(test_split_quote),
        cmocka_unit_test(test_forms_en),
        cmocka_unit_test(test_weak_cues),
        cmocka_unit_test(test_quote_line),
        cmocka_unit_test(test_forms_uk_ru),
        cmocka_unit_test(test_not_speech),
        cmocka_unit_test(test_former_holder),
        cmocka_unit_test(test_speakers),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_name_forms),
        cmocka_unit_test(test_orgs_sources),
        cmocka_unit_test(test_paragraph_quote),
        cmocka_unit_test(test_dash_split),
        cmocka_unit_test(test_slavic_sources),
        cmocka_unit_test(test_colon_title),
        cmocka_unit_test(test_second_speaker),
        cmocka_unit_test(test_masculine_genitive),
        cmocka_unit_test(test_single_marks_colon),
        cmocka_unit_test(test_names_in_marks),
        cmocka_unit_test(test_weak_object),
        cmocka_unit_test(test_stray_mark),
        cmocka_unit_test(test_lexicon_forms),
        cmocka_unit_test(test_told_trailer),
        cmocka_unit_test(test_adjunct_before_cue),
        cmocka_unit_test(test_unknown_role_relative),
        cmocka_unit_test(test_role_plural_subject),
        cmocka_unit_test(test_time_adjunct_paren),
        cmocka_unit_test(test_according_phrase),
        cmocka_unit_test(test_second_verb),
        cmocka_unit_test(test_honorific_period),
        cmocka_unit_test(test_dash_signed),
        cmocka_unit_test(test_split_told),
        cmocka_unit_test(test_clause_bounds),
        cmocka_unit_test(test_relative_cue),
        cmocka_unit_test(test_promise_denial),
        cmocka_unit_test(test_transcript),
        cmocka_unit_test(test_slavic_trailer_org),
        cmocka_unit_test(test_apposition_roles),
        cmocka_unit_test(test_more_cues),
        cmocka_unit_test(test_time_after_cue),
        cmocka_unit_test(test_lead_ins),
        cmocka_unit_test(test_trailer_adjuncts),
        cmocka_unit_test(test_clause_ends),
        cmocka_unit_test(test_colon_and_marks),
        cmocka_unit_test(test_uk_subjects),
        cmocka_unit_test(test_runaway_sentence),
        cmocka_unit_test(test_pathological),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
