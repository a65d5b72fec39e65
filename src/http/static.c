/* Static files of the web page: a request path is mapped into one folder
 * and nowhere else. Two checks, both needed: the path's segments are
 * refused when they climb ("..") or name hidden files, and the path the
 * kernel resolves (symlinks followed, realpath) must still lie inside the
 * folder, so a symlink planted in it cannot lead out. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "http.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
    const char *ext, *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
};

static const char *type_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof types / sizeof *types; i++)
            if (strcmp(dot, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

/* Every segment of path is a plain name: not empty (no "//"), not "." or
 * "..", not hidden (".git"), no backslash. */
static bool plain_segments(const char *path)
{
    const char *p = path + 1;
    if (strchr(path, '\\'))
        return false;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || p[0] == '.')
            return false;
        if (!slash)
            break;
        p = slash + 1;
    }
    return true;
}

void ws_static_serve(const char *root, const char *path, ws_http_reply *r)
{
    char *full = NULL, *real = NULL;
    int fd = -1;
    if (!root) {
        ws_http_error(r, 404, "no web folder is served");
        goto done;
    }
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    /* Climbing out is forbidden outright (403); a mere oddity is 404. */
    if (strstr(path, "/..") || strchr(path, '\\')) {
        ws_http_error(r, 403, "the path leaves the web folder");
        goto done;
    }
    if (path[0] != '/' || !plain_segments(path) ||
        path[strlen(path) - 1] == '/') {
        ws_http_error(r, 404, "no such page");
        goto done;
    }
    size_t n = strlen(root) + strlen(path) + 1;
    full = malloc(n);
    if (!full)
        abort();
    memcpy(full, root, strlen(root));
    memcpy(full + strlen(root), path, strlen(path) + 1);
    real = realpath(full, NULL);
    if (!real) {
        ws_http_error(r, 404, "no such page");
        goto done;
    }
    size_t rl = strlen(root);
    if (strncmp(real, root, rl) != 0 || real[rl] != '/') {
        ws_http_error(r, 403, "the path leaves the web folder");
        goto done;
    }
    fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        ws_http_error(r, 404, "no such page");
        goto done;
    }
    r->status = 200;
    r->content_type = type_of(real);
    r->fd = fd;
    r->len = (size_t)sb.st_size;
    r->cacheable = true;
    fd = -1;
done:
    if (fd >= 0)
        close(fd);
    free(full);
    free(real);
}
