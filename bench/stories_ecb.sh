#!/usr/bin/env bash
# Story grouping on ECB+ dev (two similar events per topic): feeds the
# documents in seeded random orders (seed 0, then 1-5) to ws_stories and to
# the naive TF-IDF reference, and prints the figures (stories_score.py).
# Needs the library built in ../build. THRESHOLD=x overrides the default;
# CFLAGS_EXTRA="-DWS_STORY_B_NAME=3" etc. rebuilds stories.c with other
# parameters for a sweep. STREAM=100000 also feeds a synthetic stream of
# that many dated articles and prints peak memory as it goes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
docs=${DOCS:-$root/../shared/eval/clustering/ecbplus-dev/docs.jsonl}
build=${BUILD:-$root/build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# stories.c and story_terms.c are compiled here, ahead of the library, so
# that CFLAGS_EXTRA reaches them; the rest comes from libwhosaid.a.
cc -std=c17 -O2 -D_POSIX_C_SOURCE=200809L ${CFLAGS_EXTRA:-} \
    -I"$root/include" -I"$root/src" \
    "$here/bench_stories.c" "$root/src/corpus/stories.c" \
    "$root/src/corpus/story_terms.c" -o "$tmp/bench_stories" \
    "$build/libwhosaid.a" $(pkg-config --libs libutf8proc) -lm -lpthread
"$tmp/bench_stories" "$docs" "${THRESHOLD:-0}" ${SEEDS:-0 1 2 3 4 5} \
    | python3 "$here/stories_score.py" "$docs"
if [ -n "${STREAM:-}" ]; then
    "$tmp/bench_stories" --stream "$STREAM"
fi
