/* Fuzz target for the whole reader: arbitrary bytes through ws_extract as
 * HTML, as scraped text and sniffed, then serialised. The first byte picks
 * the mode so one corpus exercises all three. */
#include "whosaid/whosaid.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    ws_extract_opts opts = {0};
    opts.source = "fuzz";
    opts.format = (enum ws_format)(data[0] % 3);
    ws_article *a = NULL;
    if (ws_extract((const char *)data + 1, size - 1, &opts, &a) == WS_OK) {
        size_t len;
        free(ws_article_to_json(a, &len));
        free(ws_article_to_text(a, &len));
        ws_article_free(a);
    }
    return 0;
}
