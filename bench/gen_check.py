#!/usr/bin/env python3
"""Score `whosaid extract` on a corpus written by gen_corpus.py.

    bench/gen_check.py CORPUS_DIR [EXTRACT.jsonl] [--whosaid BIN] [--limit N]
                       [--misses K]

Runs `whosaid extract CORPUS_DIR` (or reads a saved JSON Lines output) and
compares each record with CORPUS_DIR/truth.jsonl, matched by file path.

A generated quote counts as *found* when an extracted quote overlaps it
(most of the shorter text's words appear in the longer, in order of
multiset); found quotes are scored for the speaker:
  right   extracted speaker = the speaker's full name in the article's
          language (organisations: the name, any leading "the" ignored)
  loose   extracted speaker contains the speaker's surname (or the org's
          head word), e.g. a name in another case
Anonymous sources are right when the speaker is null.  Figures are given
overall and by language, report mode, quote kind, speaker kind and format,
plus title/date/outlet agreement and the count of extracted quotes that
match nothing generated.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.U)


def words(s):
    return [w.lower() for w in WORD.findall(s or "")]


def overlap(a, b):
    """Share of the shorter word list found in the longer (multiset)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    c = collections.Counter(wb)
    hit = 0
    for w in wa:
        if c[w] > 0:
            c[w] -= 1
            hit += 1
    return hit / len(wa)


def norm_org(s):
    s = (s or "").strip()
    return re.sub(r"^(the)\s+", "", s, flags=re.I).lower()


def judge(tq, xq):
    """'right', 'loose' or 'wrong' for a found quote."""
    got = xq.get("speaker")
    if tq["speaker_kind"] == "anonymous":
        return "right" if not got else "wrong"
    if not got:
        return "wrong"
    want = tq["speaker_local"]
    if tq["speaker_kind"] == "org":
        if norm_org(got) == norm_org(want):
            return "right"
        head = words(want)
        return "loose" if head and head[0] != "the" and head[0] in words(got) \
            or (len(head) > 1 and head[1] in words(got)) else "wrong"
    if got == want:
        return "right"
    surname = want.split()[-1].lower()
    stem = surname[:max(3, len(surname) - 1)]
    return "loose" if any(w.startswith(stem) for w in words(got)) else "wrong"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("jsonl", nargs="?")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--whosaid", default=os.environ.get(
        "WHOSAID", os.path.join(here, "..", "build", "whosaid")))
    ap.add_argument("--limit", type=int, default=0,
                    help="score only the first N articles of truth.jsonl")
    ap.add_argument("--misses", type=int, default=0,
                    help="print K wrong or missed quotes")
    a = ap.parse_args()

    truth = {}
    with open(os.path.join(a.corpus, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            truth[t["file"]] = t
            if a.limit and len(truth) >= a.limit:
                break
    if a.jsonl:
        lines = open(a.jsonl, encoding="utf-8").read().splitlines()
    else:
        # The article folders only: truth.jsonl is not an input.
        if a.limit:
            paths = [os.path.join(a.corpus, p) for p in truth]
        else:
            paths = sorted(d.path for d in os.scandir(a.corpus)
                           if d.is_dir() and d.name.isdigit())
        out = subprocess.run([a.whosaid, "extract"] + paths,
                             capture_output=True, check=False)
        if out.returncode not in (0, 1):
            sys.exit(f"whosaid extract failed: {out.stderr.decode()[:500]}")
        lines = out.stdout.decode("utf-8").splitlines()
    got = {}
    root = os.path.abspath(a.corpus)
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        rel = os.path.relpath(os.path.abspath(rec["source"]), root)
        got[rel] = rec

    tot = collections.Counter()
    by = collections.defaultdict(collections.Counter)
    meta = collections.Counter()
    misses = []
    extra = 0
    nx = 0
    for rel, t in truth.items():
        rec = got.get(rel)
        meta["articles"] += 1
        if rec is None:
            meta["missing record"] += 1
            continue
        meta["title"] += rec.get("title") == t["title"]
        meta["date"] += (rec.get("date") or "")[:10] == t["date"]
        meta["outlet"] += rec.get("outlet") == t["outlet"]
        meta["language"] += rec.get("language") == t["language"]
        xs = rec.get("quotes") or []
        nx += len(xs)
        used = set()
        for tq in t["quotes"]:
            best, bi = 0.0, -1
            for piece in tq["pieces"]:
                for i, xq in enumerate(xs):
                    o = overlap(piece, xq.get("text", ""))
                    if o > best:
                        best, bi = o, i
            keys = [("language", t["language"]), ("mode", tq["mode"]),
                    ("kind", tq["kind"]), ("speaker", tq["speaker_kind"]),
                    ("format", t["format"])]
            if best >= 0.6:
                used.add(bi)
                v = judge(tq, xs[bi])
            else:
                v = "missed"
            tot[v] += 1
            for k in keys:
                by[k][v] += 1
            if v in ("wrong", "missed") and len(misses) < a.misses:
                misses.append((rel, tq, xs[bi] if bi >= 0 and v == "wrong"
                               else None))
        extra += sum(1 for i in range(len(xs)) if i not in used)

    n = sum(tot.values())
    arts = meta["articles"]

    def pct(x, d):
        return f"{100 * x / d:5.1f}%" if d else "   - "

    print(f"articles {arts}, generated quotes {n}, extracted quotes {nx}")
    print("metadata: " + ", ".join(
        f"{k} {pct(meta[k], arts)}" for k in ("title", "date", "outlet",
                                             "language")) +
          (f", no record {meta['missing record']}" if meta["missing record"]
           else ""))
    print(f"extracted quotes matching no generated quote: {extra} "
          f"({pct(extra, nx).strip()} of extracted)")
    print()
    hdr = f"{'':22} {'quotes':>7} {'found':>7} {'right':>7} {'r+loose':>7}"
    print(hdr)

    def row(label, c):
        m = sum(c.values())
        found = m - c["missed"]
        print(f"{label:22} {m:7d} {pct(found, m):>7} {pct(c['right'], m):>7} "
              f"{pct(c['right'] + c['loose'], m):>7}")

    row("all", tot)
    for dim in ("language", "format", "kind", "mode", "speaker"):
        for (d, v), c in sorted(by.items(), key=lambda kv: str(kv[0])):
            if d == dim:
                row(f"  {dim}={v}", c)
    print("\nright: extracted speaker is the speaker's full name in the "
          "article's language;\nr+loose: or contains the surname; share of "
          "all generated quotes.")
    for rel, tq, xq in misses:
        print(f"\n{rel} [{tq['mode']}/{tq['kind']}] want {tq['speaker_local']!r} "
              f"(mention {tq['mention']!r})")
        print("   truth: " + " | ".join(p[:120] for p in tq["pieces"]))
        if xq:
            print(f"   got:   speaker {xq.get('speaker')!r} mention "
                  f"{xq.get('mention')!r}: {xq.get('text', '')[:120]}")
        else:
            print("   got:   (not found)")


if __name__ == "__main__":
    main()
