#!/usr/bin/env python3
"""Data-driven extraction tests.

Usage: run_corpus.py WHOSAID CORPUS_DIR [NAME_FILTER...]

Every input <case>.html, <case>.txt (optionally compressed: <case>.html.gz,
<case>.txt.gz) under CORPUS_DIR that has a sibling <case>.json is one case.
The binary runs once over all inputs (`whosaid extract PATH...`); records are
matched to cases by their "source". A case whose record is missing (a crash,
a timeout, an error) is run again on its own so the failure names it.

The expected JSON lists only the fields a case checks:

  - any record field ("title", "date", "authors", "outlet", "language",
    "dateline", "url", "text" ...): exact equality (strings, null, lists);
  - "text_contains": [..]  every substring must occur in the text;
  - "text_excludes": [..]  no substring may occur in the text;
  - "text_starts": ".."    the text starts with it;
  - "text_ends": ".."      the text ends with it;
  - keys starting with "_" are not compared: "_comment" is free text,
    "_args" is a list of extra `extract` options for this case (such cases
    run on their own).

Prints one line per case (ok / FAIL, then the failing fields), and a final
"N passed, M failed" line; exits 1 when any case failed or none was found.
Python 3 standard library only.
"""

import difflib
import json
import os
import signal
import subprocess
import sys

INPUT_SUFFIXES = (".html.gz", ".txt.gz", ".htm.gz", ".html", ".htm", ".txt")
SPECIAL_KEYS = ("text_contains", "text_excludes", "text_starts", "text_ends")
TIMEOUT_ALL = 100  # seconds for the run over every case
TIMEOUT_ONE = 30   # seconds for a case run on its own
MAX_DIFF_LINES = 40


class Case:
    def __init__(self, path, expect_path, name):
        self.path = path
        self.expect_path = expect_path
        self.name = name
        self.expect = None
        self.record = None
        self.error = None  # why there is no record


def find_cases(root, filters):
    cases = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            for suf in INPUT_SUFFIXES:
                if f.endswith(suf):
                    stem = f[: -len(suf)]
                    break
            else:
                continue
            exp = os.path.join(d, stem + ".json")
            if not os.path.isfile(exp):
                continue
            path = os.path.join(d, f)
            name = os.path.relpath(path, root)
            if filters and not any(s in name for s in filters):
                continue
            cases.append(Case(path, exp, name))
    return cases


def describe_exit(rc):
    if rc is None:
        return "timed out"
    if rc < 0:
        try:
            return "killed by signal %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit status %d" % rc


def run(binary, args, timeout):
    """Runs `whosaid extract ARGS`; returns (exit code or None, stdout
    bytes, stderr text)."""
    try:
        p = subprocess.run([binary, "extract"] + args, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"").decode("utf-8", "replace")
    except OSError as e:
        return 127, b"", "cannot run %s: %s" % (binary, e)


def parse_records(out):
    """Returns (records, problems) from JSON Lines output."""
    records, problems = [], []
    for i, line in enumerate(out.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            problems.append("output line %d is not UTF-8 JSON: %s" % (i, e))
            continue
        if not isinstance(rec, dict):
            problems.append("output line %d is not a JSON object" % i)
            continue
        records.append(rec)
    return records, problems


def stderr_tail(err, n=5):
    lines = [l for l in err.splitlines() if l.strip()]
    return lines[-n:]


def run_one(binary, case):
    args = list(case.expect.get("_args", [])) + [case.path]
    rc, out, err = run(binary, args, TIMEOUT_ONE)
    records, problems = parse_records(out)
    mine = [r for r in records if r.get("source") == case.path]
    if rc != 0 or problems or len(mine) != 1:
        why = [describe_exit(rc)]
        if problems:
            why += problems[:3]
        if rc == 0 and len(mine) != 1:
            why.append("%d records for this input (want 1)" % len(mine))
        why += ["stderr: " + l for l in stderr_tail(err)]
        case.error = why
        if len(mine) == 1 and rc not in (None,) and rc >= 0:
            # a record was printed even though something else went wrong:
            # still compare it, the error is reported too
            case.record = mine[0]
        return
    case.record = mine[0]


def text_diff(want, got):
    lines = []
    if len(want) != len(got):
        lines.append("length: want %d, got %d characters" % (len(want), len(got)))
    i = 0
    n = min(len(want), len(got))
    while i < n and want[i] == got[i]:
        i += 1
    lo = max(0, i - 30)
    lines.append("first difference at character %d:" % i)
    lines.append("  want ...%r" % want[lo:i + 50])
    lines.append("  got  ...%r" % got[lo:i + 50])
    diff = list(difflib.unified_diff(want.split("\n\n"), got.split("\n\n"),
                                     "expected paragraphs", "got paragraphs",
                                     lineterm="", n=1))
    if diff:
        lines.append("paragraph diff (-expected +got):")
        for d in diff[:MAX_DIFF_LINES]:
            lines.append("  " + (d if len(d) < 300 else d[:300] + "..."))
        if len(diff) > MAX_DIFF_LINES:
            lines.append("  ... %d more lines" % (len(diff) - MAX_DIFF_LINES))
    return lines


def short(v, limit=200):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= limit else s[:limit] + "...(%d chars)" % len(s)


def as_list(v):
    return v if isinstance(v, list) else [v]


def compare(expect, rec):
    """Returns a list of problem lines (empty when the record matches)."""
    problems = []
    text = rec.get("text")
    for key, want in expect.items():
        if key.startswith("_"):
            continue
        if key in SPECIAL_KEYS:
            if not isinstance(text, str):
                problems.append("%s: record has no text (%s)" % (key, short(text)))
                continue
            if key == "text_contains":
                for s in as_list(want):
                    if s not in text:
                        problems.append("text_contains: missing %s" % short(s))
            elif key == "text_excludes":
                for s in as_list(want):
                    if s in text:
                        at = text.find(s)
                        problems.append("text_excludes: found %s at character %d: ...%s..."
                                        % (short(s), at, short(text[max(0, at - 40):at + len(s) + 40])))
            elif key == "text_starts":
                if not text.startswith(want):
                    problems.append("text_starts: want %s" % short(want))
                    problems.append("             got  %s" % short(text[:len(want) + 40]))
            elif key == "text_ends":
                if not text.endswith(want):
                    problems.append("text_ends: want %s" % short(want))
                    problems.append("           got  %s" % short(text[-(len(want) + 40):]))
            continue
        if key not in rec:
            problems.append("%s: missing from the record" % key)
            continue
        got = rec[key]
        if got == want:
            continue
        if key == "text" and isinstance(want, str) and isinstance(got, str):
            problems.append("text: differs")
            problems += ["  " + l for l in text_diff(want, got)]
        else:
            problems.append("%s: want %s" % (key, short(want)))
            problems.append("%s  got  %s" % (" " * len(key), short(got)))
    return problems


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: run_corpus.py WHOSAID CORPUS_DIR [NAME_FILTER...]\n")
        return 2
    binary, root, filters = argv[1], argv[2], argv[3:]
    cases = find_cases(root, filters)
    if not cases:
        print("no cases found under %s" % root)
        print("0 passed, 0 failed")
        return 1

    bad_expect = []
    for c in cases:
        try:
            with open(c.expect_path, encoding="utf-8") as f:
                c.expect = json.load(f)
            if not isinstance(c.expect, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as e:
            c.error = ["bad expectation file %s: %s" % (c.expect_path, e)]
            bad_expect.append(c)

    # One run over every case without options of its own, then each
    # remaining case alone: a crash on one input must not hide the others.
    batch = [c for c in cases if c.expect is not None and "_args" not in c.expect]
    batch_note = None
    if batch:
        rc, out, err = run(binary, [c.path for c in batch], TIMEOUT_ALL)
        records, problems = parse_records(out)
        by_source = {}
        for r in records:
            by_source.setdefault(r.get("source"), []).append(r)
        for c in batch:
            got = by_source.get(c.path, [])
            if len(got) == 1:
                c.record = got[0]
        if rc != 0 or problems:
            batch_note = "run over all cases: %s%s" % (
                describe_exit(rc), "; " + problems[0] if problems else "")
    for c in cases:
        if c.expect is not None and c.record is None:
            run_one(binary, c)

    passed = failed = 0
    for c in cases:
        lines = list(c.error or [])
        if c.record is not None:
            lines += compare(c.expect, c.record)
        elif not lines:
            lines = ["no record"]
        if lines:
            failed += 1
            print("FAIL %s" % c.name)
            for l in lines:
                print("     " + l)
        else:
            passed += 1
            print("ok   %s" % c.name)
    if batch_note:
        print("note: " + batch_note)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
