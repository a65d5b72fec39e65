/* Entry points of the HTML reader: sniffing, and the read that runs the
 * parser, content selection and metadata choice over one document. */
#include "html.h"

#include "dom.h"

bool ws_html_sniff(const char *s, size_t n)
{
    static const char *const marks[] = {
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title",
        "<div", "<p>", "<p ", "<article", "<script", "<br", "<span",
        "<table", "<a href", "<h1", "<!--", NULL};
    size_t limit = WS_MIN(n, (size_t)4096);
    size_t i = 0;
    while (i < limit && ws_is_space((unsigned char)s[i]))
        i++;
    /* scraped text may quote a tag; a document that starts with one, or
     * carries structural tags early, is markup */
    if (i < limit && s[i] == '<' && i + 1 < limit &&
        (ws_is_alpha((unsigned char)s[i + 1]) || s[i + 1] == '!'))
        return true;
    int hits = 0;
    for (size_t k = 0; marks[k]; k++)
        if (ws_ascii_find(s, limit, marks[k]))
            hits++;
    return hits >= 2;
}

ws_status ws_html_read(const char *s, size_t n, ws_fields *f)
{
    ws_dom d;
    ws_dom_init(&d);
    ws_dom_parse(&d, s, n);
    /* content first: metadata skips bylines and dates found in the
     * boilerplate it marks (comments, teasers of other articles) */
    ws_status st = ws_content_select(&d, f);
    ws_meta_choose(&d, f);
    ws_dom_cleanup(&d);
    return st;
}
