/* Bump arena: one per document, so everything derived from a page (tokens,
 * nodes, blocks) is released in one call and nothing leaks on error paths. */
#include "core.h"

#include <stdlib.h>
#include <string.h>

struct ws_arena_chunk {
    ws_arena_chunk *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

#define CHUNK_MIN ((size_t)64 * 1024)

void ws_arena_init(ws_arena *a)
{
    a->head = NULL;
    a->used_total = 0;
}

void ws_arena_cleanup(ws_arena *a)
{
    ws_arena_chunk *c = a->head;
    while (c) {
        ws_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *ws_arena_alloc(ws_arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    ws_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
        if (c && c->size * 2 > size && c->size < 16 * CHUNK_MIN)
            size = c->size * 2;
        c = ws_xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    a->used_total += n;
    return p;
}

char *ws_arena_strndup(ws_arena *a, const char *s, size_t n)
{
    char *p = ws_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
