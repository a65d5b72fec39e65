#!/usr/bin/env python3
"""Multi-outlet statement cases: each tests/multi/<case>/ holds several
article files and expected.json naming quotes that must be one statement
("statements") and pairs that must be apart ("apart").

    run_multi.py WHOSAID CASE_DIR...
        runs `WHOSAID ingest --db TMP/case.db case/*.txt`, then
        `WHOSAID quotes --db TMP/case.db --format jsonl` (one statement per
        line) and checks the groups.
    run_multi.py --harness BENCH_STATEMENTS CASE_DIR...
        the same check on bench/bench_statements output (one quote per line
        with its statement id), before the store and CLI exist; the case's
        "aliases" stand in for the speakers module.

Prints one line per check, then per-case and total figures (pairwise
precision/recall over the quotes expected.json names). Exit status 1 when
any check fails or the output is not what it should be: the script fails
loudly on anything unexpected rather than passing vacuously."""
import json
import os
import subprocess
import sys
import tempfile

REPORT_KEYS = {"source": (str,), "url": (str, type(None)),
               "outlet": (str, type(None)), "date": (str, type(None)),
               "kind": (str,), "text": (str,)}
STATEMENT_KEYS = {"id": (int, str), "speaker": (str, type(None)),
                  "aliases": (list,), "text": (str,),
                  "date": (str, type(None)), "outlets": (list,),
                  "reports": (list,)}


class Broken(Exception):
    """The output or a fixture is not what this script expects."""


def check_shape(obj, keys, where):
    if not isinstance(obj, dict):
        raise Broken(f"{where}: not a JSON object: {obj!r:.200}")
    for k, types in keys.items():
        if k not in obj:
            raise Broken(f"{where}: missing key {k!r} in {obj!r:.300}")
        if not isinstance(obj[k], types):
            raise Broken(f"{where}: key {k!r} has type "
                         f"{type(obj[k]).__name__}: {obj[k]!r:.200}")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    if p.returncode != 0:
        raise Broken(f"{' '.join(cmd)} exited {p.returncode}: "
                     f"{p.stderr.decode('utf-8', 'replace')[:2000]}")
    return p.stdout.decode("utf-8")


def parse_lines(out, what):
    rows = []
    for n, line in enumerate(out.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise Broken(f"{what} line {n}: not JSON ({e}): {line[:200]}")
    if not rows:
        raise Broken(f"{what}: printed nothing")
    return rows


def statements_from_cli(whosaid, case, files, tmp):
    db = os.path.join(tmp, os.path.basename(case.rstrip("/")) + ".db")
    run([whosaid, "ingest", "--db", db] + files)
    rows = parse_lines(run([whosaid, "quotes", "--db", db, "--format",
                            "jsonl"]), "quotes")
    out = []
    for n, st in enumerate(rows, 1):
        check_shape(st, STATEMENT_KEYS, f"quotes line {n}")
        if not st["reports"]:
            raise Broken(f"quotes line {n}: a statement with no reports")
        for r in st["reports"]:
            check_shape(r, REPORT_KEYS, f"quotes line {n} report")
        out.append((st["id"], st["reports"]))
    ids = [s[0] for s in out]
    if len(set(ids)) != len(ids):
        raise Broken("quotes: the same statement id on two lines")
    return out


def statements_from_harness(bench, case, files, aliases):
    cmd = [bench]
    for name, canon in sorted(aliases.items()):
        cmd += ["--alias", f"{name}={canon}"]
    rows = parse_lines(run(cmd + files), "harness")
    groups = {}
    for r in rows:
        for k in ("statement", "source", "text", "kind"):
            if k not in r:
                raise Broken(f"harness: missing {k!r} in {r!r:.200}")
        groups.setdefault(r["statement"], []).append(r)
    return sorted(groups.items())


def locate(statements, item, case):
    """The statement id of the one report of item["file"] that contains
    item["contains"]; Broken when none or several do."""
    for k in ("file", "contains"):
        if k not in item:
            raise Broken(f"{case}/expected.json: item without {k!r}: {item}")
    hits = [(sid, r) for sid, reports in statements for r in reports
            if os.path.basename(r["source"]) == item["file"]
            and item["contains"] in r["text"]]
    if not hits:
        return None
    if len(hits) > 1:
        raise Broken(f"{case}: {item['file']!r} has {len(hits)} quotes "
                     f"containing {item['contains']!r}; make it unique")
    return hits[0][0]


def check_case(case, args):
    path = os.path.join(case, "expected.json")
    try:
        with open(path, encoding="utf-8") as f:
            exp = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise Broken(f"{path}: {e}")
    if not isinstance(exp.get("statements"), list) or \
            not isinstance(exp.get("apart"), list):
        raise Broken(f"{path}: needs lists 'statements' and 'apart'")
    files = sorted(os.path.join(case, f) for f in os.listdir(case)
                   if f.endswith(".txt"))
    if len(files) < 2:
        raise Broken(f"{case}: fewer than two article files")
    for group in exp["statements"] + exp["apart"]:
        for item in group:
            if not os.path.exists(os.path.join(case, item.get("file", ""))):
                raise Broken(f"{path}: no file {item.get('file')!r}")
    if args["harness"]:
        sts = statements_from_harness(args["binary"], case, files,
                                      exp.get("aliases", {}))
    else:
        sts = statements_from_cli(args["binary"], case, files, args["tmp"])

    name = os.path.basename(case.rstrip("/"))
    fails = 0
    labelled = []  # (statement id or None, gold group)
    for g, group in enumerate(exp["statements"]):
        ids = [locate(sts, it, case) for it in group]
        labelled += [(i, g) for i in ids]
        ok = None not in ids and len(set(ids)) == 1
        fails += not ok
        desc = ", ".join(f"{it['file']}:{it['contains'][:30]!r}->{i}"
                         for it, i in zip(group, ids))
        print(f"{'ok  ' if ok else 'FAIL'} {name} one statement: {desc}")
    for pair in exp["apart"]:
        if len(pair) != 2:
            raise Broken(f"{path}: an 'apart' entry must be a pair")
        a, b = (locate(sts, it, case) for it in pair)
        ok = a is not None and b is not None and a != b
        fails += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name} apart: "
              f"{pair[0]['file']}:{pair[0]['contains'][:30]!r}->{a} / "
              f"{pair[1]['file']}:{pair[1]['contains'][:30]!r}->{b}")
    # pairwise over the named quotes: gold = the expected groups
    tp = fp = fn = 0
    for i in range(len(labelled)):
        for j in range(i + 1, len(labelled)):
            (si, gi), (sj, gj) = labelled[i], labelled[j]
            same = si is not None and si == sj
            if gi == gj:
                tp += same
                fn += not same
            else:
                fp += same
    return fails, len(exp["statements"]) + len(exp["apart"]), tp, fp, fn


def main(argv):
    args = {"harness": False}
    if len(argv) >= 2 and argv[1] == "--harness":
        args["harness"] = True
        argv = argv[1:]
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    args["binary"] = argv[1]
    total_fail = total = tp = fp = fn = 0
    broken = False
    with tempfile.TemporaryDirectory() as tmp:
        args["tmp"] = tmp
        for case in argv[2:]:
            try:
                f, n, a, b, c = check_case(case, args)
            except (Broken, subprocess.TimeoutExpired) as e:
                print(f"BROKEN {case}: {e}")
                broken = True
                continue
            total_fail += f
            total += n
            tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"checks passed {total - total_fail}/{total}; pairwise over named "
          f"quotes: precision {p:.3f} recall {r:.3f}"
          + ("; some cases BROKEN" if broken else ""))
    return 1 if total_fail or broken or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
