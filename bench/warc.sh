#!/bin/sh
# Speed and memory of `whosaid extract` on a WARC.gz made from the 181 AEB
# pages, against zcat of the same file (the decompression limit):
#   - builds aeb.warc.gz with Python's standard library: per page a request
#     record and a response record (HTTP/1.1 200, Content-Type, the page),
#     each its own gzip member as crawlers write them, plus one warcinfo;
#     the pages are repeated REPEAT times (default 4) to make the run long
#     enough to time;
#   - times zcat >/dev/null, `whosaid extract --no-quotes` and `whosaid
#     extract` on it (fastest of RUNS runs, default 3): records/s and MB/s
#     of decompressed WARC; and, for the cost of the WARC layer, `whosaid
#     extract --no-quotes` on the same pages as plain .html files (the
#     directory given REPEAT times);
#   - peak RSS (/usr/bin/time -v) for the file once and given 10 times:
#     memory must not grow with the input.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder)
#   AEB_DIR  benchmark data (default: /work/shared/eval/extraction/aeb)
#   CPU      the CPU to pin to (default 0; CPU=any: no pinning)
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
WHOSAID=${WHOSAID:-$BENCH/../build/whosaid}
AEB_DIR=${AEB_DIR:-/work/shared/eval/extraction/aeb}
REPEAT=${REPEAT:-4}
RUNS=${RUNS:-3}
CPU=${CPU:-0}
PIN=""
if [ "$CPU" != any ] && command -v taskset >/dev/null; then PIN="taskset -c $CPU"; fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-warc.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
WARC=$TMP/aeb.warc.gz

python3 - "$AEB_DIR/html" "$WARC" "$REPEAT" <<'EOF'
import gzip, os, sys, uuid
src, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def record(wtype, uri, block, ctype):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2025-01-01T00:00:00Z\r\n" % (wtype, uuid.uuid4()))
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    head += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(block))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 6)
names = sorted(f for f in os.listdir(src) if f.endswith(".html.gz"))
pages = [gzip.open(os.path.join(src, f)).read() for f in names]
raw = n = 0
with open(out, "wb") as f:
    f.write(record("warcinfo", None, b"software: bench/warc.sh\r\n", "application/warc-fields"))
    for r in range(repeat):
        for name, page in zip(names, pages):
            uri = "https://aeb.example/%d/%s" % (r, name[:-3])
            f.write(record("request", uri, b"GET / HTTP/1.1\r\nHost: aeb.example\r\n\r\n",
                           "application/http; msgtype=request"))
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                    % len(page)) + page
            f.write(record("response", uri, http, "application/http; msgtype=response"))
            n += 1
print("built %s: %d response records, %d request records, 1 warcinfo" % (
    os.path.basename(out), n, n))
EOF
RECORDS=$((181 * REPEAT))
RAW=$(gzip -dc "$WARC" | wc -c)
GZ=$(wc -c <"$WARC")
echo "WARC: $(echo "$GZ" | awk '{printf "%.1f", $1/1e6}') MB compressed, $(echo "$RAW" | awk '{printf "%.1f", $1/1e6}') MB decompressed"

# fastest wall time of RUNS runs of "$@", in seconds
best() {
    i=0
    times=""
    while [ $i -lt "$RUNS" ]; do
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        times="$times $(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')"
        i=$((i + 1))
    done
    echo $times | tr ' ' '\n' | sort -n | head -1
}
row() { # name seconds
    awk -v name="$1" -v t="$2" -v n="$RECORDS" -v raw="$RAW" 'BEGIN {
        printf "%-32s %7.2f s %9.0f records/s %8.1f MB/s\n", name, t, n/t, raw/1e6/t }'
}
echo
printf '%-32s %9s %19s %13s\n' "what" "time" "records/s" "MB/s"
row "zcat" "$(best $PIN zcat "$WARC")"
row "whosaid extract --no-quotes" "$(best $PIN "$WHOSAID" extract --no-quotes "$WARC")"
row "whosaid extract" "$(best $PIN "$WHOSAID" extract "$WARC")"
# Threads: -j 2 needs two cores, so it is never pinned to one.
row "whosaid extract -j 2" "$(best "$WHOSAID" extract -j 2 "$WARC")"
mkdir "$TMP/html"
for f in "$AEB_DIR"/html/*.html.gz; do gzip -dc "$f" >"$TMP/html/$(basename "$f" .gz)"; done
DIRS=""
i=0
while [ $i -lt "$REPEAT" ]; do DIRS="$DIRS $TMP/html"; i=$((i + 1)); done
# shellcheck disable=SC2086
row "same pages as .html files" "$(best $PIN "$WHOSAID" extract --no-quotes $DIRS)"

rss() { # peak RSS in MiB of "$@"
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}'
}
echo
ONE=$(rss "$WHOSAID" extract --no-quotes "$WARC")
TEN=$(rss "$WHOSAID" extract --no-quotes "$WARC" "$WARC" "$WARC" "$WARC" "$WARC" \
    "$WARC" "$WARC" "$WARC" "$WARC" "$WARC")
echo "peak RSS: 1 file $ONE MiB, the same file 10 times $TEN MiB"
