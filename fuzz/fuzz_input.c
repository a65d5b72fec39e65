/* Fuzz target for the input stage: the bytes become a file (gzip, plain or
 * junk) read through ws_input with a small cap, so decompression, size caps
 * and error paths see hostile data. */
#include "whosaid/input.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/ws-fuzz-input-%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    const char *paths[1] = {path};
    ws_input_opts opts = {.max_bytes = 1 << 20};
    ws_input *in = ws_input_new(paths, 1, &opts);
    ws_document doc;
    ws_status st;
    size_t sum = 0;
    while ((st = ws_input_next(in, &doc)) != WS_STATUS_COUNT) {
        if (st != WS_OK) {
            /* every error names the input */
            if (!ws_input_errmsg(in)[0])
                abort();
            continue;
        }
        if (doc.len > opts.max_bytes || doc.data[doc.len] != '\0')
            abort();
        for (size_t i = 0; i < doc.len; i += 4096)
            sum += (unsigned char)doc.data[i];
    }
    ws_input_free(in);
    unlink(path);
    return (int)(sum & 0);
}
