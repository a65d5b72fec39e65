/* `whosaid serve`: the HTTP server around the router (api.c). It runs
 * libmicrohttpd with a pool of threads; each thread opens its own read-only
 * store handle on first use (a handle serves one thread; SQLite in WAL mode
 * lets many readers run at once). Per request: the rate limit, the target
 * parser, the router, the security headers, one log line on stderr when
 * the request completes. SIGINT or SIGTERM stops it cleanly. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "http.h"

#include "../cli/cli.h"

#include <microhttpd.h>

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef WS_WEB_DIR
#define WS_WEB_DIR "web"
#endif
#ifndef WS_WEB_INSTALL_DIR
#define WS_WEB_INSTALL_DIR "/usr/local/share/whosaid/web"
#endif

/* What every response carries. The page loads only its own script and
 * style, makes requests only to this origin and is never framed. */
static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

typedef struct server {
    const char *db;
    ws_http_site site;
    ws_ratelimit *rate;
    pthread_key_t store_key;
    bool log;
} server;

/* One request, from its first line to completion. */
typedef struct request {
    char *raw; /* the target as sent */
    double t0;
    char method[16];
    char client[64];
    unsigned char key[16]; /* the client's bucket: IPv4, or IPv6 /64 */
    size_t key_len;
    int status;
    size_t bytes;
    bool answered;
} request;

static double now_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void close_store(void *st)
{
    ws_store_close(st);
}

/* This thread's store handle, opened on first use; NULL when it cannot be
 * opened (the reason is logged). */
static ws_store *thread_store(server *sv)
{
    ws_store *st = pthread_getspecific(sv->store_key);
    if (st)
        return st;
    if (ws_store_open(sv->db, WS_STORE_READ, &st) != WS_OK) {
        fprintf(stderr, "whosaid: serve: %s\n", ws_store_errmsg(st));
        ws_store_close(st);
        return NULL;
    }
    pthread_setspecific(sv->store_key, st);
    return st;
}

static void client_of(struct MHD_Connection *c, request *rq)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(rq->client, sizeof rq->client, "-");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    socklen_t len = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                              : sizeof(struct sockaddr_in);
    getnameinfo(sa, len, rq->client, sizeof rq->client, NULL, 0,
                NI_NUMERICHOST);
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        memcpy(rq->key, &in->sin_addr, 4);
        rq->key_len = 4;
    } else if (sa->sa_family == AF_INET6) {
        /* One client usually holds a whole /64: it is one bucket. */
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        memcpy(rq->key, &in6->sin6_addr, 8);
        rq->key_len = 8;
    }
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    request *rq = calloc(1, sizeof *rq);
    if (!rq)
        abort();
    rq->t0 = now_mono();
    size_t n = strlen(uri);
    rq->raw = malloc(n + 1);
    if (!rq->raw)
        abort();
    memcpy(rq->raw, uri, n + 1);
    client_of(c, rq);
    return rq;
}

/* The target for the log: control and non-ASCII bytes as %XX (a log line
 * is one line whatever a client sends), cut at 300 bytes. */
static void log_target(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 4 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= 0x20 || c >= 0x7F || c == '"')
            o += (size_t)snprintf(out + o, cap - o, "%%%02X", c);
        else
            out[o++] = (char)c;
    }
    if (*s && o + 4 >= cap && cap > 4) {
        memcpy(out + cap - 4, "...", 3);
        o = cap - 1;
    }
    out[o] = '\0';
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
    (void)c;
    server *sv = cls;
    request *rq = *con_cls;
    if (!rq)
        return;
    if (sv->log) {
        char when[32], target[304];
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        log_target(rq->raw ? rq->raw : "-", target, sizeof target);
        char method[sizeof rq->method * 3 + 1];
        log_target(rq->method[0] ? rq->method : "-", method, sizeof method);
        fprintf(stderr, "%s %s %s %s %d %zu %.1fms%s\n", when, rq->client,
                method, target, rq->status, rq->bytes,
                (now_mono() - rq->t0) * 1000.0,
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
    }
    free(rq->raw);
    free(rq);
    *con_cls = NULL;
}

static void headers(struct MHD_Response *resp, const ws_http_reply *r)
{
    MHD_add_response_header(resp, "Content-Type", r->content_type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy",
                            "same-origin");
    MHD_add_response_header(resp, "Cache-Control",
                            r->cacheable ? "public, max-age=60" : "no-store");
    if (r->allow)
        MHD_add_response_header(resp, "Allow", "GET, HEAD");
    if (r->retry_after > 0) {
        char s[16];
        snprintf(s, sizeof s, "%d", r->retry_after);
        MHD_add_response_header(resp, "Retry-After", s);
    }
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    (void)url;
    (void)version;
    (void)upload;
    server *sv = cls;
    request *rq = *con_cls;
    if (!rq) /* never: on_uri makes one per request */
        return MHD_NO;
    if (rq->answered) { /* a body we do not read */
        *upload_size = 0;
        return MHD_YES;
    }
    rq->answered = true;
    snprintf(rq->method, sizeof rq->method, "%s", method);

    ws_http_reply r = {.fd = -1};
    ws_http_target t = {0};
    const char *why = NULL;
    int wait = ws_ratelimit_take(sv->rate, rq->key, rq->key_len, now_mono());
    int bad = 0;
    if (wait) {
        ws_http_error(&r, 429, "too many requests; retry later");
        r.retry_after = wait;
    } else if ((bad =
                    ws_http_target_parse(rq->raw, strlen(rq->raw), &t, &why))) {
        ws_http_error(&r, bad, why);
    } else {
        ws_store *st = thread_store(sv);
        if (!st)
            ws_http_error(&r, 503, "the store cannot be opened");
        else
            ws_http_route(&sv->site, st, method, &t, &r);
    }
    ws_http_target_cleanup(&t);

    struct MHD_Response *resp;
    if (r.fd >= 0) {
        resp = MHD_create_response_from_fd(r.len, r.fd);
    } else {
        resp = MHD_create_response_from_buffer(r.len, r.body,
                                               MHD_RESPMEM_MUST_FREE);
        if (resp)
            r.body = NULL; /* the response frees it */
    }
    if (!resp) {
        ws_http_reply_cleanup(&r);
        return MHD_NO;
    }
    headers(resp, &r);
    rq->status = r.status;
    rq->bytes = r.len;
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r.status, resp);
    MHD_destroy_response(resp);
    ws_http_reply_cleanup(&r);
    return ok;
}

/* "ADDR:PORT", "[V6]:PORT" or ":PORT" into a socket address. */
static bool parse_listen(const char *s, struct sockaddr_storage *ss,
                         socklen_t *len)
{
    char host[256];
    const char *colon = strrchr(s, ':');
    if (!colon || !colon[1] || (size_t)(colon - s) >= sizeof host)
        return false;
    size_t hl = (size_t)(colon - s);
    memcpy(host, s, hl);
    host[hl] = '\0';
    if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = '\0';
    }
    for (const char *p = colon + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    if (atol(colon + 1) > 65535)
        return false;
    struct addrinfo hints = {.ai_flags =
                                 AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE,
                             .ai_socktype = SOCK_STREAM};
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host[0] ? host : NULL, colon + 1, &hints, &ai) != 0 || !ai)
        return false;
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *len = ai->ai_addrlen;
    freeaddrinfo(ai);
    return true;
}

static bool parse_number(const char *v, long max, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 0 || n > max)
        return false;
    *out = n;
    return true;
}

static const char serve_usage[] =
    "usage: whosaid serve [--db PATH] [--listen ADDR:PORT] [--static DIR]\n"
    "                     [--rate N] [--threads N] [--quiet]\n";

int cmd_serve(int argc, char **argv)
{
    const char *db = NULL, *listen = "127.0.0.1:8080", *web = NULL;
    long rate = 20, threads = 0;
    bool quiet = false;
    for (int i = 0; i < argc; i++) {
        const char *v;
        if ((v = option_value(argc, argv, &i, "--db")))
            db = v;
        else if ((v = option_value(argc, argv, &i, "--listen")))
            listen = v;
        else if ((v = option_value(argc, argv, &i, "--static")))
            web = v;
        else if ((v = option_value(argc, argv, &i, "--rate"))) {
            if (!parse_number(v, 1000000, &rate))
                return usage_error("bad --rate", v,
                                   "requests per second per client, 0: off");
        } else if ((v = option_value(argc, argv, &i, "--threads"))) {
            if (!parse_number(v, 256, &threads) || threads < 1)
                return usage_error("bad --threads", v, "1 to 256");
        } else if (strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(serve_usage, stdout);
            return 0;
        } else
            return usage_error("unknown option", argv[i], NULL);
    }
    struct sockaddr_storage addr;
    socklen_t addr_len;
    if (!parse_listen(listen, &addr, &addr_len))
        return usage_error("bad --listen", listen,
                           "ADDR:PORT such as 127.0.0.1:8080 or [::1]:8080");
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n < 2 ? 2 : n > 16 ? 16 : n;
    }

    /* The web folder: --static, else the source tree's, else the
     * installed one. */
    char *root = NULL;
    if (web) {
        root = realpath(web, NULL);
        if (!root) {
            fprintf(stderr, "whosaid: --static %s: %s\n", web, strerror(errno));
            return 1;
        }
    } else {
        root = realpath(WS_WEB_DIR, NULL);
        if (!root)
            root = realpath(WS_WEB_INSTALL_DIR, NULL);
        if (!root)
            fprintf(stderr,
                    "whosaid: no web folder found (%s); serving the API "
                    "only (give one with --static DIR)\n",
                    WS_WEB_DIR);
    }

    /* Open once up front so a wrong --db fails now, with its reason. */
    ws_store *probe;
    if (ws_store_open(db, WS_STORE_READ, &probe) != WS_OK) {
        fprintf(stderr, "whosaid: %s\n", ws_store_errmsg(probe));
        ws_store_close(probe);
        free(root);
        return 1;
    }
    ws_store_close(probe);

    server sv = {.db = db, .log = !quiet};
    sv.site.static_root = root;
    sv.site.health = ws_http_health_new();
    sv.rate = ws_ratelimit_new((double)rate, 2.0 * (double)rate);
    pthread_key_create(&sv.store_key, close_store);

    /* Signals go to sigwait below, not to the server's threads, which
     * inherit this mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* One option and its values a line. */
    /* clang-format off */
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, &sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, &sv,
        MHD_OPTION_NOTIFY_COMPLETED, on_done, &sv,
        MHD_OPTION_CONNECTION_LIMIT, 1024u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, 128u,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u,
        MHD_OPTION_END);
    /* clang-format on */
    int rc = 0;
    if (!d) {
        fprintf(stderr, "whosaid: cannot listen on %s: %s\n", listen,
                strerror(errno));
        rc = 1;
    } else {
        const union MHD_DaemonInfo *di =
            MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        char host[128] = "?";
        getnameinfo((struct sockaddr *)&addr, addr_len, host, sizeof host, NULL,
                    0, NI_NUMERICHOST);
        bool v6 = addr.ss_family == AF_INET6;
        fprintf(stderr,
                "whosaid: serving %s on http://%s%s%s:%u/ (%ld threads, "
                "rate %ld/s per client%s)\n",
                db ? db : "whosaid.db", v6 ? "[" : "", host, v6 ? "]" : "",
                di ? (unsigned)di->port : 0u, threads, rate,
                rate ? "" : ": off");
        int sig = 0;
        sigwait(&stop, &sig);
        fprintf(stderr, "whosaid: %s: stopping\n",
                sig == SIGINT ? "SIGINT" : "SIGTERM");
        MHD_stop_daemon(d);
    }
    pthread_key_delete(sv.store_key);
    ws_ratelimit_free(sv.rate);
    ws_http_health_free(sv.site.health);
    free(root);
    return rc;
}
