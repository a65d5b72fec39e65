#!/bin/sh
# Runs `whosaid extract` on the 181 AEB pages and scores its article bodies with
# the benchmark's rule, beside the 18 published tools' figures.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder)
#   AEB_DIR  the benchmark data (default: /work/shared/eval/extraction/aeb)
#   OUT      where whosaid's JSONL goes (default: bench/out/aeb-whosaid.jsonl)
# Extra arguments go to aeb_score.py, e.g. `bench/aeb.sh --per-doc 20`.
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
WHOSAID=${WHOSAID:-$BENCH/../build/whosaid}
AEB_DIR=${AEB_DIR:-/work/shared/eval/extraction/aeb}
OUT=${OUT:-$BENCH/out/aeb-whosaid.jsonl}
export AEB_DIR

if [ ! -x "$WHOSAID" ]; then
    echo "aeb.sh: no whosaid binary at $WHOSAID (build it, or set WHOSAID)" >&2
    exit 2
fi
mkdir -p "$(dirname "$OUT")"
status=0
"$WHOSAID" extract --format jsonl "$AEB_DIR/html" >"$OUT" || status=$?
if [ "$status" -ne 0 ]; then
    echo "aeb.sh: whosaid exited with status $status (some inputs failed); scoring what it printed" >&2
fi
echo "# whosaid output: $OUT ($(wc -l <"$OUT") records)"
/usr/bin/python3 "$BENCH/aeb_score.py" --published "$OUT" --name whosaid "$@"
