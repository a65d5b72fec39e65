/* The light document model the HTML reader builds instead of a full DOM:
 * elements in document (preorder) order with their subtree range, and text
 * blocks (paragraph-level runs of text) pointing at their innermost block
 * element. Content selection scores elements through their blocks. */
#ifndef WS_HTML_DOM_H
#define WS_HTML_DOM_H

#include "../meta/meta.h"

#define TAG_LIST(X)                                                            \
    X(OTHER, "", 0) X(HTML, "html", F_BLOCK) X(HEAD, "head", F_BLOCK)          \
    X(BODY, "body", F_BLOCK) X(TITLE, "title", F_RAW)            \
    X(META, "meta", F_VOID) X(LINK, "link", F_VOID) X(BASE, "base", F_VOID)    \
    X(SCRIPT, "script", F_RAW | F_SKIP) X(STYLE, "style", F_RAW | F_SKIP)      \
    X(NOSCRIPT, "noscript", F_RAW | F_SKIP)                                    \
    X(TEMPLATE, "template", F_SKIP | F_BLOCK)                                  \
    X(TEXTAREA, "textarea", F_RAW | F_SKIP)                                    \
    X(XMP, "xmp", F_RAW | F_SKIP) X(IFRAME, "iframe", F_RAW | F_SKIP)          \
    X(NOEMBED, "noembed", F_RAW | F_SKIP)                                      \
    X(NOFRAMES, "noframes", F_RAW | F_SKIP)                                    \
    X(PLAINTEXT, "plaintext", F_RAW | F_SKIP)                                  \
    X(SVG, "svg", F_SKIP) X(MATH, "math", F_SKIP)                              \
    X(SELECT, "select", F_SKIP | F_BLOCK) X(OPTION, "option", F_SKIP)          \
    X(BUTTON, "button", F_SKIP) X(LABEL, "label", 0)                           \
    X(INPUT, "input", F_VOID) X(FORM, "form", F_BLOCK)                         \
    X(FIELDSET, "fieldset", F_BLOCK) X(NAV, "nav", F_BLOCK | F_BOILER)         \
    X(FOOTER, "footer", F_BLOCK | F_BOILER)                                    \
    X(HEADER, "header", F_BLOCK | F_BOILER)                                    \
    X(ASIDE, "aside", F_BLOCK | F_BOILER) X(MENU, "menu", F_BLOCK | F_BOILER)  \
    X(ARTICLE, "article", F_BLOCK) X(MAIN, "main", F_BLOCK)                    \
    X(SECTION, "section", F_BLOCK) X(DIV, "div", F_BLOCK)                      \
    X(CENTER, "center", F_BLOCK) X(P, "p", F_BLOCK)                            \
    X(H1, "h1", F_BLOCK | F_HEAD) X(H2, "h2", F_BLOCK | F_HEAD)                \
    X(H3, "h3", F_BLOCK | F_HEAD) X(H4, "h4", F_BLOCK | F_HEAD)                \
    X(H5, "h5", F_BLOCK | F_HEAD) X(H6, "h6", F_BLOCK | F_HEAD)                \
    X(UL, "ul", F_BLOCK) X(OL, "ol", F_BLOCK) X(LI, "li", F_BLOCK)             \
    X(DL, "dl", F_BLOCK) X(DT, "dt", F_BLOCK) X(DD, "dd", F_BLOCK)             \
    X(TABLE, "table", F_BLOCK) X(TBODY, "tbody", F_BLOCK)                      \
    X(THEAD, "thead", F_BLOCK) X(TFOOT, "tfoot", F_BLOCK)                      \
    X(TR, "tr", F_BLOCK) X(TD, "td", F_BLOCK) X(TH, "th", F_BLOCK)             \
    X(CAPTION, "caption", F_BLOCK) X(BLOCKQUOTE, "blockquote", F_BLOCK)        \
    X(PRE, "pre", F_BLOCK) X(FIGURE, "figure", F_BLOCK)                        \
    X(FIGCAPTION, "figcaption", F_BLOCK) X(ADDRESS, "address", F_BLOCK)        \
    X(DETAILS, "details", F_BLOCK) X(SUMMARY, "summary", F_BLOCK)              \
    X(HR, "hr", F_VOID | F_BLOCK) X(BR, "br", F_VOID) X(WBR, "wbr", F_VOID)    \
    X(IMG, "img", F_VOID) X(AREA, "area", F_VOID) X(COL, "col", F_VOID)        \
    X(EMBED, "embed", F_VOID) X(PARAM, "param", F_VOID)                        \
    X(SOURCE, "source", F_VOID) X(TRACK, "track", F_VOID)                      \
    X(A, "a", 0) X(TIME, "time", 0) X(SPAN, "span", 0)                         \
    X(OBJECT, "object", F_SKIP) X(VIDEO, "video", F_SKIP)                      \
    X(AUDIO, "audio", F_SKIP) X(CANVAS, "canvas", F_SKIP)                      \
    X(DIALOG, "dialog", F_BLOCK | F_SKIP)

enum tag_flags {
    F_BLOCK = 1 << 0,  /* starts and ends a text block */
    F_VOID = 1 << 1,   /* never has content */
    F_RAW = 1 << 2,    /* content is raw text up to the end tag */
    F_SKIP = 1 << 3,   /* content is never article text */
    F_BOILER = 1 << 4, /* nav/footer/aside...: boilerplate by its name */
    F_HEAD = 1 << 5,   /* a heading */
};

enum tag {
#define TAG_ENUM(name, str, flags) TAG_##name,
    TAG_LIST(TAG_ENUM)
#undef TAG_ENUM
        TAG_COUNT
};

extern const unsigned char ws_tag_flags[TAG_COUNT];

/* Element flags found from attributes (class, id, itemprop, role ...). */
enum node_flags {
    N_NEG = 1 << 0,      /* class/id says boilerplate (comment, share ...) */
    N_POS = 1 << 1,      /* class/id says content (article, body ...) */
    N_HIDDEN = 1 << 2,   /* hidden, aria-hidden, display:none */
    N_BODYPROP = 1 << 3, /* itemprop=articleBody or a well-known body class */
    N_BYLINE = 1 << 4,   /* rel=author, itemprop=author, class byline */
    N_SKIP = 1 << 5,     /* inside a skipped subtree (script, svg, hidden) */
    N_BOILER = 1 << 6,   /* inside nav/footer/aside/header */
    N_DATE = 1 << 7,     /* itemprop=datePublished, class date/time */
    N_CAPTION = 1 << 8,  /* figure caption / credit */
    N_STRONGNEG = 1 << 9, /* cookie, newsletter, comments: never content */
    N_NAMEDNEG = 1 << 10, /* N_STRONGNEG said by class, id or role (not by
                             a header/footer/nav/aside tag) */
};

typedef struct ws_node {
    uint32_t parent; /* index; the root points at itself */
    uint32_t end;    /* one past the last descendant's index */
    uint16_t tag;
    uint16_t depth;
    uint32_t flags;
    /* Filled by content selection. */
    double score;
    uint32_t text_chars;   /* chars of text in the subtree */
    uint32_t link_chars;   /* of which inside <a> */
    uint32_t good_chars;   /* in paragraph blocks of >= 25 chars */
    uint32_t n_blocks;
} ws_node;

enum block_flags {
    B_HEADING = 1 << 0,
    B_LIST = 1 << 1,
    B_QUOTE = 1 << 2,
    B_PRE = 1 << 3,
    B_CELL = 1 << 4,
    B_CAPTION = 1 << 5,
};

typedef struct ws_block {
    uint32_t node;  /* innermost block element holding the text */
    uint32_t off;   /* into the document's text buffer */
    uint32_t len;   /* bytes */
    uint32_t chars; /* code points */
    uint32_t link_chars;
    uint32_t commas;
    uint16_t flags;
    uint16_t tag;
} ws_block;

/* Metadata candidates found while parsing, by kind. */
enum meta_key {
    M_TITLE_TAG,
    M_OG_TITLE,
    M_TW_TITLE,
    M_DC_TITLE,
    M_META_TITLE, /* <meta name=title>, citation_title, parsely-title */
    M_LD_HEADLINE,
    M_LD_NAME,
    M_H1,
    M_SITE_NAME,
    M_LD_PUBLISHER,
    M_APP_NAME,
    M_AUTHOR_META,
    M_LD_AUTHOR,
    M_DC_CREATOR,
    M_BYLINE,
    M_DATE_PUBLISHED, /* article:published_time and the like */
    M_LD_DATE,
    M_DC_DATE,
    M_META_DATE, /* pubdate, date, citation_date, sailthru.date ... */
    M_TIME_TAG,
    M_DATE_TEXT, /* text of an element classed date/time/byline */
    M_CANONICAL,
    M_OG_URL,
    M_LANG,
    M_COUNT
};

#define META_MAX_PER_KEY 8

typedef struct ws_meta_list {
    char *v[META_MAX_PER_KEY];
    uint32_t node[META_MAX_PER_KEY]; /* element of a captured text, or 0 */
    uint8_t n;
} ws_meta_list;

typedef struct ws_dom {
    ws_arena arena;
    ws_node *nodes;
    size_t n_nodes, cap_nodes;
    ws_block *blocks;
    size_t n_blocks, cap_blocks;
    ws_buf text; /* all block text, blocks point into it */
    ws_meta_list meta[M_COUNT];
    ws_buf jsonld; /* concatenated JSON-LD scripts, NUL-separated */
    /* Set by content selection: elements inside boilerplate (n_nodes
     * entries, owned), and the chosen article root. */
    bool *boiler;
    uint32_t root;
} ws_dom;

void ws_dom_init(ws_dom *d);
void ws_dom_cleanup(ws_dom *d);
/* Tokenises and builds the model of s[0..n). */
void ws_dom_parse(ws_dom *d, const char *s, size_t n);
/* Adds a metadata candidate (copied, whitespace collapsed); returns its
 * index in the list, or -1 when it was empty or the list is full. */
int ws_dom_meta_add(ws_dom *d, enum meta_key k, const char *s, size_t n);
/* Decodes character references in s[0..n) and appends to out. */
void ws_html_unescape(ws_buf *out, const char *s, size_t n);

/* Selects the main content blocks and appends them to f->text. */
ws_status ws_content_select(ws_dom *d, ws_fields *f);
/* Chooses title, date, authors, outlet, url, language from candidates. */
void ws_meta_choose(ws_dom *d, ws_fields *f);
/* Reads JSON-LD text and adds candidates (headline, author, dates,
 * publisher) for article-like types. */
void ws_jsonld_read(ws_dom *d, const char *s, size_t n);

#endif
