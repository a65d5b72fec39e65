/* Unit tests for input: files, gzip by content (multi-member, truncated,
 * corrupt, bombs), caps, directory walks (order, hidden entries, symbolic
 * links, loops, depth), errors and their messages, and stdin. Each test
 * works in its own temporary directory. */
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
