/* The HTTP front end (`whosaid serve`): a JSON API and a static web page
 * over a read-only store. The server (server.c, on libmicrohttpd) hands
 * each request's raw target to the parser (request.c), which the router
 * (api.c) answers from the store or the static folder (static.c). Only the
 * server knows libmicrohttpd, so the parser and the router run as well
 * under a fuzzer. Uses the public API of libwhosaid only. */
#ifndef WS_HTTP_H
#define WS_HTTP_H

#include "whosaid/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- limits on what a client may ask ---- */
#define WS_HTTP_MAX_TARGET 2048 /* bytes of path + query string */
#define WS_HTTP_MAX_VALUE 200   /* bytes of one decoded parameter value */
#define WS_HTTP_MAX_ARGS 16     /* parameters in one query string */

/* ---- a growable byte buffer (aborts on OOM) ---- */
typedef struct ws_hbuf {
    char *p;
    size_t len, cap;
} ws_hbuf;

void hbuf_put(ws_hbuf *b, const char *s, size_t n);
void hbuf_puts(ws_hbuf *b, const char *s);
void hbuf_printf(ws_hbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as a JSON string literal (quotes included); NULL gives null. */
void hbuf_json_str(ws_hbuf *b, const char *s);
/* Takes the buffer's bytes (NUL-terminated; caller frees); b is emptied. */
char *hbuf_take(ws_hbuf *b, size_t *len);
void hbuf_cleanup(ws_hbuf *b);

/* ---- the request target: "/path?k=v&..." ---- */
typedef struct ws_http_arg {
    char *key, *value; /* percent-decoded, NUL-free */
} ws_http_arg;

typedef struct ws_http_target {
    char *path; /* percent-decoded, starts with '/' */
    ws_http_arg args[WS_HTTP_MAX_ARGS];
    size_t n_args;
} ws_http_target;

/* Parses the raw request target raw[0..len) (origin form). Returns 0 and
 * fills *t (free with ws_http_target_cleanup), or an HTTP status (400,
 * 414) with *why set to a static sentence. Rejected: a target too long,
 * not starting with '/', bad percent escapes, encoded NUL or control
 * bytes, invalid UTF-8, too many parameters, a value too long, a
 * parameter given twice. */
int ws_http_target_parse(const char *raw, size_t len, ws_http_target *t,
                         const char **why);
void ws_http_target_cleanup(ws_http_target *t);

/* ---- a response ---- */
typedef struct ws_http_reply {
    int status;
    const char *content_type;
    char *body; /* malloc'd, or NULL when fd is used */
    size_t len;
    int fd;          /* >= 0: serve this open file of len bytes */
    bool cacheable;  /* static files: short public caching */
    int retry_after; /* > 0: seconds, for 429 */
    bool allow;      /* 405: add "Allow: GET, HEAD" */
} ws_http_reply;

/* Sets r to the JSON error {"error": {"status": S, "message": M}}. */
void ws_http_error(ws_http_reply *r, int status, const char *message);
void ws_http_reply_cleanup(ws_http_reply *r);

/* ---- the router ---- */
typedef struct ws_http_site {
    const char *static_root; /* realpath of the web folder, or NULL */
    /* The health counts, cached: counting walks the store. */
    void *health;
} ws_http_site;

/* Answers one request: method (any token), the parsed target, a store
 * handle owned by the calling thread. Fills *r (status, body or file). */
void ws_http_route(const ws_http_site *site, ws_store *st, const char *method,
                   const ws_http_target *t, ws_http_reply *r);

/* The health cache behind site->health: new, free (NULL is a no-op). */
void *ws_http_health_new(void);
void ws_http_health_free(void *h);

/* ---- static files ---- */
/* Opens the file for request path `path` under `root` (a realpath) after
 * the checks: no ".." or hidden segment, no backslash, the resolved path
 * (symlinks followed) inside root, a regular file. Fills r with the fd and
 * its content type, or with a JSON error (403, 404). "/" is index.html. */
void ws_static_serve(const char *root, const char *path, ws_http_reply *r);

/* ---- rate limit: a token bucket per client address ---- */
typedef struct ws_ratelimit ws_ratelimit;

/* rate tokens per second, burst tokens at most; rate 0: no limit (NULL). */
ws_ratelimit *ws_ratelimit_new(double rate, double burst);
void ws_ratelimit_free(ws_ratelimit *rl);
/* Takes a token for the client key[0..len) at time now (seconds); returns
 * 0 when allowed, else the seconds to wait (>= 1). Thread-safe. */
int ws_ratelimit_take(ws_ratelimit *rl, const void *key, size_t len,
                      double now);

/* ---- the subcommand ---- */
int cmd_serve(int argc, char **argv);

#endif
