/* JSON-LD metadata: a small JSON parser (depth- and size-capped, tolerant of
 * the trailing commas and raw newlines CMSs emit) and a walk that reads the
 * headline, dates, authors and publisher of article-like objects, including
 * those nested in "@graph" or arrays. */
#include "dom.h"

#include <string.h>

#define JSON_MAX_DEPTH 32

typedef enum jtype { J_NULL, J_STR, J_NUM, J_BOOL, J_ARR, J_OBJ } jtype;

typedef struct jval jval;
struct jval {
    jtype type;
    const char *str; /* J_STR: decoded, NUL-terminated */
    size_t len;
    const char *key; /* when a member of an object */
    jval *child;     /* first element / member */
    jval *next;
};

typedef struct jparser {
    const char *s;
    size_t n, i;
    ws_arena *arena;
    bool failed;
} jparser;

static void skip_ws(jparser *p)
{
    while (p->i < p->n && ws_is_space((unsigned char)p->s[p->i]))
        p->i++;
}

static unsigned hex4(const char *s)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = (unsigned char)s[k];
        v <<= 4;
        if (ws_is_digit(c))
            v |= c - '0';
        else if (ws_lower(c) >= 'a' && ws_lower(c) <= 'f')
            v |= ws_lower(c) - 'a' + 10;
        else
            return 0xFFFFFFFFu;
    }
    return v;
}

static const char *parse_string(jparser *p, size_t *len)
{
    /* p->s[p->i] == '"' */
    size_t start = ++p->i;
    size_t end = start;
    while (end < p->n && p->s[end] != '"') {
        if (p->s[end] == '\\')
            end++;
        end++;
    }
    if (end >= p->n) {
        p->failed = true;
        return "";
    }
    char *out = ws_arena_alloc(p->arena, end - start + 1);
    size_t m = 0;
    for (size_t i = start; i < end; i++) {
        char c = p->s[i];
        if (c != '\\') {
            out[m++] = c;
            continue;
        }
        c = p->s[++i];
        switch (c) {
        case 'n': out[m++] = '\n'; break;
        case 't': out[m++] = '\t'; break;
        case 'r': out[m++] = '\r'; break;
        case 'b': case 'f': out[m++] = ' '; break;
        case 'u': {
            unsigned v = i + 4 < end + 1 ? hex4(p->s + i + 1) : 0xFFFFFFFFu;
            if (v == 0xFFFFFFFFu) {
                out[m++] = 'u';
                break;
            }
            i += 4;
            if (v >= 0xD800 && v <= 0xDBFF && i + 6 < end &&
                p->s[i + 1] == '\\' && p->s[i + 2] == 'u') {
                unsigned lo = hex4(p->s + i + 3);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            /* an escape never encodes more than it takes: 6 bytes -> <= 4 */
            m += ws_utf8_encode(v, out + m);
            break;
        }
        default: out[m++] = c; break;
        }
    }
    out[m] = '\0';
    p->i = end + 1;
    *len = m;
    return out;
}

static jval *parse_value(jparser *p, int depth);

static jval *new_val(jparser *p, jtype t)
{
    jval *v = ws_arena_alloc(p->arena, sizeof *v);
    memset(v, 0, sizeof *v);
    v->type = t;
    return v;
}

static jval *parse_container(jparser *p, int depth, bool object)
{
    jval *v = new_val(p, object ? J_OBJ : J_ARR);
    jval **tail = &v->child;
    char close = object ? '}' : ']';
    p->i++;
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n) {
            p->failed = true;
            return v;
        }
        if (p->s[p->i] == close) {
            p->i++;
            return v;
        }
        if (p->s[p->i] == ',') { /* tolerate stray and trailing commas */
            p->i++;
            continue;
        }
        const char *key = NULL;
        if (object) {
            size_t klen;
            if (p->s[p->i] != '"') {
                p->failed = true;
                return v;
            }
            key = parse_string(p, &klen);
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                p->failed = true;
                return v;
            }
            p->i++;
        }
        jval *item = parse_value(p, depth + 1);
        if (p->failed)
            return v;
        item->key = key;
        *tail = item;
        tail = &item->next;
    }
}

static jval *parse_value(jparser *p, int depth)
{
    skip_ws(p);
    if (p->i >= p->n || depth > JSON_MAX_DEPTH) {
        p->failed = true;
        return new_val(p, J_NULL);
    }
    char c = p->s[p->i];
    if (c == '{' || c == '[')
        return parse_container(p, depth, c == '{');
    if (c == '"') {
        jval *v = new_val(p, J_STR);
        v->str = parse_string(p, &v->len);
        return v;
    }
    /* numbers, true, false, null: skip the literal */
    size_t start = p->i;
    while (p->i < p->n && !strchr(",]} \t\r\n", p->s[p->i]))
        p->i++;
    if (p->i == start) {
        p->failed = true;
        return new_val(p, J_NULL);
    }
    return new_val(p, ws_is_digit((unsigned char)c) || c == '-' ? J_NUM
                                                                 : J_NULL);
}

static const jval *member(const jval *o, const char *key)
{
    if (!o || o->type != J_OBJ)
        return NULL;
    for (const jval *m = o->child; m; m = m->next)
        if (m->key && strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

static bool type_is_article(const jval *t)
{
    static const char *const types[] = {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
        "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle",
        "TechArticle", "SocialMediaPosting", "DiscussionForumPosting",
        "Blog", "Review", "WebPage", "CreativeWork", "VideoObject", NULL};
    if (!t)
        return false;
    if (t->type == J_ARR) {
        for (const jval *e = t->child; e; e = e->next)
            if (type_is_article(e))
                return true;
        return false;
    }
    if (t->type != J_STR)
        return false;
    const char *s = t->str;
    const char *slash = strrchr(s, '/');
    if (slash)
        s = slash + 1;
    for (size_t i = 0; types[i]; i++)
        if (strcmp(s, types[i]) == 0)
            return true;
    return false;
}

/* The object whose "@id" is id, anywhere under v: "@graph" documents name
 * authors and publishers by reference ({"@id": "#author-1"}). */
static const jval *find_by_id(const jval *v, const char *id, int depth)
{
    if (!v || depth > JSON_MAX_DEPTH)
        return NULL;
    if (v->type == J_OBJ) {
        const jval *self = member(v, "@id");
        if (self && self->type == J_STR && strcmp(self->str, id) == 0 &&
            member(v, "name"))
            return v;
    }
    if (v->type != J_OBJ && v->type != J_ARR)
        return NULL;
    for (const jval *c = v->child; c; c = c->next) {
        const jval *hit = find_by_id(c, id, depth + 1);
        if (hit)
            return hit;
    }
    return NULL;
}

static void add_names(ws_dom *d, const jval *root, enum meta_key k,
                      const jval *v, int depth)
{
    if (!v || depth > JSON_MAX_DEPTH)
        return;
    if (v->type == J_STR) {
        ws_dom_meta_add(d, k, v->str, v->len);
    } else if (v->type == J_ARR) {
        for (const jval *e = v->child; e; e = e->next)
            add_names(d, root, k, e, depth + 1);
    } else if (v->type == J_OBJ) {
        const jval *name = member(v, "name");
        const jval *id = member(v, "@id");
        if (!name && id && id->type == J_STR) {
            const jval *target = find_by_id(root, id->str, 0);
            name = target ? member(target, "name") : NULL;
        }
        add_names(d, root, k, name, depth + 1);
    }
}

static void add_string(ws_dom *d, enum meta_key k, const jval *v)
{
    if (v && v->type == J_STR)
        ws_dom_meta_add(d, k, v->str, v->len);
}

static void walk(ws_dom *d, const jval *root, const jval *v, int depth)
{
    if (!v || depth > JSON_MAX_DEPTH)
        return;
    if (v->type == J_ARR) {
        for (const jval *e = v->child; e; e = e->next)
            walk(d, root, e, depth + 1);
        return;
    }
    if (v->type != J_OBJ)
        return;
    const jval *type = member(v, "@type");
    if (type_is_article(type)) {
        /* WebPage and CreativeWork carry page-level values; a real article
         * object, when present, is preferred by order of appearance in the
         * candidate lists only if it comes first, so take both. */
        add_string(d, M_LD_HEADLINE, member(v, "headline"));
        add_string(d, M_LD_NAME, member(v, "name"));
        add_string(d, M_LD_DATE, member(v, "datePublished"));
        add_string(d, M_LD_DATE, member(v, "dateCreated"));
        add_names(d, root, M_LD_AUTHOR, member(v, "author"), 0);
        add_names(d, root, M_LD_AUTHOR, member(v, "creator"), 0);
        add_names(d, root, M_LD_PUBLISHER, member(v, "publisher"), 0);
    }
    walk(d, root, member(v, "@graph"), depth + 1);
    walk(d, root, member(v, "mainEntity"), depth + 1);
}

void ws_jsonld_read(ws_dom *d, const char *s, size_t n)
{
    /* strip an HTML comment or CDATA wrapper some CMSs put around it */
    while (n && ws_is_space((unsigned char)*s))
        s++, n--;
    if (n > 4 && memcmp(s, "<!--", 4) == 0)
        s += 4, n -= 4;
    if (n > 9 && memcmp(s, "<![CDATA[", 9) == 0)
        s += 9, n -= 9;
    jparser p = {s, n, 0, &d->arena, false};
    jval *v = parse_value(&p, 0);
    if (!p.failed || v->type == J_OBJ || v->type == J_ARR)
        walk(d, v, v, 0);
}
