#!/usr/bin/env bash
# Parse-only speed of libxml2, gumbo and whosaid's tokenizer on the AEB pages,
# in one process (bench_parsers.c). Needs the library built in ../build and
# Debian's libxml2-dev and libgumbo-dev (installed here if missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
aeb=${AEB:-$root/../shared/eval/extraction/aeb/html}
build=${BUILD:-$root/build}
if ! pkg-config --exists libxml-2.0 gumbo; then
    apt-get install -y -qq libxml2-dev libgumbo-dev >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$aeb"/*.html.gz; do
    b=$(basename "$f" .gz)
    zcat "$f" >"$tmp/$b"
done
cc -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -I"$root/include" -I"$root/src" \
    "$here/bench_parsers.c" -o "$tmp/bench_parsers" \
    "$build/libwhosaid.a" $(pkg-config --cflags --libs libxml-2.0 gumbo libutf8proc zlib) -lm -lpthread
"$tmp/bench_parsers" "$tmp"/*.html
