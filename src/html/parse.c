/* The HTML tokenizer and light tree builder: one pass over the bytes that
 * follows the HTML5 tokenization rules closely enough for extraction (tags,
 * attributes, raw-text elements, comments, character references, implied end
 * tags) and records elements, text blocks and metadata candidates. No full
 * DOM is built: that is where the speed comes from. Depth, element and text
 * counts are capped, so deep nesting and huge pages cost linear time. */
#include "dom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 256
#define MAX_NODES (1u << 22)
#define MAX_BLOCKS (1u << 22)
#define MAX_ATTRS 32
#define CAPTURE_MAX 600

const unsigned char ws_tag_flags[TAG_COUNT] = {
#define TAG_FLAGS(name, str, flags) flags,
    TAG_LIST(TAG_FLAGS)
#undef TAG_FLAGS
};

static const char *const tag_names[TAG_COUNT] = {
#define TAG_NAME(name, str, flags) str,
    TAG_LIST(TAG_NAME)
#undef TAG_NAME
};

typedef struct slice {
    const char *p;
    size_t n;
} slice;

typedef struct attr {
    slice name, value;
} attr;

typedef struct open_elem {
    uint32_t node;
    uint16_t tag;
    uint32_t name_hash; /* for TAG_OTHER, to match its end tag */
} open_elem;

typedef struct parser {
    ws_dom *d;
    open_elem stack[MAX_DEPTH];
    size_t depth;
    uint32_t skip;  /* open elements whose content is never text */
    uint32_t links; /* open <a> elements */
    /* the text block being collected */
    bool in_block;
    bool space;
    uint32_t block_off, block_chars, block_links, block_commas;
    ws_buf tmp;
    /* text capture for bylines, dates and h1 */
    size_t capture_depth; /* stack depth of the captured element + 1 */
    enum meta_key capture_key;
    ws_buf capture;
} parser;

/* ------------------------------------------------------------------ */
/* tag lookup */

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ ws_lower((unsigned char)s[i])) * 16777619u;
    return h;
}

static enum tag lookup_tag(const char *s, size_t n)
{
    if (n == 0 || n > 10)
        return TAG_OTHER;
    /* A linear scan over ~90 names is cheap next to tokenising, and the
     * first-byte test rejects most of them. */
    unsigned char c = ws_lower((unsigned char)s[0]);
    for (int t = 1; t < TAG_COUNT; t++) {
        const char *name = tag_names[t];
        if ((unsigned char)name[0] == c && ws_ascii_ieq(s, n, name))
            return (enum tag)t;
    }
    return TAG_OTHER;
}

/* ------------------------------------------------------------------ */
/* model */

void ws_dom_init(ws_dom *d)
{
    memset(d, 0, sizeof *d);
    ws_arena_init(&d->arena);
    ws_buf_init(&d->text, 0);
    ws_buf_init(&d->jsonld, 4u << 20);
}

void ws_dom_cleanup(ws_dom *d)
{
    free(d->nodes);
    free(d->blocks);
    free(d->boiler);
    ws_buf_cleanup(&d->text);
    ws_buf_cleanup(&d->jsonld);
    ws_arena_cleanup(&d->arena);
}

int ws_dom_meta_add(ws_dom *d, enum meta_key k, const char *s, size_t n)
{
    ws_meta_list *l = &d->meta[k];
    if (l->n >= META_MAX_PER_KEY)
        return -1;
    /* collapse whitespace; values come from attributes and short texts */
    char *out = ws_arena_alloc(&d->arena, n + 1);
    size_t m = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ws_is_space(c) ||
            (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
            if (c == 0xC2)
                i++;
            space = m > 0;
            continue;
        }
        if (space)
            out[m++] = ' ';
        space = false;
        out[m++] = (char)c;
    }
    out[m] = '\0';
    if (m == 0)
        return -1;
    l->node[l->n] = 0;
    l->v[l->n] = out;
    return l->n++;
}

static uint32_t add_node(ws_dom *d, enum tag tag, uint32_t parent,
                         uint16_t depth, uint32_t flags)
{
    if (d->n_nodes == d->cap_nodes) {
        d->cap_nodes = d->cap_nodes ? d->cap_nodes * 2 : 256;
        d->nodes = ws_xrealloc(d->nodes, d->cap_nodes * sizeof *d->nodes);
    }
    uint32_t i = (uint32_t)d->n_nodes++;
    ws_node *nd = &d->nodes[i];
    memset(nd, 0, sizeof *nd);
    nd->parent = parent;
    nd->end = i + 1;
    nd->tag = (uint16_t)tag;
    nd->depth = depth;
    nd->flags = flags;
    return i;
}

/* ------------------------------------------------------------------ */
/* text blocks */

static uint32_t block_container(const parser *p)
{
    for (size_t i = p->depth; i-- > 0;)
        if (ws_tag_flags[p->stack[i].tag] & F_BLOCK)
            return p->stack[i].node;
    return p->depth ? p->stack[0].node : 0;
}

static void flush_block(parser *p)
{
    if (!p->in_block)
        return;
    p->in_block = false;
    ws_dom *d = p->d;
    uint32_t len = (uint32_t)(d->text.len - p->block_off);
    if (len == 0 || d->n_blocks >= MAX_BLOCKS)
        return;
    if (d->n_blocks == d->cap_blocks) {
        d->cap_blocks = d->cap_blocks ? d->cap_blocks * 2 : 256;
        d->blocks = ws_xrealloc(d->blocks, d->cap_blocks * sizeof *d->blocks);
    }
    ws_block *b = &d->blocks[d->n_blocks++];
    b->node = block_container(p);
    b->off = p->block_off;
    b->len = len;
    b->chars = p->block_chars;
    b->link_chars = p->block_links;
    b->commas = p->block_commas;
    b->tag = d->n_nodes ? d->nodes[b->node].tag : TAG_OTHER;
    b->flags = 0;
    for (size_t i = p->depth; i-- > 0;) {
        switch (p->stack[i].tag) {
        case TAG_H1: case TAG_H2: case TAG_H3:
        case TAG_H4: case TAG_H5: case TAG_H6:
            b->flags |= B_HEADING;
            break;
        case TAG_LI: case TAG_DD: case TAG_DT:
            b->flags |= B_LIST;
            break;
        case TAG_BLOCKQUOTE:
            b->flags |= B_QUOTE;
            break;
        case TAG_PRE:
            b->flags |= B_PRE;
            break;
        case TAG_TD: case TAG_TH:
            b->flags |= B_CELL;
            break;
        case TAG_FIGCAPTION: case TAG_CAPTION:
            b->flags |= B_CAPTION;
            break;
        default:
            break;
        }
    }
    if (d->nodes && (d->nodes[b->node].flags & N_CAPTION))
        b->flags |= B_CAPTION;
}

static void capture_text(parser *p, const char *s, size_t n)
{
    if (p->capture_depth && p->capture.len + n < CAPTURE_MAX)
        ws_buf_append(&p->capture, s, n);
}

/* Appends text to the current block, collapsing whitespace (NBSP too) and
 * counting characters, link characters and commas for the scorer. */
static void add_text(parser *p, const char *s, size_t n)
{
    if (p->skip)
        return;
    ws_buf *out = &p->d->text;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (ws_is_space(c) ||
            (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
            i += c == 0xC2 ? 2 : 1;
            p->space = true;
            continue;
        }
        size_t j = i;
        uint32_t chars = 0, commas = 0;
        while (j < n) {
            unsigned char b = (unsigned char)s[j];
            if (ws_is_space(b) ||
                (b == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
                break;
            chars += (b & 0xC0) != 0x80;
            commas += b == ',';
            j++;
        }
        if (!p->in_block) {
            p->in_block = true;
            p->block_off = (uint32_t)out->len;
            p->block_chars = p->block_links = p->block_commas = 0;
        } else if (p->space) {
            if (ws_buf_putc(out, ' ') != WS_OK)
                return;
            p->block_chars++;
            capture_text(p, " ", 1);
        }
        p->space = false;
        if (ws_buf_append(out, s + i, j - i) != WS_OK)
            return;
        capture_text(p, s + i, j - i);
        p->block_chars += chars;
        p->block_commas += commas;
        if (p->links)
            p->block_links += chars;
        i = j;
    }
    if (p->space && p->capture_depth && p->capture.len)
        capture_text(p, " ", 1);
}

static void text_run(parser *p, const char *s, size_t n)
{
    if (p->skip || n == 0)
        return;
    if (!memchr(s, '&', n)) {
        add_text(p, s, n);
        return;
    }
    ws_buf_clear(&p->tmp);
    ws_html_unescape(&p->tmp, s, n);
    add_text(p, p->tmp.data, p->tmp.len);
}

/* ------------------------------------------------------------------ */
/* element classification from attributes */

/* What a class or id name says about its element. Each pattern is matched
 * as a substring of the lower-cased names, or as a whole token (split on
 * space, '-' and '_') when marked TOKEN: "ad" must not match "header". */
enum name_kind {
    K_STRONG = 1 << 0,  /* boilerplate, whatever else the name says */
    K_WEAK = 1 << 1,    /* boilerplate unless it also says content */
    K_POS = 1 << 2,     /* content */
    K_BODY = 1 << 3,    /* the article body itself */
    K_BYLINE = 1 << 4,
    K_DATE = 1 << 5,
    K_CAPTION = 1 << 6,
    K_TOKEN = 1 << 7,   /* whole token only */
};

typedef struct name_pattern {
    const char *word;
    uint8_t kind;
} name_pattern;

static const name_pattern name_patterns[] = {
    /* never article text */
    {"comment", K_STRONG}, {"share", K_STRONG}, {"sharing", K_STRONG},
    {"social", K_STRONG}, {"related", K_STRONG}, {"newsletter", K_STRONG},
    {"subscri", K_STRONG}, {"signup", K_STRONG}, {"sign-up", K_STRONG},
    {"cookie", K_STRONG}, {"consent", K_STRONG}, {"gdpr", K_STRONG},
    {"popup", K_STRONG}, {"modal", K_STRONG}, {"outbrain", K_STRONG},
    {"taboola", K_STRONG}, {"recommend", K_STRONG}, {"promo", K_STRONG},
    {"advert", K_STRONG}, {"sponsor", K_STRONG}, {"breadcrumb", K_STRONG},
    {"sidebar", K_STRONG}, {"footer", K_STRONG}, {"most-popular", K_STRONG},
    {"mostpopular", K_STRONG}, {"trending", K_STRONG},
    {"read-more", K_STRONG}, {"readmore", K_STRONG},
    {"more-stories", K_STRONG}, {"disqus", K_STRONG},
    {"author-bio", K_STRONG}, {"authorbio", K_STRONG}, {"login", K_STRONG},
    {"toolbar", K_STRONG}, {"jump-link", K_STRONG}, {"skip-link", K_STRONG},
    {"screen-reader", K_STRONG}, {"sr-only", K_STRONG},
    {"visually-hidden", K_STRONG}, {"print-only", K_STRONG},
    {"subnav", K_STRONG}, {"further-reading", K_STRONG},
    {"see-also", K_STRONG}, {"rss", K_STRONG}, {"inline-ad", K_STRONG},
    {"ad-slot", K_STRONG}, {"ad-container", K_STRONG}, {"adslot", K_STRONG},
    {"adsbygoogle", K_STRONG}, {"dfp", K_STRONG}, {"teaser", K_STRONG},
    {"donate", K_STRONG}, {"ad", K_STRONG | K_TOKEN}, {"-ad-", K_STRONG},
    {"adblock", K_STRONG}, {"adspot", K_STRONG}, {"adunit", K_STRONG},
    {"ad-unit", K_STRONG}, {"ad-wrap", K_STRONG},
    {"ads", K_STRONG | K_TOKEN}, {"nav", K_STRONG | K_TOKEN},
    {"hidden", K_STRONG | K_TOKEN}, {"hide", K_STRONG | K_TOKEN},
    {"more-from", K_STRONG}, {"also-read", K_STRONG},
    {"read-also", K_STRONG}, {"you-may", K_STRONG}, {"youmay", K_STRONG},
    {"post-nav", K_STRONG}, {"author-box", K_STRONG},
    {"about-author", K_STRONG}, {"recent", K_WEAK}, {"excerpt", K_WEAK},
    /* boilerplate unless the name also says content ("article-meta" is
     * content's furniture, "main-menu" is not content) */
    {"menu", K_WEAK}, {"banner", K_WEAK}, {"masthead", K_WEAK},
    {"widget", K_WEAK}, {"pagination", K_WEAK}, {"pager", K_WEAK},
    {"meta", K_WEAK}, {"header", K_WEAK}, {"combx", K_WEAK},
    {"shoutbox", K_WEAK}, {"skyscraper", K_WEAK}, {"extra", K_WEAK},
    {"tools", K_WEAK}, {"utility", K_WEAK}, {"navbar", K_WEAK},
    {"navigation", K_WEAK}, {"tag-", K_WEAK}, {"tags", K_WEAK},
    {"keywords", K_WEAK}, {"topics", K_WEAK}, {"byline", K_WEAK | K_BYLINE},
    {"author", K_WEAK}, {"dateline", K_WEAK | K_DATE},
    {"timestamp", K_WEAK | K_DATE}, {"published", K_WEAK},
    {"updated", K_WEAK}, {"headline", K_WEAK}, {"top-stories", K_WEAK},
    {"aside", K_WEAK}, {"nav-", K_WEAK}, {"-nav", K_WEAK},
    /* content */
    {"article", K_POS}, {"content", K_POS}, {"entry", K_POS},
    {"hentry", K_POS}, {"post", K_POS}, {"story", K_POS}, {"body", K_POS},
    {"text", K_POS}, {"main", K_POS}, {"blog", K_POS}, {"prose", K_POS},
    {"rich-text", K_POS},
    /* the body container names CMSs use */
    {"articlebody", K_BODY}, {"article-body", K_BODY},
    {"article__body", K_BODY}, {"article_body", K_BODY},
    {"story-body", K_BODY}, {"storybody", K_BODY}, {"story__body", K_BODY},
    {"post-body", K_BODY}, {"postbody", K_BODY}, {"entry-content", K_BODY},
    {"post-content", K_BODY}, {"article-content", K_BODY},
    {"article__content", K_BODY}, {"article-text", K_BODY},
    {"articletext", K_BODY}, {"story-content", K_BODY},
    {"post__content", K_BODY}, {"body-text", K_BODY}, {"bodytext", K_BODY},
    {"article-main", K_BODY}, {"news-text", K_BODY}, {"news_text", K_BODY},
    {"text-content", K_BODY}, {"c-entry-content", K_BODY},
    {"article-txt", K_BODY},
    /* bylines, dates, captions */
    {"author", K_BYLINE | K_TOKEN}, {"author-name", K_BYLINE},
    {"authorname", K_BYLINE}, {"writer", K_BYLINE | K_TOKEN},
    {"date", K_DATE | K_TOKEN}, {"time", K_DATE | K_TOKEN},
    {"pubdate", K_DATE}, {"publish-date", K_DATE},
    {"published-date", K_DATE}, {"date-published", K_DATE},
    {"publishdate", K_DATE}, {"publication-date", K_DATE},
    {"post-date", K_DATE}, {"entry-date", K_DATE}, {"article-date", K_DATE},
    {"caption", K_CAPTION},
    {"credit", K_CAPTION | K_TOKEN},
};

static bool token_edge(const char *s, size_t n, size_t i)
{
    return i >= n || s[i] == ' ' || s[i] == '-' || s[i] == '_';
}

/* Patterns grouped by first byte, built once (threads may share it). */
static uint8_t pattern_first[256][2]; /* byte -> [begin, end) in order */
static uint8_t pattern_order[WS_COUNT(name_patterns)];
static uint8_t pattern_len[WS_COUNT(name_patterns)];
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void index_patterns(void)
{
    size_t k = 0;
    for (int c = 0; c < 256; c++) {
        pattern_first[c][0] = (uint8_t)k;
        for (size_t i = 0; i < WS_COUNT(name_patterns); i++)
            if ((unsigned char)name_patterns[i].word[0] == c)
                pattern_order[k++] = (uint8_t)i;
        pattern_first[c][1] = (uint8_t)k;
    }
    for (size_t i = 0; i < WS_COUNT(name_patterns); i++)
        pattern_len[i] = (uint8_t)strlen(name_patterns[i].word);
}

static uint32_t classify_names(const char *s, size_t n)
{
    /* Lower-case once, then try at each position only the patterns that
     * start with that byte: this runs for every element of every page. */
    pthread_once(&patterns_once, index_patterns);
    char low[512];
    n = WS_MIN(n, sizeof low);
    for (size_t i = 0; i < n; i++)
        low[i] = (char)ws_lower((unsigned char)s[i]);
    unsigned kinds = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)low[i];
        for (unsigned k = pattern_first[c][0]; k < pattern_first[c][1]; k++) {
            const name_pattern *pt = &name_patterns[pattern_order[k]];
            size_t m = pattern_len[pattern_order[k]];
            if (i + m > n || (m > 1 && low[i + 1] != pt->word[1]) ||
                memcmp(low + i, pt->word, m) != 0)
                continue;
            if ((pt->kind & K_TOKEN) &&
                !((i == 0 || token_edge(low, n, i - 1)) &&
                  token_edge(low, n, i + m)))
                continue;
            kinds |= pt->kind;
        }
    }
    uint32_t f = 0;
    if (kinds & K_STRONG)
        f |= N_STRONGNEG;
    if (kinds & K_WEAK)
        f |= N_NEG;
    if (kinds & K_POS)
        f |= N_POS;
    if (kinds & K_BODY)
        f |= N_BODYPROP;
    if (kinds & K_BYLINE)
        f |= N_BYLINE;
    if (kinds & K_DATE)
        f |= N_DATE;
    if (kinds & K_CAPTION)
        f |= N_CAPTION;
    if ((f & N_BODYPROP) && !(f & N_STRONGNEG))
        f &= ~(uint32_t)N_NEG;
    return f;
}

static size_t id_words(const slice *id)
{
    size_t words = 1;
    for (size_t i = 0; i < id->n; i++)
        words += id->p[i] == '-' || id->p[i] == '_' || id->p[i] == ' ';
    return words;
}

static const slice *find_attr(const attr *a, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (ws_ascii_ieq(a[i].name.p, a[i].name.n, name))
            return &a[i].value;
    return NULL;
}

static bool slice_is(const slice *s, const char *lit)
{
    if (!s)
        return false;
    /* attribute values may carry stray spaces */
    const char *p = s->p;
    size_t n = s->n;
    while (n && ws_is_space((unsigned char)*p))
        p++, n--;
    while (n && ws_is_space((unsigned char)p[n - 1]))
        n--;
    return ws_ascii_ieq(p, n, lit);
}

/* Adds the decoded attribute value as a metadata candidate. */
static void meta_attr(parser *p, enum meta_key k, const slice *v)
{
    if (!v || v->n == 0 || v->n > 4096)
        return;
    ws_buf_clear(&p->tmp);
    ws_html_unescape(&p->tmp, v->p, v->n);
    ws_dom_meta_add(p->d, k, p->tmp.data, p->tmp.len);
}

/* <meta name|property|itemprop=... content=...>: the keys Readability,
 * trafilatura and news crawlers read for title, author, date and site. */
static void meta_tag(parser *p, const attr *a, size_t n)
{
    const slice *content = find_attr(a, n, "content");
    if (!content)
        return;
    const slice *keys[3] = {find_attr(a, n, "property"),
                            find_attr(a, n, "name"),
                            find_attr(a, n, "itemprop")};
    for (int k = 0; k < 3; k++) {
        const slice *key = keys[k];
        if (!key || key->n == 0 || key->n > 64)
            continue;
        char name[72];
        size_t m = 0;
        for (size_t i = 0; i < key->n; i++)
            name[m++] = ws_is_space((unsigned char)key->p[i])
                            ? ' '
                            : (char)ws_lower((unsigned char)key->p[i]);
        name[m] = '\0';
        /* properties may list several names: "og:title twitter:title" */
        static const struct {
            const char *name;
            enum meta_key key;
        } map[] = {
            {"og:title", M_OG_TITLE},
            {"twitter:title", M_TW_TITLE},
            {"dc.title", M_DC_TITLE},
            {"dc:title", M_DC_TITLE},
            {"dcterms.title", M_DC_TITLE},
            {"dcterm:title", M_DC_TITLE},
            {"title", M_META_TITLE},
            {"citation_title", M_META_TITLE},
            {"parsely-title", M_META_TITLE},
            {"headline", M_META_TITLE},
            {"og:site_name", M_SITE_NAME},
            {"application-name", M_APP_NAME},
            {"publisher", M_APP_NAME},
            {"author", M_AUTHOR_META},
            {"article:author", M_AUTHOR_META},
            {"parsely-author", M_AUTHOR_META},
            {"citation_author", M_AUTHOR_META},
            {"sailthru.author", M_AUTHOR_META},
            {"byl", M_AUTHOR_META},
            {"dc.creator", M_DC_CREATOR},
            {"dc:creator", M_DC_CREATOR},
            {"dcterms.creator", M_DC_CREATOR},
            {"dcterm:creator", M_DC_CREATOR},
            {"article:published_time", M_DATE_PUBLISHED},
            {"article:published", M_DATE_PUBLISHED},
            {"datepublished", M_DATE_PUBLISHED},
            {"og:published_time", M_DATE_PUBLISHED},
            {"parsely-pub-date", M_DATE_PUBLISHED},
            {"dc.date", M_DC_DATE},
            {"dc:date", M_DC_DATE},
            {"dcterms.date", M_DC_DATE},
            {"dcterms.created", M_DC_DATE},
            {"dc.date.issued", M_DC_DATE},
            {"dcterms.issued", M_DC_DATE},
            {"citation_publication_date", M_META_DATE},
            {"citation_date", M_META_DATE},
            {"pubdate", M_META_DATE},
            {"publishdate", M_META_DATE},
            {"publish-date", M_META_DATE},
            {"publish_date", M_META_DATE},
            {"date", M_META_DATE},
            {"sailthru.date", M_META_DATE},
            {"article.published", M_META_DATE},
            {"og:url", M_OG_URL},
        };
        char *save = NULL;
        for (char *tok = strtok_r(name, " ", &save); tok;
             tok = strtok_r(NULL, " ", &save)) {
            for (size_t j = 0; j < WS_COUNT(map); j++)
                if (strcmp(tok, map[j].name) == 0)
                    meta_attr(p, map[j].key, content);
        }
    }
}

/* ------------------------------------------------------------------ */
/* tree building */

static void pop_one(parser *p)
{
    open_elem *e = &p->stack[p->depth - 1];
    ws_dom *d = p->d;
    ws_node *nd = &d->nodes[e->node];
    nd->end = (uint32_t)d->n_nodes;
    /* the block belongs to the element being closed: flush before popping */
    if (ws_tag_flags[e->tag] & F_BLOCK)
        flush_block(p);
    p->depth--;
    if (e->tag == TAG_A && p->links)
        p->links--;
    if ((nd->flags & N_SKIP) &&
        (e->node == 0 || !(d->nodes[nd->parent].flags & N_SKIP)))
        p->skip--;
    if (p->capture_depth == p->depth + 1) {
        int slot = ws_dom_meta_add(d, p->capture_key,
                                   p->capture.data ? p->capture.data : "",
                                   p->capture.len);
        if (slot >= 0)
            d->meta[p->capture_key].node[slot] = e->node;
        p->capture_depth = 0;
    }
}

static void pop_to(parser *p, size_t depth)
{
    while (p->depth > depth)
        pop_one(p);
}

/* Index in the stack of the nearest open element with tag t, searching down
 * to (not past) one of the boundary tags; -1 when none. */
static long find_open(const parser *p, enum tag t, const enum tag *stop,
                      size_t n_stop)
{
    for (size_t i = p->depth; i-- > 0;) {
        enum tag cur = p->stack[i].tag;
        if (cur == t)
            return (long)i;
        for (size_t k = 0; k < n_stop; k++)
            if (cur == stop[k])
                return -1;
    }
    return -1;
}

static const enum tag scope_stop[] = {TAG_TABLE, TAG_TD, TAG_TH, TAG_BUTTON,
                                      TAG_HTML, TAG_CAPTION, TAG_TEMPLATE,
                                      TAG_OBJECT};

static void close_if_open(parser *p, enum tag t, const enum tag *stop,
                          size_t n_stop)
{
    long i = find_open(p, t, stop, n_stop);
    if (i >= 0)
        pop_to(p, (size_t)i);
}

/* The end tags HTML implies when a start tag arrives. */
static void implied_ends(parser *p, enum tag t)
{
    unsigned fl = ws_tag_flags[t];
    if ((fl & F_BLOCK) && t != TAG_LI && t != TAG_DD && t != TAG_DT &&
        t != TAG_TD && t != TAG_TH && t != TAG_TR && t != TAG_TBODY &&
        t != TAG_THEAD && t != TAG_TFOOT && t != TAG_CAPTION &&
        t != TAG_HTML && t != TAG_BODY && t != TAG_HEAD && t != TAG_TITLE &&
        t != TAG_FORM && t != TAG_SELECT && t != TAG_TEMPLATE)
        close_if_open(p, TAG_P, scope_stop, WS_COUNT(scope_stop));
    switch (t) {
    case TAG_LI: {
        static const enum tag stop[] = {TAG_UL, TAG_OL, TAG_MENU, TAG_TABLE,
                                        TAG_TD, TAG_TH, TAG_HTML};
        close_if_open(p, TAG_LI, stop, WS_COUNT(stop));
        close_if_open(p, TAG_P, scope_stop, WS_COUNT(scope_stop));
        break;
    }
    case TAG_DD:
    case TAG_DT: {
        static const enum tag stop[] = {TAG_DL, TAG_TABLE, TAG_HTML};
        close_if_open(p, TAG_DD, stop, WS_COUNT(stop));
        close_if_open(p, TAG_DT, stop, WS_COUNT(stop));
        break;
    }
    case TAG_TR: {
        static const enum tag stop[] = {TAG_TABLE, TAG_HTML};
        close_if_open(p, TAG_TR, stop, WS_COUNT(stop));
        break;
    }
    case TAG_TD:
    case TAG_TH: {
        static const enum tag stop[] = {TAG_TR, TAG_TABLE, TAG_HTML};
        close_if_open(p, TAG_TD, stop, WS_COUNT(stop));
        close_if_open(p, TAG_TH, stop, WS_COUNT(stop));
        break;
    }
    case TAG_TBODY:
    case TAG_THEAD:
    case TAG_TFOOT: {
        static const enum tag stop[] = {TAG_TABLE, TAG_HTML};
        close_if_open(p, TAG_TBODY, stop, WS_COUNT(stop));
        close_if_open(p, TAG_THEAD, stop, WS_COUNT(stop));
        close_if_open(p, TAG_TFOOT, stop, WS_COUNT(stop));
        break;
    }
    case TAG_H1: case TAG_H2: case TAG_H3:
    case TAG_H4: case TAG_H5: case TAG_H6:
        if (p->depth && (ws_tag_flags[p->stack[p->depth - 1].tag] & F_HEAD))
            pop_to(p, p->depth - 1);
        break;
    case TAG_OPTION:
        if (p->depth && p->stack[p->depth - 1].tag == TAG_OPTION)
            pop_to(p, p->depth - 1);
        break;
    case TAG_A: {
        static const enum tag stop[] = {TAG_HTML, TAG_TD, TAG_TH, TAG_TABLE};
        close_if_open(p, TAG_A, stop, WS_COUNT(stop));
        break;
    }
    default:
        break;
    }
}

static void start_capture(parser *p, enum meta_key k)
{
    /* a byline inside a date-classed wrapper is worth more than the
     * wrapper's text */
    if (p->capture_depth && !(k == M_BYLINE && p->capture_key == M_DATE_TEXT))
        return;
    if (p->skip)
        return;
    p->capture_depth = p->depth; /* depth after push == index + 1 */
    p->capture_key = k;
    ws_buf_clear(&p->capture);
}

static void start_tag(parser *p, enum tag t, const char *name, size_t name_n,
                      const attr *a, size_t n_attr, bool self_closing)
{
    ws_dom *d = p->d;
    unsigned fl = ws_tag_flags[t];

    switch (t) {
    case TAG_META:
        meta_tag(p, a, n_attr);
        return;
    case TAG_LINK: {
        const slice *rel = find_attr(a, n_attr, "rel");
        if (slice_is(rel, "canonical"))
            meta_attr(p, M_CANONICAL, find_attr(a, n_attr, "href"));
        return;
    }
    case TAG_HTML: {
        const slice *lang = find_attr(a, n_attr, "lang");
        if (!lang)
            lang = find_attr(a, n_attr, "xml:lang");
        meta_attr(p, M_LANG, lang);
        if (p->depth)
            return;
        break;
    }
    case TAG_BODY:
    case TAG_HEAD:
        if (find_open(p, t, NULL, 0) >= 0)
            return;
        break;
    default:
        break;
    }

    implied_ends(p, t);
    if (fl & F_BLOCK || t == TAG_BR)
        flush_block(p);
    if (t == TAG_BR || t == TAG_HR) {
        if (t == TAG_BR)
            flush_block(p);
        return;
    }
    if (fl & F_VOID)
        return;
    /* "<x/>" closes at once only for foreign and unknown elements; HTML
     * elements ignore the slash, as browsers do. */
    if (self_closing && (t == TAG_OTHER || t == TAG_SVG || t == TAG_MATH))
        return;
    if (p->depth >= MAX_DEPTH || d->n_nodes >= MAX_NODES)
        return;

    uint32_t parent = p->depth ? p->stack[p->depth - 1].node : 0;
    uint32_t inherited = p->depth ? (d->nodes[parent].flags & N_SKIP) : 0;
    uint32_t flags = inherited;
    if (fl & F_SKIP)
        flags |= N_SKIP;
    if (fl & F_BOILER)
        flags |= N_NEG;

    const slice *cls = NULL, *id = NULL;
    for (size_t i = 0; i < n_attr; i++) {
        const slice *nm = &a[i].name, *v = &a[i].value;
        switch (nm->n) {
        case 2:
            if (ws_ascii_ieq(nm->p, 2, "id"))
                id = v;
            break;
        case 4:
            if (ws_ascii_ieq(nm->p, 4, "role")) {
                if (slice_is(v, "navigation") || slice_is(v, "banner") ||
                    slice_is(v, "contentinfo") || slice_is(v, "menu") ||
                    slice_is(v, "menubar") || slice_is(v, "complementary") ||
                    slice_is(v, "dialog") || slice_is(v, "alertdialog") ||
                    slice_is(v, "alert"))
                    flags |= N_STRONGNEG;
                else if (slice_is(v, "main") || slice_is(v, "article"))
                    flags |= N_POS;
            }
            break;
        case 3:
            if (ws_ascii_ieq(nm->p, 3, "rel") && slice_is(v, "author"))
                flags |= N_BYLINE;
            break;
        case 5:
            if (ws_ascii_ieq(nm->p, 5, "class"))
                cls = v;
            else if (ws_ascii_ieq(nm->p, 5, "style") && v->n < 4096) {
                if (ws_ascii_find(v->p, v->n, "display:none") ||
                    ws_ascii_find(v->p, v->n, "display: none") ||
                    ws_ascii_find(v->p, v->n, "visibility:hidden") ||
                    ws_ascii_find(v->p, v->n, "visibility: hidden"))
                    flags |= N_HIDDEN | N_SKIP;
            }
            break;
        case 6:
            if (ws_ascii_ieq(nm->p, 6, "hidden"))
                flags |= N_HIDDEN | N_SKIP;
            break;
        case 8:
            if (ws_ascii_ieq(nm->p, 8, "itemprop")) {
                if (ws_ascii_find(v->p, v->n, "articlebody") ||
                    slice_is(v, "text") || slice_is(v, "reviewBody"))
                    flags |= N_BODYPROP;
                else if (ws_ascii_find(v->p, v->n, "author") ||
                         ws_ascii_find(v->p, v->n, "creator"))
                    flags |= N_BYLINE;
                else if (ws_ascii_find(v->p, v->n, "datepublished"))
                    flags |= N_DATE;
            }
            break;
        case 11:
            if (ws_ascii_ieq(nm->p, 11, "aria-hidden") && slice_is(v, "true"))
                flags |= N_HIDDEN | N_SKIP;
            break;
        default:
            break;
        }
    }
    /* <html> and <body> classes describe the page template, not a part */
    if (cls && t != TAG_BODY && t != TAG_HTML)
        flags |= classify_names(cls->p, cls->n);
    /* ids that are slugs of a heading ("sharing-with-a-single-developer")
     * are prose, not a component name: only short ids are read */
    if (id && t != TAG_BODY && t != TAG_HTML && id_words(id) <= 3)
        flags |= classify_names(id->p, id->n);
    if (flags & N_STRONGNEG)
        flags |= N_NAMEDNEG;
    /* an articleBody wins over the names around it */
    if (flags & N_BODYPROP)
        flags &= ~(uint32_t)(N_NEG | N_STRONGNEG | N_NAMEDNEG);
    if (t == TAG_HEADER || t == TAG_FOOTER || t == TAG_NAV || t == TAG_ASIDE)
        flags |= N_STRONGNEG;
    if (t == TAG_FIGCAPTION)
        flags |= N_CAPTION;

    uint32_t idx = add_node(d, t, parent, (uint16_t)p->depth, flags);
    if (d->n_nodes == 1)
        d->nodes[0].parent = 0;
    if ((flags & N_SKIP) && !inherited)
        p->skip++;
    p->stack[p->depth].node = idx;
    p->stack[p->depth].tag = (uint16_t)t;
    p->stack[p->depth].name_hash = t == TAG_OTHER ? name_hash(name, name_n) : 0;
    p->depth++;
    if (t == TAG_A)
        p->links++;

    if (t == TAG_TIME) {
        const slice *dt = find_attr(a, n_attr, "datetime");
        if (dt)
            meta_attr(p, (flags & N_DATE) ? M_DATE_PUBLISHED : M_TIME_TAG, dt);
        else if (flags & N_DATE)
            start_capture(p, M_DATE_TEXT);
    } else if (t == TAG_H1) {
        start_capture(p, M_H1);
    } else if (flags & N_BYLINE) {
        start_capture(p, M_BYLINE);
    } else if ((flags & N_DATE) && !(flags & N_SKIP)) {
        const slice *c = find_attr(a, n_attr, "content");
        if (!c)
            c = find_attr(a, n_attr, "datetime");
        if (c)
            meta_attr(p, M_DATE_PUBLISHED, c);
        else
            start_capture(p, M_DATE_TEXT);
    }
}

static void end_tag(parser *p, enum tag t, const char *name, size_t n)
{
    if (t == TAG_BR) {
        flush_block(p);
        return;
    }
    if (t == TAG_P && find_open(p, TAG_P, scope_stop, WS_COUNT(scope_stop)) < 0)
        return;
    uint32_t h = t == TAG_OTHER ? name_hash(name, n) : 0;
    for (size_t i = p->depth; i-- > 0;) {
        if (p->stack[i].tag == t && p->stack[i].name_hash == h) {
            pop_to(p, i);
            return;
        }
        /* an unmatched inline end tag must not close block structure */
        if (!(ws_tag_flags[t] & F_BLOCK) &&
            (ws_tag_flags[p->stack[i].tag] & F_BLOCK) &&
            p->stack[i].tag != TAG_P)
            return;
    }
}

/* ------------------------------------------------------------------ */
/* tokenizer */

/* Finds "</name" followed by a delimiter, case-insensitively, from s[i]. */
static size_t find_end_tag(const char *s, size_t n, size_t i, const char *name)
{
    size_t m = strlen(name);
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return n;
        size_t k = (size_t)(lt - s);
        if (k + 2 + m <= n && s[k + 1] == '/' &&
            ws_ascii_ieq(s + k + 2, m, name) &&
            (k + 2 + m == n || ws_is_space((unsigned char)s[k + 2 + m]) ||
             s[k + 2 + m] == '>' || s[k + 2 + m] == '/'))
            return k;
        i = k + 1;
    }
    return n;
}

static void raw_text(parser *p, enum tag t, const attr *a, size_t n_attr,
                     const char *s, size_t n)
{
    if (t == TAG_TITLE) {
        if (p->skip || p->d->meta[M_TITLE_TAG].n)
            return;
        ws_buf_clear(&p->tmp);
        ws_html_unescape(&p->tmp, s, WS_MIN(n, (size_t)4096));
        ws_dom_meta_add(p->d, M_TITLE_TAG, p->tmp.data, p->tmp.len);
    } else if (t == TAG_SCRIPT) {
        const slice *type = find_attr(a, n_attr, "type");
        if (type && ws_ascii_find(type->p, type->n, "ld+json") &&
            ws_buf_append(&p->d->jsonld, s, n) == WS_OK)
            ws_buf_putc(&p->d->jsonld, '\0');
    }
}

void ws_dom_parse(ws_dom *d, const char *s, size_t n)
{
    parser *p = ws_xcalloc(1, sizeof *p);
    p->d = d;
    ws_buf_init(&p->tmp, 0);
    ws_buf_init(&p->capture, CAPTURE_MAX + 8);
    ws_buf_reserve(&d->text, n / 4);
    attr attrs[MAX_ATTRS];

    /* a synthetic root, so every element has a parent */
    add_node(d, TAG_OTHER, 0, 0, 0);
    p->stack[0].node = 0;
    p->stack[0].tag = TAG_OTHER;
    p->stack[0].name_hash = 1;
    p->depth = 1;

    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t k = lt ? (size_t)(lt - s) : n;
        text_run(p, s + i, k - i);
        if (k >= n)
            break;
        i = k;
        unsigned char c = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (c == '!') {
            if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
                /* a comment ends at the first "-->" (or "<!-->") */
                size_t j = i + 4, e = n;
                while (j < n) {
                    const char *q = memchr(s + j, '>', n - j);
                    if (!q)
                        break;
                    size_t qi = (size_t)(q - s);
                    if (qi >= i + 4 && s[qi - 1] == '-' && s[qi - 2] == '-') {
                        e = qi;
                        break;
                    }
                    j = qi + 1;
                }
                i = e == n ? n : e + 1;
            } else if (i + 9 <= n && memcmp(s + i + 2, "[CDATA[", 7) == 0) {
                size_t j = i + 9, e = n;
                for (; j + 2 < n; j++)
                    if (s[j] == ']' && s[j + 1] == ']' && s[j + 2] == '>') {
                        e = j;
                        break;
                    }
                i = e == n ? n : e + 3;
            } else {
                const char *q = memchr(s + i, '>', n - i);
                i = q ? (size_t)(q - s) + 1 : n;
            }
            continue;
        }
        if (c == '?') {
            const char *q = memchr(s + i, '>', n - i);
            i = q ? (size_t)(q - s) + 1 : n;
            continue;
        }
        bool end = c == '/';
        size_t j = i + 1 + end;
        if (j >= n || !ws_is_alpha((unsigned char)s[j])) {
            if (end) { /* "</>" or "</ 3" is a bogus comment */
                const char *q = memchr(s + i, '>', n - i);
                i = q ? (size_t)(q - s) + 1 : n;
            } else {
                text_run(p, "<", 1);
                i++;
            }
            continue;
        }
        size_t name_start = j;
        while (j < n && !ws_is_space((unsigned char)s[j]) && s[j] != '>' &&
               s[j] != '/')
            j++;
        const char *name = s + name_start;
        size_t name_n = j - name_start;
        enum tag t = lookup_tag(name, name_n);

        /* attributes */
        size_t n_attr = 0;
        bool self_closing = false;
        while (j < n && s[j] != '>') {
            unsigned char ch = (unsigned char)s[j];
            if (ws_is_space(ch)) {
                j++;
                continue;
            }
            if (ch == '/') {
                self_closing = j + 1 < n && s[j + 1] == '>';
                j++;
                continue;
            }
            size_t an = j;
            j++; /* a name may start with '=' */
            while (j < n && !ws_is_space((unsigned char)s[j]) && s[j] != '=' &&
                   s[j] != '>' && s[j] != '/')
                j++;
            slice aname = {s + an, j - an}, aval = {s + j, 0};
            while (j < n && ws_is_space((unsigned char)s[j]))
                j++;
            if (j < n && s[j] == '=') {
                j++;
                while (j < n && ws_is_space((unsigned char)s[j]))
                    j++;
                if (j < n && (s[j] == '"' || s[j] == '\'')) {
                    char qch = s[j++];
                    const char *q = memchr(s + j, qch, n - j);
                    size_t ve = q ? (size_t)(q - s) : n;
                    aval.p = s + j;
                    aval.n = ve - j;
                    j = q ? ve + 1 : n;
                } else {
                    size_t vs = j;
                    while (j < n && !ws_is_space((unsigned char)s[j]) &&
                           s[j] != '>')
                        j++;
                    aval.p = s + vs;
                    aval.n = j - vs;
                }
            }
            if (n_attr < MAX_ATTRS && !end) {
                attrs[n_attr].name = aname;
                attrs[n_attr].value = aval;
                n_attr++;
            }
        }
        i = j < n ? j + 1 : n;
        if (end) {
            end_tag(p, t, name, name_n);
            continue;
        }
        if ((ws_tag_flags[t] & F_RAW) && !self_closing) {
            const char *raw_name = tag_names[t];
            size_t e = find_end_tag(s, n, i, raw_name);
            if (t == TAG_PLAINTEXT)
                e = n;
            raw_text(p, t, attrs, n_attr, s + i, e - i);
            if (ws_tag_flags[t] & F_BLOCK)
                flush_block(p);
            const char *q = e < n ? memchr(s + e, '>', n - e) : NULL;
            i = q ? (size_t)(q - s) + 1 : n;
            continue;
        }
        start_tag(p, t, name, name_n, attrs, n_attr, self_closing);
    }
    pop_to(p, 1);
    d->nodes[0].end = (uint32_t)d->n_nodes;
    flush_block(p);
    ws_buf_cleanup(&p->tmp);
    ws_buf_cleanup(&p->capture);
    free(p);
}
