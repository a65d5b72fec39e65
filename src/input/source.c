/* Byte sources for input: a file descriptor read as it is or inflated with
 * zlib when it starts with the gzip magic bytes, whatever its name. Gzip
 * members may be concatenated (gzip a b > c, and WARC files compress each
 * record as its own member); all of them read as one stream. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void ws_source_error(ws_buf *err, const char *name, const char *what,
                     int errnum)
{
    char msg[256];
    if (strerror_r(errnum, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", errnum);
    ws_buf_clear(err);
    ws_buf_printf(err, "%s: %s: %s", name, what, msg);
}

/* Reads into raw[raw_len..) as much as fits; sets eof at end of file. */
static ws_status fill(ws_source *src)
{
    for (;;) {
        ssize_t r = read(src->fd, src->raw + src->raw_len,
                         WS_SOURCE_CHUNK - src->raw_len);
        if (r > 0) {
            src->raw_len += (size_t)r;
            return WS_OK;
        }
        if (r == 0) {
            src->eof = true;
            return WS_OK;
        }
        if (errno != EINTR)
            break;
    }
    int e = errno;
    char what[64];
    snprintf(what, sizeof what, "read error at byte %llu",
             (unsigned long long)src->raw_off + src->raw_len);
    ws_source_error(src->err, src->name, what, e);
    return WS_ERR_IO;
}

/* Makes at least want (<= WS_SOURCE_CHUNK) unread bytes available in raw
 * unless the file ends first: moves the unread tail to the front and
 * reads more. */
static ws_status need(ws_source *src, size_t want)
{
    while (src->raw_len - src->raw_pos < want && !src->eof) {
        if (src->raw_pos > 0) {
            size_t left = src->raw_len - src->raw_pos;
            memmove(src->raw, src->raw + src->raw_pos, left);
            src->raw_off += src->raw_pos;
            src->raw_len = left;
            src->raw_pos = 0;
        }
        ws_status st = fill(src);
        if (st != WS_OK)
            return st;
    }
    return WS_OK;
}

ws_status ws_source_open(ws_source *src, const char *name, int fd,
                         bool close_fd, unsigned char *raw, ws_buf *err)
{
    memset(src, 0, sizeof *src);
    src->name = name;
    src->fd = fd;
    src->close_fd = close_fd;
    src->raw = raw;
    src->err = err;
    ws_status st = need(src, 2);
    if (st != WS_OK)
        return st;
    src->gzip = src->raw_len >= 2 && raw[0] == 0x1F && raw[1] == 0x8B;
    if (src->gzip) {
        /* 16 + MAX_WBITS: a gzip wrapper, not zlib or raw deflate. */
        if (inflateInit2(&src->z, 16 + MAX_WBITS) != Z_OK) {
            ws_buf_clear(err);
            ws_buf_printf(err, "%s: cannot start gzip decompression", name);
            return WS_ERR_NOMEM;
        }
        src->z_live = true;
    }
    return WS_OK;
}

uint64_t ws_source_offset(const ws_source *src)
{
    return src->raw_off + src->raw_pos;
}

static ws_status read_plain(ws_source *src, char *dst, size_t n, size_t *got)
{
    if (src->raw_pos < src->raw_len) {
        size_t k = WS_MIN(n, src->raw_len - src->raw_pos);
        memcpy(dst, src->raw + src->raw_pos, k);
        src->raw_pos += k;
        *got = k;
        return WS_OK;
    }
    /* Past the sniffed chunk, read straight into the caller's buffer. */
    src->raw_off += src->raw_len;
    src->raw_len = src->raw_pos = 0;
    while (!src->eof) {
        ssize_t r = read(src->fd, dst, n);
        if (r > 0) {
            src->raw_off += (size_t)r;
            *got = (size_t)r;
            return WS_OK;
        }
        if (r == 0) {
            src->eof = true;
            break;
        }
        if (errno == EINTR)
            continue;
        char what[64];
        snprintf(what, sizeof what, "read error at byte %llu",
                 (unsigned long long)src->raw_off);
        ws_source_error(src->err, src->name, what, errno);
        return WS_ERR_IO;
    }
    src->done = true;
    return WS_OK;
}

/* After a member ends: another member follows only if the next bytes are
 * the gzip magic; anything else (zero padding, junk) ends the stream. */
static ws_status next_member(ws_source *src)
{
    ws_status st = need(src, 2);
    if (st != WS_OK)
        return st;
    const unsigned char *p = src->raw + src->raw_pos;
    if (src->raw_len - src->raw_pos < 2 || p[0] != 0x1F || p[1] != 0x8B) {
        src->done = true;
        return WS_OK;
    }
    inflateReset(&src->z);
    src->member_done = false;
    src->member_in = ws_source_offset(src);
    src->member_out = src->out_off;
    return WS_OK;
}

static ws_status read_gzip(ws_source *src, char *dst, size_t n, size_t *got)
{
    z_stream *z = &src->z;
    /* zlib counts in uInt; ask for at most 1 GiB at a time. */
    n = WS_MIN(n, (size_t)1 << 30);
    z->next_out = (Bytef *)dst;
    z->avail_out = (uInt)n;
    while (z->avail_out > 0 && !src->done) {
        ws_status st;
        if (src->member_done) {
            st = next_member(src);
            if (st != WS_OK)
                return st;
            continue;
        }
        if (src->raw_pos == src->raw_len && !src->eof) {
            st = need(src, 1);
            if (st != WS_OK)
                return st;
        }
        z->next_in = src->raw + src->raw_pos;
        z->avail_in = (uInt)(src->raw_len - src->raw_pos);
        uInt before_out = z->avail_out;
        int ret = inflate(z, Z_NO_FLUSH);
        src->raw_pos = (size_t)(z->next_in - src->raw);
        if (ret == Z_STREAM_END) {
            src->member_done = true;
            /* Stop at the member's end when it gave bytes, so that the
             * caller sees where the next member begins. */
            if (z->avail_out < n)
                break;
            continue;
        }
        if (ret == Z_OK || ret == Z_BUF_ERROR) {
            bool starved = src->raw_pos == src->raw_len && src->eof;
            if (starved && z->avail_out == before_out) {
                ws_buf_clear(src->err);
                ws_buf_printf(src->err,
                              "%s: truncated gzip stream at compressed byte "
                              "%llu; skipped",
                              src->name,
                              (unsigned long long)ws_source_offset(src));
                return WS_ERR_TRUNCATED;
            }
            continue;
        }
        if (ret == Z_MEM_ERROR) {
            ws_buf_clear(src->err);
            ws_buf_printf(src->err, "%s: out of memory in gzip", src->name);
            return WS_ERR_NOMEM;
        }
        ws_buf_clear(src->err);
        ws_buf_printf(src->err,
                      "%s: corrupt gzip data at compressed byte %llu: %s; "
                      "skipped",
                      src->name, (unsigned long long)ws_source_offset(src),
                      z->msg ? z->msg : "invalid data");
        return WS_ERR_GZIP;
    }
    *got = n - z->avail_out;
    return WS_OK;
}

ws_status ws_source_read(ws_source *src, char *dst, size_t n, size_t *got)
{
    *got = 0;
    if (src->done)
        return WS_OK;
    ws_status st = src->gzip ? read_gzip(src, dst, n, got)
                             : read_plain(src, dst, n, got);
    if (st == WS_OK)
        src->out_off += *got;
    return st;
}

void ws_source_close(ws_source *src)
{
    if (src->z_live) {
        inflateEnd(&src->z);
        src->z_live = false;
    }
    if (src->close_fd && src->fd >= 0)
        close(src->fd);
    src->fd = -1;
    src->close_fd = false;
}
