/* Unit tests for src/store through its public API on real SQLite files:
 * schema creation and reopening, idempotent adds, transactions, regrouping,
 * the statement query's filters and keyset paging, speakers by alias
 * prefix, stories, an article read back, and the JSON shapes. Articles are
 * made by ws_extract from short invented texts. */
/* cmocka needs these first, in this order. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "whosaid/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char db_path[64];

static int make_path(void **state)
{
    (void)state;
    snprintf(db_path, sizeof db_path, "/tmp/ws-test-store-%d.db",
             (int)getpid());
    unlink(db_path);
    return 0;
}

static int drop_path(void **state)
{
    (void)state;
    char more[80];
    unlink(db_path);
    snprintf(more, sizeof more, "%s-wal", db_path);
    unlink(more);
    snprintf(more, sizeof more, "%s-shm", db_path);
    unlink(more);
    return 0;
}

static const char *const docs[] = {
    "Harbour wall vote set for Friday\n\n"
    "3 March 2025\n\n"
    "The city council will vote on the new harbour wall on Friday, Mayor "
    "Ilona Varga said on Monday.\n\n"
    "\"The sea does not wait for committees,\" Varga told reporters.\n",

    "Council delays harbour decision\n\n"
    "4 March 2025\n\n"
    "\"The sea does not wait for committees,\" Mayor Ilona Varga said, "
    "adding that the vote could still slip.\n",

    "Tram depot to close for repairs\n\n"
    "1 February 2024\n\n"
    "The tram depot will close for three weeks, transport director Piet "
    "Laan said.\n",
};

static ws_article *extract(const char *text, const char *source)
{
    ws_extract_opts o = {.source = source, .format = WS_FORMAT_TEXT};
    ws_article *a = NULL;
    assert_int_equal(ws_extract(text, strlen(text), &o, &a), WS_OK);
    return a;
}

static size_t add_all(ws_store *st)
{
    size_t added_total = 0;
    assert_int_equal(ws_store_begin(st), WS_OK);
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        char src[32];
        snprintf(src, sizeof src, "doc%zu.txt", i);
        ws_article *a = extract(docs[i], src);
        int added = -1;
        assert_int_equal(ws_store_add(st, a, docs[i], strlen(docs[i]), &added),
                         WS_OK);
        added_total += (size_t)added;
        ws_article_free(a);
    }
    assert_int_equal(ws_store_commit(st), WS_OK);
    return added_total;
}

static void test_open_missing_read_only(void **state)
{
    (void)state;
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_READ, &st), WS_ERR_IO);
    assert_non_null(strstr(ws_store_errmsg(st), db_path));
    ws_store_close(st);
    assert_int_not_equal(access(db_path, F_OK), 0); /* not created */
    ws_store_close(NULL);
}

static void test_add_is_idempotent(void **state)
{
    (void)state;
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    assert_int_equal(add_all(st), 3);
    assert_int_equal(add_all(st), 0);
    /* Add outside a transaction is refused, not silently autocommitted. */
    ws_article *a = extract(docs[0], "x.txt");
    int added;
    assert_int_equal(ws_store_add(st, a, docs[0], strlen(docs[0]), &added),
                     WS_ERR_USAGE);
    ws_article_free(a);
    ws_store_close(st);

    /* Reopening finds the same documents: the schema is not recreated. */
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    assert_int_equal(add_all(st), 0);
    ws_store_close(st);
}

static void test_uncommitted_is_lost_committed_kept(void **state)
{
    (void)state;
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    assert_int_equal(ws_store_begin(st), WS_OK);
    ws_article *a = extract(docs[2], "only.txt");
    int added;
    assert_int_equal(ws_store_add(st, a, docs[2], strlen(docs[2]), &added),
                     WS_OK);
    assert_int_equal(added, 1);
    ws_article_free(a);
    ws_store_close(st); /* closes with the transaction open: rolled back */

    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    assert_int_equal(add_all(st), 3);
    ws_store_close(st);
}

typedef struct seen {
    size_t n;
    int64_t ids[64];
    char speaker[64];
    size_t reports;
    int stop_after;
} seen;

static int on_statement(const ws_statement_rec *r, void *ud)
{
    seen *s = ud;
    if (s->n < 64)
        s->ids[s->n] = r->id;
    s->n++;
    snprintf(s->speaker, sizeof s->speaker, "%s", r->speaker ? r->speaker : "");
    s->reports += r->n_reports;
    assert_non_null(r->text);
    assert_true(r->n_reports >= 1);
    char *j = ws_statement_to_json(r);
    assert_non_null(strstr(j, "\"reports\":["));
    free(j);
    return s->stop_after && (int)s->n >= s->stop_after;
}

static void test_regroup_and_query(void **state)
{
    (void)state;
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    add_all(st);
    ws_regroup_stats gs;
    assert_int_equal(ws_store_regroup(st, 0, &gs), WS_OK);
    assert_int_equal(gs.articles, 3);
    assert_true(gs.quotes >= 3);
    assert_true(gs.statements >= 2 && gs.statements <= gs.quotes);
    assert_true(gs.stories >= 1 && gs.stories <= 3);
    assert_int_equal(gs.current, 0);
    /* Nothing added since: the groupings are current and only counted;
     * forced, regrouping again gives the same numbers. */
    ws_regroup_stats again, forced;
    assert_int_equal(ws_store_regroup(st, 0, &again), WS_OK);
    assert_int_equal(again.current, 1);
    assert_int_equal(ws_store_regroup(st, WS_REGROUP_FORCE, &forced), WS_OK);
    assert_int_equal(forced.current, 0);
    again.current = 0;
    assert_memory_equal(&gs, &again, sizeof gs);
    assert_memory_equal(&gs, &forced, sizeof gs);
    /* One article more: regrouped, not merely counted. */
    const char *more = "Bridge to open in June\n\n3 May 2025\n\n"
                       "\"The bridge opens in June,\" Mayor Ilona Varga "
                       "said.\n";
    ws_article *m = extract(more, "more.txt");
    int added = 0;
    assert_int_equal(ws_store_begin(st), WS_OK);
    assert_int_equal(ws_store_add(st, m, more, strlen(more), &added), WS_OK);
    assert_int_equal(ws_store_commit(st), WS_OK);
    ws_article_free(m);
    assert_int_equal(added, 1);
    ws_regroup_stats grown;
    assert_int_equal(ws_store_regroup(st, 0, &grown), WS_OK);
    assert_int_equal(grown.current, 0);
    assert_int_equal(grown.articles, 4);
    assert_int_equal(grown.quotes, gs.quotes + 1);
    gs = grown;
    ws_store_close(st);

    assert_int_equal(ws_store_open(db_path, WS_STORE_READ, &st), WS_OK);
    seen all = {0};
    ws_statement_query q = {0};
    assert_int_equal(ws_store_statements(st, &q, on_statement, &all), WS_OK);
    assert_int_equal(all.n, gs.statements);
    assert_int_equal(all.reports, gs.quotes);

    /* Keyset paging: pages of two, concatenated, are the whole list. */
    seen paged = {0};
    int64_t cursor = 0;
    for (int guard = 0; guard < 64; guard++) {
        seen page = {0};
        ws_statement_query pq = {.limit = 2, .before_id = cursor};
        assert_int_equal(ws_store_statements(st, &pq, on_statement, &page),
                         WS_OK);
        for (size_t i = 0; i < page.n; i++)
            paged.ids[paged.n++] = page.ids[i];
        if (page.n < 2)
            break;
        cursor = page.ids[page.n - 1];
    }
    assert_int_equal(paged.n, all.n);
    assert_memory_equal(paged.ids, all.ids, all.n * sizeof *all.ids);

    /* Filters: a word present in one statement only, and an absent one. */
    seen tram = {0};
    ws_statement_query tq = {.about = "depot"};
    assert_int_equal(ws_store_statements(st, &tq, on_statement, &tram), WS_OK);
    assert_int_equal(tram.n, 1);
    seen none = {0};
    ws_statement_query nq = {.about = "\"zzz* OR"}; /* not FTS syntax */
    assert_int_equal(ws_store_statements(st, &nq, on_statement, &none), WS_OK);
    assert_int_equal(none.n, 0);
    ws_statement_query dq = {.since = "2025-01-01"};
    seen recent = {0};
    assert_int_equal(ws_store_statements(st, &dq, on_statement, &recent),
                     WS_OK);
    assert_int_equal(recent.n + tram.n, all.n);

    /* A callback can stop the query. */
    seen one = {.stop_after = 1};
    assert_int_equal(ws_store_statements(st, &q, on_statement, &one), WS_OK);
    assert_int_equal(one.n, 1);

    /* An article read back keeps its quotes and text. */
    ws_article *a = NULL;
    assert_int_equal(ws_store_article(st, 1, &a), WS_OK);
    assert_non_null(a);
    assert_true(a->n_quotes >= 1);
    assert_non_null(strstr(a->text, "harbour wall"));
    ws_article_free(a);
    assert_int_equal(ws_store_article(st, 999, &a), WS_ERR_NOENT);
    assert_null(a);
    ws_store_close(st);
}

static int on_speaker(const ws_speaker_rec *r, void *ud)
{
    seen *s = ud;
    s->n++;
    snprintf(s->speaker, sizeof s->speaker, "%s", r->name);
    char *j = ws_speaker_to_json(r);
    assert_non_null(strstr(j, "\"titles\":["));
    free(j);
    return 0;
}

static int on_story(const ws_story_rec *r, void *ud)
{
    seen *s = ud;
    s->n++;
    s->reports += r->n_articles;
    char *j = ws_story_to_json(r);
    assert_non_null(strstr(j, "\"articles\":["));
    free(j);
    return 0;
}

static void test_speakers_and_stories(void **state)
{
    (void)state;
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_OK);
    add_all(st);
    assert_int_equal(ws_store_regroup(st, 0, NULL), WS_OK);
    ws_store_close(st);
    assert_int_equal(ws_store_open(db_path, WS_STORE_READ, &st), WS_OK);

    seen sp = {0};
    ws_speaker_query q = {.prefix = "ILONA"};
    assert_int_equal(ws_store_speakers(st, &q, on_speaker, &sp), WS_OK);
    assert_int_equal(sp.n, 1);
    assert_string_equal(sp.speaker, "Ilona Varga");
    seen nobody = {0};
    ws_speaker_query nq = {.prefix = "Zed"};
    assert_int_equal(ws_store_speakers(st, &nq, on_speaker, &nobody), WS_OK);
    assert_int_equal(nobody.n, 0);

    seen stories = {0};
    ws_story_query sq = {0};
    assert_int_equal(ws_store_stories(st, &sq, on_story, &stories), WS_OK);
    assert_int_equal(stories.reports, 3); /* every article in one story */

    /* The speaker's statements by any letter case of the name. */
    seen by = {0};
    ws_statement_query bq = {.speaker = "ilona varga"};
    assert_int_equal(ws_store_statements(st, &bq, on_statement, &by), WS_OK);
    assert_true(by.n >= 1);
    assert_string_equal(by.speaker, "Ilona Varga");
    ws_store_close(st);
}

static void test_foreign_and_corrupt_files(void **state)
{
    (void)state;
    FILE *f = fopen(db_path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    ws_store *st;
    assert_int_equal(ws_store_open(db_path, WS_STORE_READ, &st), WS_ERR_IO);
    assert_non_null(strstr(ws_store_errmsg(st), db_path));
    ws_store_close(st);
    assert_int_equal(ws_store_open(db_path, WS_STORE_WRITE, &st), WS_ERR_IO);
    ws_store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_missing_read_only, make_path,
                                        drop_path),
        cmocka_unit_test_setup_teardown(test_add_is_idempotent, make_path,
                                        drop_path),
        cmocka_unit_test_setup_teardown(test_uncommitted_is_lost_committed_kept,
                                        make_path, drop_path),
        cmocka_unit_test_setup_teardown(test_regroup_and_query, make_path,
                                        drop_path),
        cmocka_unit_test_setup_teardown(test_speakers_and_stories, make_path,
                                        drop_path),
        cmocka_unit_test_setup_teardown(test_foreign_and_corrupt_files,
                                        make_path, drop_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
