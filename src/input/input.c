/* Input: the paths a user gives, as a stream of documents. A small state
 * machine: take the next path (from the command line or the directory
 * being walked), open it as a byte source (gzip recognised by content),
 * then let a container turn the file into documents: a WARC file (first
 * bytes "WARC/1."), JSON Lines (first byte '{' and a line that parses) or
 * the whole file as one document. One document buffer is reused, so memory
 * follows the largest document (at most max_bytes), not the number of
 * inputs or the size of a container file. */
#include "container.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Deeper trees than this are nearly always a mistake (or a bind-mount
 * loop the dev/ino check missed); they are reported and skipped. */
#define MAX_DEPTH 256
/* First size of the document buffer when the size is not known. */
#define FIRST_CAP ((size_t)256 * 1024)

ws_input *ws_input_new(const char *const *paths, size_t n,
                       const ws_input_opts *opts)
{
    ws_input *in = ws_xcalloc(1, sizeof *in);
    static const char *const stdin_only[] = {"-"};
    if (n == 0) {
        paths = stdin_only;
        n = 1;
    }
    in->paths = ws_xcalloc(n, sizeof *in->paths);
    for (size_t i = 0; i < n; i++)
        in->paths[i] = ws_xstrdup(paths[i] ? paths[i] : "-");
    in->n_paths = n;
    in->max_bytes =
        opts && opts->max_bytes ? opts->max_bytes : WS_INPUT_DEFAULT_MAX_BYTES;
    /* Room for max_bytes + 1 (to see a document is too big) + NUL. */
    in->max_bytes = WS_MIN(in->max_bytes, SIZE_MAX / 2);
    ws_buf_init(&in->name, 0);
    ws_buf_init(&in->err, 0);
    ws_buf_init(&in->source, 0);
    ws_buf_init(&in->url, 0);
    ws_buf_init(&in->charset, 0);
    ws_buf_init(&in->crawl_date, 0);
    ws_buf_init(&in->summary, 0);
    in->raw = ws_xmalloc(WS_SOURCE_CHUNK);
    ws_window_init(&in->win, &in->src, ws_xmalloc(WS_WINDOW + 1));
    in->src.fd = -1;
    if (opts && opts->shard_n > 1 && opts->shard_k < opts->shard_n) {
        in->shard_k = opts->shard_k;
        in->shard_n = opts->shard_n;
    }
    return in;
}

uint64_t ws_input_position(const ws_input *in)
{
    return in->done_bytes + (in->src_open ? ws_source_offset(&in->src) : 0);
}

/* Whether a file belongs to this run's shard: by a hash of its path as
 * given (walked paths include the directory named by the user), so every
 * shard decides alone, the same way on every machine. */
static bool in_shard(const ws_input *in, const char *path)
{
    if (in->shard_n < 2)
        return true;
    return ws_hash64(path, strlen(path)) % in->shard_n == in->shard_k;
}

static void close_file(ws_input *in)
{
    if (in->src_open) {
        in->done_bytes += in->regular ? in->size : ws_source_offset(&in->src);
        ws_source_close(&in->src);
    }
    in->src_open = false;
    in->container = NULL;
    in->emitted = 0;
    in->line = 0;
}

static void pop_dir(ws_input *in)
{
    dir_frame *f = &in->dirs[--in->n_dirs];
    for (size_t i = f->next; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

void ws_input_free(ws_input *in)
{
    if (!in)
        return;
    close_file(in);
    while (in->n_dirs)
        pop_dir(in);
    free(in->dirs);
    for (size_t i = 0; i < in->n_paths; i++)
        free(in->paths[i]);
    free(in->paths);
    ws_buf_cleanup(&in->name);
    ws_buf_cleanup(&in->err);
    ws_buf_cleanup(&in->source);
    ws_buf_cleanup(&in->url);
    ws_buf_cleanup(&in->charset);
    ws_buf_cleanup(&in->crawl_date);
    ws_buf_cleanup(&in->summary);
    free(in->raw);
    free(in->win.buf);
    free(in->data);
    free(in->aux);
    free(in);
}

const char *ws_input_errmsg(const ws_input *in)
{
    return in && in->err.data ? in->err.data : "";
}

static ws_status fail_errno(ws_input *in, const char *what, int errnum)
{
    ws_source_error(&in->err, in->name.data, what, errnum);
    return errnum == ENOENT || errnum == ENOTDIR ? WS_ERR_NOENT : WS_ERR_IO;
}

static ws_status too_big(ws_input *in)
{
    ws_buf_clear(&in->err);
    ws_buf_printf(
        &in->err, "%s: larger than --max-bytes (%zu bytes)%s; skipped",
        in->name.data, in->max_bytes, in->src.gzip ? " when decompressed" : "");
    return WS_ERR_TOO_BIG;
}

/* ---- the whole-file container ------------------------------------------- */

void ws_input_reserve(char **buf, size_t *have, size_t cap)
{
    if (*have >= cap)
        return;
    *buf = ws_xrealloc(*buf, cap);
    *have = cap;
}

static void data_reserve(ws_input *in, size_t cap)
{
    ws_input_reserve(&in->data, &in->data_cap, cap);
}

static ws_status whole_file(ws_input *in, ws_document *doc)
{
    if (in->emitted)
        return WS_STATUS_COUNT;
    const size_t max = in->max_bytes;
    /* A regular file's size is known: one allocation, one read to its end
     * and one to see the end. Otherwise grow by doubling. */
    size_t cap = FIRST_CAP;
    if (in->regular && !in->src.gzip)
        cap = (size_t)WS_MIN(in->size, (uint64_t)max) + 2;
    data_reserve(in, WS_MIN(cap, max + 2));
    size_t len = 0;
    for (;;) {
        if (len + 1 >= in->data_cap)
            data_reserve(in, in->data_cap > (max + 2) / 2 ? max + 2
                                                          : in->data_cap * 2);
        /* Read at most max + 1 bytes: one past the cap proves it is
         * exceeded without reading a huge input (or gzip bomb) whole. */
        size_t room = WS_MIN(in->data_cap - 1, max + 1) - len;
        size_t got;
        ws_status st = ws_window_read(&in->win, in->data + len, room, &got);
        if (st != WS_OK)
            return st;
        if (got == 0)
            break;
        len += got;
        if (len > max)
            return too_big(in);
    }
    in->data[len] = '\0';
    doc->source = in->name.data;
    doc->data = in->data;
    doc->len = len;
    in->emitted++;
    return WS_OK;
}

/* ---- paths, directories, files ------------------------------------------ */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Starts walking the directory open as fd (in->name). */
static ws_status push_dir(ws_input *in, int fd, const struct stat *st)
{
    if (in->n_dirs >= MAX_DEPTH) {
        close(fd);
        ws_buf_clear(&in->err);
        ws_buf_printf(&in->err,
                      "%s: directories nested deeper than %d; skipped",
                      in->name.data, MAX_DEPTH);
        return WS_ERR_LIMIT;
    }
    for (size_t i = 0; i < in->n_dirs; i++) {
        if (in->dirs[i].dev == st->st_dev && in->dirs[i].ino == st->st_ino) {
            close(fd);
            ws_buf_clear(&in->err);
            ws_buf_printf(&in->err,
                          "%s: directory loop (it contains itself); skipped",
                          in->name.data);
            return WS_ERR_LIMIT;
        }
    }
    DIR *d = fdopendir(fd);
    if (!d) {
        int e = errno;
        close(fd);
        return fail_errno(in, "cannot read directory", e);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        /* Hidden entries (., .., .git, editor and OS droppings) are not
         * news; a hidden path named on the command line is still read. */
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = ws_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = ws_xstrdup(e->d_name);
        errno = 0;
    }
    int read_errno = errno;
    closedir(d);
    if (read_errno) {
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return fail_errno(in, "cannot read directory", read_errno);
    }
    if (n > 1)
        qsort(names, n, sizeof *names, name_cmp);
    if (in->n_dirs == in->cap_dirs) {
        in->cap_dirs = in->cap_dirs ? in->cap_dirs * 2 : 8;
        in->dirs = ws_xrealloc(in->dirs, in->cap_dirs * sizeof *in->dirs);
    }
    dir_frame *f = &in->dirs[in->n_dirs++];
    f->path = ws_xstrdup(in->name.data);
    f->names = names;
    f->n = n;
    f->next = 0;
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    return WS_OK;
}

/* Sets in->name to the next path to open; false at the end. */
static bool next_path(ws_input *in, bool *walked)
{
    ws_buf_clear(&in->name);
    while (in->n_dirs) {
        dir_frame *f = &in->dirs[in->n_dirs - 1];
        if (f->next == f->n) {
            pop_dir(in);
            continue;
        }
        char *entry = f->names[f->next];
        f->names[f->next++] = NULL;
        size_t plen = strlen(f->path);
        ws_buf_puts(&in->name, f->path);
        if (plen == 0 || f->path[plen - 1] != '/')
            ws_buf_putc(&in->name, '/');
        ws_buf_puts(&in->name, entry);
        free(entry);
        *walked = true;
        return true;
    }
    if (in->next_path < in->n_paths) {
        ws_buf_puts(&in->name, in->paths[in->next_path++]);
        *walked = false;
        return true;
    }
    return false;
}

/* Picks the container by the first decompressed bytes, which stay in the
 * window for it: "WARC/1." is a WARC file (ISO 28500 puts the version
 * first, so no other text starts that way); a first non-blank '{' whose
 * line parses as a JSON object is JSON Lines; anything else is one
 * document. */
static ws_status pick_container(ws_input *in)
{
    ws_window *w = &in->win;
    ws_window_init(w, &in->src, w->buf);
    /* Enough for the WARC magic; for JSON, up to the end of the first
     * line or a full window. A pipe or a gzip member may give less per
     * read. */
    size_t first = 0; /* the first non-blank byte (after a UTF-8 BOM) */
    for (;;) {
        const char *p = w->buf;
        size_t n = w->len;
        first = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (first < n && ws_is_space((unsigned char)p[first]))
            first++;
        bool braced = first < n && p[first] == '{';
        bool enough = n >= 8 && (!braced || memchr(p + first, '\n', n - first));
        if (enough || w->eof || n == WS_WINDOW)
            break;
        ws_status st = ws_window_fill(w);
        if (st != WS_OK)
            return st;
    }
    const char *p = w->buf;
    size_t n = w->len;
    in->container = whole_file;
    if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0) {
        in->container = ws_warc_next;
    } else if (first < n && p[first] == '{') {
        /* Blank lines before the first object are allowed. */
        const char *nl = memchr(p + first, '\n', n - first);
        size_t end = nl ? (size_t)(nl - p) : n;
        if (ws_jsonl_sniff(p + first, end - first, nl || w->eof))
            in->container = ws_jsonl_next;
    }
    return WS_OK;
}

/* Opens fd (in->name) as a source and picks its container. */
static ws_status start_file(ws_input *in, int fd, bool close_fd,
                            const struct stat *st)
{
    ws_status s = ws_source_open(&in->src, in->name.data, fd, close_fd, in->raw,
                                 &in->err);
    in->src_open = true;
    in->regular = st && S_ISREG(st->st_mode);
    in->size = in->regular ? (uint64_t)st->st_size : 0;
    if (s == WS_OK)
        s = pick_container(in);
    if (s == WS_OK && in->container == whole_file && in->regular &&
        !in->src.gzip && in->size > in->max_bytes)
        s = too_big(in);
    if (s != WS_OK) {
        close_file(in);
        return s;
    }
    return WS_OK;
}

/* Opens in->name: pushes a directory, starts a file, or skips what a walk
 * does not read. */
static ws_status open_path(ws_input *in, bool walked)
{
    const char *path = in->name.data;
    if (!walked && strcmp(path, "-") == 0)
        return start_file(in, STDIN_FILENO, false, NULL);
    struct stat st;
    if (walked) {
        if (lstat(path, &st) != 0)
            return fail_errno(in, "cannot open", errno);
        if (S_ISLNK(st.st_mode)) {
            if (stat(path, &st) != 0)
                return fail_errno(in, "cannot open (broken symbolic link)",
                                  errno);
            /* Symbolic links to directories are not followed inside a
             * walk, as find(1) does by default: they loop or duplicate. */
            if (S_ISDIR(st.st_mode))
                return WS_OK;
        }
        /* Pipes, sockets and devices found in a walk would block or never
         * end; a user who means one names it. */
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            return WS_OK;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        bool dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        return fail_errno(in, dir ? "cannot open directory" : "cannot open", e);
    }
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail_errno(in, "cannot open", e);
    }
    if (S_ISDIR(st.st_mode))
        return push_dir(in, fd, &st);
    if (!in_shard(in, path)) {
        close(fd);
        return WS_OK;
    }
    return start_file(in, fd, true, &st);
}

ws_status ws_input_next(ws_input *in, ws_document *doc)
{
    memset(doc, 0, sizeof *doc);
    ws_buf_clear(&in->err);
    for (;;) {
        if (in->container) {
            in->keep_file = false;
            ws_status st = in->container(in, doc);
            if (st == WS_OK) {
                in->stats.documents++;
                return WS_OK;
            }
            if (in->keep_file && st != WS_STATUS_COUNT) {
                memset(doc, 0, sizeof *doc);
                return st;
            }
            close_file(in);
            if (st != WS_STATUS_COUNT) {
                memset(doc, 0, sizeof *doc);
                return st;
            }
            continue;
        }
        bool walked;
        if (!next_path(in, &walked))
            return WS_STATUS_COUNT;
        ws_status st = open_path(in, walked);
        if (st != WS_OK)
            return st;
    }
}

void ws_input_stats_get(const ws_input *in, ws_input_stats *out)
{
    *out = in->stats;
}

static void summary_part(ws_buf *b, size_t n, const char *one,
                         const char *many)
{
    if (!n)
        return;
    ws_buf_printf(b, "%s%zu %s", b->len ? ", " : "skipped ", n,
                  n == 1 ? one : many);
}

const char *ws_input_summary(ws_input *in)
{
    const ws_input_stats *s = &in->stats;
    ws_buf *b = &in->summary;
    ws_buf_clear(b);
    size_t records = s->warc_request + s->warc_metadata + s->warc_warcinfo +
                     s->warc_revisit + s->warc_other;
    if (records) {
        summary_part(b, records, "WARC record (", "WARC records (");
        const char *sep = "";
        const struct {
            size_t n;
            const char *kind;
        } kinds[] = {{s->warc_request, "request"},
                     {s->warc_metadata, "metadata"},
                     {s->warc_warcinfo, "warcinfo"},
                     {s->warc_revisit, "revisit"},
                     {s->warc_other, "other"}};
        for (size_t i = 0; i < WS_COUNT(kinds); i++) {
            if (!kinds[i].n)
                continue;
            ws_buf_printf(b, "%s%zu %s", sep, kinds[i].n, kinds[i].kind);
            sep = ", ";
        }
        ws_buf_putc(b, ')');
    }
    summary_part(b, s->http_status, "response with an HTTP status other "
                 "than 2xx", "responses with an HTTP status other than 2xx");
    summary_part(b, s->not_text, "payload that is not HTML or text",
                 "payloads that are not HTML or text");
    summary_part(b, s->blank_lines, "blank line", "blank lines");
    return ws_buf_cstr(b);
}
