/* Main-content selection (boilerplate removal). Paragraph blocks vote for
 * their ancestors as in Readability (length, commas, class names); the best
 * container, corrected for link density, is widened to its ancestors and
 * siblings when they hold comparable content; then its blocks are filtered:
 * link lists, share/related/comment widgets, bylines, captions and UI
 * strings are dropped. */
#include "dom.h"

#include "../meta/lex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCORE_LEVELS 5
#define MIN_PARA_CHARS 25

static double link_density(const ws_node *n)
{
    return n->text_chars ? (double)n->link_chars / n->text_chars : 0.0;
}

static double class_weight(const ws_node *n)
{
    double w = 0;
    if (n->flags & N_POS)
        w += 25;
    if (n->flags & (N_NEG | N_STRONGNEG))
        w -= 25;
    if (n->flags & N_BODYPROP)
        w += 40;
    return w;
}

static double tag_weight(enum tag t)
{
    switch (t) {
    case TAG_DIV:
    case TAG_ARTICLE:
    case TAG_MAIN:
    case TAG_SECTION:
        return 5;
    case TAG_PRE:
    case TAG_TD:
    case TAG_BLOCKQUOTE:
        return 3;
    case TAG_ADDRESS:
    case TAG_OL:
    case TAG_UL:
    case TAG_DL:
    case TAG_DD:
    case TAG_DT:
    case TAG_LI:
    case TAG_FORM:
        return -3;
    case TAG_H1: case TAG_H2: case TAG_H3:
    case TAG_H4: case TAG_H5: case TAG_H6:
    case TAG_TH:
        return -5;
    default:
        return 0;
    }
}

/* A node whose own name or tag marks it as boilerplate. */
static bool is_bad(const ws_node *n)
{
    if (n->flags & N_BODYPROP)
        return false;
    if (n->flags & (N_STRONGNEG | N_HIDDEN))
        return true;
    return (n->flags & N_NEG) && !(n->flags & N_POS);
}

/* Short strings of site furniture that sit inside article containers,
 * folded (lower case, any script). */
static bool ui_string(const char *s, size_t n)
{
    static const char *const ui[] = {
        "advertisement", "advertising", "ad", "share", "share this",
        "share this article", "share on facebook", "share on twitter",
        "tweet", "email", "print", "comments", "comment", "read more",
        "read next", "related", "related articles", "related stories",
        "more", "next", "previous", "subscribe", "sign up", "log in",
        "close", "menu", "skip to content", "reprints", "see also",
        "continue reading", "show more", "sponsored", "sponsored content",
        "реклама",
        NULL};
    static const char *const ui_prefix[] = {
        "поділи",
        "подели",
        "читайте так",
        "комент",
        "коммент",
        NULL};
    if (n > 60)
        return false;
    char f[128];
    size_t m = ws_lex_fold(s, n, f, sizeof f);
    /* "- Реклама -", "Advertisement:", "[ad]": trim punctuation */
    size_t a = 0;
    while (a < m && !ws_is_alpha((unsigned char)f[a]) &&
           (unsigned char)f[a] < 0x80)
        a++;
    while (m > a && !ws_is_alpha((unsigned char)f[m - 1]) &&
           (unsigned char)f[m - 1] < 0x80)
        m--;
    for (size_t i = 0; ui[i]; i++)
        if (strlen(ui[i]) == m - a && memcmp(f + a, ui[i], m - a) == 0)
            return true;
    for (size_t i = 0; ui_prefix[i]; i++) {
        size_t k = strlen(ui_prefix[i]);
        if (m - a >= k && m - a < k + 20 && memcmp(f + a, ui_prefix[i], k) == 0)
            return true;
    }
    return false;
}

/* Markers of a line of article furniture: a date together with an author,
 * a view count or separators ("3 March 2025, 14:20 | Author: X | 1 284
 * views"). A body sentence that mentions a date has none of these. */
static bool info_marked(const char *s, size_t n)
{
    static const char *const marks[] = {
        "|", "•", "·", "author",
        "автор", "views", "перегляд", "просмотр", "posted", "updated",
        "published", "оновлено", "обновлено", "опубліковано",
        "опубликовано", "by ", NULL};
    char f[512];
    size_t m = ws_lex_fold(s, n, f, sizeof f);
    for (size_t i = 0; marks[i]; i++)
        if (ws_ascii_find(f, m, marks[i]))
            return true;
    return false;
}

/* Photo credits and caption labels that sit outside <figcaption>. */
static bool photo_credit(const char *s, size_t n)
{
    static const char *const marks[] = {
        "getty images", "shutterstock", "/ap", "/reuters", "/afp",
        "photo:", "photo by", "image:", "credit:", "photograph:",
        "фото:",
        NULL};
    if (ws_ascii_ieq(s, n, "caption") || ws_ascii_ieq(s, n, "hide caption") ||
        ws_ascii_ieq(s, n, "toggle caption"))
        return true;
    for (size_t i = 0; marks[i]; i++)
        if (ws_ascii_find(s, n, marks[i]))
            return true;
    return false;
}

static void add_score(ws_dom *d, uint32_t i, double v, bool *seen)
{
    ws_node *n = &d->nodes[i];
    if (!seen[i]) {
        seen[i] = true;
        n->score = tag_weight((enum tag)n->tag) + class_weight(n);
    }
    n->score += v;
}

static uint32_t pick_candidate(ws_dom *d, const bool *bad, bool *seen)
{
    for (size_t b = 0; b < d->n_blocks; b++) {
        const ws_block *bl = &d->blocks[b];
        if (bl->chars < MIN_PARA_CHARS || bad[bl->node] ||
            (bl->flags & (B_HEADING | B_CAPTION)))
            continue;
        double v = 1 + bl->commas + WS_MIN(floor(bl->chars / 100.0), 3.0);
        /* Paragraph elements vote for their parent; text sitting directly
         * in a container (Readability wraps it in a <p> first) votes for
         * that container. */
        uint32_t i = bl->node;
        switch (bl->tag) {
        case TAG_P: case TAG_PRE: case TAG_LI: case TAG_DD: case TAG_DT:
        case TAG_BLOCKQUOTE: case TAG_H1: case TAG_H2: case TAG_H3:
        case TAG_H4: case TAG_H5: case TAG_H6: case TAG_ADDRESS:
            i = d->nodes[bl->node].parent;
            break;
        default:
            break;
        }
        for (int level = 0; level < SCORE_LEVELS; level++) {
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3.0;
            add_score(d, i, v / div, seen);
            if (i == 0)
                break;
            i = d->nodes[i].parent;
        }
    }
    uint32_t best = 0;
    double best_score = -1e9;
    for (size_t i = 0; i < d->n_nodes; i++) {
        if (!seen[i])
            continue;
        ws_node *n = &d->nodes[i];
        n->score *= 1.0 - link_density(n);
        if (n->score > best_score) {
            best_score = n->score;
            best = (uint32_t)i;
        }
    }
    return best;
}

static bool contains(const ws_dom *d, uint32_t anc, uint32_t i)
{
    return i >= anc && i < d->nodes[anc].end;
}

/* Readability's widening steps: an ancestor shared by several near-best
 * candidates, and a parent that scores higher than the candidate. */
static uint32_t widen(ws_dom *d, uint32_t top, const bool *seen)
{
    double top_score = d->nodes[top].score;
    uint32_t alts[5];
    size_t n_alts = 0;
    for (size_t i = 0; i < d->n_nodes && n_alts < WS_COUNT(alts); i++)
        if (seen[i] && i != top && d->nodes[i].score >= 0.75 * top_score &&
            !contains(d, (uint32_t)i, top) && !contains(d, top, (uint32_t)i))
            alts[n_alts++] = (uint32_t)i;
    if (n_alts >= 2) {
        for (uint32_t a = d->nodes[top].parent; a != 0;
             a = d->nodes[a].parent) {
            size_t in = 0;
            for (size_t k = 0; k < n_alts; k++)
                in += contains(d, a, alts[k]);
            if (in >= 2) {
                top = a;
                break;
            }
        }
    }
    double last = d->nodes[top].score;
    double threshold = last / 3;
    for (uint32_t a = d->nodes[top].parent; a != 0; a = d->nodes[a].parent) {
        if (!seen[a])
            continue;
        double s = d->nodes[a].score;
        if (s < threshold)
            break;
        if (s > last) {
            top = a;
            break;
        }
        last = s;
    }
    /* a wrapper that holds nothing but the candidate says nothing new */
    while (top != 0) {
        uint32_t parent = d->nodes[top].parent;
        if (parent == 0 || d->nodes[parent].text_chars != d->nodes[top].text_chars)
            break;
        top = parent;
    }
    return top;
}

/* Inside the chosen element, a container the page itself names as the
 * article body (itemprop=articleBody, "entry-content" ...) that holds nearly
 * all its prose is the better root: what sits beside it is furniture. */
static uint32_t body_container(const ws_dom *d, uint32_t top, const bool *bad)
{
    uint32_t good = d->nodes[top].good_chars;
    if (good == 0 || (d->nodes[top].flags & N_BODYPROP))
        return top;
    /* sites that split the body into several such containers keep the
     * whole candidate */
    uint32_t found = 0, count = 0;
    for (uint32_t i = top + 1; i < d->nodes[top].end; i++) {
        const ws_node *n = &d->nodes[i];
        if ((n->flags & N_BODYPROP) && !bad[i] && n->good_chars > 0) {
            found = i;
            count++;
            i = n->end - 1; /* nested ones belong to this one */
        }
    }
    if (count == 1 && (double)d->nodes[found].good_chars >= 0.8 * good)
        return found;
    return top;
}

/* Whether the block may be output: no boilerplate element between it and
 * the selected root, and no link list around it. */
static bool keep_block(const ws_dom *d, const ws_block *b, uint32_t root,
                       const bool *own_bad, const char *text)
{
    if (ui_string(text + b->off, b->len))
        return false;
    if (b->flags & B_CAPTION)
        return false;
    /* a short line that is mostly a date is a byline or timestamp, and so
     * is a longer one with furniture markers; the date is parsed once */
    char date[32];
    if (b->chars < 200 &&
        (b->chars < 80 || info_marked(text + b->off, b->len)) &&
        ws_date_parse(text + b->off, b->len, date))
        return false;
    if (b->chars < 120 && photo_credit(text + b->off, b->len))
        return false;
    if (b->chars && (double)b->link_chars / b->chars > 0.5)
        return false;
    for (uint32_t i = b->node;; i = d->nodes[i].parent) {
        const ws_node *n = &d->nodes[i];
        if (i != root && own_bad[i])
            return false;
        if (i != root && (n->flags & N_BYLINE) && n->text_chars < 200)
            return false;
        if (i != root && (n->flags & N_DATE) && n->text_chars < 100)
            return false;
        /* link lists: menus, tag clouds, "more stories" */
        if (n->text_chars >= 1 && link_density(n) > 0.5 &&
            (n->tag == TAG_UL || n->tag == TAG_OL || n->tag == TAG_DIV ||
             n->tag == TAG_TABLE || n->tag == TAG_SECTION ||
             n->tag == TAG_LI || n->tag == TAG_P))
            return false;
        if (i == root || i == 0)
            break;
    }
    if (b->tag == TAG_H1)
        return false;
    return true;
}

ws_status ws_content_select(ws_dom *d, ws_fields *f)
{
    if (d->n_nodes == 0 || d->n_blocks == 0)
        return WS_OK;
    /* subtree text and link counts, children before parents */
    for (size_t b = 0; b < d->n_blocks; b++) {
        ws_node *n = &d->nodes[d->blocks[b].node];
        n->text_chars += d->blocks[b].chars;
        n->link_chars += d->blocks[b].link_chars;
        n->n_blocks++;
        const ws_block *bl = &d->blocks[b];
        if (bl->chars >= MIN_PARA_CHARS && bl->link_chars * 3 < bl->chars)
            n->good_chars += bl->chars;
    }
    for (size_t i = d->n_nodes; i-- > 1;) {
        ws_node *n = &d->nodes[i], *p = &d->nodes[n->parent];
        p->text_chars += n->text_chars;
        p->link_chars += n->link_chars;
        p->n_blocks += n->n_blocks;
        p->good_chars += n->good_chars;
    }
    bool *bad = ws_xcalloc(d->n_nodes, sizeof *bad);
    bool *seen = ws_xcalloc(d->n_nodes, sizeof *seen);
    bool *own_bad = ws_xcalloc(d->n_nodes, sizeof *own_bad);
    /* A boilerplate name on a wrapper that holds most of the page's prose
     * ("page has-sidebar", "single-post comments-open") says nothing about
     * the prose; boilerplate proper is small next to the article. */
    uint32_t total_good = d->nodes[0].good_chars;
    for (size_t i = 1; i < d->n_nodes; i++) {
        const ws_node *n = &d->nodes[i];
        bool wrapper = n->good_chars * 2 > total_good && total_good > 0;
        own_bad[i] = is_bad(n) && !wrapper;
        bad[i] = own_bad[i] || bad[n->parent];
    }

    uint32_t top = pick_candidate(d, bad, seen);
    top = widen(d, top, seen);

    /* siblings of the candidate with enough content join it */
    uint32_t parent = d->nodes[top].parent;
    double threshold = WS_MAX(10.0, d->nodes[top].score * 0.2);
    uint32_t roots[256];
    size_t n_roots = 0;
    if (top == 0) {
        roots[n_roots++] = 0;
    } else {
        for (uint32_t c = parent + 1; c < d->nodes[parent].end && n_roots < 256;
             c = d->nodes[c].end) {
            const ws_node *sn = &d->nodes[c];
            bool take = c == top;
            if (!take && !bad[c] && seen[c] && sn->score >= threshold)
                take = true;
            /* prose split across sibling containers (a widget between two
             * halves of the article) */
            if (!take && !bad[c] && link_density(sn) < 0.1 &&
                sn->good_chars >= 500 &&
                sn->good_chars * 4 >= d->nodes[top].good_chars)
                take = true;
            if (!take && !bad[c] && sn->tag == TAG_P && sn->text_chars > 0) {
                double ld = link_density(sn);
                take = (sn->text_chars > 80 && ld < 0.25) ||
                       (sn->text_chars > 40 && ld == 0);
            }
            if (take)
                roots[n_roots++] = c;
        }
    }

    if (n_roots == 1)
        roots[0] = top = body_container(d, top, bad);

    ws_status st = WS_OK;
    const char *text = ws_buf_cstr(&d->text);
    size_t r = 0;
    for (size_t b = 0; b < d->n_blocks && st == WS_OK; b++) {
        const ws_block *bl = &d->blocks[b];
        while (r < n_roots && bl->node >= d->nodes[roots[r]].end)
            r++;
        if (r == n_roots)
            break;
        if (!contains(d, roots[r], bl->node))
            continue;
        if (keep_block(d, bl, roots[r], own_bad, text))
            st = ws_fields_add_paragraph(f, text + bl->off, bl->len);
    }
    /* for metadata: what lies inside named boilerplate (comments, related
     * teasers), which is not the article's byline or date */
    for (size_t i = 1; i < d->n_nodes; i++) {
        const ws_node *n = &d->nodes[i];
        own_bad[i] = (n->flags & N_NAMEDNEG) && n->good_chars * 2 <= total_good;
        bad[i] = own_bad[i] || bad[n->parent];
    }
    d->boiler = bad;
    d->root = top;
    free(seen);
    free(own_bad);
    return st;
}
