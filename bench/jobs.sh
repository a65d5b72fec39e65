#!/usr/bin/env bash
# Threads: `whosaid extract` and `whosaid ingest` at -j 1 and -j 2 (and -j
# auto) over the AEB pages given R times (default 20: a run of a few seconds,
# where a crawl's steady state shows; short runs pay a fixed warm-up of a few
# tens of ms for the second thread's heap), wall time, pages/s, the speedup,
# and a check that the outputs are identical.
# usage: bench/jobs.sh [WHOSAID] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:-build/whosaid}
R=${2:-20}
A=../shared/eval/extraction/aeb/html
out=bench/out/jobs
mkdir -p "$out"
args=()
for _ in $(seq "$R"); do args+=("$A"); done
n=$(( $(ls "$A" | wc -l) * R ))
now() { date +%s.%N; }
echo "extract, $n pages ($R x the 181 AEB pages), $(nproc) cores"
printf '%-8s %9s %9s %9s\n' jobs seconds pages/s speedup
base=
for j in 1 2 auto; do
    t0=$(now)
    "$W" extract --quiet -j "$j" "${args[@]}" > "$out/extract-$j.jsonl"
    t=$(echo "$(now) - $t0" | bc -l)
    [ -n "$base" ] || base=$t
    printf '%-8s %9.2f %9.0f %8.2fx\n' "$j" "$t" "$(echo "$n / $t" | bc -l)" \
        "$(echo "$base / $t" | bc -l)"
done
cmp -s "$out/extract-1.jsonl" "$out/extract-2.jsonl" &&
    cmp -s "$out/extract-1.jsonl" "$out/extract-auto.jsonl" &&
    echo "outputs identical" || echo "OUTPUTS DIFFER"

echo
echo "ingest (with regrouping), the 181 AEB pages"
printf '%-8s %9s %9s %9s\n' jobs seconds pages/s speedup
base=
for j in 1 2; do
    rm -f "$out/ingest-$j.db"*
    t0=$(now)
    "$W" ingest --quiet -j "$j" --db "$out/ingest-$j.db" "$A"
    t=$(echo "$(now) - $t0" | bc -l)
    [ -n "$base" ] || base=$t
    printf '%-8s %9.2f %9.0f %8.2fx\n' "$j" "$t" "$(echo "181 / $t" | bc -l)" \
        "$(echo "$base / $t" | bc -l)"
done
for j in 1 2; do
    "$W" export --db "$out/ingest-$j.db" | sed 's/"article":[0-9]*//g' | md5sum
done | uniq | wc -l | grep -qx 1 && echo "databases answer the same" ||
    echo "DATABASES DIFFER"
