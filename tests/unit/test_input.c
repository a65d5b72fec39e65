/* Unit tests for input: files, gzip by content (multi-member, truncated,
 * corrupt, bombs), caps, directory walks (order, hidden entries, symbolic
 * links, loops, depth), errors and their messages, stdin, WARC records
 * (plain, per-record and whole-file gzip, HTTP layer, skipped kinds,
 * damage) and JSON Lines (escapes, bad lines, caps). Each test works in
 * its own temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/core.h"
#include "whosaid/input.h"

/* ---- helpers ------------------------------------------------------------ */

static char *tmpdir(void)
{
    char tmpl[] = "/tmp/ws_input_XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    return ws_xstrdup(tmpl);
}

static char *join(const char *dir, const char *name)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "%s/%s", dir, name);
    return ws_buf_detach(&b, NULL);
}

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d))) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char *child = join(path, e->d_name);
                rm_rf(child);
                free(child);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void write_file(const char *dir, const char *name, const void *data,
                       size_t len)
{
    char *path = join(dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    free(path);
}

static void write_str(const char *dir, const char *name, const char *s)
{
    write_file(dir, name, s, strlen(s));
}

/* One gzip member of data[0..n), appended to out. */
static void gzip_member(const void *data, size_t n, ws_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(
        deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
        Z_OK);
    size_t bound = deflateBound(&z, (uLong)n) + 64;
    assert_int_equal(ws_buf_reserve(out, bound), WS_OK);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->data + out->len;
    z.avail_out = (uInt)bound;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += z.total_out;
    deflateEnd(&z);
}

/* Writes a gzip file the way gzip(1) does, through zlib's gzopen. */
static void write_gz(const char *dir, const char *name, const char *s)
{
    char *path = join(dir, name);
    gzFile f = gzopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(gzwrite(f, s, (unsigned)strlen(s)), (int)strlen(s));
    assert_int_equal(gzclose(f), Z_OK);
    free(path);
}

static ws_input *open_one(const char *path, size_t max)
{
    ws_input_opts o = {.max_bytes = max};
    return ws_input_new(&path, 1, &o);
}

/* The next document must be path with the given content. */
static void expect_doc(ws_input *in, const char *path, const char *content)
{
    ws_document doc;
    ws_status st = ws_input_next(in, &doc);
    if (st != WS_OK)
        fail_msg("expected %s, got status %d: %s", path, st,
                 ws_input_errmsg(in));
    assert_string_equal(doc.source, path);
    assert_int_equal(doc.len, strlen(content));
    assert_memory_equal(doc.data, content, doc.len);
    assert_int_equal(doc.data[doc.len], '\0');
    assert_null(doc.url);
    assert_null(doc.charset);
    assert_string_equal(ws_input_errmsg(in), "");
}

/* The next call must fail with st and a message containing each part. */
static void expect_error(ws_input *in, ws_status want, const char *part1,
                         const char *part2)
{
    ws_document doc;
    ws_status st = ws_input_next(in, &doc);
    const char *msg = ws_input_errmsg(in);
    if (st != want)
        fail_msg("expected status %d, got %d (%s)", want, st, msg);
    if (part1 && !strstr(msg, part1))
        fail_msg("message \"%s\" lacks \"%s\"", msg, part1);
    if (part2 && !strstr(msg, part2))
        fail_msg("message \"%s\" lacks \"%s\"", msg, part2);
}

static void expect_end(ws_input *in)
{
    ws_document doc;
    assert_int_equal(ws_input_next(in, &doc), WS_STATUS_COUNT);
    /* And it stays at the end. */
    assert_int_equal(ws_input_next(in, &doc), WS_STATUS_COUNT);
}

/* ---- tests -------------------------------------------------------------- */

static void plain_and_gzip_by_content(void **state)
{
    (void)state;
    char *dir = tmpdir();
    write_str(dir, "a.txt", "hello");
    write_gz(dir, "b.txt.gz", "<p>world</p>");
    write_gz(dir, "c.html", "gzip without a .gz name");
    write_str(dir, "d.gz", "plain text with a .gz name");
    write_str(dir, "e", "\x1F"); /* half a magic number is plain */
    ws_input *in = open_one(dir, 0);
    char *a = join(dir, "a.txt"), *b = join(dir, "b.txt.gz");
    char *c = join(dir, "c.html"), *d = join(dir, "d.gz");
    char *e = join(dir, "e");
    expect_doc(in, a, "hello");
    expect_doc(in, b, "<p>world</p>");
    expect_doc(in, c, "gzip without a .gz name");
    expect_doc(in, d, "plain text with a .gz name");
    expect_doc(in, e, "\x1F");
    expect_end(in);
    ws_input_free(in);
    free(a), free(b), free(c), free(d), free(e);
    rm_rf(dir);
    free(dir);
}

static void multi_member_gzip(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member("part one, ", 10, &gz);
    gzip_member("", 0, &gz); /* an empty member in between */
    gzip_member("part two", 8, &gz);
    write_file(dir, "two.gz", gz.data, gz.len);
    /* Zero padding after the last member is ignored, as gzip -d does. */
    ws_buf_append(&gz, "\0\0\0\0\0\0\0\0", 8);
    write_file(dir, "padded.gz", gz.data, gz.len);
    ws_buf_cleanup(&gz);
    ws_input *in = open_one(dir, 0);
    char *padded = join(dir, "padded.gz"), *two = join(dir, "two.gz");
    expect_doc(in, padded, "part one, part two");
    expect_doc(in, two, "part one, part two");
    expect_end(in);
    ws_input_free(in);
    free(padded), free(two);
    rm_rf(dir);
    free(dir);
}

/* Text that compresses poorly, so a gzip of it is long enough to cut. */
static char *noisy_text(size_t n)
{
    char *s = ws_xmalloc(n + 1);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (char)('a' + (x >> 16) % 26);
    }
    s[n] = '\0';
    return s;
}

static void truncated_and_corrupt_gzip(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char *text = noisy_text(100000);
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member(text, 100000, &gz);
    /* 1: cut in the middle of the deflate data. */
    write_file(dir, "1-cut.gz", gz.data, gz.len / 2);
    /* 2: only the magic bytes. */
    write_file(dir, "2-magic.gz", gz.data, 2);
    /* 3: the trailer's CRC damaged. */
    gz.data[gz.len - 6] ^= 0x55;
    write_file(dir, "3-crc.gz", gz.data, gz.len);
    gz.data[gz.len - 6] ^= 0x55;
    /* 4: a bad block type in the first deflate block. */
    gz.data[10] = (char)0xFF;
    write_file(dir, "4-bad.gz", gz.data, gz.len);
    write_str(dir, "5-ok.txt", "still read");

    ws_input *in = open_one(dir, 0);
    char offset[64];
    snprintf(offset, sizeof offset, "at compressed byte %zu", gz.len / 2);
    expect_error(in, WS_ERR_TRUNCATED, "1-cut.gz: truncated gzip stream",
                 offset);
    expect_error(in, WS_ERR_TRUNCATED, "2-magic.gz: truncated gzip stream",
                 "at compressed byte 2");
    expect_error(in, WS_ERR_GZIP, "3-crc.gz: corrupt gzip data at",
                 "incorrect data check");
    expect_error(in, WS_ERR_GZIP, "4-bad.gz: corrupt gzip data at", NULL);
    char *ok = join(dir, "5-ok.txt");
    expect_doc(in, ok, "still read");
    expect_end(in);
    ws_input_free(in);
    ws_buf_cleanup(&gz);
    free(text);
    free(ok);
    rm_rf(dir);
    free(dir);
}

static void empty_file_is_a_document(void **state)
{
    (void)state;
    char *dir = tmpdir();
    write_str(dir, "empty.txt", "");
    write_gz(dir, "empty.gz", "");
    ws_input *in = open_one(dir, 0);
    char *e1 = join(dir, "empty.gz"), *e2 = join(dir, "empty.txt");
    expect_doc(in, e1, "");
    expect_doc(in, e2, "");
    expect_end(in);
    ws_input_free(in);
    free(e1), free(e2);
    rm_rf(dir);
    free(dir);
}

static void caps(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char *text = noisy_text(1001);
    write_file(dir, "a-1001", text, 1001);
    write_file(dir, "b-1000", text, 1000);
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member(text, 1001, &gz);
    write_file(dir, "c-1001.gz", gz.data, gz.len);
    ws_input *in = open_one(dir, 1000);
    expect_error(in, WS_ERR_TOO_BIG,
                 "a-1001: larger than --max-bytes "
                 "(1000 bytes); skipped",
                 NULL);
    char *b = join(dir, "b-1000");
    text[1000] = '\0';
    expect_doc(in, b, text);
    expect_error(in, WS_ERR_TOO_BIG, "c-1001.gz: larger than --max-bytes",
                 "when decompressed; skipped");
    expect_end(in);
    ws_input_free(in);
    ws_buf_cleanup(&gz);
    free(text);
    free(b);
    rm_rf(dir);
    free(dir);
}

/* A gzip bomb stops at the cap; a huge sparse file is refused by its size
 * without being read. Both must be quick. */
static void bombs_and_huge_files(void **state)
{
    (void)state;
    char *dir = tmpdir();
    size_t n = (size_t)64 << 20;
    char *zeros = ws_xcalloc(1, n);
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member(zeros, n, &gz);
    free(zeros);
    assert_true(gz.len < n / 500);
    write_file(dir, "bomb.gz", gz.data, gz.len);
    ws_buf_cleanup(&gz);
    char *huge = join(dir, "huge.txt");
    int fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)1 << 40), 0);
    close(fd);

    ws_input *in = open_one(dir, (size_t)1 << 20);
    expect_error(in, WS_ERR_TOO_BIG,
                 "bomb.gz: larger than --max-bytes "
                 "(1048576 bytes) when decompressed",
                 NULL);
    expect_error(in, WS_ERR_TOO_BIG, "huge.txt: larger than --max-bytes", NULL);
    expect_end(in);
    ws_input_free(in);
    /* The default cap, 64 MiB, refuses the 1 TiB file just as fast. */
    in = open_one(huge, 0);
    expect_error(in, WS_ERR_TOO_BIG, "(67108864 bytes); skipped", NULL);
    ws_input_free(in);
    free(huge);
    rm_rf(dir);
    free(dir);
}

static void directory_order_and_hidden(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char *sub = join(dir, "b"), *deeper = join(dir, "b/z");
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(mkdir(deeper, 0755), 0);
    write_str(dir, "c.txt", "c");
    write_str(dir, "a.txt", "a");
    write_str(dir, "B.txt", "B"); /* byte order: upper case first */
    write_str(dir, "b/2.txt", "b2");
    write_str(dir, "b/10.txt", "b10"); /* "10" < "2" in byte order */
    write_str(dir, "b/z/deep.txt", "deep");
    write_str(dir, ".hidden.txt", "hidden");
    char *git = join(dir, ".git");
    assert_int_equal(mkdir(git, 0755), 0);
    write_str(dir, ".git/config", "hidden");
    /* With a trailing slash, paths do not get a double one. */
    ws_buf slash;
    ws_buf_init(&slash, 0);
    ws_buf_printf(&slash, "%s/", dir);
    const char *paths[] = {slash.data, git};
    ws_input *in = ws_input_new(paths, 2, NULL);
    static const char *const order[][2] = {
        {"B.txt", "B"},
        {"a.txt", "a"},
        {"b/10.txt", "b10"},
        {"b/2.txt", "b2"},
        {"b/z/deep.txt", "deep"},
        {"c.txt", "c"},
        {".git/config", "hidden"}, /* named on the command line */
    };
    for (size_t i = 0; i < WS_COUNT(order); i++) {
        char *p = join(dir, order[i][0]);
        expect_doc(in, p, order[i][1]);
        free(p);
    }
    expect_end(in);
    ws_input_free(in);
    ws_buf_cleanup(&slash);
    free(sub), free(deeper), free(git);
    rm_rf(dir);
    free(dir);
}

static void symlinks_loops_and_specials(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char *sub = join(dir, "d");
    assert_int_equal(mkdir(sub, 0755), 0);
    write_str(dir, "d/real.txt", "real");
    char *loop = join(dir, "d/loop"), *link = join(dir, "d/link.txt");
    char *broken = join(dir, "d/broken.txt"), *fifo = join(dir, "d/fifo");
    assert_int_equal(symlink("..", loop), 0);        /* a directory loop */
    assert_int_equal(symlink("real.txt", link), 0);  /* a file: followed */
    assert_int_equal(symlink("nowhere", broken), 0); /* dangling */
    assert_int_equal(mkfifo(fifo, 0644), 0);         /* would block */
    ws_input *in = open_one(sub, 0);
    expect_error(in, WS_ERR_NOENT, "d/broken.txt: cannot open",
                 "No such file or directory");
    char *real = join(dir, "d/real.txt");
    expect_doc(in, link, "real");
    expect_doc(in, real, "real");
    free(real);
    expect_end(in);
    ws_input_free(in);
    /* A symlinked directory named by the user is followed; inside the walk
     * the link back up is not, so the tree is read once. */
    in = open_one(loop, 0);
    ws_document doc;
    size_t docs = 0;
    ws_status st;
    int loops = 0;
    while ((st = ws_input_next(in, &doc)) != WS_STATUS_COUNT) {
        if (st == WS_OK)
            docs++;
        else if (st == WS_ERR_LIMIT)
            loops++;
    }
    assert_int_equal(docs, 2); /* d/link.txt and d/real.txt, once */
    assert_int_equal(loops, 0);
    ws_input_free(in);
    free(sub), free(loop), free(link), free(broken), free(fifo);
    rm_rf(dir);
    free(dir);
}

static void depth_limit(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf p;
    ws_buf_init(&p, 0);
    ws_buf_puts(&p, dir);
    for (int i = 0; i < 300; i++) {
        ws_buf_puts(&p, "/d");
        assert_int_equal(mkdir(p.data, 0755), 0);
    }
    ws_input *in = open_one(dir, 0);
    expect_error(in, WS_ERR_LIMIT, "directories nested deeper than 256", NULL);
    expect_end(in);
    ws_input_free(in);
    ws_buf_cleanup(&p);
    rm_rf(dir);
    free(dir);
}

static void errors_name_the_path(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char *missing = join(dir, "missing.txt");
    char *notdir = join(dir, "f.txt/x");
    write_str(dir, "f.txt", "f");
    char *f = join(dir, "f.txt");
    const char *paths[] = {missing, notdir, f};
    ws_input *in = ws_input_new(paths, 3, NULL);
    assert_string_equal(ws_input_errmsg(in), "");
    expect_error(in, WS_ERR_NOENT, "missing.txt: cannot open",
                 "No such file or directory");
    expect_error(in, WS_ERR_NOENT, "f.txt/x: cannot open", NULL);
    expect_doc(in, f, "f");
    expect_end(in);
    ws_input_free(in);
    ws_input_free(NULL);

    /* Permission checks mean nothing to root. */
    if (geteuid() != 0) {
        write_str(dir, "locked.txt", "x");
        char *locked = join(dir, "locked.txt");
        char *ldir = join(dir, "locked-dir");
        assert_int_equal(mkdir(ldir, 0755), 0);
        write_str(dir, "locked-dir/in.txt", "x");
        assert_int_equal(chmod(locked, 0), 0);
        assert_int_equal(chmod(ldir, 0), 0);
        const char *lp[] = {locked, ldir};
        in = ws_input_new(lp, 2, NULL);
        expect_error(in, WS_ERR_IO, "locked.txt: cannot open",
                     "Permission denied");
        expect_error(in, WS_ERR_IO, "locked-dir: cannot open directory",
                     "Permission denied");
        expect_end(in);
        ws_input_free(in);
        free(locked), free(ldir);
    }
    free(missing), free(notdir), free(f);
    rm_rf(dir);
    free(dir);
}

/* Runs a reader over stdin redirected from fd; returns its one document's
 * content (caller frees). */
static char *read_stdin_from(int fd, const char *const *paths, size_t n)
{
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    ws_input *in = ws_input_new(paths, n, NULL);
    ws_document doc;
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.source, "-");
    char *s = ws_xstrndup(doc.data, doc.len);
    expect_end(in);
    ws_input_free(in);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
    return s;
}

static void standard_input(void **state)
{
    (void)state;
    char *dir = tmpdir();
    write_str(dir, "in.txt", "from a file on stdin");
    char *path = join(dir, "in.txt");
    char *s = read_stdin_from(open(path, O_RDONLY), NULL, 0);
    assert_string_equal(s, "from a file on stdin");
    free(s);
    /* A pipe carrying gzip, named "-". */
    int p[2];
    assert_int_equal(pipe(p), 0);
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member("gzip through a pipe", 19, &gz);
    assert_int_equal(write(p[1], gz.data, gz.len), (ssize_t)gz.len);
    close(p[1]);
    ws_buf_cleanup(&gz);
    const char *dash[] = {"-"};
    s = read_stdin_from(p[0], dash, 1);
    assert_string_equal(s, "gzip through a pipe");
    free(s);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Many inputs: the reader keeps one buffer, and each document is intact. */
static void many_inputs(void **state)
{
    (void)state;
    char *dir = tmpdir();
    char name[32], content[64];
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "f%03d.txt", i);
        snprintf(content, sizeof content, "document number %d", i);
        if (i % 3 == 0)
            write_gz(dir, name, content);
        else
            write_str(dir, name, content);
    }
    ws_input *in = open_one(dir, 0);
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "f%03d.txt", i);
        snprintf(content, sizeof content, "document number %d", i);
        char *p = join(dir, name);
        expect_doc(in, p, content);
        free(p);
    }
    expect_end(in);
    ws_input_free(in);
    rm_rf(dir);
    free(dir);
}

/* ---- WARC ---------------------------------------------------------------- */

/* Appends one WARC record with the given type, URI (or NULL) and extra
 * header lines (each ending in CRLF) to out. */
static void warc_record(ws_buf *out, const char *type, const char *uri,
                        const char *extra, const char *block, size_t n)
{
    ws_buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uri)
        ws_buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
    ws_buf_printf(out,
                  "WARC-Date: 2025-12-03T10:00:00Z\r\n%sContent-Length: "
                  "%zu\r\n\r\n",
                  extra ? extra : "", n);
    ws_buf_append(out, block, n);
    ws_buf_puts(out, "\r\n\r\n");
}

static const char HTTP_HTML[] = "application/http; msgtype=response\r\n";

static void http_record(ws_buf *out, const char *uri, const char *head,
                        const char *body)
{
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_printf(&b, "%s\r\n\r\n%s", head, body);
    char extra[128];
    snprintf(extra, sizeof extra, "Content-Type: %s", HTTP_HTML);
    warc_record(out, "response", uri, extra, b.data, b.len);
    ws_buf_cleanup(&b);
}

/* The records of a small crawl: every kind once, two pages. *n_rec is set
 * to the number of records, starts[] to their offsets in the plain file. */
static void sample_warc(ws_buf *out, size_t *starts, size_t *n_rec)
{
    size_t k = 0;
    starts[k++] = out->len;
    warc_record(out, "warcinfo", NULL,
                "Content-Type: application/warc-fields\r\n",
                "software: test\r\n", 16);
    starts[k++] = out->len;
    warc_record(out, "request", "http://a.example/1",
                "Content-Type: application/http; msgtype=request\r\n",
                "GET /1 HTTP/1.1\r\n\r\n", 19);
    starts[k++] = out->len;
    http_record(out, "http://a.example/1",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                "charset=windows-1251",
                "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>");
    starts[k++] = out->len;
    warc_record(out, "metadata", "http://a.example/1",
                "Content-Type: application/warc-fields\r\n", "x: y\r\n", 6);
    starts[k++] = out->len;
    warc_record(out, "revisit", "http://a.example/1", NULL,
                "HTTP/1.1 200 OK\r\n\r\n", 19);
    starts[k++] = out->len;
    http_record(out, "http://a.example/404", "HTTP/1.1 404 Not Found",
                "<p>gone</p>");
    starts[k++] = out->len;
    http_record(out, "http://a.example/img.png",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png", "\x89PNG");
    starts[k++] = out->len;
    warc_record(out, "resource", "<file:///notes.txt>",
                "Content-Type: text/plain\r\n", "plain notes", 11);
    *n_rec = k;
}

static void expect_record(ws_input *in, const char *source, const char *url,
                          const char *charset, const char *content)
{
    ws_document doc;
    ws_status st = ws_input_next(in, &doc);
    if (st != WS_OK)
        fail_msg("expected %s, got status %d: %s", source, st,
                 ws_input_errmsg(in));
    assert_string_equal(doc.source, source);
    assert_string_equal(doc.url, url);
    if (charset)
        assert_string_equal(doc.charset, charset);
    else
        assert_null(doc.charset);
    assert_int_equal(doc.len, strlen(content));
    assert_memory_equal(doc.data, content, doc.len);
    assert_int_equal(doc.data[doc.len], '\0');
    assert_string_equal(doc.crawl_date, "2025-12-03T10:00:00Z");
    assert_null(doc.date); /* a crawl date is not a publication date */
}

static void expect_sample_counts(ws_input *in, size_t files)
{
    ws_input_stats s;
    ws_input_stats_get(in, &s);
    assert_int_equal(s.documents, 2 * files);
    assert_int_equal(s.warc_request, files);
    assert_int_equal(s.warc_metadata, files);
    assert_int_equal(s.warc_warcinfo, files);
    assert_int_equal(s.warc_revisit, files);
    assert_int_equal(s.http_status, files);
    assert_int_equal(s.not_text, files);
    assert_non_null(strstr(ws_input_summary(in), "skipped "));
    assert_non_null(strstr(ws_input_summary(in), " revisit"));
}

static void warc_plain_and_gzip(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf plain, per, whole;
    ws_buf_init(&plain, 0);
    ws_buf_init(&per, 0);
    ws_buf_init(&whole, 0);
    size_t starts[16], n;
    sample_warc(&plain, starts, &n);
    /* Per-record gzip: member i starts at gz_starts[i]. */
    size_t gz_starts[16];
    for (size_t i = 0; i < n; i++) {
        size_t end = i + 1 < n ? starts[i + 1] : plain.len;
        gz_starts[i] = per.len;
        gzip_member(plain.data + starts[i], end - starts[i], &per);
    }
    gzip_member(plain.data, plain.len, &whole);
    write_file(dir, "a.warc", plain.data, plain.len);
    write_file(dir, "b.warc.gz", per.data, per.len);
    write_file(dir, "c.bin", whole.data, whole.len);
    char *a = join(dir, "a.warc"), *b = join(dir, "b.warc.gz");
    char *c = join(dir, "c.bin");
    char src[512];
    const char *page = "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";

    ws_input *in = open_one(a, 0);
    snprintf(src, sizeof src, "%s:%zu", a, starts[2]);
    expect_record(in, src, "http://a.example/1", "windows-1251", page);
    snprintf(src, sizeof src, "%s:%zu", a, starts[7]);
    expect_record(in, src, "file:///notes.txt", NULL, "plain notes");
    expect_end(in);
    expect_sample_counts(in, 1);
    ws_input_free(in);

    /* Per-record gzip: the offset is the member's, as CDX indexes give. */
    in = open_one(b, 0);
    snprintf(src, sizeof src, "%s:%zu", b, gz_starts[2]);
    expect_record(in, src, "http://a.example/1", "windows-1251", page);
    snprintf(src, sizeof src, "%s:%zu", b, gz_starts[7]);
    expect_record(in, src, "file:///notes.txt", NULL, "plain notes");
    expect_end(in);
    ws_input_free(in);

    /* One member for the whole file: offsets in the decompressed stream. */
    in = open_one(c, 0);
    snprintf(src, sizeof src, "%s:%zu", c, starts[2]);
    expect_record(in, src, "http://a.example/1", "windows-1251", page);
    snprintf(src, sizeof src, "%s:%zu", c, starts[7]);
    expect_record(in, src, "file:///notes.txt", NULL, "plain notes");
    expect_end(in);
    ws_input_free(in);

    /* All three in a row: counts add up over the inputs. */
    const char *all[] = {a, b, c};
    in = ws_input_new(all, 3, NULL);
    ws_document doc;
    for (int i = 0; i < 6; i++)
        assert_int_equal(ws_input_next(in, &doc), WS_OK);
    expect_end(in);
    expect_sample_counts(in, 3);
    ws_input_free(in);

    ws_buf_cleanup(&plain);
    ws_buf_cleanup(&per);
    ws_buf_cleanup(&whole);
    free(a), free(b), free(c);
    rm_rf(dir);
    free(dir);
}

static void warc_http_layer(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf w, gz, chunked;
    ws_buf_init(&w, 0);
    ws_buf_init(&gz, 0);
    ws_buf_init(&chunked, 0);
    /* Chunked, with an extension and a trailer. */
    http_record(&w, "http://x/1",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                "Content-Type: text/html",
                "5\r\n<p>He\r\n8;ext=1\r\nllo worl\r\n3\r\nd</\r\n"
                "3\r\np>\n\r\n0\r\nX-Trailer: 1\r\n\r\n");
    /* Gzip content coding, sent chunked. */
    const char *text = "<p>inflated page</p>";
    gzip_member(text, strlen(text), &gz);
    ws_buf_printf(&chunked, "%zx\r\n", gz.len);
    ws_buf_append(&chunked, gz.data, gz.len);
    ws_buf_puts(&chunked, "\r\n0\r\n\r\n");
    ws_buf head;
    ws_buf_init(&head, 0);
    ws_buf_puts(&head, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n");
    ws_buf_append(&head, chunked.data, chunked.len);
    warc_record(&w, "response", "http://x/2",
                "Content-Type: application/http; msgtype=response\r\n",
                head.data, head.len);
    /* A header saying chunked over a body stored decoded, and Common
     * Crawl's renamed header: both taken as they are. */
    http_record(&w, "http://x/3",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", "<p>as is</p>");
    http_record(&w, "http://x/4",
                "HTTP/1.1 200 OK\r\nX-Crawler-Transfer-Encoding: chunked",
                "5\r\nhello");
    /* Brotli is not undone: counted, not returned. */
    http_record(&w, "http://x/5", "HTTP/1.1 200 OK\r\nContent-Encoding: br",
                "\x1b\x03");
    /* LF-only HTTP head; a block without an HTTP head at all. */
    http_record(&w, "http://x/6", "HTTP/1.0 203 OK\nContent-Type: TEXT/HTML",
                "<p>six</p>");
    warc_record(&w, "response", "http://x/7",
                "Content-Type: application/http; msgtype=response\r\n",
                "<p>seven</p>", 12);
    write_file(dir, "h.warc", w.data, w.len);
    char *path = join(dir, "h.warc");
    ws_input *in = open_one(path, 0);
    const char *want[][2] = {
        {"http://x/1", "<p>Hello world</p>\n"},
        {"http://x/2", "<p>inflated page</p>"},
        {"http://x/3", "<p>as is</p>"},
        {"http://x/4", "5\r\nhello"},
        {"http://x/6", "<p>six</p>"},
        {"http://x/7", "<p>seven</p>"},
    };
    for (size_t i = 0; i < WS_COUNT(want); i++) {
        ws_document doc;
        ws_status st = ws_input_next(in, &doc);
        if (st != WS_OK)
            fail_msg("record %zu: %s", i, ws_input_errmsg(in));
        assert_string_equal(doc.url, want[i][0]);
        assert_int_equal(doc.len, strlen(want[i][1]));
        assert_memory_equal(doc.data, want[i][1], doc.len);
    }
    expect_end(in);
    ws_input_stats s;
    ws_input_stats_get(in, &s);
    assert_int_equal(s.not_text, 1);
    ws_input_free(in);
    ws_buf_cleanup(&w);
    ws_buf_cleanup(&gz);
    ws_buf_cleanup(&chunked);
    ws_buf_cleanup(&head);
    free(path);
    rm_rf(dir);
    free(dir);
}

static void warc_damage(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf w;
    ws_buf_init(&w, 0);
    http_record(&w, "http://d/1", "HTTP/1.1 200 OK", "<p>one</p>");
    size_t second = w.len;
    http_record(&w, "http://d/2", "HTTP/1.1 200 OK", "<p>two, cut short</p>");
    char *path = join(dir, "t.warc");
    char at[64];
    snprintf(at, sizeof at, "at byte %zu", second);

    /* Cut inside the second block, then inside its header. */
    size_t cuts[] = {w.len - 10, second + 20};
    for (size_t i = 0; i < WS_COUNT(cuts); i++) {
        write_file(dir, "t.warc", w.data, cuts[i]);
        ws_input *in = open_one(path, 0);
        ws_document doc;
        assert_int_equal(ws_input_next(in, &doc), WS_OK);
        assert_string_equal(doc.url, "http://d/1");
        expect_error(in, WS_ERR_TRUNCATED, at, "truncated");
        expect_end(in);
        ws_input_free(in);
    }

    /* A truncated gzip member: the records before it are kept. */
    ws_buf gz;
    ws_buf_init(&gz, 0);
    gzip_member(w.data, second, &gz);
    size_t second_gz = gz.len;
    gzip_member(w.data + second, w.len - second, &gz);
    write_file(dir, "t.warc", gz.data, gz.len - 12);
    ws_input *in = open_one(path, 0);
    ws_document doc;
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    snprintf(at, sizeof at, "at byte %zu", second_gz);
    expect_error(in, WS_ERR_TRUNCATED, at, "records before it were read");
    expect_end(in);
    ws_input_free(in);

    /* Corrupt: a record that is not one, a header without a length. */
    ws_buf bad;
    ws_buf_init(&bad, 0);
    ws_buf_append(&bad, w.data, second);
    ws_buf_puts(&bad, "WARX/1.0\r\nWARC-Type: response\r\n\r\n");
    write_file(dir, "t.warc", bad.data, bad.len);
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    snprintf(at, sizeof at, "at byte %zu", second);
    expect_error(in, WS_ERR_IO, at, "not a WARC record");
    expect_end(in);
    ws_input_free(in);
    bad.len = second;
    ws_buf_puts(&bad, "WARC/1.0\r\nWARC-Type: response\r\n"
                      "Content-Length: 12x\r\n\r\nabc");
    write_file(dir, "t.warc", bad.data, bad.len);
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    expect_error(in, WS_ERR_IO, at, "Content-Length");
    expect_end(in);
    ws_input_free(in);

    /* A header line that never ends: refused after the window's size. */
    bad.len = second;
    ws_buf_puts(&bad, "WARC/1.0\r\nX-Long: ");
    for (int i = 0; i < 200000; i++)
        ws_buf_putc(&bad, 'x');
    write_file(dir, "t.warc", bad.data, bad.len);
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    expect_error(in, WS_ERR_IO, at, "header longer than");
    expect_end(in);
    ws_input_free(in);

    ws_buf_cleanup(&bad);
    ws_buf_cleanup(&gz);
    ws_buf_cleanup(&w);
    free(path);
    rm_rf(dir);
    free(dir);
}

static void warc_record_over_cap(void **state)
{
    (void)state;
    char *dir = tmpdir();
    ws_buf w, big;
    ws_buf_init(&w, 0);
    ws_buf_init(&big, 0);
    for (int i = 0; i < 5000; i++)
        ws_buf_puts(&big, "<p>big page</p>\n");
    http_record(&w, "http://c/1", "HTTP/1.1 200 OK", "<p>small</p>");
    size_t second = w.len;
    http_record(&w, "http://c/2", "HTTP/1.1 200 OK", big.data);
    http_record(&w, "http://c/3", "HTTP/1.1 200 OK", "<p>after</p>");
    /* A gzip content coding that inflates past the cap. */
    ws_buf zeros, gz, head;
    ws_buf_init(&zeros, 0);
    ws_buf_init(&gz, 0);
    ws_buf_init(&head, 0);
    for (int i = 0; i < 200000; i++)
        ws_buf_putc(&zeros, 'a');
    gzip_member(zeros.data, zeros.len, &gz);
    ws_buf_puts(&head, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n");
    ws_buf_append(&head, gz.data, gz.len);
    size_t fourth = w.len;
    warc_record(&w, "response", "http://c/4",
                "Content-Type: application/http; msgtype=response\r\n",
                head.data, head.len);
    http_record(&w, "http://c/5", "HTTP/1.1 200 OK", "<p>last</p>");

    ws_buf per;
    ws_buf_init(&per, 0);
    gzip_member(w.data, w.len, &per);
    write_file(dir, "a.warc", w.data, w.len);
    write_file(dir, "b.warc.gz", per.data, per.len);
    for (int f = 0; f < 2; f++) {
        char *path = join(dir, f ? "b.warc.gz" : "a.warc");
        ws_input *in = open_one(path, 10000);
        ws_document doc;
        char at[64];
        assert_int_equal(ws_input_next(in, &doc), WS_OK);
        assert_string_equal(doc.url, "http://c/1");
        snprintf(at, sizeof at, "at byte %zu", second);
        expect_error(in, WS_ERR_TOO_BIG, at, "--max-bytes");
        assert_int_equal(ws_input_next(in, &doc), WS_OK);
        assert_string_equal(doc.url, "http://c/3");
        snprintf(at, sizeof at, "at byte %zu", fourth);
        expect_error(in, WS_ERR_TOO_BIG, at, "decompressed");
        assert_int_equal(ws_input_next(in, &doc), WS_OK);
        assert_string_equal(doc.url, "http://c/5");
        expect_end(in);
        ws_input_free(in);
        free(path);
    }
    ws_buf_cleanup(&w);
    ws_buf_cleanup(&big);
    ws_buf_cleanup(&zeros);
    ws_buf_cleanup(&gz);
    ws_buf_cleanup(&head);
    ws_buf_cleanup(&per);
    rm_rf(dir);
    free(dir);
}

/* The fixtures of ../shared/eval/warc (real crawls), when the tests run
 * from a checkout with the shared folder beside it (as CI has it). */
static void warc_shared_fixtures(void **state)
{
    (void)state;
    /* CMake compiles this file by its absolute path, which gives the
     * repository's root; WS_SHARED_WARC overrides. */
    char root[1024], path[1200];
    const char *base = getenv("WS_SHARED_WARC");
    if (!base) {
        const char *tail = strstr(__FILE__, "tests/unit/test_input.c");
        int n = tail ? (int)(tail - __FILE__) : 0;
        snprintf(root, sizeof root, "%.*s../shared/eval/warc", n, __FILE__);
        base = root;
    }
    snprintf(path, sizeof path, "%s/warcio-example.warc.gz", base);
    struct stat st;
    if (stat(path, &st) != 0)
        fail_msg("missing fixture %s (../shared/eval/warc beside the "
                 "repository)", path);
    static const struct {
        const char *file;
        size_t docs, errors;
    } want[] = {
        {"warcio-example.warc.gz", 1, 0},
        {"warcio-example-iana.org-chunked.warc", 1, 0},
        {"resiliparse-warcfile.warc.gz", 16, 0},
        {"resiliparse-clipped.warc.gz", 0, 1},
        {"josimtext-cc-test.warc.gz", 35, 1},
    };
    for (size_t i = 0; i < WS_COUNT(want); i++) {
        snprintf(path, sizeof path, "%s/%s", base, want[i].file);
        ws_input *in = open_one(path, 0);
        ws_document doc;
        ws_status s;
        size_t docs = 0, errors = 0;
        while ((s = ws_input_next(in, &doc)) != WS_STATUS_COUNT) {
            if (s == WS_OK) {
                docs++;
                assert_non_null(doc.url);
            } else {
                errors++;
                assert_non_null(strstr(ws_input_errmsg(in), "at byte "));
            }
        }
        if (docs != want[i].docs || errors != want[i].errors)
            fail_msg("%s: %zu documents, %zu errors", want[i].file, docs,
                     errors);
        ws_input_free(in);
    }
}

/* ---- JSON Lines ------------------------------------------------------------ */

static void jsonl_lines(void **state)
{
    (void)state;
    char *dir = tmpdir();
    const char *lines =
        "{\"url\": \"http://j/1\", \"html\": \"<p>one</p>\", \"date\": "
        "\"2025-12-03\", \"outlet\": \"UNN\"}\n"
        "\n"
        "{\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t \\u00e9\\u0416\\u20ac"
        "\\ud83d\\ude00 \\ud800x\",\"url\":null,\"extra\":[1,-2.5e3,{\"k\":"
        "[true,false,null,{}]},[]]}\r\n"
        "{\"html\": \"<p>x</p>\", \"text\": \"x\", \"date\": 20251203}\n"
        "not json at all\n"
        "{\"url\": \"http://j/5\"}\n"
        "{\"html\": \"unterminated}\n"
        "{\"html\": \"bad \\x escape\"}\n"
        "{\"html\": \"ok\"} trailing\n"
        "{\"html\": \"raw\ttab\"}\n"
        "[\"array\"]\n"
        "{\"html\": 01}\n"
        "{\"html\": \"last\"}";
    write_str(dir, "feed", lines);
    char *path = join(dir, "feed");
    ws_input *in = open_one(path, 0);
    ws_document doc;
    char src[512];

    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    snprintf(src, sizeof src, "%s:1", path);
    assert_string_equal(doc.source, src);
    assert_string_equal(doc.data, "<p>one</p>");
    assert_string_equal(doc.url, "http://j/1");
    assert_string_equal(doc.date, "2025-12-03");
    assert_string_equal(doc.outlet, "UNN");
    assert_string_equal(doc.format, "html");
    assert_string_equal(doc.charset, "utf-8");

    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    snprintf(src, sizeof src, "%s:3", path);
    assert_string_equal(doc.source, src);
    const char *want = "a\"b\\c/d\b\f\n\r\t \xC3\xA9\xD0\x96\xE2\x82\xAC"
                       "\xF0\x9F\x98\x80 \xEF\xBF\xBDx";
    assert_int_equal(doc.len, strlen(want));
    assert_memory_equal(doc.data, want, doc.len);
    assert_null(doc.url);
    assert_null(doc.date);
    assert_string_equal(doc.format, "text");

    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "<p>x</p>"); /* html wins */
    assert_null(doc.date);                     /* not a string */

    snprintf(src, sizeof src, "%s:5: invalid JSON", path);
    expect_error(in, WS_ERR_IO, src, "column 1");
    snprintf(src, sizeof src, "%s:6:", path);
    expect_error(in, WS_ERR_EMPTY, src, "no \"html\" or \"text\"");
    snprintf(src, sizeof src, "%s:7:", path);
    expect_error(in, WS_ERR_IO, src, "unterminated string");
    snprintf(src, sizeof src, "%s:8:", path);
    expect_error(in, WS_ERR_IO, src, "invalid escape");
    snprintf(src, sizeof src, "%s:9:", path);
    expect_error(in, WS_ERR_IO, src, "text after the object");
    snprintf(src, sizeof src, "%s:10:", path);
    expect_error(in, WS_ERR_IO, src, "control character");
    snprintf(src, sizeof src, "%s:11:", path);
    expect_error(in, WS_ERR_IO, src, "must be a JSON object");
    snprintf(src, sizeof src, "%s:12:", path);
    expect_error(in, WS_ERR_IO, src, "expected ',' or '}'");
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "last");
    snprintf(src, sizeof src, "%s:13", path);
    assert_string_equal(doc.source, src);
    expect_end(in);
    ws_input_stats s;
    ws_input_stats_get(in, &s);
    assert_int_equal(s.documents, 4);
    assert_int_equal(s.blank_lines, 1);
    ws_input_free(in);

    /* Gzip-compressed, and a first line that is not an object: then it is
     * one plain document. */
    write_gz(dir, "feed", "{\"text\": \"zipped\"}\n");
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "zipped");
    expect_end(in);
    ws_input_free(in);
    /* Blank lines and a BOM before the first object. */
    write_str(dir, "feed", "\xEF\xBB\xBF\n  \n{\"text\": \"third\"}\n");
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "third");
    snprintf(src, sizeof src, "%s:3", path);
    assert_string_equal(doc.source, src);
    expect_end(in);
    ws_input_free(in);
    write_str(dir, "feed", "{not json}\n{\"text\": \"x\"}\n");
    in = open_one(path, 0);
    expect_doc(in, path, "{not json}\n{\"text\": \"x\"}\n");
    expect_end(in);
    ws_input_free(in);

    free(path);
    rm_rf(dir);
    free(dir);
}

static void jsonl_caps(void **state)
{
    (void)state;
    char *dir = tmpdir();
    /* A 50 MB line between two good ones, read with a 1 MB cap: passed
     * over to its newline, never held. */
    char *path = join(dir, "big.jsonl");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"text\": \"before\"}\n{\"html\": \"", f);
    static char chunk[1 << 16];
    memset(chunk, 'x', sizeof chunk);
    for (size_t n = 0; n < (size_t)50 << 20; n += sizeof chunk)
        fwrite(chunk, 1, sizeof chunk, f);
    fputs("\"}\n{\"text\": \"after\"}\n", f);
    fclose(f);
    ws_input *in = open_one(path, (size_t)1 << 20);
    ws_document doc;
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "before");
    char src[512];
    snprintf(src, sizeof src, "%s:2:", path);
    expect_error(in, WS_ERR_TOO_BIG, src, "longer than --max-bytes");
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "after");
    expect_end(in);
    ws_input_free(in);

    /* Deep nesting in a skipped value: refused, no stack used. */
    ws_buf b;
    ws_buf_init(&b, 0);
    ws_buf_puts(&b, "{\"text\": \"t\"}\n{\"x\": ");
    for (int i = 0; i < 100000; i++)
        ws_buf_putc(&b, '[');
    ws_buf_puts(&b, "\n{\"text\": \"u\"}\n");
    write_file(dir, "big.jsonl", b.data, b.len);
    in = open_one(path, 0);
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    expect_error(in, WS_ERR_IO, ":2:", "nested too deeply");
    assert_int_equal(ws_input_next(in, &doc), WS_OK);
    assert_string_equal(doc.data, "u");
    expect_end(in);
    ws_input_free(in);
    ws_buf_cleanup(&b);
    free(path);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_gzip_by_content),
        cmocka_unit_test(multi_member_gzip),
        cmocka_unit_test(truncated_and_corrupt_gzip),
        cmocka_unit_test(empty_file_is_a_document),
        cmocka_unit_test(caps),
        cmocka_unit_test(bombs_and_huge_files),
        cmocka_unit_test(directory_order_and_hidden),
        cmocka_unit_test(symlinks_loops_and_specials),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(errors_name_the_path),
        cmocka_unit_test(standard_input),
        cmocka_unit_test(many_inputs),
        cmocka_unit_test(warc_plain_and_gzip),
        cmocka_unit_test(warc_http_layer),
        cmocka_unit_test(warc_damage),
        cmocka_unit_test(warc_record_over_cap),
        cmocka_unit_test(warc_shared_fixtures),
        cmocka_unit_test(jsonl_lines),
        cmocka_unit_test(jsonl_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
