#!/usr/bin/env python3
"""Error dump for the quote stage on PolNeAR (train or dev): missed speech
attributions with their context and the nearest prediction, cue counts of
the misses, and source errors. Same scoring as polnear.py.

  bench/polnear_errors.py [--split train|dev] [--whosaid build/whosaid]
      [--what missed|direct|source|fp|cues] [--n 40] [--grep WORD]
"""
import argparse
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear as P  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train", choices=["dev", "train"])
    ap.add_argument("--whosaid", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "whosaid"))
    ap.add_argument("--what", default="cues")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--grep", default="")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    gold = P.load_gold(a.split)
    recs = P.run_whosaid(a.whosaid, a.split)
    texts = {}
    for name in recs:
        texts[name] = open(os.path.join(P.DATA, a.split, "text", name + ".txt"),
                           encoding="utf-8").read()
    preds = collections.defaultdict(list)
    for name, r in recs.items():
        for q in r["quotes"]:
            q = dict(q)
            q["tokens"] = P.toks(q["text"])
            preds[name].append(q)
    out = []
    for name, gl in gold.items():
        kept = P.norm_ws(recs[name]["text"]) if name in recs else ""
        for g in gl:
            # gold in text the reader dropped is the reader's loss
            if not all(P.norm_ws(x) in kept for x in g["pieces"] if x.strip()):
                continue
            best, bf = None, 0.0
            for q in preds.get(name, []):
                s = P.f1(q["tokens"], g["tokens"])
                if s > bf:
                    best, bf = q, s
            g["best"], g["bf"] = best, bf
            out.append(g)

    def ctx(g, w=200):
        t = texts[g["name"]]
        a0 = g["offs"][0][0]
        b0 = g["offs"][-1][1]
        return P.norm_ws(t[max(0, a0 - w):a0] + " [[" + t[a0:b0] + "]] " +
                         t[b0:b0 + 80])

    rnd = random.Random(a.seed)
    if a.what == "matched":
        # one line per gold attribution matched, to diff two builds
        for g in out:
            if g["bf"] >= 0.5:
                print(g["name"], g["offs"][0][0], g["cue"].strip(),
                      P.norm_ws(g["content"])[:100])
        return
    if a.what == "cues":
        c = collections.Counter()
        for g in out:
            if g["speech"] and g["bf"] < 0.5:
                c[g["cue"].lower().strip()] += 1
        print("missed speech by cue:", c.most_common(60))
        c = collections.Counter()
        for g in out:
            if not g["speech"] and g["bf"] < 0.5:
                c[g["cue"].lower().strip()] += 1
        print("\nmissed non-speech by cue:", c.most_common(80))
        return
    sel = []
    for g in out:
        if a.what == "missed" and g["speech"] and not g["direct"] and g["bf"] < 0.5:
            sel.append(g)
        elif a.what == "direct" and g["direct"] and g["bf"] < 0.5:
            sel.append(g)
        elif a.what == "nonspeech" and not g["speech"] and g["bf"] < 0.5:
            sel.append(g)
    if a.grep:
        sel = [g for g in sel if a.grep.lower() in (g["cue"] + " " + g["content"]).lower()]
    rnd.shuffle(sel)
    print(len(sel), "selected")
    for g in sel[:a.n]:
        print(f"\n- {g['name']} src={g['source']!r} cue={g['cue']!r} best={g['bf']:.2f}")
        print("  ", ctx(g))
        if g["best"] is not None and g["bf"] > 0:
            q = g["best"]
            print(f"   pred ({q['kind']}, {q.get('speaker')} / {q.get('mention')} / "
                  f"{q.get('cue')}): {P.norm_ws(q['text'])[:200]}")


if __name__ == "__main__":
    main()
