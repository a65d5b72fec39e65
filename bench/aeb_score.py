#!/usr/bin/python3
# Scores article-body extraction on the Zyte Article Extraction Benchmark (AEB)
# with the benchmark's own rule (evaluate.py of scrapinghub/article-extraction-
# benchmark), reimplemented here:
#   - tokens: regex \w+ (unicode), case kept;
#   - shingles: 4-token windows with counts; a text of 1..3 tokens is one
#     shorter shingle, an empty text has none;
#   - per document: tp = sum min(true, pred) counts, fp/fn the excesses,
#     then tp, fp, fn divided by their sum (every document weighs the same);
#   - precision = mean over documents with tp+fp > 0 (non-empty prediction),
#     recall = mean over documents with tp+fn > 0 (non-empty ground truth);
#     per document P = 1 when fp = fn = 0, else tp/(tp+fp) (R likewise);
#   - F1 = harmonic mean of mean precision and mean recall;
#   - accuracy = share of documents whose token lists are equal.
# No bootstrap: the figures are the point estimates the benchmark publishes.
#
# Usage:
#   aeb_score.py --published                 check table: the 18 published outputs
#   aeb_score.py PRED [PRED...]              score prediction files: AEB JSON
#                                            (optionally .gz, optionally wrapped in
#                                            {"output": ...}) or whosaid JSONL
#   aeb_score.py --per-doc 20 PRED           also list the 20 worst documents
import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
AEB = os.environ.get("AEB_DIR", "/work/shared/eval/extraction/aeb")

# F1 published in the benchmark's README for the outputs in published-outputs/
# (latest evaluation; AutoExtract, Diffbot, boilerpipe, dragnet: Nov 2019;
# newspaper = newspaper4k, news_please: "previous evaluation").
PUBLISHED_F1 = {
    "AutoExtract": 0.970, "Diffbot": 0.951, "boilerpipe": 0.860,
    "dom_smoothie": 0.865, "dragnet": 0.907, "go_domdistiller": 0.927,
    "go_readability_fork": 0.947, "go_trafilatura": 0.960, "goose3": 0.896,
    "html-text": 0.665, "inscriptis": 0.679, "justext": 0.804,
    "news_please": 0.948, "newspaper": 0.949, "readability": 0.922,
    "readability_js": 0.947, "rs_trafilatura": 0.970, "trafilatura": 0.958,
}

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokenize(text):
    return TOKEN_RE.findall(text or "")


def shingles(text, n=4):
    tokens = tokenize(text)
    grams = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i:i + n])
        if gram:
            grams[gram] += 1
    return grams


def tp_fp_fn(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def precision_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def evaluate(truth, pred):
    """Return (metrics dict, per-document rows [(id, P or None, R or None)])."""
    rows, ps, rs, acc = [], [], [], []
    for key, item in truth.items():
        true_text = item.get("articleBody") or ""
        pred_text = (pred.get(key) or {}).get("articleBody") or ""
        tp, fp, fn = tp_fp_fn(true_text, pred_text)
        p = precision_score(tp, fp, fn) if tp + fp > 0 else None
        r = recall_score(tp, fp, fn) if tp + fn > 0 else None
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
        acc.append(float(tokenize(true_text) == tokenize(pred_text)))
        rows.append((key, p, r))
    precision, recall = mean(ps), mean(rs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall,
            "accuracy": mean(acc), "docs": len(truth),
            "empty": sum(1 for _, p, _ in rows if p is None)}, rows


def open_text(path):
    with open(path, "rb") as f:
        magic = f.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "rt", encoding="utf-8")


def aeb_id(source):
    """<dir>/<id>.html.gz -> <id>"""
    name = os.path.basename(source or "")
    for suffix in (".gz", ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def load_prediction(path):
    """AEB JSON ({id: {articleBody}}, maybe wrapped in {"output": ...}) or
    whosaid JSON Lines (source -> id, text -> articleBody)."""
    with open_text(path) as f:
        data = f.read()
    stripped = data.lstrip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(data)
        except json.JSONDecodeError:
            obj = None  # several objects: JSON Lines
        if isinstance(obj, dict):
            if isinstance(obj.get("output"), dict):
                obj = obj["output"]
            if "source" not in obj:
                return obj
    pred = {}
    for line in data.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        pred[aeb_id(rec.get("source"))] = {"articleBody": rec.get("text") or ""}
    return pred


def load_truth():
    with open(os.path.join(AEB, "ground-truth.json"), encoding="utf-8") as f:
        return json.load(f)


def tool_name(path):
    name = os.path.basename(path)
    for suffix in (".gz", ".json", ".jsonl"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def print_header():
    print(f"{'tool':<22}{'F1':>7}{'prec':>7}{'recall':>7}{'acc':>7}{'empty':>7}{'published F1':>14}")


def print_row(name, m, published=None):
    pub = f"{published:.3f}" if published is not None else "-"
    print(f"{name:<22}{m['f1']:7.3f}{m['precision']:7.3f}{m['recall']:7.3f}"
          f"{m['accuracy']:7.3f}{m['empty']:7d}{pub:>14}")


def main():
    ap = argparse.ArgumentParser(description="Score article bodies with the AEB rule.")
    ap.add_argument("pred", nargs="*", help="prediction files (AEB JSON[.gz] or whosaid JSONL)")
    ap.add_argument("--published", action="store_true",
                    help="score the 18 published outputs and compare with their published F1")
    ap.add_argument("--per-doc", type=int, metavar="N", default=0,
                    help="list the N worst documents (by per-document F1) of each prediction")
    ap.add_argument("--name", action="append", default=[],
                    help="display name for the prediction files, in order")
    args = ap.parse_args()
    if not args.pred and not args.published:
        ap.error("give prediction files or --published")

    truth = load_truth()
    print_header()
    bad = 0
    if args.published:
        outdir = os.path.join(AEB, "published-outputs")
        results = []
        for fname in os.listdir(outdir):
            m, _ = evaluate(truth, load_prediction(os.path.join(outdir, fname)))
            results.append((tool_name(fname), m))
        for name, m in sorted(results, key=lambda x: -x[1]["f1"]):
            pub = PUBLISHED_F1.get(name)
            print_row(name, m, pub)
            if pub is not None and round(m["f1"], 3) != pub:
                bad += 1
        print(f"# {len(PUBLISHED_F1) - bad}/{len(PUBLISHED_F1)} published F1 figures reproduced")
    for i, path in enumerate(args.pred):
        name = args.name[i] if i < len(args.name) else tool_name(path)
        pred = load_prediction(path)
        missing = len(truth.keys() - pred.keys())
        m, rows = evaluate(truth, pred)
        print_row(name, m)
        if missing:
            print(f"# {name}: {missing} of {len(truth)} documents missing (scored as empty)")
        if args.per_doc:
            def doc_f1(row):
                p, r = row[1] or 0.0, row[2] or 0.0
                return 2 * p * r / (p + r) if p + r else 0.0
            print(f"# {name}: worst {args.per_doc} documents")
            print(f"  {'id':<66}{'P':>7}{'R':>7}{'F1':>7}")
            for row in sorted(rows, key=doc_f1)[: args.per_doc]:
                p = "-" if row[1] is None else f"{row[1]:.3f}"
                r = "-" if row[2] is None else f"{row[2]:.3f}"
                print(f"  {row[0]:<66}{p:>7}{r:>7}{doc_f1(row):7.3f}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
