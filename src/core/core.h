/* Core services every stage uses: aborting allocation, a growable byte
 * buffer with a hard cap, a bump arena, and UTF-8 helpers. Depends on
 * nothing but libc; internal to libwhosaid (not installed). */
#ifndef WS_CORE_H
#define WS_CORE_H

#include "whosaid/status.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WS_UNUSED(x) ((void)(x))
#define WS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define WS_MAX(a, b) ((a) > (b) ? (a) : (b))
#define WS_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: never returns NULL; prints a message and aborts on OOM. */
void *ws_xmalloc(size_t n);
void *ws_xcalloc(size_t count, size_t n);
void *ws_xrealloc(void *p, size_t n);
char *ws_xstrdup(const char *s);
char *ws_xstrndup(const char *s, size_t n);

/* A growable byte buffer. `data` is always NUL-terminated once anything was
 * appended (or after ws_buf_cstr). `max` caps len; appends past it fail with
 * WS_ERR_TOO_BIG and leave the buffer unchanged. max == 0 means SIZE_MAX/2. */
typedef struct ws_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max;
} ws_buf;

void ws_buf_init(ws_buf *b, size_t max);
void ws_buf_cleanup(ws_buf *b);
void ws_buf_clear(ws_buf *b);
ws_status ws_buf_reserve(ws_buf *b, size_t extra);
ws_status ws_buf_append(ws_buf *b, const void *p, size_t n);
ws_status ws_buf_puts(ws_buf *b, const char *s);
ws_status ws_buf_putc(ws_buf *b, char c);
ws_status ws_buf_printf(ws_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns a NUL-terminated string (never NULL, "" when empty). */
const char *ws_buf_cstr(ws_buf *b);
/* Hands the data to the caller (free() it) and resets the buffer. */
char *ws_buf_detach(ws_buf *b, size_t *len);
/* Appends s[0..n) as a quoted JSON string (s is valid UTF-8). */
void ws_buf_json(ws_buf *b, const char *s, size_t n);

/* Bump arena: everything allocated from it is freed at once by
 * ws_arena_cleanup. Allocation aborts on OOM like ws_xmalloc. */
typedef struct ws_arena_chunk ws_arena_chunk;
typedef struct ws_arena {
    ws_arena_chunk *head;
    size_t used_total;
} ws_arena;

void ws_arena_init(ws_arena *a);
void ws_arena_cleanup(ws_arena *a);
void *ws_arena_alloc(ws_arena *a, size_t n);
char *ws_arena_strndup(ws_arena *a, const char *s, size_t n);

/* UTF-8. ws_utf8_decode reads one code point from s[0..n): returns its byte
 * length (1..4) and stores it in *cp; an invalid or truncated sequence gives
 * length 1 and *cp = 0xFFFD. n must be > 0. */
size_t ws_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes cp as UTF-8 to out (4 bytes room); returns the length. Surrogates
 * and values past 0x10FFFF are written as U+FFFD. */
size_t ws_utf8_encode(uint32_t cp, char *out);
/* True when s[0..n) is entirely valid UTF-8. */
bool ws_utf8_valid(const char *s, size_t n);
/* Appends s[0..n) to out with every invalid sequence replaced by U+FFFD and
 * NUL/C0 controls other than \t \n \r dropped. */
ws_status ws_utf8_repair(ws_buf *out, const char *s, size_t n);

/* ASCII helpers that ignore the locale. */
static inline bool ws_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}
static inline unsigned char ws_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}
static inline bool ws_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
static inline bool ws_is_alpha(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}
/* Case-insensitive ASCII compare of s[0..n) with the C string lit. */
bool ws_ascii_ieq(const char *s, size_t n, const char *lit);
/* Case-insensitive ASCII search for lit in s[0..n); NULL when absent. */
const char *ws_ascii_find(const char *s, size_t n, const char *lit);

/* 64-bit FNV-1a, for content ids and hashing. */
uint64_t ws_hash64(const void *p, size_t n);

#endif
