#!/bin/sh
# What the quote stage costs: `whosaid extract` against `whosaid extract
# --no-quotes` over the AEB pages (decompressed once into a temp dir), best
# of RUNS runs each, whole-process wall time; prints both and the ratio.
# The quote stage may add at most 25 % to the reader's time.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder)
#   AEB_DIR  benchmark data (default: /work/shared/eval/extraction/aeb)
#   RUNS     runs per mode (default 3)
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
WHOSAID=${WHOSAID:-$BENCH/../build/whosaid}
AEB_DIR=${AEB_DIR:-/work/shared/eval/extraction/aeb}
RUNS=${RUNS:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for f in "$AEB_DIR"/html/*.html.gz; do
    gzip -dc "$f" >"$TMP/$(basename "$f" .gz)"
done
pages=$(ls "$TMP" | wc -l)

best() { # best wall time in seconds of RUNS runs of: whosaid extract "$@" DIR
    b=
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        s=$(date +%s.%N)
        "$WHOSAID" extract "$@" "$TMP" >"$TMP.out"
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
        i=$((i + 1))
    done
    echo "$b"
}
without=$(best --no-quotes)
with=$(best)
quotes=$("$WHOSAID" extract "$TMP" | python3 -c '
import json, sys
print(sum(len(json.loads(l)["quotes"]) for l in sys.stdin))')
rm -f "$TMP.out"
printf 'AEB pages: %d, quotes found: %s\n' "$pages" "$quotes"
printf 'extract --no-quotes  %.3f s (best of %d)\n' "$without" "$RUNS"
printf 'extract              %.3f s (best of %d)\n' "$with" "$RUNS"
printf 'ratio                %.3f (limit 1.25)\n' "$(echo "$with / $without" | bc -l)"
