/* Fuzz target for the containers of the input stage: WARC records and JSON
 * Lines. The bytes become a file read through ws_input with a small cap;
 * when the first byte is 'Z' the rest is written gzip-compressed, one
 * member per "WARC/" record as crawlers do, so member boundaries, record
 * offsets, the HTTP layer (chunked, content coding) and the JSON parser
 * all see hostile data. Checks the contract: documents within the cap and
 * NUL-terminated, sources PATH:N, every error naming the file. */
#include "whosaid/input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Appends data[0..n) to f as one gzip member. */
static void gzip_member(FILE *f, const uint8_t *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return;
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    unsigned char *out = malloc(cap);
    if (out) {
        z.next_in = (Bytef *)data;
        z.avail_in = (uInt)n;
        z.next_out = out;
        z.avail_out = (uInt)cap;
        if (deflate(&z, Z_FINISH) == Z_STREAM_END)
            fwrite(out, 1, z.total_out, f);
        free(out);
    }
    deflateEnd(&z);
}

static void write_input(FILE *f, const uint8_t *data, size_t size)
{
    if (size == 0 || data[0] != 'Z') {
        fwrite(data, 1, size, f);
        return;
    }
    data++;
    size--;
    size_t start = 0;
    for (size_t i = 1; i + 5 <= size; i++) {
        if (memcmp(data + i, "WARC/", 5) == 0) {
            gzip_member(f, data + start, i - start);
            start = i;
        }
    }
    gzip_member(f, data + start, size - start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/ws-fuzz-warc-%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    write_input(f, data, size);
    fclose(f);
    const char *paths[1] = {path};
    ws_input_opts opts = {.max_bytes = 1 << 16};
    ws_input *in = ws_input_new(paths, 1, &opts);
    ws_document doc;
    ws_status st;
    size_t sum = 0, docs = 0;
    while ((st = ws_input_next(in, &doc)) != WS_STATUS_COUNT) {
        if (st != WS_OK) {
            if (!strstr(ws_input_errmsg(in), path))
                abort();
            continue;
        }
        docs++;
        if (doc.len > opts.max_bytes || doc.data[doc.len] != '\0')
            abort();
        if (strncmp(doc.source, path, strlen(path)) != 0)
            abort();
        sum += doc.len + (doc.url ? strlen(doc.url) : 0) +
               (doc.charset ? strlen(doc.charset) : 0) +
               (doc.date ? strlen(doc.date) : 0) +
               (doc.outlet ? strlen(doc.outlet) : 0) +
               (doc.crawl_date ? strlen(doc.crawl_date) : 0);
    }
    ws_input_stats stats;
    ws_input_stats_get(in, &stats);
    if (stats.documents != docs)
        abort();
    sum += strlen(ws_input_summary(in));
    ws_input_free(in);
    unlink(path);
    return (int)(sum & 0);
}
