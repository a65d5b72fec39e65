/* Chooses the page's metadata from the candidates the parser collected:
 * JSON-LD first, then Dublin Core, Open Graph and other <meta> names, then
 * visible markup (<title>, <h1>, <time>, bylines), the order Readability and
 * news crawlers use. Dates and names go through the shared normalisers. */
#include "dom.h"

#include <string.h>

static const char *first(const ws_dom *d, enum meta_key k)
{
    return d->meta[k].n ? d->meta[k].v[0] : NULL;
}

static size_t word_count(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = ws_is_space((unsigned char)s[i]);
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* The separators sites put between headline and site name. */
static bool title_separator(const char *s, size_t n, size_t i, size_t *len)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " \\ ", " / ",
                                       " > ", " \xC2\xBB ", " :: ", " · ",
                                       NULL};
    for (size_t k = 0; seps[k]; k++) {
        size_t m = strlen(seps[k]);
        if (i + m <= n && memcmp(s + i, seps[k], m) == 0) {
            *len = m;
            return true;
        }
    }
    return false;
}

/* Readability's rule for <title>: drop the site name part after (or before)
 * a separator, unless that leaves too few words. */
static void title_from_tag(const ws_dom *d, ws_fields *f)
{
    const char *t = first(d, M_TITLE_TAG);
    if (!t)
        return;
    size_t n = strlen(t);
    size_t first_sep = n, first_len = 0, last_sep = n, last_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t m;
        if (title_separator(t, n, i, &m)) {
            if (first_sep == n) {
                first_sep = i;
                first_len = m;
            }
            last_sep = i;
            last_len = m;
        }
    }
    const char *best = t;
    size_t best_n = n;
    if (last_sep < n) {
        best_n = last_sep;
        if (word_count(t, best_n) < 3) {
            best = t + first_sep + first_len;
            best_n = n - first_sep - first_len;
        }
    } else if (n > 150 || n < 15) {
        const char *h1 = first(d, M_H1);
        if (h1 && d->meta[M_H1].n == 1) {
            best = h1;
            best_n = strlen(h1);
        }
    }
    (void)last_len;
    /* a cut that leaves a few words is more likely the site than the
     * headline: keep the whole title then, unless the separators were
     * hierarchical ("Section / Headline") and dropped just one word */
    bool hierarchical = false;
    for (size_t i = 0; i + 2 < n; i++)
        if (t[i] == ' ' && t[i + 2] == ' ' &&
            (t[i + 1] == '/' || t[i + 1] == '\\' || t[i + 1] == '>'))
            hierarchical = true;
    size_t words = word_count(best, best_n);
    if (best != t && words <= 4 &&
        (!hierarchical || words != word_count(t, n) - 2))
        best = t, best_n = n;
    ws_fields_set(&f->title, best, best_n);
}

static bool within_title_tag(const ws_dom *d, const char *s)
{
    const char *t = first(d, M_TITLE_TAG);
    return t && s && strstr(t, s) != NULL;
}

static void choose_title(const ws_dom *d, ws_fields *f)
{
    /* JSON-LD: "headline" and "name" sometimes differ (a description in
     * one of them); the one the <title> repeats is the headline. */
    const char *ld = first(d, M_LD_HEADLINE);
    const char *ld_name = first(d, M_LD_NAME);
    if (ld_name && (!ld || (!within_title_tag(d, ld) &&
                            within_title_tag(d, ld_name))))
        ld = ld_name;
    if (ld && ws_fields_set(&f->title, ld, strlen(ld)))
        return;
    /* <meta> values: the last of a kind wins, as in browsers' and
     * Readability's reading of repeated names */
    static const enum meta_key order[] = {M_DC_TITLE, M_OG_TITLE,
                                          M_META_TITLE, M_TW_TITLE};
    for (size_t k = 0; k < WS_COUNT(order); k++) {
        const ws_meta_list *l = &d->meta[order[k]];
        const char *t = l->n ? l->v[l->n - 1] : NULL;
        if (t && ws_fields_set(&f->title, t, strlen(t)))
            return;
    }
    title_from_tag(d, f);
    const char *h1 = first(d, M_H1);
    if (!f->title && h1)
        ws_fields_set(&f->title, h1, strlen(h1));
}

/* Whether candidate i of l was captured from an element that content
 * selection marked as boilerplate. */
static bool in_boilerplate(const ws_dom *d, const ws_meta_list *l, size_t i)
{
    uint32_t node = l->node[i];
    return node && d->boiler && node < d->n_nodes && d->boiler[node];
}

static void choose_date(const ws_dom *d, ws_fields *f)
{
    static const enum meta_key order[] = {M_LD_DATE,   M_DATE_PUBLISHED,
                                          M_DC_DATE,   M_META_DATE,
                                          M_TIME_TAG,  M_DATE_TEXT,
                                          M_BYLINE};
    for (size_t k = 0; k < WS_COUNT(order); k++) {
        const ws_meta_list *l = &d->meta[order[k]];
        for (size_t i = 0; i < l->n; i++) {
            char out[32];
            if (in_boilerplate(d, l, i))
                continue;
            if (ws_date_parse(l->v[i], strlen(l->v[i]), out)) {
                ws_fields_set(&f->date, out, strlen(out));
                return;
            }
        }
    }
}

static void choose_authors(const ws_dom *d, ws_fields *f)
{
    static const enum meta_key order[] = {M_LD_AUTHOR, M_DC_CREATOR,
                                          M_AUTHOR_META, M_BYLINE};
    for (size_t k = 0; k < WS_COUNT(order) && f->n_authors == 0; k++) {
        const ws_meta_list *l = &d->meta[order[k]];
        /* metadata lists every author; byline elements also occur in
         * comments and teasers, so only the first one that names someone
         * is the article's */
        for (size_t i = 0; i < l->n; i++) {
            if (in_boilerplate(d, l, i))
                continue;
            ws_fields_add_byline(f, l->v[i], strlen(l->v[i]));
            if (order[k] == M_BYLINE && f->n_authors)
                break;
        }
    }
}

static bool absolute_url(const char *u)
{
    return u && (strncmp(u, "http://", 7) == 0 ||
                 strncmp(u, "https://", 8) == 0);
}

static void choose_url_outlet(const ws_dom *d, ws_fields *f)
{
    const char *u = first(d, M_CANONICAL);
    if (!absolute_url(u))
        u = first(d, M_OG_URL);
    if (absolute_url(u))
        ws_fields_set(&f->url, u, strlen(u));

    static const enum meta_key order[] = {M_LD_PUBLISHER, M_SITE_NAME,
                                          M_APP_NAME};
    for (size_t k = 0; k < WS_COUNT(order); k++) {
        const char *o = first(d, order[k]);
        if (o && strlen(o) <= 100 && ws_fields_set(&f->outlet, o, strlen(o)))
            return;
    }
}

static void choose_language(const ws_dom *d, ws_fields *f)
{
    const char *l = first(d, M_LANG);
    if (!l)
        return;
    size_t n = 0;
    char code[4];
    while (l[n] && ws_is_alpha((unsigned char)l[n]) && n < 3) {
        code[n] = (char)ws_lower((unsigned char)l[n]);
        n++;
    }
    if ((n == 2 || n == 3) && !ws_is_alpha((unsigned char)l[n]))
        ws_fields_set(&f->language, code, n);
}

void ws_meta_choose(ws_dom *d, ws_fields *f)
{
    for (size_t off = 0; off < d->jsonld.len;) {
        const char *s = d->jsonld.data + off;
        size_t n = strlen(s);
        ws_jsonld_read(d, s, n);
        off += n + 1;
    }
    choose_title(d, f);
    choose_date(d, f);
    choose_authors(d, f);
    choose_url_outlet(d, f);
    choose_language(d, f);
}
