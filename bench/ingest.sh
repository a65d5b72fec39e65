#!/bin/sh
# Ingest and query benchmark on synthetic corpora (bench/gen_corpus.py).
#
#   bench/ingest.sh [WHOSAID] [SIZES]
#   bench/ingest.sh build/whosaid "10000 100000"      # the default
#   RUNS=5 bench/ingest.sh build/whosaid 2000          # a quick look
#
# For each size N: generates (once, cached in bench/out/gen-N/, seed $SEED)
# a corpus of N articles, ingests it into a fresh SQLite file
# bench/out/gen-N.db under /usr/bin/time -v, then times $RUNS runs of each
# query. Prints one table for ingest (articles, seconds, articles/s, MB/s of
# input, db bytes/article, peak RSS) and one for query latency (median and
# p95 in ms, per size side by side), so one can see whether both stay flat
# as the corpus grows.
#
# Environment: RUNS (20), SEED (1), OUT (bench/out), CPU (pin with taskset
# when set, e.g. CPU=0), KEEP_DB=1 to reuse an existing db instead of
# ingesting again (query timing only), INGEST_ARGS (extra options for
# ingest, e.g. "-j 2"; default "--quiet"), LIMIT (--limit given to every
# query but export, 50; 0 for none: then the time includes printing every
# match, which grows with the corpus).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
bin=${1:-${WHOSAID:-$repo/build/whosaid}}
sizes=${2:-${SIZES:-"10000 100000"}}
RUNS=${RUNS:-20}
LIMIT=${LIMIT:-50}
SEED=${SEED:-1}
OUT=${OUT:-$here/out}
PY=${PYTHON:-python3}

case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x "$bin" ]; then
    echo "ingest.sh: no executable whosaid at $bin (build it: cmake --build build)" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "ingest.sh: /usr/bin/time (GNU time) is needed for peak RSS (apt-get install time)" >&2
    exit 2
fi
# The corpus commands must exist: `whosaid help` lists them.
if ! "$bin" help 2>&1 | grep -q '^ *ingest '; then
    echo "ingest.sh: $bin has no 'ingest' command ('whosaid help' does not list it);" >&2
    echo "  build a whosaid with the corpus commands." >&2
    exit 2
fi

pin=""
if [ -n "${CPU:-}" ] && command -v taskset >/dev/null 2>&1; then
    pin="taskset -c $CPU"
fi

mkdir -p "$OUT"
results=$OUT/ingest-results.tsv
: > "$results"

for n in $sizes; do
    corpus=$OUT/gen-$n
    stamp="n=$n seed=$SEED gen=$(cksum < "$here/gen_corpus.py" | cut -d' ' -f1)"
    if [ ! -f "$corpus/truth.jsonl" ] || [ "$(cat "$corpus/.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "== generating $n articles into $corpus" >&2
        rm -rf "$corpus"
        "$PY" "$here/gen_corpus.py" "$n" "$corpus" --seed "$SEED"
        echo "$stamp" > "$corpus/.stamp"
    fi
    db=$OUT/gen-$n.db
    tlog=$OUT/gen-$n.time
    if [ "${KEEP_DB:-0}" = 1 ] && [ -s "$db" ]; then
        echo "== keeping $db and its ingest figures (KEEP_DB=1)" >&2
    else
        rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
        echo "== ingesting $corpus" >&2
        # The article files only (not truth.jsonl, which is the answer key).
        set -- "$corpus"/[0-9][0-9][0-9]
        # shellcheck disable=SC2086 # INGEST_ARGS is a list of options
        if ! $pin /usr/bin/time -v -o "$tlog" "$bin" ingest ${INGEST_ARGS:---quiet} --db "$db" "$@" \
                > "$OUT/gen-$n.ingest.log" 2>&1; then
            echo "ingest.sh: ingest of $n articles failed; see $OUT/gen-$n.ingest.log:" >&2
            tail -5 "$OUT/gen-$n.ingest.log" >&2
            exit 1
        fi
    fi
    printf '%s\t%s\t%s\t%s\n' "$n" "$corpus" "$db" "$tlog" >> "$results"
done

# Query timing and the report.
exec "$PY" - "$bin" "$results" "$RUNS" "$pin" "$LIMIT" <<'PYEOF'
import collections, json, os, re, statistics, subprocess, sys, time

bin_, results, runs, pin = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
limit = int(sys.argv[5])
pin = pin.split() if pin else []
rows = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]


def input_bytes(corpus):
    total = 0
    for d in os.scandir(corpus):
        if d.is_dir() and d.name.isdigit():
            for f in os.scandir(d.path):
                total += f.stat().st_size
    return total


def parse_time(path):
    secs = rss = None
    if not os.path.exists(path):
        return secs, rss
    for line in open(path):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            v = line.rsplit(": ", 1)[1]
            p = [float(x) for x in v.split(":")]
            secs = p[-1] + 60 * p[-2] + (3600 * p[-3] if len(p) > 2 else 0)
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(": ", 1)[1]) / 1024
    return secs, rss


def pick_speakers(corpus):
    """The person most quoted in English articles, and one quoted about
    twice, in English articles only (the query gives the English spelling;
    whether the store links it to the Cyrillic one is another question)."""
    en, other = collections.Counter(), collections.Counter()
    for line in open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8"):
        t = json.loads(line)
        for q in t["quotes"]:
            if q["speaker_kind"] == "person":
                (en if t["language"] == "en" else other)[q["speaker"]] += 1
    common = en.most_common()
    frequent = common[0][0]
    rare = next((s for s, k in reversed(common) if k >= 2 and not other[s]),
                common[-1][0])
    return frequent, en[frequent], rare, en[rare]


print(f"whosaid: {bin_}")
print()
print("ingest (fresh SQLite db, /usr/bin/time -v)")
hdr = f"{'articles':>9} {'input MB':>9} {'seconds':>8} {'articles/s':>10} {'MB/s':>7} {'db B/article':>12} {'peak RSS MB':>11}"
print(hdr)
print("-" * len(hdr))
info = []
for n, corpus, db, tlog in rows:
    n = int(n)
    ib = input_bytes(corpus)
    secs, rss = parse_time(tlog)
    dbb = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
    f = lambda v, fmt: (fmt % v) if v is not None else "-"
    print(f"{n:9d} {ib / 1e6:9.1f} {f(secs, '%.2f'):>8} "
          f"{f(n / secs if secs else None, '%.0f'):>10} "
          f"{f(ib / 1e6 / secs if secs else None, '%.2f'):>7} "
          f"{dbb / n:12.0f} {f(rss, '%.0f'):>11}")
    info.append((n, corpus, db))

# The queries.  Speakers are picked per corpus from its truth.jsonl: the
# most quoted person and one quoted about twice (the same kinds of query at
# every size; the names may differ).
def queries_for(corpus):
    freq, fk, rare, rk = pick_speakers(corpus)
    lim = ["--limit", str(limit)] if limit > 0 else []
    return (freq, fk, rare, rk), [
        ("quotes --speaker (frequent)", ["quotes", "--speaker", freq, "--format", "jsonl"] + lim),
        ("quotes --speaker (rare)", ["quotes", "--speaker", rare, "--format", "jsonl"] + lim),
        ("quotes --about inflation", ["quotes", "--about", "inflation", "--format", "jsonl"] + lim),
        ("quotes --speaker --since --until", ["quotes", "--speaker", freq, "--since",
                                              "2024-06-01", "--until", "2024-12-31",
                                              "--format", "jsonl"] + lim),
        ("timeline (frequent)", ["timeline", freq] + lim),
        ("speakers", ["speakers"] + lim),
        ("stories", ["stories"] + lim),
        ("export --format jsonl (all)", ["export", "--format", "jsonl"]),
    ]


def run(args, db):
    """Wall time, exit status, lines of output (read and dropped as they
    come, so an export of the whole db costs no memory here)."""
    cmd = pin + [bin_] + args[:1] + ["--db", db] + args[1:]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = 0
    while True:
        b = p.stdout.read(1 << 20)
        if not b:
            break
        lines += b.count(b"\n")
    err = p.stderr.read()
    rc = p.wait()
    return time.perf_counter() - t0, rc, lines, err[:300]


print()
print(f"queries: {runs} runs each after one warm-up"
      + (f"; --limit {limit} (not on export)" if limit > 0 else ""))
table = {}
labels = []
for n, corpus, db in info:
    (freq, fk, rare, rk), qs = queries_for(corpus)
    print(f"  {n} articles: frequent speaker {freq!r} ({fk} quotes generated), "
          f"rare {rare!r} ({rk})")
    for label, args in qs:
        if label not in labels:
            labels.append(label)
        _, rc, lines, err = run(args, db)
        if rc != 0:
            table[(label, n)] = ("fail", rc, err.decode("utf-8", "replace").strip())
            continue
        ts = sorted(run(args, db)[0] * 1000 for _ in range(runs))
        p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
        table[(label, n)] = (statistics.median(ts), p95, lines)

sizes = [n for n, _, _ in info]
w = 34
print(f"{'':{w}}" + "".join(f"{'%d articles' % n:>26}" for n in sizes))
print(f"{'query':{w}}" + "".join(f"{'median':>9}{'p95':>8}{'lines':>9}" for _ in sizes) + "   (ms)")
print("-" * (w + 26 * len(sizes)))
fails = []
for label in labels:
    cells = ""
    for n in sizes:
        v = table[(label, n)]
        if v[0] == "fail":
            cells += f"{'exit %d' % v[1]:>26}"
            fails.append((label, n, v[2]))
        else:
            cells += f"{v[0]:9.1f}{v[1]:8.1f}{v[2]:9d}"
    print(f"{label:{w}}{cells}")
for label, n, err in fails:
    print(f"  {label} on {n}: {err.splitlines()[0] if err else '(no message)'}")
PYEOF
