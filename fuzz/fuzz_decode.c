/* Fuzz target for the decoder: arbitrary bytes through ws_decode with a
 * charset hint picked by the first byte (none, a legacy one, UTF-8, UTF-16,
 * an iconv one, a bogus one) and a tight output cap picked by the second,
 * so that hints, detection, NFC and cap handling are all exercised. Aborts
 * unless the output is valid UTF-8 without NUL, within the cap, and the
 * buffer is left as it was on failure. */
#include "decode/decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const hints[] = {
        NULL,   "windows-1251", "koi8-u",   "utf-8",     "utf-16le",
        "gbk",  "iso-8859-1",   "x-bogus",  "shift_jis", "iso-2022-jp",
        "koi8-r", "utf-16be",
    };
    if (size < 2)
        return 0;
    const char *hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
    /* 0: no cap; otherwise a small one so WS_ERR_TOO_BIG paths run. */
    size_t max = data[1] & 1 ? (size_t)data[1] * 8 : 0;
    const char *s = (const char *)data + 2;
    size_t n = size - 2;

    ws_buf out;
    ws_buf_init(&out, max);
    ws_buf_puts(&out, "<");
    const char *charset = NULL;
    ws_status st = ws_decode(s, n, hint, &out, &charset);
    if (st == WS_OK) {
        if (!charset || !ws_utf8_valid(out.data, out.len) ||
            strlen(out.data) != out.len || out.data[0] != '<')
            abort();
    } else if (st != WS_ERR_TOO_BIG || out.len != 1 || out.data[1] != '\0') {
        abort();
    }
    if (out.len > out.max)
        abort();
    ws_buf_cleanup(&out);
    return 0;
}
