/* Unit tests for decode: every charset fixture in tests/corpus/charset
 * against its expected UTF-8, detection on short windows of Ukrainian and
 * Russian text, declarations and their overrides, U+FFFD, control
 * characters, caps, and NFC against utf8proc. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "decode/charset.h"

/* The fixtures live beside this file's folder; WS_CHARSET_FIXTURES
 * overrides that for out-of-tree runs. */
static char *fixture_dir(void)
{
    const char *env = getenv("WS_CHARSET_FIXTURES");
    if (env)
        return ws_xstrdup(env);
    const char *file = __FILE__;
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0;
    ws_buf b;
    ws_buf_init(&b, 0);
    if (n)
        ws_buf_append(&b, file, n);
    else
        ws_buf_putc(&b, '.');
    ws_buf_puts(&b, "/../corpus/charset");
    return ws_buf_detach(&b, NULL);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ws_buf b;
    ws_buf_init(&b, 0);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ws_buf_append(&b, chunk, n);
    fclose(f);
    return ws_buf_detach(&b, len);
}

/* Decodes s and returns the output (caller frees) and the charset. */
static char *decode(const char *s, size_t n, const char *hint,
                    const char **charset)
{
    ws_buf out;
    ws_buf_init(&out, 0);
    assert_int_equal(ws_decode(s, n, hint, &out, charset), WS_OK);
    assert_true(ws_utf8_valid(out.data ? out.data : "", out.len));
    return ws_buf_detach(&out, NULL);
}

static void check(const char *in, const char *hint, const char *want,
                  const char *want_charset)
{
    const char *cs = NULL;
    char *got = decode(in, strlen(in), hint, &cs);
    assert_string_equal(got, want);
    if (want_charset)
        assert_string_equal(cs, want_charset);
    free(got);
}

/* The charset a fixture name promises: the longest known label after the
 * language ("ru-koi8-r-meta1251.html" -> koi8-r). */
static const char *charset_of_name(const char *name)
{
    const char *p = strchr(name, '-');
    assert_non_null(p);
    p++;
    const char *end = strchr(p, '.');
    for (size_t n = end ? (size_t)(end - p) : strlen(p); n > 0; n--) {
        if (p[n] != '-' && p[n] != '.' && p[n] != '\0')
            continue;
        const char *cs = ws_charset_canonical(p, n);
        if (cs)
            return cs;
    }
    fail_msg("no charset in fixture name %s", name);
    return NULL;
}

static bool is_fixture(const char *name)
{
    size_t n = strlen(name);
    const char *suffix = ".expected.txt";
    size_t k = strlen(suffix);
    if (name[0] == '.' || (n > k && strcmp(name + n - k, suffix) == 0))
        return false;
    return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".html") == 0);
}

/* Decodes every fixture and compares text and charset with what its name
 * and its .expected.txt promise. With header set, the charset is given as
 * an HTTP Content-Type (or WARC) header would give it, upper-cased as
 * servers often write it. Returns the number of fixtures. */
static int check_fixtures(bool header)
{
    char *dir = fixture_dir();
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int count = 0;
    while ((e = readdir(d))) {
        if (!is_fixture(e->d_name))
            continue;
        char path[4096], expected_path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(expected_path, sizeof expected_path, "%s.expected.txt", path);
        size_t len, want_len;
        char *bytes = read_all(path, &len);
        char *want = read_all(expected_path, &want_len);
        assert_non_null(bytes);
        assert_non_null(want);
        const char *want_cs = charset_of_name(e->d_name);
        char hint[64] = "";
        for (size_t k = 0; header && want_cs[k] && k + 1 < sizeof hint; k++)
            hint[k] = (char)toupper((unsigned char)want_cs[k]);
        const char *cs = NULL;
        char *got = decode(bytes, len, header ? hint : NULL, &cs);
        if (strcmp(got, want) != 0)
            fail_msg("%s%s%s: decoded text differs", e->d_name,
                     header ? " with header " : "", hint);
        /* Latin-1 reads as its superset windows-1252. */
        if (strcmp(want_cs, "iso-8859-1") == 0 &&
            strcmp(cs, "windows-1252") == 0)
            want_cs = cs;
        if (strcmp(cs, want_cs) != 0)
            fail_msg("%s%s%s: charset %s, expected %s", e->d_name,
                     header ? " with header " : "", hint, cs, want_cs);
        free(got);
        free(bytes);
        free(want);
        count++;
    }
    closedir(d);
    free(dir);
    return count;
}

static void fixtures_decode_as_expected(void **state)
{
    (void)state;
    assert_true(check_fixtures(false) >= 20);
}

/* Every fixture again with its charset declared by a header: the header
 * is the first declaration after a BOM. A wrong header (a server default)
 * on legacy Cyrillic loses to the statistics. */
static void declared_by_http_header(void **state)
{
    (void)state;
    assert_true(check_fixtures(true) >= 30);

    /* Server defaults that do not fit the bytes. */
    static const struct {
        const char *file, *hint, *want;
    } wrong[] = {
        {"ru-koi8-r-nometa.txt", "windows-1251", "koi8-r"},
        {"uk-windows-1251-nometa.txt", "iso-8859-1", "windows-1251"},
        {"uk-koi8-u-nometa.txt", "windows-1252", "koi8-u"},
        {"ru-windows-1251-nometa.txt", "utf-8", "windows-1251"},
        {"uk-utf-8.txt", "windows-1251", "utf-8"},
    };
    char *dir = fixture_dir();
    for (size_t i = 0; i < WS_COUNT(wrong); i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, wrong[i].file);
        size_t len;
        char *bytes = read_all(path, &len);
        assert_non_null(bytes);
        const char *cs = NULL;
        char *got = decode(bytes, len, wrong[i].hint, &cs);
        if (strcmp(cs, wrong[i].want) != 0)
            fail_msg("%s under header %s: charset %s, expected %s",
                     wrong[i].file, wrong[i].hint, cs, wrong[i].want);
        free(got);
        free(bytes);
    }
    free(dir);
}

/* Windows of 200 bytes (every 25 bytes) of the Ukrainian and Russian
 * fixtures without declarations: statistics alone must name the charset. */
static void detection_on_short_windows(void **state)
{
    (void)state;
    static const char *const names[] = {
        "uk-windows-1251-nometa.txt", "uk-koi8-u-nometa.txt",
        "uk-iso-8859-5-nometa.txt",   "ru-windows-1251-nometa.txt",
        "ru-koi8-r-nometa.txt",       "ru-iso-8859-5-nometa.txt",
    };
    char *dir = fixture_dir();
    for (size_t i = 0; i < WS_COUNT(names); i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *bytes = read_all(path, &len);
        assert_non_null(bytes);
        const char *want = charset_of_name(names[i]);
        assert_true(len > 400);
        for (size_t at = 0; at + 200 <= len; at += 25) {
            const char *got = ws_charset_guess(bytes + at, 200);
            if (strcmp(got, want) != 0)
                fail_msg("%s at %zu: guessed %s", names[i], at, got);
        }
        free(bytes);
    }
    free(dir);
}

static void ascii_and_utf8(void **state)
{
    (void)state;
    check("", NULL, "", "utf-8");
    check("plain ASCII text\n", NULL, "plain ASCII text\n", "utf-8");
    check("Київ — столиця", NULL, "Київ — столиця", "utf-8");
    /* Pure ASCII reports the declared charset. */
    check("abc", "cp1251", "abc", "windows-1251");
    check("<meta charset=\"koi8-r\">abc", NULL, "<meta charset=\"koi8-r\">abc",
          "koi8-r");
    /* A BOM is dropped. */
    check("\xEF\xBB\xBFhi", NULL, "hi", "utf-8");
}

static void invalid_bytes_become_fffd(void **state)
{
    (void)state;
    /* Much valid UTF-8 with a few broken bytes stays UTF-8. */
    check("Україна \xFF Київ \xD0", NULL,
          "Україна \xEF\xBF\xBD Київ \xEF\xBF\xBD", "utf-8");
    /* Overlong forms and surrogates are invalid. */
    check("Привіт \xC0\xAF \xED\xA0\x80 світ, привіт Києве", NULL,
          "Привіт \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD"
          "\xEF\xBF\xBD світ, привіт Києве",
          "utf-8");
    /* A single stray Latin-1 byte in ASCII is windows-1252, not U+FFFD. */
    check("caf\xE9 au lait", NULL, "café au lait", "windows-1252");
    /* Undefined bytes of a single-byte charset. */
    check("\x98\xEF\xF0\xE8\xE2\xB3\xF2 \xF1\xE2\xB3\xF2", "windows-1251",
          "\xEF\xBF\xBDпривіт світ", "windows-1251");
}

static void controls_are_dropped(void **state)
{
    (void)state;
    static const char in[] = "a\0b\x01"
                             "c\td\r\ne\x1F\x7F";
    const char *cs;
    char *got = decode(in, sizeof in - 1, NULL, &cs);
    assert_string_equal(got, "abc\td\r\ne\x7F");
    free(got);
    check("\xF2\xE5\x01\xF1\xF2 \xEA\xE8\xBF\xE2", "windows-1251", "тест київ",
          "windows-1251");
}

static void declarations(void **state)
{
    (void)state;
    /* "Новини України" in windows-1251 and koi8-u. */
    const char *w1251 = "\xCD\xEE\xE2\xE8\xED\xE8 \xD3\xEA\xF0\xE0\xBF\xED\xE8";
    const char *koi8u = "\xEE\xCF\xD7\xC9\xCE\xC9 \xF5\xCB\xD2\xC1\xA7\xCE\xC9";
    check(w1251, "windows-1251", "Новини України", "windows-1251");
    check(w1251, "CP1251", "Новини України", "windows-1251");
    check(koi8u, "koi8-u", "Новини України", "koi8-u");
    /* A declared UTF-8 that the bytes contradict is ignored. */
    check(w1251, "utf-8", "Новини України", "windows-1251");
    /* Valid non-ASCII UTF-8 wins over a declared legacy charset. */
    check("Новини України", "windows-1251", "Новини України", "utf-8");
    check("Новини України", "koi8-r", "Новини України", "utf-8");
    /* The hint comes before <meta>. */
    char page[256];
    snprintf(page, sizeof page, "<meta charset=koi8-u><p>%s", koi8u);
    check(page, "koi8-u", "<meta charset=koi8-u><p>Новини України", "koi8-u");
    check(page, NULL, "<meta charset=koi8-u><p>Новини України", "koi8-u");
    /* Unknown labels fall through to statistics. */
    check(w1251, "x-unknown", "Новини України", "windows-1251");
}

static void mislabelled_legacy_is_overridden(void **state)
{
    (void)state;
    /* A long Russian paragraph in windows-1251 declared as koi8-r (or the
     * windows-1252 server default) reads as windows-1251. */
    const char *ru = "Министры иностранных дел также обсудили подготовку к "
                     "саммиту в Гааге и финансирование военной помощи на "
                     "следующий год. Решение примут в декабре.";
    ws_buf enc;
    ws_buf_init(&enc, 0);
    /* Encode through our own table, reversed. */
    for (size_t i = 0; ru[i];) {
        uint32_t cp;
        size_t k = ws_utf8_decode(ru + i, strlen(ru + i), &cp);
        i += k;
        if (cp < 0x80) {
            ws_buf_putc(&enc, (char)cp);
            continue;
        }
        for (int b = 0; b < 128; b++)
            if (ws_cs_windows_1251[b] == cp) {
                ws_buf_putc(&enc, (char)(0x80 + b));
                break;
            }
    }
    check(enc.data, "koi8-r", ru, "windows-1251");
    check(enc.data, "iso-8859-1", ru, "windows-1251");
    check(enc.data, "windows-1252", ru, "windows-1251");
    ws_buf_cleanup(&enc);
}

static void utf16(void **state)
{
    (void)state;
    static const char le[] = "\xFF\xFEh\0i\0 \0\x1A\x04\x38\x04\x57\x04\x32"
                             "\x04\x3D\xD8\x00\xDE";
    const char *cs;
    char *got = decode(le, sizeof le - 1, NULL, &cs);
    assert_string_equal(cs, "utf-16le");
    assert_string_equal(got, "hi Київ\xF0\x9F\x98\x80");
    free(got);
    /* A lone surrogate and an odd trailing byte. */
    static const char be[] = "\xFE\xFF\0a\xD8\x00\0b\0";
    got = decode(be, sizeof be - 1, NULL, &cs);
    assert_string_equal(cs, "utf-16be");
    assert_string_equal(got, "a\xEF\xBF\xBD"
                             "b\xEF\xBF\xBD");
    free(got);
    /* No BOM: the NULs of ASCII text give the byte order away. */
    static const char nobom[] = "<\0p\0>\0N\0e\0w\0s\0 \0\x1A\x04\x38\x04";
    got = decode(nobom, sizeof nobom - 1, NULL, &cs);
    assert_string_equal(cs, "utf-16le");
    assert_string_equal(got, "<p>News Ки");
    free(got);
}

static void iconv_charsets(void **state)
{
    (void)state;
    /* "中文" in GBK, declared by the caller. */
    check("\xD6\xD0\xCE\xC4", "gb2312", "中文", "gbk");
    /* A broken GBK pair becomes U+FFFD; decoding goes on. */
    check("\xD6\xD0\xFF\xCE\xC4", "gbk", "中\xEF\xBF\xBD文", "gbk");
}

static void canonical_names(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"cp1251", "windows-1251"},
        {"Windows-1251", "windows-1251"},
        {"win-1251", "windows-1251"},
        {"x-cp1251", "windows-1251"},
        {"KOI8-R", "koi8-r"},
        {"koi8u", "koi8-u"},
        {"latin1", "iso-8859-1"},
        {"ISO_8859-1", "iso-8859-1"},
        {"utf8", "utf-8"},
        {"UTF-8", "utf-8"},
        {"\"utf-8\"", "utf-8"},
        {" cp1252 ", "windows-1252"},
        {"iso-8859-2", "iso-8859-2"},
        {"latin2", "iso-8859-2"},
        {"iso-8859-5", "iso-8859-5"},
        {"utf-16", "utf-16le"},
        {"gb2312", "gbk"},
        {"US-ASCII", "us-ascii"},
    };
    for (size_t i = 0; i < WS_COUNT(pairs); i++) {
        const char *got =
            ws_charset_canonical(pairs[i][0], strlen(pairs[i][0]));
        assert_non_null(got);
        assert_string_equal(got, pairs[i][1]);
    }
    assert_null(ws_charset_canonical("x-klingon", 9));
    assert_null(ws_charset_canonical("", 0));
    assert_null(ws_charset_canonical(NULL, 0));
}

static void meta_sniffing(void **state)
{
    (void)state;
    static const struct {
        const char *html;
        const char *want; /* NULL: none found */
    } cases[] = {
        {"<meta charset=\"windows-1251\">", "windows-1251"},
        {"<META CHARSET=KOI8-U/>", "koi8-u"},
        {"<meta http-equiv='Content-Type' content='text/html; "
         "charset=iso-8859-5'>",
         "iso-8859-5"},
        {"<meta content=\"text/html;charset = cp1251\" "
         "http-equiv=\"content-type\">",
         "windows-1251"},
        {"<meta name=\"description\" content=\"charset=koi8-r\">", NULL},
        {"<!-- <meta charset=koi8-r> --><meta charset=cp1251>", "windows-1251"},
        {"<?xml version=\"1.0\" encoding='windows-1251'?><html>",
         "windows-1251"},
        {"<metadata charset=koi8-r>", NULL},
        {"<meta charset=x-unknown><meta charset=latin2>", "iso-8859-2"},
        {"<meta charset=", NULL},
        {"<meta charset=\"koi8-r", "koi8-r"}, /* cut at 4 KB */
    };
    for (size_t i = 0; i < WS_COUNT(cases); i++) {
        const ws_charset *cs =
            ws_charset_from_meta(cases[i].html, strlen(cases[i].html));
        if (!cases[i].want) {
            assert_null(cs);
            continue;
        }
        assert_non_null(cs);
        assert_string_equal(cs->name, cases[i].want);
    }
    /* Past the first 4 KB a declaration is not looked for. */
    ws_buf b;
    ws_buf_init(&b, 0);
    for (int i = 0; i < 5000; i++)
        ws_buf_putc(&b, ' ');
    ws_buf_puts(&b, "<meta charset=koi8-r>");
    assert_null(ws_charset_from_meta(b.data, b.len));
    ws_buf_cleanup(&b);
}

static void caps_are_respected(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "plain ASCII that is long enough",
        "Україна переможе, каже генсек",
        "\xCD\xEE\xE2\xE8\xED\xE8 \xD3\xEA\xF0\xE0\xBF\xED\xE8 "
        "\xCD\xEE\xE2\xE8\xED\xE8",
        "e\xCC\x81"
        "e\xCC\x81"
        "e\xCC\x81"
        "e\xCC\x81"
        "e\xCC\x81",
    };
    for (size_t i = 0; i < WS_COUNT(inputs); i++) {
        size_t n = strlen(inputs[i]);
        char *full = decode(inputs[i], n, NULL, NULL);
        size_t full_len = strlen(full);
        /* Exactly enough room succeeds; one byte less fails cleanly. */
        ws_buf out;
        ws_buf_init(&out, full_len + 3);
        ws_buf_puts(&out, "ab:");
        assert_int_equal(ws_decode(inputs[i], n, NULL, &out, NULL), WS_OK);
        assert_string_equal(out.data + 3, full);
        ws_buf_cleanup(&out);
        ws_buf_init(&out, full_len + 2);
        ws_buf_puts(&out, "ab:");
        assert_int_equal(ws_decode(inputs[i], n, NULL, &out, NULL),
                         WS_ERR_TOO_BIG);
        assert_int_equal(out.len, 3);
        assert_string_equal(out.data, "ab:");
        ws_buf_cleanup(&out);
        free(full);
    }
    /* UTF-16 over the cap. */
    ws_buf out;
    ws_buf_init(&out, 4);
    assert_int_equal(ws_decode("\xFF\xFEh\0e\0l\0l\0o\0", 12, NULL, &out, NULL),
                     WS_ERR_TOO_BIG);
    assert_int_equal(out.len, 0);
    ws_buf_cleanup(&out);
}

static void nfc_known_cases(void **state)
{
    (void)state;
    check("Cafe\xCC\x81", NULL, "Café", "utf-8");
    /* й decomposed (и + combining breve). */
    check("\xD0\xB8\xCC\x86 \xD1\x96\xCC\x88", NULL, "й ї", "utf-8");
    /* Marks reordered by combining class: a + acute(230) + dot below(220).
     */
    check("a\xCC\x81\xCC\xA3", NULL, "\xE1\xBA\xA1\xCC\x81", "utf-8");
    /* Singletons: Angstrom sign, Ohm sign. */
    check("\xE2\x84\xAB \xE2\x84\xA6", NULL, "Å Ω", "utf-8");
    /* Hangul jamo compose to a syllable. */
    check("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", NULL, "\xEA\xB0\x81",
          "utf-8");
    /* A mark at the very start has nothing to compose with. */
    check("\xCC\x81"
          "abc",
          NULL,
          "\xCC\x81"
          "abc",
          "utf-8");
    /* A control between base and mark is dropped; the pair composes. */
    check("e\x01\xCC\x81", NULL, "é", "utf-8");
}

/* Random strings from a pool rich in normalisation cases must come out
 * exactly as utf8proc_NFC gives them. */
static void nfc_matches_utf8proc(void **state)
{
    (void)state;
    static const uint32_t pool[] = {
        'a',    'e',    'o',    'A',    ' ',    '.',     0x438,  0x418,
        0x456,  0x306,  0x308,  0x301,  0x300,  0x323,   0x327,  0x31B,
        0x1100, 0x1161, 0x11A8, 0xAC00, 0x212B, 0x2126,  0x0958, 0x0915,
        0x093C, 0x09C7, 0x09BE, 0x0F73, 0x1E0A, 0x0483,  0x05B0, 0x1F600,
        0x00E9, 0x0435, 0x0451, 0x3099, 0x304B, 0x1D15E, 0xFB2A, 0x0344,
    };
    srand(12345);
    for (int iter = 0; iter < 20000; iter++) {
        char in[256];
        size_t n = 0;
        int len = rand() % 24;
        for (int k = 0; k < len; k++)
            n += ws_utf8_encode(pool[rand() % WS_COUNT(pool)], in + n);
        in[n] = '\0';
        char *got = decode(in, n, NULL, NULL);
        utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)in);
        assert_non_null(want);
        if (strcmp(got, (const char *)want) != 0)
            fail_msg("NFC differs for input #%d", iter);
        free(want);
        free(got);
    }
}

/* The generated NFC-safe bitmap agrees with utf8proc's Unicode data. */
static void nfc_safe_table_matches_utf8proc(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (ws_nfc_safe(cp)) {
            assert_int_equal(
                utf8proc_get_property((utf8proc_int32_t)cp)->combining_class,
                0);
            char s[5] = {0};
            ws_utf8_encode(cp, s);
            utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
            if (strcmp((const char *)nfc, s) != 0)
                fail_msg("U+%04X is marked safe but NFC changes it", cp);
            free(nfc);
        }
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8,
                                                     UTF8PROC_DECOMPOSE, &last);
        for (utf8proc_ssize_t j = 1; j < k && j < 8; j++)
            if (ws_nfc_safe((uint32_t)d[j]))
                fail_msg("U+%04X composes with U+%04X marked safe",
                         (unsigned)d[0], (unsigned)d[j]);
    }
}

/* Whatever the bytes, the output is valid UTF-8 without NUL or C0
 * controls other than \t \n \r. */
static void random_bytes_give_clean_utf8(void **state)
{
    (void)state;
    srand(777);
    static const char *const hints[] = {NULL,     "utf-8",  "windows-1251",
                                        "koi8-u", "utf-16", "gbk"};
    for (int iter = 0; iter < 3000; iter++) {
        char in[512];
        size_t n = (size_t)(rand() % (int)sizeof in);
        for (size_t k = 0; k < n; k++)
            in[k] = (char)(rand() % 4 ? 0x80 + rand() % 128 : rand() % 256);
        ws_buf out;
        ws_buf_init(&out, 0);
        const char *cs = NULL;
        assert_int_equal(
            ws_decode(in, n, hints[iter % WS_COUNT(hints)], &out, &cs), WS_OK);
        assert_non_null(cs);
        assert_true(ws_utf8_valid(ws_buf_cstr(&out), out.len));
        for (size_t k = 0; k < out.len; k++) {
            unsigned char c = (unsigned char)out.data[k];
            assert_true(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
        }
        ws_buf_cleanup(&out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixtures_decode_as_expected),
        cmocka_unit_test(declared_by_http_header),
        cmocka_unit_test(detection_on_short_windows),
        cmocka_unit_test(ascii_and_utf8),
        cmocka_unit_test(invalid_bytes_become_fffd),
        cmocka_unit_test(controls_are_dropped),
        cmocka_unit_test(declarations),
        cmocka_unit_test(mislabelled_legacy_is_overridden),
        cmocka_unit_test(utf16),
        cmocka_unit_test(iconv_charsets),
        cmocka_unit_test(canonical_names),
        cmocka_unit_test(meta_sniffing),
        cmocka_unit_test(caps_are_respected),
        cmocka_unit_test(nfc_known_cases),
        cmocka_unit_test(nfc_matches_utf8proc),
        cmocka_unit_test(nfc_safe_table_matches_utf8proc),
        cmocka_unit_test(random_bytes_give_clean_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
