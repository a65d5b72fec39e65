#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the store tests and benchmarks: initdb
# in a temporary directory, listening on a loopback port only, trust
# authentication, superuser "postgres". Run as root, the server runs as the
# postgres system user; otherwise as the current user.
#
#   tests/store/pg_server.sh start   # prints the WS_TEST_PG=... line to use
#   tests/store/pg_server.sh stop    # stops it and removes the directory
#   tests/store/pg_server.sh url     # prints the URL of a running server
#
# WS_PG_PORT (default 54329) and WS_PG_DIR (default /tmp/whosaid-pg-$PORT)
# choose where it lives.
set -euo pipefail

port=${WS_PG_PORT:-54329}
dir=${WS_PG_DIR:-/tmp/whosaid-pg-$port}
url="postgresql://postgres@127.0.0.1:$port"

bindir=
for b in "$(command -v pg_config >/dev/null && pg_config --bindir || true)" \
         /usr/lib/postgresql/*/bin; do
    if [ -n "$b" ] && [ -x "$b/initdb" ]; then bindir=$b; fi
done
if [ -z "$bindir" ]; then
    echo "pg_server.sh: no initdb found (install postgresql)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

case "${1:-}" in
start)
    if [ -f "$dir/data/postmaster.pid" ] &&
       as_owner "'$bindir/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
        echo "WS_TEST_PG=$url"
        exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "'$bindir/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Durability as in production (fsync on); a small cluster otherwise.
    as_owner "'$bindir/pg_ctl' -D '$dir/data' -w -t 60 -l '$dir/server.log' \
        -o \"-k '$dir' -p $port -h 127.0.0.1 -c max_connections=50\" start" \
        >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "WS_TEST_PG=$url"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "'$bindir/pg_ctl' -D '$dir/data' -m fast -w stop" \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
url)
    echo "$url"
    ;;
*)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
