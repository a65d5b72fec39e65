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

Quotes (the record's "quotes" list) are checked with partial objects, each
made of any of these keys ("_comment" and other "_" keys are ignored):

    text           the quote's text, exactly
    text_starts    the quote's text starts with it
    text_contains  a substring (or a list of substrings) of the quote's text
    kind, speaker, speaker_kind, mention, cue
                   exact equality; null means the field must be null

Text comparisons collapse runs of white space (a quote over several
paragraphs may join them with a blank line or a space).

  - "quotes": [{..}, ..]  every object must match a distinct predicted quote
    (a quote matches an object when it satisfies all its keys; the
    assignment is a maximum matching, so the order of the objects does not
    matter). A failing object is shown with the closest predicted quotes;
  - "quotes_exact_count": N  the record has exactly N quotes;
  - "quotes_absent": [..]  a string: no predicted quote's text contains it
    (scare quotes, titles, names in quotation marks); an object: no
    predicted quote matches it (e.g. {"speaker": "..."} for a person who is
    only quoted hypothetically, {"text": "..."} for a title that may occur
    inside a longer real quote);
  - "speaker_of": {"<substring>": "<speaker>" or null, ..}  compact form:
    at least one predicted quote contains the substring, and every quote
    that contains it has that speaker. Unlike "quotes", two substrings may
    be satisfied by the same quote (a split quote may come out as one quote
    or two).

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
QUOTE_KEYS = ("quotes", "quotes_exact_count", "quotes_absent", "speaker_of")
QUOTE_TEXT_KEYS = ("text", "text_starts", "text_contains")
QUOTE_FIELD_KEYS = ("kind", "speaker", "speaker_kind", "mention", "cue")
MAX_CLOSEST = 3
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


def squash(s):
    """Collapses runs of white space to one space (for quote text)."""
    return " ".join(s.split())


def check_quote_spec(spec, where):
    """Returns problem lines for a malformed partial quote object."""
    if not isinstance(spec, dict):
        return ["%s: want a JSON object, got %s" % (where, short(spec))]
    problems = []
    for k, v in spec.items():
        if k.startswith("_"):
            continue
        if k not in QUOTE_TEXT_KEYS + QUOTE_FIELD_KEYS:
            problems.append("%s: unknown key %s (bad expectation)" % (where, short(k)))
        elif k == "text_contains":
            if not all(isinstance(x, str) for x in as_list(v)):
                problems.append("%s: text_contains must be strings (bad expectation)" % where)
        elif k in QUOTE_TEXT_KEYS:
            if not isinstance(v, str):
                problems.append("%s: %s must be a string (bad expectation)" % (where, k))
        elif v is not None and not isinstance(v, str):
            problems.append("%s: %s must be a string or null (bad expectation)" % (where, k))
    return problems


def quote_text(q):
    t = q.get("text") if isinstance(q, dict) else None
    return squash(t) if isinstance(t, str) else None


def quote_mismatches(spec, q):
    """The keys of spec that predicted quote q does not satisfy, each as
    (key, wanted, got)."""
    bad = []
    t = quote_text(q)
    for k, v in spec.items():
        if k.startswith("_"):
            continue
        if k == "text":
            if t != squash(v):
                bad.append((k, v, q.get("text")))
        elif k == "text_starts":
            if t is None or not t.startswith(squash(v)):
                bad.append((k, v, q.get("text")))
        elif k == "text_contains":
            for sub in as_list(v):
                if t is None or squash(sub) not in t:
                    bad.append((k, sub, q.get("text")))
        else:
            got = q.get(k) if isinstance(q, dict) else None
            if got != v:
                bad.append((k, v, got))
    return bad


def quote_matches(spec, q):
    return not quote_mismatches(spec, q)


def max_matching(specs, quotes):
    """Maximum bipartite matching of specs to distinct quotes; returns
    {spec index: quote index}."""
    ok = [[j for j, q in enumerate(quotes) if quote_matches(s, q)] for s in specs]
    owner = {}  # quote index -> spec index

    def augment(i, seen):
        for j in ok[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    # most constrained specs first, so a lenient one does not take the
    # only quote a strict one could have
    for i in sorted(range(len(specs)), key=lambda i: len(ok[i])):
        augment(i, set())
    return {i: j for j, i in owner.items()}, ok


def text_clues(spec):
    clues = []
    for k in QUOTE_TEXT_KEYS:
        if k in spec:
            clues += [squash(x) for x in as_list(spec[k]) if isinstance(x, str)]
    return clues


def closeness(spec, q):
    """How near predicted quote q comes to spec: the share of the text clues
    found in order in q's text, then the share of other fields that agree."""
    t = quote_text(q) or ""
    clues = text_clues(spec)
    tscore = 0.0
    for c in clues:
        if not c:
            continue
        if c in t:
            tscore += 1.0
            continue
        sm = difflib.SequenceMatcher(None, c, t, autojunk=False)
        tscore += sum(b.size for b in sm.get_matching_blocks()) / len(c)
    if clues:
        tscore /= len(clues)
    fields = [k for k in spec if k in QUOTE_FIELD_KEYS]
    got = q if isinstance(q, dict) else {}
    fscore = sum(1 for k in fields if got.get(k) == spec[k]) / len(fields) if fields else 0.0
    return 2 * tscore + fscore


def describe_quote(j, q, limit=110):
    if not isinstance(q, dict):
        return "#%d %s" % (j, short(q))
    parts = ["text=%s" % short(q.get("text"), limit)]
    for k in QUOTE_FIELD_KEYS:
        parts.append("%s=%s" % (k, short(q.get(k), 60)))
    return "#%d %s" % (j, " ".join(parts))


def describe_mismatch(bad):
    out = []
    for k, want, got in bad:
        if k in QUOTE_TEXT_KEYS:
            out.append("%s %s not satisfied" % (k, short(want, 60)))
        else:
            out.append("%s: want %s, got %s" % (k, short(want, 60), short(got, 60)))
    return "; ".join(out)


def closest_lines(spec, quotes, taken, indent="       "):
    ranked = sorted(range(len(quotes)), key=lambda j: -closeness(spec, quotes[j]))
    lines = []
    for j in ranked[:MAX_CLOSEST]:
        bad = quote_mismatches(spec, quotes[j])
        lines.append(indent + "closest " + describe_quote(j, quotes[j]))
        if bad:
            lines.append(indent + "        differs: " + describe_mismatch(bad))
        elif j in taken:
            lines.append(indent + "        matches, but is taken by quotes[%d]" % taken[j])
    return lines


def spec_label(spec):
    return short({k: v for k, v in spec.items() if not k.startswith("_")}, 240)


# expected quote objects matched / expected, over all cases (a finer figure
# than whole cases for the quote acceptance set)
QUOTE_TALLY = [0, 0]


def compare_quotes(expect, rec):
    """Problem lines for the quote expectations of a case."""
    want_any = any(k in expect for k in QUOTE_KEYS)
    if not want_any:
        return []
    quotes = rec.get("quotes")
    if not isinstance(quotes, list):
        return ["quotes: the record has no quote list (%s)" % short(quotes)]
    problems = []
    odd = [j for j, q in enumerate(quotes) if not isinstance(q, dict)]
    if odd:
        problems.append("quotes: entries %s are not JSON objects" % ", ".join("#%d" % j for j in odd))
        quotes = [q if isinstance(q, dict) else {} for q in quotes]

    specs = expect.get("quotes", [])
    if not isinstance(specs, list):
        problems.append("quotes: want a list of objects (bad expectation)")
        specs = []
    bad_spec = []
    for i, sp in enumerate(specs):
        bad_spec += check_quote_spec(sp, "quotes[%d]" % i)
    problems += bad_spec
    if not bad_spec and specs:
        match, ok = max_matching(specs, quotes)
        QUOTE_TALLY[0] += len(match)
        QUOTE_TALLY[1] += len(specs)
        taken = {j: i for i, j in match.items()}
        missing = [i for i in range(len(specs)) if i not in match]
        if missing and not quotes:
            problems.append("quotes: none predicted; %d expected" % len(specs))
            for i in missing:
                problems.append("  quotes[%d] %s" % (i, spec_label(specs[i])))
        else:
            for i in missing:
                problems.append("quotes[%d]: no distinct predicted quote matches %s"
                                % (i, spec_label(specs[i])))
                problems += closest_lines(specs[i], quotes, taken)

    if "quotes_exact_count" in expect:
        n = expect["quotes_exact_count"]
        if not isinstance(n, int) or isinstance(n, bool):
            problems.append("quotes_exact_count: want an integer (bad expectation)")
        elif len(quotes) != n:
            problems.append("quotes_exact_count: want %d, got %d" % (n, len(quotes)))
            for j, q in enumerate(quotes[:12]):
                problems.append("       " + describe_quote(j, q, 80))
            if len(quotes) > 12:
                problems.append("       ... %d more" % (len(quotes) - 12))

    for i, item in enumerate(as_list(expect.get("quotes_absent", []))):
        if isinstance(item, str):
            hits = [j for j, q in enumerate(quotes)
                    if quote_text(q) is not None and squash(item) in quote_text(q)]
            label = short(item)
        else:
            errs = check_quote_spec(item, "quotes_absent[%d]" % i)
            if errs:
                problems += errs
                continue
            hits = [j for j, q in enumerate(quotes) if quote_matches(item, q)]
            label = spec_label(item)
        if hits:
            problems.append("quotes_absent: %s is present" % label)
            for j in hits[:MAX_CLOSEST]:
                problems.append("       in " + describe_quote(j, quotes[j]))

    speaker_of = expect.get("speaker_of", {})
    if not isinstance(speaker_of, dict):
        problems.append("speaker_of: want an object (bad expectation)")
        speaker_of = {}
    for sub, spk in speaker_of.items():
        if spk is not None and not isinstance(spk, str):
            problems.append("speaker_of[%s]: want a string or null (bad expectation)" % short(sub))
            continue
        hits = [j for j, q in enumerate(quotes)
                if quote_text(q) is not None and squash(sub) in quote_text(q)]
        if not hits:
            problems.append("speaker_of: no predicted quote contains %s (speaker %s)"
                            % (short(sub), short(spk)))
            if quotes:
                problems += closest_lines({"text_contains": sub, "speaker": spk}, quotes, {})
            continue
        wrong = [j for j in hits if quotes[j].get("speaker") != spk]
        if wrong:
            problems.append("speaker_of: %s: want speaker %s" % (short(sub, 80), short(spk)))
            for j in wrong[:MAX_CLOSEST]:
                problems.append("       got " + describe_quote(j, quotes[j]))
    return problems


def compare(expect, rec):
    """Returns a list of problem lines (empty when the record matches)."""
    problems = []
    text = rec.get("text")
    for key, want in expect.items():
        if key.startswith("_") or key in QUOTE_KEYS:
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
    problems += compare_quotes(expect, rec)
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
    if QUOTE_TALLY[1]:
        print("expected quotes matched: %d of %d" % tuple(QUOTE_TALLY))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
