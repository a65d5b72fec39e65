#!/usr/bin/env python3
"""Pathological inputs for `whosaid extract`, generated at run time.

Usage: run_pathological.py WHOSAID [NAME_FILTER...]

Each case writes its input into a temporary directory, runs the binary on
it under a time limit and checks that it survives:

  - it is never killed by a signal and never runs past the time limit;
  - the exit status is the one the case allows (0: everything read,
    1: some input failed);
  - on exit 0 stdout is valid UTF-8 JSON Lines, one record per document;
  - on exit 1 stderr names the input that failed (and, for some cases,
    says why: "empty", "binary", the size cap).

Prints one line per case and a final "N passed, M failed"; exits 1 when
a case failed.

Containers: a WARC of 10^5 tiny records (one gzip member each), WARC
headers that never end or never stop adding lines, a Content-Length far
past the end, JSON Lines with 10^5 lines, a 50 MB line and 10^6-deep
nesting; each must keep the records around the damage and name it.

Sizes: the inputs are as large as the design's limits invite (10^6-deep
nesting, a 50 MB line, a 100 MB file, a 1 GB gzip bomb). Sanitizer builds
run many times slower, so every count and size is multiplied by
WS_PATHO_SCALE (default 1). When WS_PATHO_SCALE is not set and the binary's
path contains "asan" or "sanitize" (as build-asan/whosaid does), the scale
is 0.1. Cases whose point is a size cap (the 100 MB file against the
default 64 MiB cap, the gzip bomb) keep inputs larger than the cap at any
scale. WS_PATHO_TIMEOUT sets the per-case limit in seconds (default 60).
Peak memory (polled VmHWM) is checked for the gzip bomb except under
sanitizers.

Python 3 standard library only.
"""

import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20
DEFAULT_CAP = 64 * MiB


def scale_from_env(binary):
    s = os.environ.get("WS_PATHO_SCALE")
    if s:
        return float(s)
    low = binary.lower()
    if "asan" in low or "sanitize" in low:
        return 0.1
    return 1.0


SCALE = 1.0
TIMEOUT = float(os.environ.get("WS_PATHO_TIMEOUT", "60"))


def n(count, minimum=10):
    """A count scaled by WS_PATHO_SCALE."""
    return max(minimum, int(count * SCALE))


class Result:
    def __init__(self):
        self.rc = None          # exit code, negative for a signal
        self.timed_out = False
        self.seconds = 0.0
        self.maxrss_kib = 0
        self.stdout = b""
        self.stderr = ""


def peak_rss_kib(pid):
    """The process's peak resident set (VmHWM) from /proc, 0 when unknown.
    getrusage's ru_maxrss would not do: a child inherits its parent's peak
    across fork and exec, so this script's own size would show up."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run(binary, args):
    """Runs `whosaid extract ARGS` with stdout and stderr in files (outputs
    can be hundreds of MB), polling its peak memory until it exits."""
    res = Result()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen([binary, "extract"] + args, stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err)
        delay = 0.001
        while True:
            pid, status = os.waitpid(p.pid, os.WNOHANG)
            if pid:
                break
            res.maxrss_kib = max(res.maxrss_kib, peak_rss_kib(p.pid))
            if time.monotonic() - t0 > TIMEOUT:
                res.timed_out = True
                p.kill()
                _, status = os.waitpid(p.pid, 0)
                break
            time.sleep(delay)
            delay = min(0.02, delay * 2)
        p.returncode = os.waitstatus_to_exitcode(status)
        res.rc = p.returncode
        res.seconds = time.monotonic() - t0
        out.seek(0)
        res.stdout = out.read()
        err.seek(0)
        res.stderr = err.read().decode("utf-8", "replace")
    return res


def parse_jsonl(data):
    """Returns (records, problem or None)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [], "stdout is not valid UTF-8 (%s)" % e
    records = []
    for i, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        try:
            rec = json.loads(line)  # strict: raw control characters fail
        except ValueError as e:
            return records, "stdout line %d is not JSON: %s" % (i, e)
        if not isinstance(rec, dict):
            return records, "stdout line %d is not a JSON object" % i
        records.append(rec)
    return records, None


# ---------------------------------------------------------------------------
# input generators: each takes the directory and returns the path written

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def page(body, title="Pathological page"):
    return (b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" +
            title.encode() + b"</title></head><body>" + body + b"</body></html>")


PARA = (b"<p>The committee met on Tuesday to review the harbour accounts, "
        b"and the chair said the figures would be published next week.</p>\n")
MARKER = "MARKERTEXT the paragraph that must survive, with enough words to be a paragraph."


def nested(tag, count):
    t = tag.encode()
    return page(b"<div class=\"article-body\">" + PARA +
                (b"<" + t + b">") * count + b"<p>" + MARKER.encode() + b"</p>" +
                (b"</" + t + b">") * count + PARA + b"</div>")


def write_repeated(path, unit, total):
    """Writes unit repeated up to total bytes without building it in memory."""
    chunk = unit * max(1, (4 * MiB) // len(unit))
    left = total
    with open(path, "wb") as f:
        while left > 0:
            piece = chunk[:left]
            f.write(piece)
            left -= len(piece)
    return path


def gen_quotes(d):
    marks = ["\"", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", "\u2018",
             "\u2019", "``", "''", "\u2039", "\u203a"]
    rnd = random.Random(7)
    words = []
    for i in range(n(100000)):
        words.append(rnd.choice(marks))
        if i % 3 == 0:
            words.append("word")
    body = ("<p>" + " ".join(words) + "</p>").encode()
    return write(os.path.join(d, "quotes.html"), page(PARA + body + PARA))


def gen_unclosed_p(d):
    body = b"".join(b"<p>Unclosed paragraph %d of the pathological page, long enough to count.\n" % i
                    for i in range(n(100000)))
    return write(os.path.join(d, "unclosed-p.html"), page(body))


def gen_deep_table(d):
    count = n(100000)
    body = b"<table><tr><td>" * count + MARKER.encode() + b"</td></tr></table>" * count
    return write(os.path.join(d, "deep-table.html"), page(body))


def gen_long_line(d):
    unit = b"a long line of scraped text without any line break, "
    return write_repeated(os.path.join(d, "long-line.txt"), unit, n(50 * 10**6, 1000))


def gen_many_attrs(d):
    count = n(10**6)
    attrs = b"".join(b" data-a%d=\"v%d\"" % (i, i) for i in range(count))
    body = b"<div class=\"article-body\"" + attrs + b"><p>" + MARKER.encode() + b"</p></div>"
    return write(os.path.join(d, "many-attrs.html"), page(PARA + body))


def gen_unterminated_comment(d):
    path = os.path.join(d, "unterminated-comment.html")
    head = page(PARA + b"<p>" + MARKER.encode() + b"</p>")[:-len(b"</body></html>")]
    with open(path, "wb") as f:
        f.write(head + b"<!-- never closed ")
    # no "-->" and no "--!>" anywhere after the opening
    unit = b"<p>commented out - > -- > <!-- </p> text </body> "
    with open(path, "ab") as f:
        left = n(10 * 10**6, 1000)
        chunk = unit * (MiB // len(unit))
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)
    return path


def gen_unterminated_script(d):
    path = os.path.join(d, "unterminated-script.html")
    head = page(PARA + b"<p>" + MARKER.encode() + b"</p>")[:-len(b"</body></html>")]
    with open(path, "wb") as f:
        f.write(head + b"<script>")
    unit = b"var s = \"<p>script text, not article text</p>\"; // </scrip t>\n"
    with open(path, "ab") as f:
        left = n(10 * 10**6, 1000)
        chunk = unit * (MiB // len(unit))
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)
    return path


def gen_open_attr_quote(d):
    path = os.path.join(d, "open-attribute-quote.html")
    head = page(PARA + b"<p>" + MARKER.encode() + b"</p>")[:-len(b"</body></html>")]
    with open(path, "wb") as f:
        f.write(head + b"<a href=\"https://example.org/")
    unit = b"path> <p>inside an attribute value</p> ' = > "
    with open(path, "ab") as f:
        left = n(10 * 10**6, 1000)
        chunk = unit * (MiB // len(unit))
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)
    return path


def gen_invalid_utf8(d):
    bad = [b"\xff", b"\xfe", b"\xc3\x28", b"\x80", b"\xbf", b"\xc0\xaf",
           b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
           b"\xf0\x9f\x98", b"\xc2"]
    rnd = random.Random(11)
    paras = []
    for i in range(n(2000)):
        words = []
        for j in range(20):
            words.append(b"word%d" % j)
            words.append(rnd.choice(bad))
        paras.append(b"<p>" + b" ".join(words) + b"</p>")
    return write(os.path.join(d, "invalid-utf8.html"), page(b"\n".join(paras) + b"\xe2\x82"))


def gen_binary_junk(d):
    data = bytearray(random.Random(3).randbytes(n(1 << 20, 4096)))
    data[0:2] = b"\x00\x01"  # never a gzip or other magic by chance
    return write(os.path.join(d, "junk.bin"), bytes(data))


def gen_nul_bytes(d):
    paras = [PARA] * 200
    body = bytearray(b"".join(paras))
    for k in range(1, 11):  # a few NULs, far below any "binary" threshold
        body[len(body) * k // 12] = 0
    return write(os.path.join(d, "nul-bytes.html"), page(bytes(body)))


def gen_empty(d):
    return write(os.path.join(d, "empty.html"), b"")


def gen_blank(d):
    return write(os.path.join(d, "blank.txt"), b"  \n\t\r\n   \n")


def good_page(title):
    return page(b"<article><h1>" + title.encode() + b"</h1>" + PARA * 6 +
                b"</article>", title)


def gzip_bytes(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


def gen_truncated_gzip(d):
    rnd = random.Random(9)
    words = [b"harbour", b"council", b"said", b"the", b"wall", b"storm", b"budget", b"vote"]
    paras = b"".join(b"<p>" + b" ".join(rnd.choice(words) for _ in range(60)) + b".</p>\n"
                     for _ in range(200))
    data = gzip_bytes(page(paras, "Truncated gzip page"))
    return write(os.path.join(d, "truncated.html.gz"), data[: len(data) // 2])


def gen_gzip_bomb(d):
    path = os.path.join(d, "bomb.html.gz")
    total = max(int(10**9 * SCALE), DEFAULT_CAP + 16 * MiB)
    zeros = bytes(MiB)
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as g:
            left = total
            while left > 0:
                g.write(zeros[:left])
                left -= MiB
    return path


def gen_big_a(d, size, name):
    return write_repeated(os.path.join(d, name), b"a" * 4096, size)


def gen_deep_jsonld(d):
    count = n(10**6)
    ld = (b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":" +
          b"[" * count + b"{\"name\":\"Deep Author\"}" + b"]" * count + b",\"headline\":\"" +
          b"\\u00e9\\\"" * n(10**5) + b"\"}</script>")
    html = (b"<!DOCTYPE html><html><head><title>Deep JSON-LD</title>" + ld +
            b"</head><body><article>" + PARA + b"<p>" + MARKER.encode() + b"</p>" + PARA +
            b"</article></body></html>")
    return write(os.path.join(d, "deep-jsonld.html"), html)


def gen_many_meta(d):
    metas = b"".join(b"<meta property=\"article:author\" content=\"Author Number %d\">"
                     b"<meta name=\"description\" content=\"d%d\">" % (i, i)
                     for i in range(n(10**5)))
    html = (b"<!DOCTYPE html><html><head><title>Many meta tags</title>" + metas +
            b"</head><body><article>" + PARA + b"<p>" + MARKER.encode() + b"</p>" +
            b"</article></body></html>")
    return write(os.path.join(d, "many-meta.html"), html)


def gen_entities(d):
    unit = (b"&amp; &#x1F600; &#99999999999999999999; &#0; &#xD800; &#128; &notanentity; "
            b"&#; &#x; &am &lt&gt &nbsp;&nbsp; ")
    body = b"<p>" + unit * n(10**5) + b"</p>"
    return write(os.path.join(d, "entities.html"), page(PARA + body + b"<p>" + MARKER.encode() + b"</p>"))


def gen_long_tag_name(d):
    size = n(10 * 10**6, 1000)
    body = (PARA + b"<p>" + MARKER.encode() + b"</p><x" + b"y" * size + b" z" * 1000 + b">text</x" +
            b"y" * size + b"><" + b"q" * size)
    return write(os.path.join(d, "long-tag-name.html"), page(body))


def gen_unterminated_title(d):
    html = (b"<!DOCTYPE html><html><head><title>Never closed " + b"title words " * n(10**6) +
            b"<p>not a paragraph</p></body></html>")
    return write(os.path.join(d, "unterminated-title.html"), html)


def gen_nested_a(d):
    count = n(10**5)
    body = b"<div class=\"entry-content\">" + PARA + b"<a href=\"/x\">link " * count + \
        b"<p>" + MARKER.encode() + b"</p>" + b"</a>" * count + b"</div>"
    return write(os.path.join(d, "nested-a.html"), page(body))


def gen_mixed_dir(d):
    root = os.path.join(d, "mixed")
    os.makedirs(os.path.join(root, "sub"))
    write(os.path.join(root, "a-good.html"), good_page("First good page in the folder"))
    write(os.path.join(root, "b-empty.html"), b"")
    write(os.path.join(root, "c-junk.bin"), bytes(random.Random(5).randbytes(65536)).replace(b"\x1f\x8b", b"\x00\x00"))
    write(os.path.join(root, "d-good.html.gz"), gzip_bytes(good_page("Second good page, compressed")))
    write(os.path.join(root, "e-truncated.html.gz"), gzip_bytes(good_page("Broken") * 50)[:300])
    write(os.path.join(root, "sub", "f-good.txt"),
          ("Third good document\n\n" + "A plain scraped paragraph of text that says something "
           "about the weather in the harbour town this week.\n\n" * 5).encode())
    return root


# ---------------------------------------------------------------------------
# cases: (name, generator, options, allowed exit codes, checks)
#
# A check gets (result, records, path) and returns a list of problems.

def has_marker(res, recs, path):
    if res.rc == 0 and not any(MARKER in r.get("text", "") for r in recs):
        return ["the paragraph before/inside the pathological part is missing from the text"]
    return []


def no_nul(res, recs, path):
    return ["a NUL character reached the text"
            for r in recs if "\x00" in (r.get("text") or "") + (r.get("title") or "")][:1]


def has_text(res, recs, path):
    if res.rc == 0 and not any(r.get("text") for r in recs):
        return ["empty text"]
    return []


def stderr_says(*words):
    def check(res, recs, path):
        low = res.stderr.lower()
        if not any(w in low for w in words):
            return ["stderr does not say %s: %r" % (" or ".join(repr(w) for w in words),
                                                     res.stderr.strip()[:300])]
        return []
    return check


def no_records(res, recs, path):
    return ["%d record(s) printed for a document that was refused" % len(recs)] if recs else []


def small_rss(limit_mib):
    def check(res, recs, path):
        if SCALE < 1.0:  # sanitizer builds: shadow memory inflates RSS
            return []
        if res.maxrss_kib > limit_mib * 1024:
            return ["peak memory %d MiB (limit %d MiB): the document was not cut at the cap"
                    % (res.maxrss_kib // 1024, limit_mib)]
        return []
    return check


def mixed_dir_check(res, recs, path):
    problems = []
    sources = [os.path.normpath(r.get("source") or "") for r in recs]
    for good in ("a-good.html", "d-good.html.gz", os.path.join("sub", "f-good.txt")):
        want = os.path.normpath(os.path.join(path, good))
        if want not in sources:
            problems.append("no record for %s (records: %s)" % (good, [os.path.basename(s) for s in sources]))
    for bad in ("b-empty.html", "c-junk.bin", "e-truncated.html.gz"):
        if bad not in res.stderr:
            problems.append("stderr does not name %s" % bad)
    return problems


# ---- containers -------------------------------------------------------------

def warc_rec(wtype, uri, block):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n"
            % (wtype, uri, "request" if wtype == "request" else "response", len(block)))
    return head.encode() + block + b"\r\n\r\n"


def tiny_records_count():
    return n(10**5, 100)


def gen_warc_tiny_records(d):
    """10^5 records, each its own gzip member: half requests (skipped),
    half responses with a one-paragraph page."""
    path = os.path.join(d, "tiny.warc.gz")
    with open(path, "wb") as f:
        for i in range(tiny_records_count() // 2):
            uri = "http://t.example/%d" % i
            f.write(gzip.compress(warc_rec("request", uri, b"GET / HTTP/1.1\r\n\r\n"), 1))
            body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page %d %s</p>" % (
                i, MARKER.encode())
            f.write(gzip.compress(warc_rec("response", uri, body), 1))
    return path


def tiny_records_check(res, recs, path):
    want = tiny_records_count() // 2
    problems = []
    if len(recs) != want:
        problems.append("%d records, want %d" % (len(recs), want))
    if "skipped %d WARC records (%d request)" % (want, want) not in res.stderr:
        problems.append("no skip summary: %r" % res.stderr[-200:])
    return problems + small_rss(64)(res, recs, path)


def gen_warc_endless_header(d):
    """A good record, then a header line of 50 MB that never ends."""
    path = os.path.join(d, "endless-header.warc")
    good = warc_rec("response", "http://e/1",
                    b"HTTP/1.1 200 OK\r\n\r\n" + page(("<p>%s</p>" % MARKER).encode()))
    with open(path, "wb") as f:
        f.write(good + b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ")
        chunk = b"a" * MiB
        for _ in range(50):
            f.write(chunk)
    return path


def gen_warc_header_lines(d):
    """A header that goes on adding short lines (10^6 of them)."""
    path = os.path.join(d, "header-lines.warc")
    with open(path, "wb") as f:
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\n")
        f.write(b"X-Field: value\r\n" * n(10**6))
    return path


def gen_warc_length_past_end(d):
    """Content-Length far past the end of the file, after a good record."""
    path = os.path.join(d, "length-past-end.warc.gz")
    good = warc_rec("response", "http://l/1",
                    b"HTTP/1.1 200 OK\r\n\r\n" + page(("<p>%s</p>" % MARKER).encode()))
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999999999999\r\n\r\n"
           b"HTTP/1.1 200 OK\r\n\r\n<p>short</p>")
    write(path, gzip.compress(good) + gzip.compress(bad))
    return path


def one_record_then_error(*words):
    def check(res, recs, path):
        problems = []
        if len(recs) != 1 or MARKER not in recs[0].get("text", ""):
            problems.append("%d records, want the 1 before the damage" % len(recs))
        if " at byte " not in res.stderr:
            problems.append("the error does not name a byte offset: %r" % res.stderr[:300])
        return problems + stderr_says(*words)(res, recs, path)
    return check


def jsonl_lines_count():
    return n(10**5, 100)


def gen_jsonl_many_lines(d):
    path = os.path.join(d, "many.jsonl")
    with open(path, "w") as f:
        for i in range(jsonl_lines_count()):
            f.write(json.dumps({"url": "http://j/%d" % i, "text": "Line %d. %s" % (i, MARKER)}))
            f.write("\n")
    return path


def jsonl_many_check(res, recs, path):
    if len(recs) != jsonl_lines_count():
        return ["%d records, want %d" % (len(recs), jsonl_lines_count())]
    return small_rss(64)(res, recs, path)


def gen_jsonl_long_line(d):
    """A 50 MB line between two good ones (read with --max-bytes 1M)."""
    path = os.path.join(d, "long-line.jsonl")
    with open(path, "wb") as f:
        f.write(json.dumps({"text": "Before. " + MARKER}).encode() + b"\n")
        f.write(b'{"html": "')
        chunk = b"<p>x</p> " * (MiB // 9)
        for _ in range(50):
            f.write(chunk)
        f.write(b'"}\n')
        f.write(json.dumps({"text": "After. " + MARKER}).encode() + b"\n")
    return path


def gen_jsonl_deep(d):
    """10^6 open brackets in a value the reader skips."""
    path = os.path.join(d, "deep.jsonl")
    write(path, json.dumps({"text": "Good. " + MARKER}).encode() + b"\n" +
          b'{"x": ' + b"[" * n(10**6) + b"\n")
    return path


def two_lines_then_error(*words):
    def check(res, recs, path):
        problems = [] if len(recs) >= 1 else ["the good lines are missing"]
        if ":2: " not in res.stderr:
            problems.append("the error does not name line 2: %r" % res.stderr[:300])
        return problems + stderr_says(*words)(res, recs, path) + small_rss(256)(res, recs, path)
    return check


# what a message about the size cap says, one of these at least
CAP_WORDS = ("max-bytes", "cap", "64m", "64 mib", "67108864", "too big", "too large", "exceeds")

# name -> (generator, extract options, allowed exit codes, checks)
CASES = [
    ("deep-div", lambda d: write(os.path.join(d, "deep-div.html"), nested("div", n(10**6))),
     [], {0, 1}, [has_marker]),
    ("deep-span", lambda d: write(os.path.join(d, "deep-span.html"), nested("span", n(10**6))),
     [], {0, 1}, [has_marker]),
    ("deep-b", lambda d: write(os.path.join(d, "deep-b.html"), nested("b", n(10**6))),
     [], {0, 1}, [has_marker]),
    ("deep-table", gen_deep_table, [], {0, 1}, [has_marker]),
    ("unclosed-p", gen_unclosed_p, [], {0}, [has_text]),
    ("quote-marks", gen_quotes, [], {0}, [has_text]),
    ("long-line-text", gen_long_line, [], {0}, [has_text]),
    ("many-attributes", gen_many_attrs, [], {0, 1}, [has_marker]),
    ("unterminated-comment", gen_unterminated_comment, [], {0}, [has_marker]),
    ("unterminated-script", gen_unterminated_script, [], {0},
     [has_marker, lambda r, recs, p: ["script text reached the article text"]
      if any("script text, not article text" in x.get("text", "") for x in recs) else []]),
    ("open-attribute-quote", gen_open_attr_quote, [], {0}, [has_marker]),
    ("deep-json-ld", gen_deep_jsonld, [], {0}, [has_marker]),
    ("many-meta-tags", gen_many_meta, [], {0}, [has_marker]),
    ("entity-flood", gen_entities, [], {0}, [has_marker, no_nul]),
    ("long-tag-name", gen_long_tag_name, [], {0}, [has_marker]),
    ("unterminated-title", gen_unterminated_title, [], {0, 1}, []),
    ("nested-a", gen_nested_a, [], {0, 1}, []),
    ("invalid-utf8", gen_invalid_utf8, [], {0}, [has_text]),
    ("nul-bytes", gen_nul_bytes, [], {0}, [has_text, no_nul]),
    ("binary-junk", gen_binary_junk, [], {1}, [stderr_says("binary"), no_records]),
    ("empty-file", gen_empty, [], {1}, [stderr_says("empty"), no_records]),
    ("blank-file", gen_blank, [], {1}, [stderr_says("empty"), no_records]),
    ("truncated-gzip", gen_truncated_gzip, [], {1},
     [stderr_says("gzip", "truncated", "corrupt", "ends early", "unexpected end")]),
    # 1 GB of zeros: must stop at the 64 MiB cap, not inflate it all
    ("gzip-bomb", gen_gzip_bomb, [], {1},
     [no_records, small_rss(512), stderr_says(*CAP_WORDS)]),
    # 100 MB of 'a' against the default 64 MiB cap: refused, and the
    # message names the cap (full size at every scale: the point is the cap)
    ("over-default-cap", lambda d: gen_big_a(d, 100 * 10**6, "a-100MB.txt"), [], {1},
     [stderr_says(*CAP_WORDS), no_records, small_rss(512)]),
    ("max-bytes-200M", lambda d: gen_big_a(d, n(100 * 10**6, 1000), "a-100MB.txt"),
     ["--max-bytes", "200M"], {0}, [has_text]),
    ("mixed-directory", gen_mixed_dir, [], {1}, [mixed_dir_check]),
    ("warc-1e5-tiny-records", gen_warc_tiny_records, ["--no-quotes"], {0},
     [tiny_records_check]),
    ("warc-endless-header", gen_warc_endless_header, [], {1},
     [one_record_then_error("header longer than")]),
    ("warc-header-lines", gen_warc_header_lines, [], {1},
     [stderr_says("header longer than"), no_records]),
    ("warc-length-past-end", gen_warc_length_past_end, [], {1},
     [one_record_then_error("truncated")]),
    ("jsonl-1e5-lines", gen_jsonl_many_lines, ["--no-quotes"], {0}, [jsonl_many_check]),
    ("jsonl-50MB-line", gen_jsonl_long_line, ["--max-bytes", "1M"], {1},
     [two_lines_then_error("max-bytes")]),
    ("jsonl-deep-nesting", gen_jsonl_deep, [], {1}, [two_lines_then_error("nested too deeply")]),
]

# Cases whose input holds many documents (their checks count them).
MULTI_DOC = {"warc-1e5-tiny-records", "warc-endless-header", "warc-length-past-end",
             "jsonl-1e5-lines", "jsonl-50MB-line", "jsonl-deep-nesting"}


def check_case(name, path, args, allowed, checks, res):
    problems = []
    if res.timed_out:
        return ["timed out after %.0f s" % TIMEOUT]
    if res.rc < 0:
        try:
            sig = signal.Signals(-res.rc).name
        except ValueError:
            sig = str(-res.rc)
        return ["killed by signal %s; stderr: %s" % (sig, res.stderr.strip()[-300:])]
    if res.rc not in allowed:
        problems.append("exit status %d, want %s; stderr: %s"
                        % (res.rc, " or ".join(map(str, sorted(allowed))), res.stderr.strip()[:300]))
    records, bad = parse_jsonl(res.stdout)
    if bad:
        problems.append(bad)
    if (res.rc == 0 and not bad and not os.path.isdir(path) and name not in MULTI_DOC
            and len(records) != 1):
        problems.append("%d records, want 1" % len(records))
    if res.rc == 1:
        base = os.path.basename(path.rstrip("/"))
        if not os.path.isdir(path) and base not in res.stderr:
            problems.append("stderr does not name %s: %r" % (base, res.stderr.strip()[:300]))
        if res.stderr and not res.stderr.startswith("whosaid: "):
            problems.append("stderr does not start with 'whosaid: ': %r" % res.stderr[:100])
    for c in checks:
        problems += c(res, records, path)
    return problems


def generate(name, d):
    """Writes one case's input in a child process, so that this process
    stays small: a child inherits its parent's peak RSS, which would hide
    the binary's own."""
    env = dict(os.environ, WS_PATHO_SCALE=repr(SCALE))
    p = subprocess.run([sys.executable, os.path.abspath(__file__), "--generate", name, d],
                       env=env, stdout=subprocess.PIPE, check=True)
    return p.stdout.decode().strip()


def main(argv):
    global SCALE
    if len(argv) == 4 and argv[1] == "--generate":
        SCALE = float(os.environ.get("WS_PATHO_SCALE", "1"))
        gen = dict((c[0], c[1]) for c in CASES)[argv[2]]
        print(gen(argv[3]))
        return 0
    if len(argv) < 2:
        sys.stderr.write("usage: run_pathological.py WHOSAID [NAME_FILTER...]\n")
        return 2
    binary, filters = os.path.abspath(argv[1]), argv[2:]
    SCALE = scale_from_env(binary)
    print("scale %g, %.0f s per case" % (SCALE, TIMEOUT))
    tmp = tempfile.mkdtemp(prefix="ws-patho-")
    passed = failed = 0
    try:
        for name, gen, args, allowed, checks in CASES:
            if filters and not any(f in name for f in filters):
                continue
            d = os.path.join(tmp, name)
            os.makedirs(d)
            path = generate(name, d)
            res = run(binary, args + [path])
            problems = check_case(name, path, args, allowed, checks, res)
            size = human(os.path.getsize(path)) if os.path.isfile(path) else "directory"
            info = "%.1f s, exit %s, %s input, %d MiB peak" % (
                res.seconds, res.rc, size, res.maxrss_kib // 1024)
            if problems:
                failed += 1
                print("FAIL %-22s (%s)" % (name, info))
                for p in problems:
                    print("     " + p)
            else:
                passed += 1
                print("ok   %-22s (%s)" % (name, info))
            sys.stdout.flush()
            shutil.rmtree(d, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def human(size):
    for unit, div in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= div:
            return "%.1f %s" % (size / div, unit)
    return "%d B" % size


if __name__ == "__main__":
    sys.exit(main(sys.argv))
