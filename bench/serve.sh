#!/usr/bin/env bash
# Load test of `whosaid serve` with wrk: a generated corpus is ingested, the
# server started with the rate limit off, then wrk drives the timeline and
# the statement endpoints in turn. Prints requests/s, latency p50/p99,
# errors (non-2xx and socket errors; must be 0) and the server's RSS before
# and after (it should stay flat).
#
#   bench/serve.sh [N_ARTICLES] [SECONDS] [CONNECTIONS] [WRK_THREADS]
#   defaults:       5000        30        32            2
# Environment: BUILD (build dir, default build), SERVER_THREADS (default 2),
# OUT (default bench/out/serve).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-5000}
SECS=${2:-30}
CONNS=${3:-32}
WTHREADS=${4:-2}
BUILD=${BUILD:-build}
OUT=${OUT:-bench/out/serve}
SERVER_THREADS=${SERVER_THREADS:-2}
BIN=$BUILD/whosaid

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -x "$BIN" ] || { echo "$BIN is missing: build first"; exit 1; }
mkdir -p "$OUT"

CORPUS=$OUT/corpus-$N
DB=$OUT/serve-$N.db
if [ ! -s "$DB" ]; then
    if [ -f bench/gen_corpus.py ]; then
        [ -d "$CORPUS" ] || python3 bench/gen_corpus.py "$N" "$CORPUS" >/dev/null
    else
        # No generator: copies of the test fixtures.
        mkdir -p "$CORPUS"
        i=0
        while [ "$i" -lt "$N" ]; do
            for f in tests/corpus/text/*.txt tests/http/fixtures/*.txt; do
                [ "$i" -lt "$N" ] || break
                { cat "$f"; echo; echo "copy $i"; } > "$CORPUS/$i.txt"
                i=$((i + 1))
            done
        done
    fi
    echo "== ingest $N articles"
    /usr/bin/time -f "ingest: %es, max RSS %MKB" "$BIN" ingest --db "$DB" -j 2 --quiet "$CORPUS"/[0-9]*
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
LOG=$OUT/serve.log
"$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --rate 0 \
    --threads "$SERVER_THREADS" 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "serving" "$LOG" 2>/dev/null && break
    sleep 0.1
done

get() { python3 - "$BASE$1" <<'EOF'
import sys, urllib.request
h = urllib.request.ProxyHandler({})
print(urllib.request.build_opener(h).open(sys.argv[1], timeout=60).read().decode())
EOF
}
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }

echo "== store: $(get /api/v1/health)"
# The paths wrk cycles through: the timelines of the 50 speakers with most
# statements; 2000 statement ids spread over the store.
python3 - "$BASE" "$OUT" <<'EOF'
import json, sys, urllib.request
base, out = sys.argv[1], sys.argv[2]
op = urllib.request.build_opener(urllib.request.ProxyHandler({}))
get = lambda p: json.loads(op.open(base + p, timeout=60).read())
speakers = get("/api/v1/speakers?limit=50")["items"]
ids, cursor = [], None
while len(ids) < 2000:
    page = get("/api/v1/statements?limit=200" + ("&cursor=" + cursor if cursor else ""))
    ids += [s["id"] for s in page["items"]]
    cursor = page["next"]
    if not cursor:
        break
def lua(name, paths):
    with open(f"{out}/{name}.lua", "w") as f:
        f.write("local paths = {\n")
        f.write(",\n".join('  "%s"' % p for p in paths))
        f.write("\n}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
                "  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n")
lua("timeline", [f"/api/v1/speakers/{s['id']}/timeline" for s in speakers])
lua("statement", [f"/api/v1/statements/{i}" for i in ids[::max(1, len(ids)//2000)]])
print(f"paths: {len(speakers)} timelines, {min(len(ids), 2000)} statements")
EOF

get /api/v1/speakers/1/timeline >/dev/null || true
RSS0=$(rss)
echo "== server RSS before: ${RSS0} KB"
summary=()
for ep in timeline statement; do
    echo "== wrk: $ep, ${SECS}s, $WTHREADS threads, $CONNS connections"
    wrk -t"$WTHREADS" -c"$CONNS" -d"${SECS}s" --latency -s "$OUT/$ep.lua" "$BASE" \
        | tee "$OUT/wrk-$ep.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$ep.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$ep.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$ep.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$ep.txt")
    sockerr=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' "$OUT/wrk-$ep.txt")
    summary+=("$ep: ${rps} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}, socket errors ${sockerr:-0}, RSS after $(rss) KB")
done
RSS1=$(rss)
kill -TERM $PID
wait $PID || true
trap - EXIT
LINES=$(grep -c ' /api/v1/' "$LOG" || true)
: > "$LOG" # the request log of a load test is large and says nothing more

echo
echo "== summary ($N articles; server: $SERVER_THREADS threads; wrk: $WTHREADS threads, $CONNS connections, ${SECS}s each)"
for s in "${summary[@]}"; do echo "$s"; done
echo "server RSS: before ${RSS0} KB, after ${RSS1} KB; request log lines: $LINES"
