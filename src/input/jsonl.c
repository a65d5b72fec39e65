/* The JSON Lines container: one object per line, {"url", "html" | "text",
 * "date", "outlet"}, as a user's own crawler writes it. Each line is read
 * into the document buffer (at most max_bytes; a longer line is passed
 * over to its newline without being kept) and parsed by a small strict
 * JSON parser that decodes strings in place: an escape is never shorter
 * than what it stands for, so the decoded text fits where it was. Nested
 * values are skipped with an explicit stack, so depth costs no C stack. */
#include "container.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this in a value that is skipped is refused. */
#define MAX_NESTING 512

typedef struct parser {
    char *p; /* the line, NUL-terminated at p[n] */
    size_t n, i;
    const char *err; /* static reason, set on failure */
} parser;

static void blanks(parser *ps)
{
    /* JSON's four: space, tab, LF, CR. */
    while (ps->i < ps->n && (ps->p[ps->i] == ' ' || ps->p[ps->i] == '\t' ||
                             ps->p[ps->i] == '\n' || ps->p[ps->i] == '\r'))
        ps->i++;
}

static bool fail(parser *ps, const char *why)
{
    if (!ps->err)
        ps->err = why;
    return false;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int d = ws_hex_digit((unsigned char)s[k]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes the string at ps->i (its opening quote) in place: *out is where
 * it starts, *len its decoded length, (*out)[*len] set to NUL (over a byte
 * already read). A lone surrogate becomes U+FFFD. */
static bool string(parser *ps, char **out, size_t *len)
{
    char *p = ps->p;
    size_t i = ps->i + 1, w = i;
    size_t start = w;
    for (;;) {
        if (i >= ps->n)
            return fail(ps, "unterminated string");
        unsigned char c = (unsigned char)p[i];
        if (c == '"')
            break;
        if (c < 0x20)
            return fail(ps, "control character in a string (must be "
                            "escaped)");
        if (c != '\\') {
            p[w++] = p[i++];
            continue;
        }
        if (i + 1 >= ps->n)
            return fail(ps, "unterminated string");
        char e = p[i + 1];
        static const char simple_in[] = "\"\\/bfnrt";
        static const char simple_out[] = "\"\\/\b\f\n\r\t";
        const char *at = strchr(simple_in, e);
        if (e && at) {
            p[w++] = simple_out[at - simple_in];
            i += 2;
            continue;
        }
        if (e != 'u')
            return fail(ps, "invalid escape in a string");
        int u = i + 6 <= ps->n ? hex4(p + i + 2) : -1;
        if (u < 0)
            return fail(ps, "invalid \\u escape (four hex digits)");
        i += 6;
        uint32_t cp = (uint32_t)u;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= ps->n && p[i] == '\\' &&
            p[i + 1] == 'u') {
            int lo = hex4(p + i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                i += 6;
            }
        }
        /* ws_utf8_encode writes a lone surrogate as U+FFFD (3 bytes, no
         * longer than the 6-byte escape). */
        char tmp[4];
        size_t k = ws_utf8_encode(cp, tmp);
        memcpy(p + w, tmp, k);
        w += k;
    }
    *out = p + start;
    *len = w - start;
    p[w] = '\0';
    ps->i = i + 1;
    return true;
}

static bool number(parser *ps)
{
    const char *p = ps->p;
    size_t i = ps->i;
    if (i < ps->n && p[i] == '-')
        i++;
    if (i < ps->n && p[i] == '0')
        i++;
    else if (i < ps->n && p[i] >= '1' && p[i] <= '9')
        while (i < ps->n && ws_is_digit((unsigned char)p[i]))
            i++;
    else
        return fail(ps, "invalid value");
    if (i < ps->n && p[i] == '.') {
        i++;
        if (i >= ps->n || !ws_is_digit((unsigned char)p[i]))
            return fail(ps, "invalid number");
        while (i < ps->n && ws_is_digit((unsigned char)p[i]))
            i++;
    }
    if (i < ps->n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < ps->n && (p[i] == '+' || p[i] == '-'))
            i++;
        if (i >= ps->n || !ws_is_digit((unsigned char)p[i]))
            return fail(ps, "invalid number");
        while (i < ps->n && ws_is_digit((unsigned char)p[i]))
            i++;
    }
    ps->i = i;
    return true;
}

/* A scalar: string, number, true, false, null. */
static bool scalar(parser *ps)
{
    char c = ps->p[ps->i];
    if (c == '"') {
        char *s;
        size_t n;
        return string(ps, &s, &n);
    }
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < WS_COUNT(words); k++) {
        size_t m = strlen(words[k]);
        if (ps->n - ps->i >= m && memcmp(ps->p + ps->i, words[k], m) == 0) {
            ps->i += m;
            return true;
        }
    }
    return number(ps);
}

/* An object's key and its colon: *k is the decoded key (NUL-terminated,
 * *kn bytes). */
static bool key(parser *ps, char **k, size_t *kn)
{
    blanks(ps);
    if (ps->i >= ps->n || ps->p[ps->i] != '"')
        return fail(ps, "expected a string key");
    if (!string(ps, k, kn))
        return false;
    blanks(ps);
    if (ps->i >= ps->n || ps->p[ps->i] != ':')
        return fail(ps, "expected ':'");
    ps->i++;
    return true;
}

/* Passes over one value of any kind. Containers are tracked on a stack of
 * their opening brackets instead of by recursion. */
static bool skip_value(parser *ps)
{
    char stack[MAX_NESTING];
    size_t depth = 0;
    bool want_key = false;
    for (;;) {
        blanks(ps);
        if (ps->i >= ps->n)
            return fail(ps, "unexpected end of line");
        if (want_key) {
            char *k;
            size_t kn;
            if (!key(ps, &k, &kn))
                return false;
            want_key = false;
            continue;
        }
        char c = ps->p[ps->i];
        if (c == '{' || c == '[') {
            if (depth == MAX_NESTING)
                return fail(ps, "nested too deeply");
            stack[depth++] = c;
            ps->i++;
            blanks(ps);
            char close = c == '{' ? '}' : ']';
            if (ps->i < ps->n && ps->p[ps->i] == close) {
                ps->i++;
                depth--;
            } else {
                want_key = c == '{';
                continue;
            }
        } else if (!scalar(ps)) {
            return false;
        }
        /* A value ended: close what it ends, or go on after a comma. */
        for (;;) {
            if (depth == 0)
                return true;
            blanks(ps);
            if (ps->i >= ps->n)
                return fail(ps, "unexpected end of line");
            char top = stack[depth - 1], d = ps->p[ps->i];
            if (d == ',') {
                ps->i++;
                want_key = top == '{';
                break;
            }
            if ((top == '{' && d == '}') || (top == '[' && d == ']')) {
                ps->i++;
                depth--;
                continue;
            }
            return fail(ps, top == '{' ? "expected ',' or '}'"
                                       : "expected ',' or ']'");
        }
    }
}

/* The fields of a line this container uses; NULL when absent or null. */
typedef struct line_fields {
    char *url, *html, *text, *date, *outlet;
    size_t html_len, text_len;
} line_fields;

/* Parses the whole line as one object; other keys are skipped. */
static bool parse_line(parser *ps, line_fields *f)
{
    memset(f, 0, sizeof *f);
    blanks(ps);
    if (ps->i >= ps->n || ps->p[ps->i] != '{')
        return fail(ps, "a line must be a JSON object");
    ps->i++;
    blanks(ps);
    if (ps->i < ps->n && ps->p[ps->i] == '}') {
        ps->i++;
    } else {
        for (;;) {
            char *name;
            size_t kn;
            if (!key(ps, &name, &kn))
                return false;
            blanks(ps);
            char **slot = NULL;
            size_t *slot_len = NULL, dummy;
            if (strcmp(name, "url") == 0 && kn == 3)
                slot = &f->url;
            else if (strcmp(name, "html") == 0 && kn == 4)
                slot = &f->html, slot_len = &f->html_len;
            else if (strcmp(name, "text") == 0 && kn == 4)
                slot = &f->text, slot_len = &f->text_len;
            else if (strcmp(name, "date") == 0 && kn == 4)
                slot = &f->date;
            else if (strcmp(name, "outlet") == 0 && kn == 6)
                slot = &f->outlet;
            if (slot && ps->i < ps->n && ps->p[ps->i] == '"') {
                if (!string(ps, slot, slot_len ? slot_len : &dummy))
                    return false;
            } else {
                /* null, or a value of another type: not usable */
                if (slot)
                    *slot = NULL;
                if (!skip_value(ps))
                    return false;
            }
            blanks(ps);
            if (ps->i < ps->n && ps->p[ps->i] == ',') {
                ps->i++;
                continue;
            }
            if (ps->i < ps->n && ps->p[ps->i] == '}') {
                ps->i++;
                break;
            }
            return fail(ps, "expected ',' or '}'");
        }
    }
    blanks(ps);
    if (ps->i < ps->n)
        return fail(ps, "text after the object");
    return true;
}

bool ws_jsonl_sniff(const char *p, size_t n, bool whole_line)
{
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && ws_is_space((unsigned char)p[i]))
        i++;
    if (i >= n || p[i] != '{')
        return false;
    if (!whole_line) {
        /* Too long to see whole: it must at least open with a key. */
        i++;
        while (i < n && ws_is_space((unsigned char)p[i]))
            i++;
        return i < n && p[i] == '"';
    }
    /* Parsing decodes in place: work on a copy. */
    char *copy = ws_xmalloc(n - i + 1);
    memcpy(copy, p + i, n - i);
    copy[n - i] = '\0';
    parser ps = {copy, n - i, 0, NULL};
    line_fields f;
    bool ok = parse_line(&ps, &f);
    free(ps.p);
    return ok;
}

/* Reads the next line into the document buffer: *len bytes without the
 * newline, or *too_long when it passes max_bytes (then it is read to its
 * end but not kept). *any is false at the end of the file. */
static ws_status read_line(ws_input *in, size_t *len, bool *too_long,
                           bool *any)
{
    ws_window *w = &in->win;
    size_t max = in->max_bytes, n = 0;
    *too_long = false;
    *any = false;
    for (;;) {
        if (w->pos == w->len) {
            ws_status st = ws_window_fill(w);
            if (st != WS_OK)
                return st;
            if (w->pos == w->len)
                break;
        }
        *any = true;
        const char *p = w->buf + w->pos;
        size_t avail = w->len - w->pos;
        const char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) : avail;
        if (!*too_long && n + k > max)
            *too_long = true;
        if (!*too_long) {
            if (n + k + 1 > in->data_cap)
                ws_input_reserve(&in->data, &in->data_cap,
                                 WS_MIN(max + 2, WS_MAX(n + k + 1,
                                                        2 * in->data_cap)));
            memcpy(in->data + n, p, k);
            n += k;
        }
        w->pos += k + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (n + 1 > in->data_cap)
        ws_input_reserve(&in->data, &in->data_cap, n + 1);
    in->data[n] = '\0';
    *len = n;
    return WS_OK;
}

static ws_status line_error(ws_input *in, ws_status st, const char *what)
{
    ws_buf_clear(&in->err);
    ws_buf_printf(&in->err, "%s:%llu: %s; skipped", in->name.data,
                  (unsigned long long)in->line, what);
    in->keep_file = true;
    return st;
}

ws_status ws_jsonl_next(ws_input *in, ws_document *doc)
{
    for (;;) {
        size_t len;
        bool too_long, any;
        ws_status st = read_line(in, &len, &too_long, &any);
        if (st != WS_OK) {
            /* The source's message names the file and offset; the lines
             * before were read. */
            ws_buf_printf(&in->err, " (after line %llu)",
                          (unsigned long long)in->line);
            return st;
        }
        if (!any)
            return WS_STATUS_COUNT;
        in->line++;
        if (too_long) {
            char what[96];
            snprintf(what, sizeof what,
                     "line longer than --max-bytes (%zu bytes)",
                     in->max_bytes);
            return line_error(in, WS_ERR_TOO_BIG, what);
        }
        char *p = in->data;
        if (in->line == 1 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            len -= 3;
        }
        size_t k = 0;
        while (k < len && ws_is_space((unsigned char)p[k]))
            k++;
        if (k == len) {
            in->stats.blank_lines++;
            continue;
        }
        parser ps = {p, len, 0, NULL};
        line_fields f;
        if (!parse_line(&ps, &f)) {
            char what[160];
            snprintf(what, sizeof what, "invalid JSON at column %zu: %s",
                     ps.i + 1, ps.err ? ps.err : "syntax error");
            return line_error(in, WS_ERR_IO, what);
        }
        if (!f.html && !f.text)
            return line_error(in, WS_ERR_EMPTY,
                              "no \"html\" or \"text\" string in the object");
        ws_buf_clear(&in->source);
        ws_buf_printf(&in->source, "%s:%llu", in->name.data,
                      (unsigned long long)in->line);
        doc->source = ws_buf_cstr(&in->source);
        /* "html" wins when a line has both: it holds more (title, date
         * meta tags) than the text taken from it. */
        doc->data = f.html ? f.html : f.text;
        doc->len = f.html ? f.html_len : f.text_len;
        doc->format = f.html ? "html" : "text";
        /* JSON text is UTF-8 whatever a <meta charset> inside it says. */
        doc->charset = "utf-8";
        doc->url = f.url && f.url[0] ? f.url : NULL;
        doc->date = f.date && f.date[0] ? f.date : NULL;
        doc->outlet = f.outlet && f.outlet[0] ? f.outlet : NULL;
        in->emitted++;
        return WS_OK;
    }
}
