#!/usr/bin/env python3
"""Quote-stage accuracy on PolNeAR (Newell, Margolin, Ruths 2018).

Runs `whosaid extract --as text` over the split's texts and scores the
predicted quotes against the gold attributions (BRAT standoff), with the
rule of the evaluation's README: a prediction matches a gold attribution when
their Content tokens (lower-cased \\w+) overlap with F1 >= 0.5.

  bench/polnear.py [--split dev|train] [--whosaid build/whosaid] [--errors N]

Prints: gold counts (deduplicated across annotators), how much body text the
text reader kept, precision, recall over all / speech / direct attributions,
source accuracy, figures per predicted kind, and the main error classes.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

DATA = "/work/shared/eval/quotes/polnear"

# A gold attribution is "speech" when its cue contains one of these words
# (lower-cased; also ":" and the dash that open transcript-style quotes).
SPEECH_CUES = [
    "said", "says", "say", "saying", "told", "tells", "tell", "telling",
    "added", "adds", "adding", "according", "stated", "states", "stating",
    "noted", "notes", "noting", "explained", "explains", "stressed",
    "stresses", "emphasized", "emphasised", "argued", "argues", "arguing",
    "warned", "warns", "warning", "wrote", "writes", "writing", "claimed",
    "claims", "announced", "announces", "declared", "insisted", "insists",
    "replied", "responded", "recalled", "continued", "remarked",
    "commented", "acknowledged", "admitted", "conceded", "asked", "asks",
    "answered", "insisted", "urged", "pointed", "reiterated", "repeated",
    "concluded", "summarized", "quipped", "joked", "shouted", "yelled",
    "tweeted", "posted", "confirmed", "denied", "suggested", "asserted",
    "vowed", "promised", "predicted", "complained", "boasted", "chanted",
    "chanting", "added:", "said:", ":", "―",
]
SPEECH_SET = set(SPEECH_CUES)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
            "his", "its", "their", "who", "us", "me"}
STOP = {"the", "a", "an", "of", "to", "in", "and", "for", "on", "at", "by",
        "with", "'s", "s", "that", "this", "these", "those", "his", "her",
        "their", "its", "our", "from", "as"}
QUOTE_CHARS = "\"'“”„‟«»‘’‚`"

WORD = re.compile(r"\w+")


def toks(s):
    return [t.lower() for t in WORD.findall(s)]


def f1(a, b):
    if not a or not b:
        return 0.0
    ca, cb = collections.Counter(a), collections.Counter(b)
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def load_gold(split):
    """Gold attributions per article, deduplicated across annotators by
    their content span (offsets): {name: [attr...]}."""
    gold = {}
    for path in sorted(glob.glob(os.path.join(DATA, split, "attributions", "*.ann"))):
        base = os.path.basename(path)[:-4]
        name = base.rsplit("_", 1)[0]
        text = open(os.path.join(DATA, split, "text", name + ".txt"),
                     encoding="utf-8").read()
        spans = {}
        rels = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("T"):
                tid, mid, _txt = (line.split("\t") + ["", ""])[:3]
                if " " not in mid:
                    continue  # an annotation without offsets
                kind, offs = mid.split(" ", 1)
                pieces = []
                for part in offs.split(";"):
                    a, b = part.split()
                    pieces.append((int(a), int(b)))
                spans[tid] = (kind, pieces)
            elif line.startswith("E"):
                _eid, rest = line.split("\t", 1)
                args = dict(x.split(":", 1) for x in rest.split())
                rels.append(args)
        seen = gold.setdefault(name, {})
        for r in rels:
            if "Content" not in r or r["Content"] not in spans:
                continue
            content = spans[r["Content"]][1]
            key = tuple(content)
            if key in seen:
                continue

            def txt(role):
                if role not in r or r[role] not in spans:
                    return ""
                return " ".join(text[a:b] for a, b in spans[r[role]][1])

            ctext = " ".join(text[a:b] for a, b in content)
            cue = txt("Cue")
            cue_words = set(re.findall(r"[\w:―]+", cue.lower()))
            if cue.strip() in (":", "―"):
                cue_words.add(cue.strip())
            stripped = ctext.strip().strip(".,;").strip()
            seen[key] = {
                "pieces": [text[a:b] for a, b in content],
                "offs": content, "name": name,
                "content": ctext, "tokens": toks(ctext), "cue": cue,
                "source": txt("Source"),
                "speech": bool(cue_words & SPEECH_SET),
                "direct": len(stripped) > 1 and stripped[0] in QUOTE_CHARS
                and stripped[-1] in QUOTE_CHARS,
            }
    return {k: list(v.values()) for k, v in gold.items()}


def run_whosaid(exe, split):
    out = subprocess.run([exe, "extract", "--as", "text",
                          os.path.join(DATA, split, "text")],
                         check=True, capture_output=True, text=True).stdout
    recs = {}
    for line in out.splitlines():
        r = json.loads(line)
        recs[os.path.basename(r["source"])[:-4]] = r
    return recs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--whosaid", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "whosaid"))
    ap.add_argument("--errors", type=int, default=0,
                    help="print N examples of each error class")
    args = ap.parse_args()

    gold = load_gold(args.split)
    recs = run_whosaid(args.whosaid, args.split)
    all_g = [g for v in gold.values() for g in v]
    print(f"PolNeAR {args.split}: {len(gold)} annotated articles, "
          f"{len(recs)} records")
    print(f"gold attributions {len(all_g)}, speech "
          f"{sum(g['speech'] for g in all_g)}, direct "
          f"{sum(g['direct'] for g in all_g)}")
    print("speech cues:", " ".join(SPEECH_CUES))

    # How much of the body the text reader kept: paragraphs after the title
    # line, compared with whitespace collapsed. Gold attributions whose
    # content is not in the kept text are scored apart.
    tot = lost = 0
    g_lost = 0
    for name, r in recs.items():
        src = open(os.path.join(DATA, args.split, "text", name + ".txt"),
                   encoding="utf-8").read()
        kept = norm_ws(r["text"])
        for p in [p for p in src.split("\n\n") if p.strip()][1:]:
            tot += len(p)
            if norm_ws(p) not in kept:
                lost += len(p)
        for g in gold.get(name, []):
            g["kept"] = all(norm_ws(p) in kept for p in g["pieces"] if p.strip())
            g_lost += not g["kept"]
    print(f"text reader kept {100 - 100 * lost / max(tot, 1):.1f}% of body "
          f"characters ({lost} of {tot} lost); {g_lost} gold attributions "
          f"lie (partly) in lost text and are still counted")

    preds = []
    for name, r in recs.items():
        for q in r["quotes"]:
            q = dict(q)
            q["name"] = name
            q["tokens"] = toks(q["text"])
            q["article_text"] = r["text"]
            preds.append(q)

    # Matching: each prediction to its best gold in the same article.
    for name in recs:
        for g in gold.get(name, []):
            g["matched"] = None
    kinds = collections.defaultdict(lambda: [0, 0])
    fp = []
    src_ok = src_n = 0
    src_err = []
    for q in preds:
        best, bf = None, 0.0
        for g in gold.get(q["name"], []):
            s = f1(q["tokens"], g["tokens"])
            if s > bf:
                best, bf = g, s
        k = kinds[q["kind"]]
        k[0] += 1
        if best is not None and bf >= 0.5:
            k[1] += 1
            q["match"] = best
            for g in gold.get(q["name"], []):
                if f1(q["tokens"], g["tokens"]) >= 0.5 and g["matched"] is None:
                    g["matched"] = q
            st = [t for t in toks(best["source"]) if t not in STOP]
            if st and not all(t in PRONOUNS for t in st):
                src_n += 1
                pm = set(toks((q.get("mention") or "") + " " +
                              (q.get("speaker") or "")))
                if any(t in pm for t in st if t not in PRONOUNS):
                    src_ok += 1
                else:
                    src_err.append((q, best))
        else:
            q["match"] = None
            fp.append((q, best, bf))

    n_pred = len(preds)
    n_ok = sum(k[1] for k in kinds.values())

    def rec(sel):
        s = [g for g in all_g if sel(g)]
        m = sum(1 for g in s if g["matched"] is not None)
        return m, len(s), m / max(len(s), 1)

    print()
    print(f"predicted quotes {n_pred}, matching gold {n_ok}: "
          f"precision {n_ok / max(n_pred, 1):.3f}")
    for name, sel in (("all attributions", lambda g: True),
                      ("speech attributions", lambda g: g["speech"]),
                      ("direct quotations", lambda g: g["direct"]),
                      ("direct, text kept", lambda g: g["direct"] and g["kept"]),
                      ("speech, text kept", lambda g: g["speech"] and g["kept"])):
        m, t, r = rec(sel)
        print(f"recall, {name:22s} {r:.3f} ({m}/{t})")
    print(f"source accuracy {src_ok / max(src_n, 1):.3f} ({src_ok}/{src_n} "
          f"matched pairs with a non-pronoun gold source)")
    print()
    print("per predicted kind: count, precision")
    for k in ("direct", "mixed", "indirect"):
        c, m = kinds.get(k, [0, 0])
        print(f"  {k:9s} {c:5d}  {m / max(c, 1):.3f}")

    # Error classes.
    missed_direct = collections.Counter()
    md_ex = collections.defaultdict(list)
    for g in all_g:
        if g["direct"] and g["matched"] is None:
            if not g["kept"]:
                why = "text lost by the reader"
            elif len(g["tokens"]) < 4:
                why = "short fragment (<4 words)"
            elif not g["speech"]:
                why = "non-speech cue"
            elif g["cue"].strip() in (":", "―"):
                why = "colon/dash cue"
            else:
                why = "speech cue, not found or split"
            missed_direct[why] += 1
            md_ex[why].append(g)
    missed_speech = collections.Counter()
    ms_ex = collections.defaultdict(list)
    for g in all_g:
        if g["speech"] and not g["direct"] and g["matched"] is None:
            why = "text lost by the reader" if not g["kept"] else \
                ("has quote marks inside" if any(c in g["content"] for c in "“”\"")
                 else "plain reported speech")
            missed_speech[why] += 1
            ms_ex[why].append(g)
    fp_kind = collections.Counter()
    fp_ex = collections.defaultdict(list)
    for q, best, bf in fp:
        why = f"{q['kind']}, " + ("partial overlap" if bf >= 0.2 else "no gold")
        fp_kind[why] += 1
        fp_ex[why].append((q, best, bf))
    print()
    print("missed direct quotations by reason:", dict(missed_direct))
    print("missed reported speech by reason:", dict(missed_speech))
    print("false positives by kind:", dict(fp_kind))
    print("source errors (matched, wrong source):", len(src_err))
    if args.errors:
        def cut(s, n=160):
            s = norm_ws(s)
            return s if len(s) <= n else s[:n] + "…"
        for why, ex in md_ex.items():
            print(f"\n== missed direct: {why}")
            for g in ex[:args.errors]:
                print(f"  [{g['cue']}] {cut(g['content'])}")
        for why, ex in ms_ex.items():
            print(f"\n== missed speech: {why}")
            for g in ex[:args.errors]:
                print(f"  [{g['source']} | {g['cue']}] {cut(g['content'])}")
        for why, ex in fp_ex.items():
            print(f"\n== false positive: {why}")
            for q, best, bf in ex[:args.errors]:
                print(f"  ({q['speaker']} / {q['mention']} / {q['cue']}) "
                      f"{cut(q['text'])}")
                if best:
                    print(f"     best gold {bf:.2f}: {cut(best['content'])}")
        print("\n== source errors")
        for q, g in src_err[:args.errors]:
            print(f"  gold {g['source']!r} got mention {q['mention']!r} "
                  f"speaker {q['speaker']!r}: {cut(q['text'], 80)}")


if __name__ == "__main__":
    sys.exit(main())
