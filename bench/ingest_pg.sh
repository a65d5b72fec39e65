#!/usr/bin/env bash
# Ingest throughput of the two store backends: SQLite (one file) against
# PostgreSQL (one database), with 1 and with 2 writer processes at once.
# The corpus: copies of the articles under tests/corpus/{text,html}, each
# with one line of its own (so every copy is a new document), DOCS in all
# (default 5000). With 2 writers each ingests one half into the same
# store. A run is the whole `whosaid ingest` (extract, store, regroup);
# the figure is articles stored per second of wall time, best of RUNS.
#   WHOSAID     the binary (default: ../build/whosaid beside this folder)
#   WS_TEST_PG  a PostgreSQL server URL without database; when unset a
#               throw-away one is started with tests/store/pg_server.sh
#   DOCS RUNS BATCH   corpus size (5000), runs per case (2), --batch (500)
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WHOSAID=${WHOSAID:-$ROOT/build/whosaid}
DOCS=${DOCS:-5000}
RUNS=${RUNS:-2}
BATCH=${BATCH:-500}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-ingest-pg.XXXXXX")
started=
cleanup() {
    if [ -n "$started" ]; then
        WS_PG_PORT=54339 "$ROOT/tests/store/pg_server.sh" stop
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

if [ -z "${WS_TEST_PG:-}" ]; then
    started=1
    pg_env=$(WS_PG_PORT=54339 "$ROOT/tests/store/pg_server.sh" start)
    export "$pg_env"
fi
PG=${WS_TEST_PG%/}
psql -X -q -d "$PG/postgres" -c "SELECT 1" >/dev/null

# --- corpus: DOCS documents in two halves -----------------------------------
python3 - "$ROOT/tests/corpus" "$TMP/corpus" "$DOCS" <<'EOF'
import gzip, os, re, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
LONG_P = re.compile(rb"<p[^>]*>([^<]{120,})")

def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data

# A page with the same URL and article text is the same document, so each
# copy gets URLs of its own (the fixtures' sites are all under .example)
# and its line at the start of the first long paragraph (pages without
# one are left out).
bases = []
for d in ("text", "html"):
    for r, _, fs in os.walk(os.path.join(src, d)):
        for f in sorted(fs):
            path = os.path.join(r, f)
            if f.endswith(".json"):
                continue
            html = ".html" in f
            if html and not LONG_P.search(read(path)):
                continue
            bases.append((path, html))
bases.sort()
for half in ("a", "b"):
    os.makedirs(os.path.join(dst, half))
for i in range(n):
    path, html = bases[i % len(bases)]
    data = read(path)
    line = f"Copy {i} of this report was filed by the night desk.".encode()
    if html:
        at = LONG_P.search(data).start(1)
        data = data[:at] + line + b" " + data[at:]
        data = data.replace(b".example/", f".example/copy{i}/".encode())
        ext = ".html"
    else:
        data += b"\n" + line + b"\n"
        ext = ".txt"
    half = "a" if i % 2 == 0 else "b"
    with open(os.path.join(dst, half, f"{i:06d}{ext}"), "wb") as f:
        f.write(data)
EOF

now() { date +%s.%N; }

# One case: a fresh store, then 1 or 2 concurrent ingests; prints seconds.
run_case() { # backend writers
    local backend=$1 writers=$2 db
    if [ "$backend" = sqlite ]; then
        db=$TMP/bench.db
        rm -f "$db" "$db-wal" "$db-shm"
    else
        psql -X -q -d "$PG/postgres" -c "DROP DATABASE IF EXISTS ws_bench" \
            -c "CREATE DATABASE ws_bench" >/dev/null 2>&1
        db=$PG/ws_bench
    fi
    local t0 t1 pids=()
    t0=$(now)
    if [ "$writers" = 1 ]; then
        "$WHOSAID" ingest -q --db "$db" --batch "$BATCH" \
            "$TMP/corpus/a" "$TMP/corpus/b"
    else
        "$WHOSAID" ingest -q --db "$db" --batch "$BATCH" "$TMP/corpus/a" &
        pids+=($!)
        "$WHOSAID" ingest -q --db "$db" --batch "$BATCH" "$TMP/corpus/b" &
        pids+=($!)
        for p in "${pids[@]}"; do wait "$p"; done
    fi
    t1=$(now)
    local n
    if [ "$backend" = sqlite ]; then
        n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM article').fetchone()[0])" "$db")
    else
        n=$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM article")
    fi
    if [ "$n" != "$DOCS" ]; then
        echo "ingest_pg.sh: $backend with $writers writers stored $n of $DOCS" >&2
        exit 1
    fi
    python3 -c "print(f'{$t1 - $t0:.3f}')"
}

echo "ingest throughput, $DOCS documents, --batch $BATCH, best of $RUNS"
printf '%-12s %8s %10s %12s\n' backend writers seconds articles/s
for backend in sqlite postgresql; do
    for writers in 1 2; do
        best=
        for _ in $(seq "$RUNS"); do
            s=$(run_case "$backend" "$writers")
            if [ -z "$best" ] || python3 -c "import sys; sys.exit(not $s < $best)"; then
                best=$s
            fi
        done
        printf '%-12s %8s %10s %12.0f\n' "$backend" "$writers" "$best" \
            "$(python3 -c "print($DOCS / $best)")"
    done
done
psql -X -q -d "$PG/postgres" -c "DROP DATABASE IF EXISTS ws_bench" >/dev/null 2>&1 || true
