#!/usr/bin/env python3
"""Scores story labels from bench_stories against the ECB+ gold.

Reads "method<TAB>seed<TAB>doc_id<TAB>story" lines on stdin and docs.jsonl
for the gold (subtopic = one event, topic = two similar events). Prints,
per method, the figures of seed 0 and the mean and minimum over the other
seeds: pairwise P/R/F1 and BCubed P/R/F1, as the dataset's README defines.
"""
import collections
import json
import sys


def pairwise(pred, gold):
    def pairs(labels):
        groups = collections.Counter(labels.values())
        return sum(c * (c - 1) // 2 for c in groups.values())

    joint = collections.Counter((pred[d], gold[d]) for d in pred)
    tp = sum(c * (c - 1) // 2 for c in joint.values())
    pp, gp = pairs(pred), pairs(gold)
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred, gold):
    joint = collections.Counter((pred[d], gold[d]) for d in pred)
    psize = collections.Counter(pred.values())
    gsize = collections.Counter(gold.values())
    p = sum(joint[(pred[d], gold[d])] / psize[pred[d]] for d in pred) / len(pred)
    r = sum(joint[(pred[d], gold[d])] / gsize[gold[d]] for d in pred) / len(pred)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    sub = {d["doc_id"]: d["subtopic"] for d in docs}
    top = {d["doc_id"]: d["topic"] for d in docs}
    runs = collections.defaultdict(dict)
    for line in sys.stdin:
        method, seed, doc, label = line.rstrip("\n").split("\t")
        runs[(method, int(seed))][doc] = label
    rows = collections.defaultdict(dict)
    for (method, seed), pred in runs.items():
        g = {d: sub[d] for d in pred}
        t = {d: top[d] for d in pred}
        rows[method][seed] = (len(set(pred.values())),) + pairwise(pred, g) + \
            bcubed(pred, g) + bcubed(pred, t)[2:]
    print(f"documents: {len(docs)}, subtopics: {len(set(sub.values()))}, "
          f"topics: {len(set(top.values()))}")
    head = ("| method | orders | stories | pair P | pair R | pair F1 | "
            "B3 P | B3 R | B3 F1 | topic B3 F1 |")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for method in sorted(rows, key=lambda m: m != "whosaid"):
        by_seed = rows[method]
        lines = []
        if 0 in by_seed:
            lines.append(("seed 0", by_seed[0]))
        others = [v for s, v in sorted(by_seed.items()) if s != 0]
        if others:
            k = len(others)
            mean = tuple(sum(v[i] for v in others) / k for i in range(len(others[0])))
            low = tuple(min(v[i] for v in others) for i in range(len(others[0])))
            lines.append((f"mean of {k}", mean))
            lines.append((f"min of {k}", low))
        for name, v in lines:
            cells = [f"{v[0]:.0f}" if name == "seed 0" else f"{v[0]:.1f}"]
            cells += [f"{x:.3f}" for x in v[1:]]
            print(f"| {method} | {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
