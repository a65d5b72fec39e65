/* The window containers read through: decompressed bytes of the open file
 * kept ahead of the parser, so a WARC header or a JSON line can be looked
 * at in place, while large blocks go from the source straight to the
 * document buffer. Its size is fixed; memory never follows the file. */
#include "container.h"

#include <string.h>

void ws_window_init(ws_window *w, ws_source *src, char *buf)
{
    memset(w, 0, sizeof *w);
    w->src = src;
    w->buf = buf;
}

/* The bytes of the last read came from the source's current member. */
static void note_member(ws_window *w)
{
    w->member_out = w->src->member_out;
    w->member_in = w->src->member_in;
}

ws_status ws_window_fill(ws_window *w)
{
    if (w->pos == w->len) {
        w->off += w->len;
        w->pos = w->len = 0;
    } else if (w->len == WS_WINDOW && w->pos > 0) {
        memmove(w->buf, w->buf + w->pos, w->len - w->pos);
        w->off += w->pos;
        w->len -= w->pos;
        w->pos = 0;
    }
    if (w->len == WS_WINDOW || w->eof)
        return WS_OK;
    size_t got;
    ws_status st = ws_source_read(w->src, w->buf + w->len, WS_WINDOW - w->len,
                                  &got);
    if (st != WS_OK)
        return st;
    if (got == 0)
        w->eof = true;
    else
        note_member(w);
    w->len += got;
    return WS_OK;
}

uint64_t ws_window_record_offset(const ws_window *w)
{
    uint64_t here = ws_window_offset(w);
    /* A gzip member starting exactly here is how per-record compression
     * looks; inside a member (a file compressed as a whole) only the
     * decompressed offset means anything. */
    if (w->src->gzip && here == w->member_out)
        return w->member_in;
    /* Nothing of the source's current member read yet (its first read
     * failed): it starts here all the same. */
    if (w->src->gzip && w->pos == w->len && here == w->src->member_out)
        return w->src->member_in;
    return here;
}

ws_status ws_window_read(ws_window *w, char *dst, size_t n, size_t *got)
{
    size_t done = 0;
    size_t have = WS_MIN(n, w->len - w->pos);
    memcpy(dst, w->buf + w->pos, have);
    w->pos += have;
    done += have;
    if (done < n) {
        /* The window is drained: read straight into dst. */
        w->off += w->len;
        w->pos = w->len = 0;
    }
    while (done < n && !w->eof) {
        size_t k;
        ws_status st = ws_source_read(w->src, dst + done, n - done, &k);
        if (st != WS_OK) {
            *got = done;
            return st;
        }
        if (k == 0) {
            w->eof = true;
            break;
        }
        note_member(w);
        w->off += k;
        done += k;
    }
    *got = done;
    return WS_OK;
}

ws_status ws_window_skip(ws_window *w, uint64_t n, uint64_t *got)
{
    uint64_t done = 0;
    while (done < n) {
        if (w->pos == w->len) {
            ws_status st = ws_window_fill(w);
            if (st != WS_OK) {
                *got = done;
                return st;
            }
            if (w->pos == w->len)
                break; /* end of the stream */
        }
        size_t k = (size_t)WS_MIN((uint64_t)(w->len - w->pos), n - done);
        w->pos += k;
        done += k;
    }
    *got = done;
    return WS_OK;
}
