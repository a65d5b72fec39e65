/* Internal to input: the reader's state shared by its containers (the
 * whole file, WARC records, JSON lines) and a buffered window over the
 * decompressed stream that they read through. A container is picked by the
 * first decompressed bytes of each file, which the window keeps for it. */
#ifndef WS_INPUT_CONTAINER_H
#define WS_INPUT_CONTAINER_H

#include "whosaid/input.h"

#include "source.h"

#include <dirent.h>
#include <sys/types.h>

/* The window: decompressed bytes read ahead of the container. Its size is
 * also the cap on one WARC header and on the first JSON line that
 * recognising JSON Lines looks at. */
#define WS_WINDOW ((size_t)1 << 16)

typedef struct ws_window {
    ws_source *src;
    char *buf; /* WS_WINDOW + 1 bytes */
    size_t pos, len;
    uint64_t off; /* decompressed offset of buf[0] */
    bool eof;     /* the source has no more bytes */
    /* The latest gzip member start the window has read, as decompressed
     * and compressed offsets: a record starting there is found again in
     * the file at the compressed offset. */
    uint64_t member_out, member_in;
} ws_window;

typedef struct ws_input ws_input;
typedef ws_status (*container_fn)(ws_input *in, ws_document *doc);

typedef struct dir_frame {
    char *path;   /* the prefix of its entries, as the user spelled it */
    char **names; /* entries in byte order, hidden ones left out */
    size_t n, next;
    dev_t dev;
    ino_t ino;
} dir_frame;

struct ws_input {
    char **paths;
    size_t n_paths, next_path;
    size_t max_bytes;

    dir_frame *dirs; /* the directories being walked, outermost first */
    size_t n_dirs, cap_dirs;

    /* The open file. */
    ws_buf name; /* its path; messages and ws_document.source use it */
    ws_source src;
    ws_window win;
    bool src_open;
    bool regular;  /* a regular file: size known */
    uint64_t size; /* st_size of a regular file */
    container_fn container;
    size_t emitted; /* documents it yielded so far */
    uint64_t done_bytes; /* file bytes of the inputs finished so far */
    unsigned shard_k, shard_n;
    uint64_t line;  /* JSON Lines: number of the last line read */
    /* Set by a container with an error that concerns one record or line:
     * the file stays open and the next call goes on after it. */
    bool keep_file;

    unsigned char *raw; /* WS_SOURCE_CHUNK bytes for the source */
    char *data;         /* the document buffer, reused */
    size_t data_cap;
    char *aux; /* a second buffer (an inflated HTTP payload), reused */
    size_t aux_cap;
    ws_buf source, url, charset, crawl_date; /* fields of the document */
    ws_buf err;
    ws_buf summary;
    ws_input_stats stats;
};

/* Makes the document buffer (or aux) hold at least cap bytes. */
void ws_input_reserve(char **buf, size_t *have, size_t cap);

/* Window. ws_window_fill reads more bytes (compacting first when the
 * window is full of read bytes); returns WS_OK with win->eof set at the
 * end. Errors come from the source, message in its err buffer. */
void ws_window_init(ws_window *w, ws_source *src, char *buf);
ws_status ws_window_fill(ws_window *w);
/* Decompressed offset of the next unread byte. */
static inline uint64_t ws_window_offset(const ws_window *w)
{
    return w->off + w->pos;
}
/* The file offset at which a record starting at the next unread byte can
 * be found: the compressed offset of its gzip member when it starts one,
 * else its decompressed offset. */
uint64_t ws_window_record_offset(const ws_window *w);
/* Copies n bytes to dst (from the window, then the source directly); *got
 * < n only at the end of the stream. */
ws_status ws_window_read(ws_window *w, char *dst, size_t n, size_t *got);
/* Passes over n bytes without keeping them; *got < n at the end. */
ws_status ws_window_skip(ws_window *w, uint64_t n, uint64_t *got);

/* The value of a hex digit, or -1. */
static inline int ws_hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

/* Containers, chosen by ws_input's start of file. */
ws_status ws_warc_next(ws_input *in, ws_document *doc);
ws_status ws_jsonl_next(ws_input *in, ws_document *doc);
/* Whether the window's first bytes are a JSON line (an object that parses,
 * or one too long to see whole that starts like one). */
bool ws_jsonl_sniff(const char *p, size_t n, bool whole_line);

#endif
