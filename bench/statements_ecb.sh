#!/bin/sh
# Measures the statement grouping (src/corpus/statements.c): builds the
# harness bench/bench_statements.c against the built library, scores it on the
# ECB+ dev reporting-event chains beside naive baselines, checks the
# multi-outlet cases of tests/multi, and feeds a synthetic stream to show
# speed and flat memory.
#   BUILD    the CMake build folder holding libwhosaid.a (default: ../build)
#   ECB_DIR  the ECB+ dev data (default: /work/shared/eval/clustering/ecbplus-dev)
#   OUT      work folder for the harness and the ECB+ articles (default: bench/out/statements)
# Extra arguments go to the harness in the ECB+ run, e.g. `--threshold 0.5`.
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
ECB_DIR=${ECB_DIR:-/work/shared/eval/clustering/ecbplus-dev}
OUT=${OUT:-$BENCH/out/statements}

if [ ! -f "$BUILD/libwhosaid.a" ]; then
    echo "statements_ecb.sh: no $BUILD/libwhosaid.a (build the project, or set BUILD)" >&2
    exit 2
fi
mkdir -p "$OUT"
HARNESS=$OUT/bench_statements
# shellcheck disable=SC2046
cc -std=c17 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -I"$ROOT/include" \
    "$BENCH/bench_statements.c" "$BUILD/libwhosaid.a" \
    $(pkg-config --libs libutf8proc sqlite3) -lz -lpthread -o "$HARNESS"

echo "## ECB+ dev: reporting-event chains"
/usr/bin/python3 "$BENCH/statements_score.py" "$HARNESS" "$ECB_DIR" "$OUT/ecb" "$@"
echo
echo "## tests/multi: multi-outlet cases (harness, exact speaker strings)"
/usr/bin/python3 "$ROOT/tests/multi/run_multi.py" --harness "$HARNESS" "$ROOT"/tests/multi/*/ |
    grep -E '^(FAIL|BROKEN|checks)' || true
echo
echo "## synthetic stream: speed and memory"
"$HARNESS" --synthetic 400000
