/* Messages for the ws_status codes, generated from the one X-macro table in
 * whosaid/status.h so the enum and its text can never drift apart. */
#include "whosaid/status.h"

#include <stddef.h>

static const char *const messages[] = {
#define WS_STATUS_MSG(name, msg) msg,
    WS_STATUS_MAP(WS_STATUS_MSG)
#undef WS_STATUS_MSG
};

const char *ws_status_str(ws_status status)
{
    if ((size_t)status >= sizeof messages / sizeof messages[0])
        return "unknown status";
    return messages[status];
}
