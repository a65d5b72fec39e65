/* The query subcommands: quotes, timeline, speakers, stories, export. Each
 * reads the store (never writes it) and prints one row per statement,
 * speaker or story as an aligned table that fits the terminal, as JSON
 * Lines (the shapes of ws_*_to_json) or as CSV (RFC 4180). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum out_format { OUT_TABLE, OUT_JSONL, OUT_CSV, OUT_QUOTEBANK };

typedef struct common {
    const char *db;
    enum out_format format;
    size_t limit;
} common;

/* ---- text cells ---- */

/* Code points in s (every code point one column: the scripts whosaid reads
 * have no double-width letters). */
static size_t cols(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Prints s in exactly `width` columns: newlines as spaces, cut with "…"
 * when longer, padded when `pad`. */
static void cell(const char *s, size_t width, bool pad)
{
    if (!s)
        s = "-";
    size_t n = cols(s), shown = 0;
    size_t room = n > width ? (width ? width - 1 : 0) : width;
    const char *p = s;
    while (*p && shown < room) {
        const char *q = p + 1;
        while (*q && ((unsigned char)*q & 0xC0) == 0x80)
            q++;
        if (*p == '\n' || *p == '\t' || *p == '\r')
            fputc(' ', stdout);
        else
            fwrite(p, 1, (size_t)(q - p), stdout);
        shown++;
        p = q;
    }
    if (n > width && width) {
        fputs("\xe2\x80\xa6", stdout);
        shown++;
    }
    while (pad && shown++ < width)
        fputc(' ', stdout);
}

static size_t term_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col >= 40)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) >= 40)
        return (size_t)atoi(c);
    return 100;
}

static void csv_field(const char *s, bool last)
{
    if (!s)
        s = "";
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', stdout);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', stdout);
            fputc(*s, stdout);
        }
        fputc('"', stdout);
    } else {
        fputs(s, stdout);
    }
    fputs(last ? "\r\n" : ",", stdout);
}

static char *joined(const char *const *v, size_t n, const char *sep)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + strlen(sep);
    char *s = malloc(len);
    if (!s)
        abort();
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, sep);
        strcat(s, v[i]);
    }
    return s;
}

/* "2024-12-03" from a record date (time and offset left out of tables). */
static void day_of(const char *date, char out[11])
{
    snprintf(out, 11, "%s", date ? date : "-");
}

/* ---- options ---- */

static bool valid_date(const char *s, bool until, char out[11])
{
    size_t n = strlen(s);
    static const char pat[] = "dddd-dd-dd";
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return false;
    /* A month or a year stands for its first day (since) or last (until);
     * "-31" is past every real day, so string order does the rest. */
    const char *rest = n == 10  ? ""
                       : n == 7 ? (until ? "-31" : "-01")
                                : (until ? "-12-31" : "-01-01");
    memcpy(out, s, n);
    memcpy(out + n, rest, strlen(rest) + 1);
    return true;
}

/* Parses the options every query shares; returns 0, or the usage exit
 * status after printing why. */
static int common_option(int argc, char **argv, int *i, common *c, bool *taken,
                         bool quotebank)
{
    const char *v;
    *taken = true;
    if ((v = option_value(argc, argv, i, "--db"))) {
        c->db = v;
    } else if ((v = option_value(argc, argv, i, "--format"))) {
        if (strcmp(v, "table") == 0)
            c->format = OUT_TABLE;
        else if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
            c->format = OUT_JSONL;
        else if (strcmp(v, "csv") == 0)
            c->format = OUT_CSV;
        else if (quotebank && strcmp(v, "quotebank") == 0)
            c->format = OUT_QUOTEBANK;
        else
            return usage_error("unknown --format", v,
                               quotebank ? "jsonl, csv or quotebank"
                                         : "table, jsonl or csv");
    } else if ((v = option_value(argc, argv, i, "--limit"))) {
        if (!parse_size(v, &c->limit))
            return usage_error("bad --limit", v, "a positive number");
    } else {
        *taken = false;
    }
    return 0;
}

static ws_store *open_store(const common *c)
{
    ws_store *st;
    if (ws_store_open(c->db, WS_STORE_READ, &st) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        ws_store_close(st);
        return NULL;
    }
    return st;
}

static int finish(ws_store *st, ws_status s)
{
    int rc = 0;
    if (s != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(st));
        rc = 1;
    }
    ws_store_close(st);
    if (fflush(stdout) != 0) {
        perror("whosaid: error writing output");
        rc = 1;
    }
    return rc;
}

/* ---- statements: quotes, timeline, export ---- */

typedef struct stmt_out {
    enum out_format format;
    size_t width;
    int64_t story; /* timeline: the story of the previous row */
    bool timeline;
} stmt_out;

/* A side column's width: its natural width, narrower on a narrow
 * terminal so the statement keeps room. */
static size_t column(size_t width, size_t natural)
{
    size_t w = width / 5;
    return w < natural ? (w < 8 ? 8 : w) : natural;
}

static const char statement_csv_header[] =
    "id,date,speaker,text,outlets,reports,story\r\n";

static int print_statement(const ws_statement_rec *r, void *ud)
{
    stmt_out *o = ud;
    char day[11];
    day_of(r->date, day);
    if (o->format == OUT_JSONL) {
        char *j = ws_statement_to_json(r);
        puts(j);
        free(j);
    } else if (o->format == OUT_CSV) {
        char num[32], story[32];
        snprintf(num, sizeof num, "%lld", (long long)r->id);
        csv_field(num, false);
        csv_field(r->date, false);
        csv_field(r->speaker, false);
        csv_field(r->text, false);
        char *outlets = joined(r->outlets, r->n_outlets, "; ");
        csv_field(outlets, false);
        free(outlets);
        snprintf(num, sizeof num, "%zu", r->n_reports);
        csv_field(num, false);
        snprintf(story, sizeof story, "%lld", (long long)r->story);
        csv_field(r->story > 0 ? story : "", true);
    } else if (o->format == OUT_QUOTEBANK) {
        char *j = ws_statement_to_quotebank(r);
        puts(j);
        free(j);
    } else {
        if (o->timeline && r->story != o->story) {
            o->story = r->story;
            fputs("\n", stdout);
            cell(r->story_title ? r->story_title : "(no story)", o->width,
                 false);
            fputs("\n", stdout);
        }
        /* date | speaker | outlets | text: the text takes what is left. */
        size_t w_sp = o->timeline ? 0 : column(o->width, 22),
               w_out = column(o->width, 24);
        size_t fixed = 10 + 2 + (w_sp ? w_sp + 2 : 0) + w_out + 2;
        size_t w_text = o->width > fixed + 20 ? o->width - fixed : 20;
        cell(day, 10, true);
        fputs("  ", stdout);
        if (w_sp) {
            cell(r->speaker, w_sp, true);
            fputs("  ", stdout);
        }
        char *outlets = joined(r->outlets, r->n_outlets, ", ");
        char lead[32];
        snprintf(lead, sizeof lead, "%zu: ", r->n_reports);
        size_t ln = strlen(lead);
        fputs(lead, stdout);
        cell(outlets, w_out - ln, true);
        free(outlets);
        fputs("  ", stdout);
        cell(r->text, w_text, false);
        fputc('\n', stdout);
    }
    return 0;
}

static void statement_table_header(const stmt_out *o)
{
    if (o->format == OUT_CSV)
        fputs(statement_csv_header, stdout);
    if (o->format != OUT_TABLE || o->timeline)
        return;
    size_t w_sp = column(o->width, 22), w_out = column(o->width, 24);
    size_t fixed = 10 + 2 + w_sp + 2 + w_out + 2;
    size_t w_text = o->width > fixed + 20 ? o->width - fixed : 20;
    cell("DATE", 10, true);
    fputs("  ", stdout);
    cell("SPEAKER", w_sp, true);
    fputs("  ", stdout);
    cell("REPORTS: OUTLETS", w_out, true);
    fputs("  ", stdout);
    cell("STATEMENT", w_text, false);
    fputc('\n', stdout);
}

int cmd_quotes(int argc, char **argv)
{
    common c = {0};
    ws_statement_query q = {0};
    char since[11], until[11];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        bool taken;
        int rc = common_option(argc, argv, &i, &c, &taken, false);
        if (rc)
            return rc;
        if (taken)
            continue;
        if ((v = option_value(argc, argv, &i, "--speaker")))
            q.speaker = v;
        else if ((v = option_value(argc, argv, &i, "--about")))
            q.about = v;
        else if ((v = option_value(argc, argv, &i, "--since"))) {
            if (!valid_date(v, false, since))
                return usage_error("bad --since", v, "YYYY-MM-DD");
            q.since = since;
        } else if ((v = option_value(argc, argv, &i, "--until"))) {
            if (!valid_date(v, true, until))
                return usage_error("bad --until", v, "YYYY-MM-DD");
            q.until = until;
        } else if ((v = option_value(argc, argv, &i, "--outlet")))
            q.outlet = v;
        else if ((v = option_value(argc, argv, &i, "--kind"))) {
            if (strcmp(v, "direct") && strcmp(v, "mixed") &&
                strcmp(v, "indirect"))
                return usage_error("unknown --kind", v,
                                   "direct, mixed or indirect");
            q.kind = v;
        } else
            return usage_error(a[0] == '-' ? "unknown option"
                                           : "unexpected argument",
                               a, NULL);
    }
    q.limit = c.limit;
    ws_store *st = open_store(&c);
    if (!st)
        return 1;
    stmt_out o = {.format = c.format, .width = term_width()};
    statement_table_header(&o);
    return finish(st, ws_store_statements(st, &q, print_statement, &o));
}

/* A speaker's statements grouped by story: the stories in the order of
 * their first statement, each story's statements by date. Collected first
 * (one speaker's statements) so a story is printed in one piece. */
typedef struct tl_row {
    int64_t id, story;
    size_t order; /* index of the story's first appearance */
    size_t pos;   /* place in date order */
} tl_row;

typedef struct tl_collect {
    tl_row *v;
    size_t n, cap;
    int64_t *stories;
    size_t n_stories;
} tl_collect;

static int collect_row(const ws_statement_rec *r, void *ud)
{
    tl_collect *t = ud;
    size_t k = 0;
    while (k < t->n_stories && t->stories[k] != r->story)
        k++;
    if (k == t->n_stories) {
        t->stories = realloc(t->stories, (k + 1) * sizeof *t->stories);
        if (!t->stories)
            abort();
        t->stories[t->n_stories++] = r->story;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
        if (!t->v)
            abort();
    }
    t->v[t->n] = (tl_row){r->id, r->story, k, t->n};
    t->n++;
    return 0;
}

static int by_story(const void *a, const void *b)
{
    const tl_row *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

int cmd_timeline(int argc, char **argv)
{
    common c = {0};
    const char *name = NULL;
    for (int i = 0; i < argc; i++) {
        bool taken;
        int rc = common_option(argc, argv, &i, &c, &taken, false);
        if (rc)
            return rc;
        if (taken)
            continue;
        if (argv[i][0] == '-' || name)
            return usage_error(argv[i][0] == '-' ? "unknown option"
                                                 : "unexpected argument",
                               argv[i], NULL);
        name = argv[i];
    }
    if (!name)
        return usage_error("missing", "NAME", "whosaid timeline NAME");
    ws_store *st = open_store(&c);
    if (!st)
        return 1;
    ws_statement_query q = {
        .speaker = name, .oldest_first = 1, .limit = c.limit};
    tl_collect t = {0};
    ws_status s = ws_store_statements(st, &q, collect_row, &t);
    /* qsort is not stable: the place in date order breaks ties. */
    if (s == WS_OK)
        qsort(t.v, t.n, sizeof *t.v, by_story);
    stmt_out o = {.format = c.format,
                  .width = term_width(),
                  .timeline = true,
                  .story = -1};
    statement_table_header(&o);
    for (size_t i = 0; s == WS_OK && i < t.n; i++) {
        ws_statement_query one = {.id = t.v[i].id};
        s = ws_store_statements(st, &one, print_statement, &o);
    }
    free(t.v);
    free(t.stories);
    return finish(st, s);
}

int cmd_export(int argc, char **argv)
{
    common c = {.format = OUT_JSONL};
    for (int i = 0; i < argc; i++) {
        bool taken;
        int rc = common_option(argc, argv, &i, &c, &taken, true);
        if (rc)
            return rc;
        if (!taken)
            return usage_error("unknown option", argv[i], NULL);
    }
    if (c.format == OUT_TABLE)
        return usage_error("unknown --format", "table",
                           "jsonl, csv or quotebank");
    ws_store *st = open_store(&c);
    if (!st)
        return 1;
    ws_statement_query q = {.oldest_first = 1, .limit = c.limit};
    stmt_out o = {.format = c.format};
    statement_table_header(&o);
    return finish(st, ws_store_statements(st, &q, print_statement, &o));
}

/* ---- speakers ---- */

typedef struct list_out {
    enum out_format format;
    size_t width;
} list_out;

static int print_speaker(const ws_speaker_rec *r, void *ud)
{
    list_out *o = ud;
    if (o->format == OUT_JSONL) {
        char *j = ws_speaker_to_json(r);
        puts(j);
        free(j);
        return 0;
    }
    char *aliases = joined(r->aliases, r->n_aliases, "; ");
    size_t tl = 1;
    for (size_t i = 0; i < r->n_titles; i++)
        tl += strlen(r->titles[i].title) + 40;
    char *titles = malloc(tl);
    if (!titles)
        abort();
    titles[0] = '\0';
    for (size_t i = 0; i < r->n_titles; i++) {
        char one[64];
        snprintf(one, sizeof one, " (%s..%s)",
                 r->titles[i].from ? r->titles[i].from : "",
                 r->titles[i].until ? r->titles[i].until : "");
        if (i)
            strcat(titles, "; ");
        strcat(titles, r->titles[i].title);
        strcat(titles, one);
    }
    char num[32];
    snprintf(num, sizeof num, "%zu", r->statements);
    if (o->format == OUT_CSV) {
        csv_field(r->name, false);
        csv_field(r->kind, false);
        csv_field(num, false);
        csv_field(aliases, false);
        csv_field(titles, true);
    } else {
        size_t rest = o->width > 72 ? o->width - 52 : 20;
        cell(r->name, 28, true);
        fputs("  ", stdout);
        cell(r->kind, 12, true);
        fputs("  ", stdout);
        cell(num, 6, true);
        fputs("  ", stdout);
        char *both = malloc(strlen(aliases) + strlen(titles) + 4);
        if (!both)
            abort();
        sprintf(both, "%s%s%s", titles, *titles && *aliases ? " | " : "",
                aliases);
        cell(both, rest, false);
        free(both);
        fputc('\n', stdout);
    }
    free(aliases);
    free(titles);
    return 0;
}

int cmd_speakers(int argc, char **argv)
{
    common c = {0};
    ws_speaker_query q = {0};
    for (int i = 0; i < argc; i++) {
        bool taken;
        int rc = common_option(argc, argv, &i, &c, &taken, false);
        if (rc)
            return rc;
        if (taken)
            continue;
        const char *v = option_value(argc, argv, &i, "--prefix");
        if (strcmp(argv[i], "--all") == 0)
            q.all = 1;
        else if (!v)
            return usage_error("unknown option", argv[i], NULL);
        else
            q.prefix = v;
    }
    q.limit = c.limit;
    ws_store *st = open_store(&c);
    if (!st)
        return 1;
    list_out o = {.format = c.format, .width = term_width()};
    if (c.format == OUT_CSV)
        fputs("name,kind,statements,aliases,titles\r\n", stdout);
    else if (c.format == OUT_TABLE) {
        cell("SPEAKER", 28, true);
        fputs("  ", stdout);
        cell("KIND", 12, true);
        fputs("  ", stdout);
        cell("STMTS", 6, true);
        fputs("  TITLES | ALIASES\n", stdout);
    }
    return finish(st, ws_store_speakers(st, &q, print_speaker, &o));
}

/* ---- stories ---- */

static int print_story(const ws_story_rec *r, void *ud)
{
    list_out *o = ud;
    if (o->format == OUT_JSONL) {
        char *j = ws_story_to_json(r);
        puts(j);
        free(j);
        return 0;
    }
    /* Outlets of the story, each once, in order of first article. */
    const char **outs = calloc(r->n_articles + 1, sizeof *outs);
    if (!outs)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < r->n_articles; i++) {
        const char *ou = r->articles[i].outlet;
        bool seen = !ou;
        for (size_t k = 0; !seen && k < n; k++)
            seen = strcmp(outs[k], ou) == 0;
        if (!seen)
            outs[n++] = ou;
    }
    char *outlets = joined(outs, n, ", ");
    free(outs);
    char day[11], num[32], id[32];
    day_of(r->date, day);
    snprintf(num, sizeof num, "%zu", r->n_articles);
    snprintf(id, sizeof id, "%lld", (long long)r->id);
    if (o->format == OUT_CSV) {
        csv_field(id, false);
        csv_field(r->date, false);
        csv_field(num, false);
        csv_field(outlets, false);
        csv_field(r->title, true);
    } else {
        size_t rest = o->width > 70 ? o->width - 50 : 20;
        cell(id, 6, true);
        fputs("  ", stdout);
        cell(day, 10, true);
        fputs("  ", stdout);
        cell(num, 4, true);
        fputs("  ", stdout);
        cell(outlets, 22, true);
        fputs("  ", stdout);
        cell(r->title, rest, false);
        fputc('\n', stdout);
    }
    free(outlets);
    return 0;
}

int cmd_stories(int argc, char **argv)
{
    common c = {0};
    ws_story_query q = {0};
    char since[11], until[11];
    for (int i = 0; i < argc; i++) {
        bool taken;
        int rc = common_option(argc, argv, &i, &c, &taken, false);
        if (rc)
            return rc;
        if (taken)
            continue;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--since"))) {
            if (!valid_date(v, false, since))
                return usage_error("bad --since", v, "YYYY-MM-DD");
            q.since = since;
        } else if ((v = option_value(argc, argv, &i, "--until"))) {
            if (!valid_date(v, true, until))
                return usage_error("bad --until", v, "YYYY-MM-DD");
            q.until = until;
        } else
            return usage_error("unknown option", argv[i], NULL);
    }
    q.limit = c.limit;
    ws_store *st = open_store(&c);
    if (!st)
        return 1;
    list_out o = {.format = c.format, .width = term_width()};
    if (c.format == OUT_CSV)
        fputs("id,date,articles,outlets,title\r\n", stdout);
    else if (c.format == OUT_TABLE) {
        cell("STORY", 6, true);
        fputs("  ", stdout);
        cell("DATE", 10, true);
        fputs("  ", stdout);
        cell("ARTS", 4, true);
        fputs("  ", stdout);
        cell("OUTLETS", 22, true);
        fputs("  TITLE\n", stdout);
    }
    return finish(st, ws_store_stories(st, &q, print_story, &o));
}
