#!/usr/bin/python3
# Compares whosaid's article metadata with the expected metadata of Mozilla
# Readability's 130 regression pages (test-pages/<name>/source.html +
# expected-metadata.json). Fields, each counted only on pages whose expected
# value is non-empty, compared exactly after whitespace normalisation:
#   title          title
#   byline         authors joined with ", "
#   byline-names   looser: every name in the expected byline occurs in the authors
#   siteName       outlet
#   publishedTime  date, the same instant (the record normalises ISO 8601:
#                  "+0100" -> "+01:00", fractions of a second dropped)
#   publishedDate  date, the YYYY-MM-DD part only
#   lang           language, primary subtag, case-insensitive
# Usage:
#   readability_meta.py                       run whosaid ($WHOSAID) and score
#   readability_meta.py --misses byline       also list misses of one field (or "all")
#   readability_meta.py --jsonl out.jsonl     score a saved whosaid output instead
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TARBALL = os.environ.get(
    "READABILITY_PAGES",
    "/work/shared/eval/extraction/readability-testpages/test-pages.tar.xz")
WHOSAID = os.environ.get("WHOSAID", os.path.join(HERE, "..", "build", "whosaid"))

FIELDS = ["title", "byline", "byline-names", "siteName",
          "publishedTime", "publishedDate", "lang"]


def norm(s):
    return " ".join(str(s).split()) if s is not None else ""


def instant(s):
    """An ISO 8601 date-time in the record's normal form, for comparison:
    'T' between date and time, no fraction of a second, '+HH:MM' offsets."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
                 r"\s*(Z|[+-]\d{2}:?\d{2})?)?", s or "")
    if not m:
        return s
    out = m.group(1)
    if m.group(2):
        out += "T" + m.group(2)
        if m.group(3):
            z = m.group(3)
            out += z if z == "Z" else z[:3] + ":" + z[-2:]
    return out


# Separators between names in a byline, and words around them.
NAME_SEP = re.compile(
    r"[,;&|()\n/]|\b(?:and|und|et|y|with|avec|by|par|von|written|edited)\b",
    re.IGNORECASE)


def byline_names(byline):
    """The names in a free-text byline: split on separators, keep parts with
    letters and without digits or '@' (dates, e-mails); links are dropped."""
    names = []
    for part in NAME_SEP.split(re.sub(r"\S+://\S*", " ", byline)):
        part = norm(part).strip(" .:-–—")
        if part and re.search(r"[^\W\d_]", part) and not re.search(r"[\d@]", part):
            names.append(part.casefold())
    return names


def compare(field, expected, rec):
    """Return (counts, right, got) for one field of one page."""
    if field == "title":
        exp, got = norm(expected.get("title")), norm(rec.get("title"))
        return bool(exp), exp == got, got
    if field in ("byline", "byline-names"):
        exp = norm(expected.get("byline"))
        got = norm(", ".join(rec.get("authors") or []))
        if field == "byline":
            return bool(exp), exp == got, got
        names = byline_names(expected.get("byline") or "")
        if not names:
            return bool(exp), exp == got, got
        have = got.casefold()
        return bool(exp), bool(have) and all(n in have for n in names), got
    if field == "siteName":
        exp, got = norm(expected.get("siteName")), norm(rec.get("outlet"))
        return bool(exp), exp == got, got
    if field == "publishedTime":
        exp, got = norm(expected.get("publishedTime")), norm(rec.get("date"))
        return bool(exp), instant(exp) == instant(got), got
    if field == "publishedDate":
        exp, got = norm(expected.get("publishedTime")), norm(rec.get("date"))
        m = re.match(r"\d{4}-\d{2}-\d{2}", exp)
        return bool(exp), bool(m) and got[:10] == m.group(0), got
    if field == "lang":
        exp, got = norm(expected.get("lang")), norm(rec.get("language"))
        primary = lambda s: s.replace("_", "-").split("-")[0].casefold()
        return bool(exp), bool(got) and primary(exp) == primary(got), got
    raise ValueError(field)


def expected_value(field, expected):
    key = {"title": "title", "byline": "byline", "byline-names": "byline",
           "siteName": "siteName", "publishedTime": "publishedTime",
           "publishedDate": "publishedTime", "lang": "lang"}[field]
    return norm(expected.get(key))


def run_whosaid(sources):
    """Run whosaid once over all source.html files; return its stdout lines."""
    if not os.access(WHOSAID, os.X_OK):
        sys.exit(f"readability_meta.py: no whosaid binary at {WHOSAID} (build it, or set WHOSAID)")
    proc = subprocess.run([WHOSAID, "extract", "--format", "jsonl"] + sources,
                          stdout=subprocess.PIPE)
    if proc.returncode != 0:
        print(f"# whosaid exited with status {proc.returncode} (some inputs failed)",
              file=sys.stderr)
    return proc.stdout.decode("utf-8").splitlines()


def main():
    ap = argparse.ArgumentParser(description="Score whosaid metadata on Readability's test pages.")
    ap.add_argument("--misses", metavar="FIELD", choices=FIELDS + ["all"],
                    help="list the misses of FIELD (expected vs got); 'all' for every field")
    ap.add_argument("--jsonl", help="score this saved whosaid JSONL instead of running "
                    "whosaid (pages are matched by the folder name in .../<page>/source.html)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="whosaid-rtp-") as tmp:
        with tarfile.open(TARBALL) as tar:
            try:
                tar.extractall(tmp, filter="data")
            except TypeError:  # Python without extraction filters
                tar.extractall(tmp)
        pages = {}
        for root, dirs, files in os.walk(tmp):
            if "source.html" in files and "expected-metadata.json" in files:
                with open(os.path.join(root, "expected-metadata.json"), encoding="utf-8") as f:
                    pages[os.path.basename(root)] = json.load(f)
                pages[os.path.basename(root)]["_source"] = os.path.join(root, "source.html")
        names = sorted(pages)
        if args.jsonl:
            with open(args.jsonl, encoding="utf-8") as f:
                lines = f.read().splitlines()
        else:
            lines = run_whosaid([pages[n]["_source"] for n in names])

    records = {}
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            records[os.path.basename(os.path.dirname(rec.get("source") or ""))] = rec
    missing = [n for n in names if n not in records]

    print(f"# {len(names)} pages, {len(records)} whosaid records"
          + (f", {len(missing)} pages without a record" if missing else ""))
    print(f"{'field':<16}{'have':>6}{'right':>7}{'%':>7}")
    misses = {}
    for field in FIELDS:
        have = right = 0
        for n in names:
            counts, ok, got = compare(field, pages[n], records.get(n, {}))
            if not counts:
                continue
            have += 1
            right += ok
            if not ok:
                misses.setdefault(field, []).append((n, expected_value(field, pages[n]), got))
        pct = 100.0 * right / have if have else 0.0
        print(f"{field:<16}{have:6d}{right:7d}{pct:7.1f}")

    for field in (FIELDS if args.misses == "all" else [args.misses] if args.misses else []):
        print(f"\n# misses: {field}")
        for n, exp, got in misses.get(field, []):
            print(f"{n}\n    expected: {exp!r}\n    got:      {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
