/* Status codes shared by every whosaid function that can fail.
 * WS_OK is zero; ws_status_str() gives a fixed English message per code. */
#ifndef WHOSAID_STATUS_H
#define WHOSAID_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

#define WS_STATUS_MAP(X)                                                       \
    X(OK, "success")                                                           \
    X(ERR_NOMEM, "out of memory")                                              \
    X(ERR_IO, "input/output error")                                            \
    X(ERR_NOENT, "no such file or directory")                                  \
    X(ERR_TOO_BIG, "input exceeds the size cap (see --max-bytes)")             \
    X(ERR_GZIP, "corrupt gzip stream")                                         \
    X(ERR_TRUNCATED, "input ends early (truncated)")                           \
    X(ERR_BINARY, "input looks binary, not text or HTML")                      \
    X(ERR_EMPTY, "input is empty")                                             \
    X(ERR_CHARSET, "unsupported or invalid character encoding")                \
    X(ERR_USAGE, "invalid argument")                                           \
    X(ERR_LIMIT, "a processing limit was reached")                             \
    X(ERR_DB, "database error")

typedef enum ws_status {
#define WS_STATUS_ENUM(name, msg) WS_##name,
    WS_STATUS_MAP(WS_STATUS_ENUM)
#undef WS_STATUS_ENUM
        WS_STATUS_COUNT
} ws_status;

/* A static, never-NULL message for STATUS; unknown codes give "unknown
 * status". The caller must not free it. */
const char *ws_status_str(ws_status status);

#ifdef __cplusplus
}
#endif
#endif
