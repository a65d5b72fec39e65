#!/bin/sh
# Speed and memory of whosaid extract against two peers on the 181 AEB pages
# (decompressed once to plain .html in a temp dir), one CPU each (taskset):
#   whosaid                  `whosaid extract DIR`, whole process time (conservative)
#   Readability.js+linkedom  peer_readability.js, its own in-process loop time
#   readability-lxml         peer_readability_lxml.py, its own in-process loop time
#   whosaid x10              the directory given 10 times: peak RSS must stay flat
# Peak RSS of every process comes from /usr/bin/time -v. Each tool runs RUNS
# times (default 3); the fastest run is reported. Then every tool's text is
# scored with aeb_score.py as a sanity check.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder);
#            when missing, only the peers run
#   AEB_DIR  benchmark data (default: /work/shared/eval/extraction/aeb)
#   RUNS     runs per tool (default 3)
#   CPU      the CPU to pin every tool to (default 0; CPU=any: no pinning)
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
WHOSAID=${WHOSAID:-$BENCH/../build/whosaid}
AEB_DIR=${AEB_DIR:-/work/shared/eval/extraction/aeb}
RUNS=${RUNS:-3}
CPU=${CPU:-0}
PY=/usr/bin/python3
export AEB_DIR

# --- tools ------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then apt-get install -y time >/dev/null; fi
if ! $PY -c 'import readability' 2>/dev/null; then
    apt-get install -y python3-readability >/dev/null
fi
if [ ! -d "$BENCH/node_modules/@mozilla/readability" ] || [ ! -d "$BENCH/node_modules/linkedom" ]; then
    (cd "$BENCH" && npm install --no-save --no-package-lock --no-audit --no-fund >/dev/null)
fi

# --- inputs -----------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-speed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
mkdir "$TMP/html"
for f in "$AEB_DIR"/html/*.html.gz; do
    name=$(basename "$f" .gz)
    gzip -dc "$f" >"$TMP/html/$name"
done
PAGES=$(ls "$TMP/html" | wc -l)
BYTES=$(cat "$TMP/html"/*.html | wc -c)
echo "# $PAGES pages, $BYTES bytes of HTML; CPU $CPU; best of $RUNS runs"

# measure NAME SELF_TIMED CMD...: runs CMD pinned to one CPU under
# /usr/bin/time -v, RUNS times; stdout goes to $TMP/NAME.stdout. Appends
# "NAME seconds peak_rss_kb status" for the fastest run to $TMP/results.
# With SELF_TIMED=1 the seconds are the "seconds" field CMD prints as JSON,
# otherwise the wall time of the whole process.
measure() {
    name=$1 self=$2
    shift 2
    best=""
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        i=$((i + 1))
        t0=$(date +%s.%N)
        status=0
        if [ "$CPU" = any ]; then
            /usr/bin/time -v -o "$TMP/time.txt" "$@" >"$TMP/$name.stdout" || status=$?
        else
            /usr/bin/time -v -o "$TMP/time.txt" taskset -c "$CPU" "$@" >"$TMP/$name.stdout" || status=$?
        fi
        t1=$(date +%s.%N)
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$TMP/time.txt")
        if [ "$self" = 1 ]; then
            secs=$($PY -c 'import json,sys; print(json.loads(sys.stdin.readlines()[-1])["seconds"])' <"$TMP/$name.stdout")
        else
            secs=$($PY -c "print($t1 - $t0)")
        fi
        if [ -z "$best" ] || [ "$($PY -c "print(int($secs < $best))")" = 1 ]; then
            best=$secs best_rss=$rss best_status=$status
            cp "$TMP/$name.stdout" "$TMP/$name.best"
        fi
    done
    mv "$TMP/$name.best" "$TMP/$name.stdout"
    echo "$name $best $best_rss $best_status" >>"$TMP/results"
}

: >"$TMP/results"
HAVE_WHOSAID=0
if [ -x "$WHOSAID" ]; then
    HAVE_WHOSAID=1
    measure whosaid 0 "$WHOSAID" extract --format jsonl "$TMP/html"
    D="$TMP/html"
    measure whosaid-x10 0 "$WHOSAID" extract --format jsonl "$D" "$D" "$D" "$D" "$D" "$D" "$D" "$D" "$D" "$D"
else
    echo "# no whosaid binary at $WHOSAID (build it, or set WHOSAID): peers only" >&2
fi
measure readability-js 1 node "$BENCH/peer_readability.js" "$TMP/html" "$TMP/readability-js.json"
measure readability-lxml 1 "$PY" "$BENCH/peer_readability_lxml.py" "$TMP/html" "$TMP/readability-lxml.json"

# --- table ------------------------------------------------------------------
$PY - "$TMP/results" "$PAGES" "$BYTES" <<'EOF'
import sys
path, pages, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
labels = {"whosaid": "whosaid extract", "whosaid-x10": "whosaid extract, inputs x10",
          "readability-js": "Readability.js+linkedom", "readability-lxml": "readability-lxml"}
rows = {}
for line in open(path):
    name, secs, rss, status = line.split()
    n = 10 if name == "whosaid-x10" else 1
    rows[name] = (n * pages / float(secs), n * size / float(secs) / 1e6,
                  int(rss) / 1024, int(status))
ref = rows.get("whosaid", (None,))[0]
print(f"{'tool':<30}{'pages/s':>9}{'MB/s':>8}{'peak RSS MB':>13}{'whosaid x':>11}")
for name, (pps, mbs, rss, status) in rows.items():
    ratio = f"{ref / pps:.1f}" if ref and name.startswith("readability") else "-"
    note = f"  (exit status {status})" if status else ""
    print(f"{labels[name]:<30}{pps:9.1f}{mbs:8.2f}{rss:13.1f}{ratio:>11}{note}")
EOF

# --- sanity: quality of what each tool extracted ---------------------------
echo "# AEB scores of the texts extracted above"
set -- "$TMP/readability-js.json" "$TMP/readability-lxml.json"
NAMES="--name Readability.js+linkedom --name readability-lxml"
if [ "$HAVE_WHOSAID" = 1 ]; then
    set -- "$TMP/whosaid.stdout" "$@"
    NAMES="--name whosaid $NAMES"
fi
# shellcheck disable=SC2086
$PY "$BENCH/aeb_score.py" $NAMES "$@"
