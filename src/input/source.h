/* Internal to input: a byte source, one open file (or stdin) read as it is
 * or through gzip, chosen by the magic bytes. Containers (the whole file as
 * one document, WARC records, JSONL lines) read documents from it without
 * knowing about compression; a read never crosses a gzip member boundary,
 * so a WARC reader can tell where each member (= record) starts. */
#ifndef WS_INPUT_SOURCE_H
#define WS_INPUT_SOURCE_H

#include "../core/core.h"

#include <zlib.h>

/* Size of the raw read buffer: compressed input, or the first bytes of a
 * plain file kept after sniffing. */
#define WS_SOURCE_CHUNK ((size_t)1 << 16)

typedef struct ws_source {
    const char *name; /* for messages: the path as given, "-" for stdin */
    int fd;
    bool close_fd; /* false for stdin */
    bool gzip;
    bool z_live;      /* z holds inflate state to end */
    bool member_done; /* between two gzip members */
    bool eof;         /* fd returned end of file */
    bool done;        /* no more data: end of input or of the last member */
    z_stream z;
    unsigned char *raw; /* WS_SOURCE_CHUNK bytes, owned by the caller */
    size_t raw_len, raw_pos;
    uint64_t raw_off; /* file offset of raw[0] */
    uint64_t out_off; /* decompressed bytes delivered so far */
    /* The gzip member being read: its compressed offset in the file and
     * the decompressed offset of its first byte (0, 0 for the first). */
    uint64_t member_in, member_out;
    ws_buf *err;      /* where the message of a failure goes */
} ws_source;

/* Starts reading fd (named name in messages) with raw as its buffer:
 * reads the first chunk and recognises gzip by its magic bytes 1F 8B. On
 * failure writes "NAME: ..." to err and returns WS_ERR_IO. fd is closed by
 * ws_source_close when close_fd is set, even if this fails. */
ws_status ws_source_open(ws_source *src, const char *name, int fd,
                         bool close_fd, unsigned char *raw, ws_buf *err);

/* Reads up to n (> 0) bytes, decompressed if the source is gzip, into dst;
 * *got == 0 means the end. Concatenated gzip members read as one stream,
 * but one call returns bytes of one member only;
 * bytes after the last member that do not start another are ignored, as
 * gzip -d does. Errors, with the message in err: WS_ERR_IO (read error at
 * a byte offset), WS_ERR_TRUNCATED (the gzip stream ends early),
 * WS_ERR_GZIP (corrupt data, with the compressed offset and zlib's
 * reason). */
ws_status ws_source_read(ws_source *src, char *dst, size_t n, size_t *got);

/* Total bytes read from the file so far (compressed bytes for gzip). */
uint64_t ws_source_offset(const ws_source *src);

/* Releases inflate state and closes the file if owned. Idempotent. */
void ws_source_close(ws_source *src);

/* Appends "NAME: <what>: <strerror(errnum)>" to err (after clearing it). */
void ws_source_error(ws_buf *err, const char *name, const char *what,
                     int errnum);

#endif
