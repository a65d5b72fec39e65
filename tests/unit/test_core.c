/* Unit tests for core: capped buffers, the arena, UTF-8 decode/repair and
 * the status table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

static void buf_caps_and_grows(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, 10);
    assert_int_equal(ws_buf_puts(&b, "hello"), WS_OK);
    assert_int_equal(ws_buf_puts(&b, "world"), WS_OK);
    assert_int_equal(ws_buf_putc(&b, '!'), WS_ERR_TOO_BIG);
    assert_string_equal(ws_buf_cstr(&b), "helloworld");
    ws_buf_clear(&b);
    assert_int_equal(ws_buf_printf(&b, "%d-%s", 42, "x"), WS_OK);
    assert_string_equal(b.data, "42-x");
    ws_buf_cleanup(&b);

    ws_buf big;
    ws_buf_init(&big, 0);
    for (int i = 0; i < 100000; i++)
        assert_int_equal(ws_buf_putc(&big, 'a'), WS_OK);
    assert_int_equal(big.len, 100000);
    size_t len;
    char *s = ws_buf_detach(&big, &len);
    assert_int_equal(len, 100000);
    assert_int_equal(strlen(s), 100000);
    free(s);
    assert_null(big.data);
}

static void arena_allocates_aligned(void **state)
{
    (void)state;
    ws_arena a;
    ws_arena_init(&a);
    for (int i = 1; i < 5000; i++) {
        char *p = ws_arena_alloc(&a, (size_t)i % 97 + 1);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        memset(p, 'x', (size_t)i % 97 + 1);
    }
    char *big = ws_arena_alloc(&a, 1 << 20);
    memset(big, 0, 1 << 20);
    assert_string_equal(ws_arena_strndup(&a, "abcdef", 3), "abc");
    ws_arena_cleanup(&a);
    ws_arena_cleanup(&a); /* twice is harmless */
}

static void utf8_decodes_and_rejects(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(ws_utf8_decode("\xD0\x96", 2, &cp), 2);
    assert_int_equal(cp, 0x416);
    assert_int_equal(ws_utf8_decode("\xE2\x80\x9C", 3, &cp), 3);
    assert_int_equal(cp, 0x201C);
    assert_int_equal(ws_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* overlong, surrogate, truncated, stray continuation */
    assert_int_equal(ws_utf8_decode("\xC0\xAF", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(ws_utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    assert_int_equal(ws_utf8_decode("\xE2\x80", 2, &cp), 1);
    assert_int_equal(ws_utf8_decode("\x80", 1, &cp), 1);
    assert_true(ws_utf8_valid("plain \xD0\x96", 8));
    assert_false(ws_utf8_valid("bad \xFF", 5));

    char out[4];
    assert_int_equal(ws_utf8_encode(0x20AC, out), 3);
    assert_memory_equal(out, "\xE2\x82\xAC", 3);
    assert_int_equal(ws_utf8_encode(0xD800, out), 3); /* U+FFFD */
    assert_memory_equal(out, "\xEF\xBF\xBD", 3);
}

static void utf8_repair_replaces_and_drops(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, 0);
    assert_int_equal(ws_utf8_repair(&b, "a\xFF" "b\x00" "c\x01\td\xD0", 9),
                     WS_OK);
    assert_string_equal(b.data, "a\xEF\xBF\xBD" "bc\td\xEF\xBF\xBD");
    assert_true(ws_utf8_valid(b.data, b.len));
    ws_buf_cleanup(&b);
}

static void ascii_helpers(void **state)
{
    (void)state;
    assert_true(ws_ascii_ieq("HeLLo", 5, "hello"));
    assert_false(ws_ascii_ieq("Hello", 4, "hello"));
    const char *s = "The Article-Body here";
    assert_ptr_equal(ws_ascii_find(s, strlen(s), "article-body"), s + 4);
    assert_null(ws_ascii_find(s, strlen(s), "sidebar"));
    assert_int_not_equal(ws_hash64("a", 1), ws_hash64("b", 1));
}

static void status_messages(void **state)
{
    (void)state;
    assert_string_equal(ws_status_str(WS_OK), "success");
    assert_string_equal(ws_status_str(WS_ERR_EMPTY), "input is empty");
    assert_string_equal(ws_status_str((ws_status)999), "unknown status");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buf_caps_and_grows),
        cmocka_unit_test(arena_allocates_aligned),
        cmocka_unit_test(utf8_decodes_and_rejects),
        cmocka_unit_test(utf8_repair_replaces_and_drops),
        cmocka_unit_test(ascii_helpers),
        cmocka_unit_test(status_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
