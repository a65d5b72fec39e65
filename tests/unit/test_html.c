/* Unit tests for the HTML reader: tokenizer edge cases, implied end tags,
 * character references, metadata candidates and content selection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/dom.h"
#include "html/html.h"

static char *read_html(const char *html, ws_fields *f)
{
    ws_fields_init(f, 0);
    assert_int_equal(ws_html_read(html, strlen(html), f), WS_OK);
    return f->text.data ? f->text.data : "";
}

static void unescape_references(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, 0);
    const char *in = "&lt;a&gt; &amp;amp &#8212; &#x2014; &mdash; &nbsp;"
                     "&#150; &bogus; &#xD800; & ;";
    ws_html_unescape(&b, in, strlen(in));
    assert_string_equal(b.data, "<a> &amp \xE2\x80\x94 \xE2\x80\x94 "
                                "\xE2\x80\x94 \xC2\xA0\xE2\x80\x93 &bogus; "
                                "\xEF\xBF\xBD & ;");
    ws_buf_cleanup(&b);
}

static void blocks_and_implied_ends(void **state)
{
    (void)state;
    const char *html = "<body><p>one<p>two<div>three</div><ul><li>a<li>b"
                       "</ul>four<br>five<table><tr><td>c1<td>c2</table>";
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, html, strlen(html));
    const char *want[] = {"one", "two", "three", "a", "b",
                          "four", "five", "c1", "c2"};
    assert_int_equal(d.n_blocks, WS_COUNT(want));
    for (size_t i = 0; i < WS_COUNT(want); i++) {
        const ws_block *b = &d.blocks[i];
        assert_int_equal(b->len, strlen(want[i]));
        assert_memory_equal(d.text.data + b->off, want[i], b->len);
    }
    assert_true(d.blocks[3].flags & B_LIST);
    assert_true(d.blocks[7].flags & B_CELL);
    ws_dom_cleanup(&d);
}

static void raw_text_and_comments_are_not_text(void **state)
{
    (void)state;
    const char *html = "<p>a<script>if (x < 1) { y = '</p>'; }</script>b"
                       "<!-- <p>hidden</p> -->c<style>p{}</style>d"
                       "<textarea><p>no</p></textarea>e<svg><title>t</title>"
                       "<text>s</text></svg>f<svg/>g"
                       "<span hidden>h</span><span style='display: none'>i"
                       "</span>j</p>";
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, html, strlen(html));
    assert_int_equal(d.n_blocks, 1);
    assert_int_equal(d.blocks[0].len, 8);
    assert_memory_equal(d.text.data, "abcdefgj", 8);
    ws_dom_cleanup(&d);
}

static void whitespace_collapses(void **state)
{
    (void)state;
    const char *html = "<p>  many \n\t spaces&nbsp;&nbsp;and <b>bold</b>"
                       "<i> italic </i> end </p>";
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, html, strlen(html));
    assert_int_equal(d.n_blocks, 1);
    const char *want = "many spaces and bold italic end";
    assert_int_equal(d.blocks[0].len, strlen(want));
    assert_memory_equal(d.text.data, want, strlen(want));
    ws_dom_cleanup(&d);
}

static void deep_nesting_is_linear(void **state)
{
    (void)state;
    size_t depth = 200000;
    char *html = malloc(depth * 11 + 32);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++) {
        memcpy(html + n, "<div>", 5);
        n += 5;
    }
    memcpy(html + n, "deep text", 9);
    n += 9;
    for (size_t i = 0; i < depth; i++) {
        memcpy(html + n, "</div>", 6);
        n += 6;
    }
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, html, n);
    assert_int_equal(d.n_blocks, 1);
    assert_true(d.n_nodes < 1000);
    ws_dom_cleanup(&d);
    free(html);
}

static void metadata_sources(void **state)
{
    (void)state;
    const char *html =
        "<html lang='uk-UA'><head><title>Headline from title | Site</title>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta name='author' content='Olena Petrenko'>"
        "<meta property='article:published_time' "
        "content='2024-12-12T19:16:00+02:00'>"
        "<link rel='canonical' href='https://example.org/a/1'>"
        "<script type='application/ld+json'>{\"@context\":"
        "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
        "\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":"
        "\"LD headline\",\"author\":[{\"@type\":\"Person\",\"name\":"
        "\"Ivan Franko\"}],\"publisher\":{\"name\":\"LD Publisher\"}}]}"
        "</script></head><body><article><p>Body.</p></article></body>"
        "</html>";
    ws_fields f;
    read_html(html, &f);
    assert_string_equal(f.title, "LD headline");
    assert_string_equal(f.outlet, "LD Publisher");
    assert_string_equal(f.url, "https://example.org/a/1");
    assert_string_equal(f.language, "uk");
    assert_non_null(f.date);
    assert_int_equal(f.n_authors, 1);
    assert_string_equal(f.authors[0], "Ivan Franko");
    ws_fields_cleanup(&f);
}

static void jsonld_references_resolve(void **state)
{
    (void)state;
    ws_fields f;
    read_html("<script type='application/ld+json'><![CDATA[{\"@graph\":["
              "{\"@type\":\"NewsArticle\",\"headline\":\"H\","
              "\"author\":[{\"@id\":\"#a1\"},{\"@id\":\"#a2\"}],"
              "\"publisher\":{\"@id\":\"#org\"},"
              "\"datePublished\":\"2025-03-14T09:30:00+02:00\"},"
              "{\"@type\":\"Person\",\"@id\":\"#a1\",\"name\":"
              "\"Olha Ivanenko\"},{\"@type\":\"Person\",\"@id\":"
              "\"#a2\",\"name\":\"Petro Shevchuk\"},{\"@type\":"
              "\"Organization\",\"@id\":\"#org\",\"name\":"
              "\"Example Daily\"},]}]]></script><p>Body.</p>",
              &f);
    assert_string_equal(f.title, "H");
    assert_string_equal(f.outlet, "Example Daily");
    assert_string_equal(f.date, "2025-03-14T09:30:00+02:00");
    assert_int_equal(f.n_authors, 2);
    assert_string_equal(f.authors[0], "Olha Ivanenko");
    assert_string_equal(f.authors[1], "Petro Shevchuk");
    ws_fields_cleanup(&f);
}

static void bylines_in_comments_are_not_authors(void **state)
{
    (void)state;
    ws_fields f;
    read_html("<article><p>The vote was close, and the council will meet "
              "again next week to settle the remaining questions.</p>"
              "</article><section class='comments'><div class='comment'>"
              "<span class='comment-author byline'>Gareth P</span><p>I "
              "disagree with the council, and so do my neighbours, "
              "strongly.</p></div></section>",
              &f);
    assert_int_equal(f.n_authors, 0);
    ws_fields_cleanup(&f);
}

static void title_tag_loses_site_suffix(void **state)
{
    (void)state;
    ws_fields f;
    read_html("<title>Council approves the new budget for 2025 | City "
              "News</title><p>x</p>",
              &f);
    assert_string_equal(f.title, "Council approves the new budget for 2025");
    ws_fields_cleanup(&f);
}

static void content_drops_boilerplate(void **state)
{
    (void)state;
    const char *para =
        "<p>The council met on Tuesday to debate the budget, which has been "
        "delayed for months, and members said the vote would go ahead.</p>";
    char html[8192];
    snprintf(html, sizeof html,
             "<body><nav><ul><li><a href='/'>Home</a></li><li><a "
             "href='/w'>World</a></li></ul></nav>"
             "<div class='cookie-banner'><p>We use cookies to improve your "
             "experience on our site, and by continuing you agree.</p></div>"
             "<div class='article-body'>%s%s<div class='share-tools'><p>"
             "Share this story with your friends, family and colleagues "
             "today.</p></div>%s</div>"
             "<aside class='related'><ul><li><a href='/1'>Another story about "
             "the council and its long budget debate</a></li></ul></aside>"
             "<footer><p>Copyright 2025 Example Media, all rights "
             "reserved.</p></footer></body>",
             para, para, para);
    ws_fields f;
    char *text = read_html(html, &f);
    assert_non_null(strstr(text, "The council met"));
    assert_null(strstr(text, "cookies"));
    assert_null(strstr(text, "Share this"));
    assert_null(strstr(text, "Another story"));
    assert_null(strstr(text, "Copyright"));
    assert_null(strstr(text, "Home"));
    /* three paragraphs, separated by blank lines */
    size_t seps = 0;
    for (const char *p = text; (p = strstr(p, "\n\n")); p += 2)
        seps++;
    assert_int_equal(seps, 2);
    ws_fields_cleanup(&f);
}

static void sniff(void **state)
{
    (void)state;
    assert_true(ws_html_sniff("  <!DOCTYPE html><html>", 23));
    assert_true(ws_html_sniff("junk <div>a</div> <p>b</p>", 26));
    assert_false(ws_html_sniff("Plain text with a < sign", 24));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unescape_references),
        cmocka_unit_test(blocks_and_implied_ends),
        cmocka_unit_test(raw_text_and_comments_are_not_text),
        cmocka_unit_test(whitespace_collapses),
        cmocka_unit_test(deep_nesting_is_linear),
        cmocka_unit_test(metadata_sources),
        cmocka_unit_test(title_tag_loses_site_suffix),
        cmocka_unit_test(jsonld_references_resolve),
        cmocka_unit_test(bylines_in_comments_are_not_authors),
        cmocka_unit_test(content_drops_boilerplate),
        cmocka_unit_test(sniff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
