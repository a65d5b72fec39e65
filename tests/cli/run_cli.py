#!/usr/bin/env python3
"""The whosaid command line as a user drives it.

Usage: run_cli.py WHOSAID REPO_ROOT [NAME_FILTER...]

Checks exit codes (0 all inputs read, 1 some input failed, 2 usage error),
messages on stderr ("whosaid: <source>: <message>"), both output formats,
standard input, directory walking order, missing files, --max-bytes,
--as, gzip recognised by content, WARC archives and JSON Lines files
(documents, URLs, charsets, skip summaries, errors naming the record's
offset or the line). Inputs are written to a temporary directory;
REPO_ROOT is used for the sample pages in samples/html/ and for the real
crawl excerpts in ../shared/eval/warc beside the repository (a check
fails when they are missing).

Prints one line per check and a final "N passed, M failed"; exits 1 when
a check failed. Python 3 standard library only.
"""

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

BIN = None
ROOT = None
TMP = None
TIMEOUT = 30

RECORD_KEYS = ["source", "id", "url", "outlet", "title", "date", "authors",
               "language", "dateline", "text", "quotes"]


class Run:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def records(self):
        recs = []
        for line in self.out.decode("utf-8").splitlines():
            if line.strip():
                recs.append(json.loads(line))
        return recs

    def text(self):
        return self.out.decode("utf-8", "replace")

    def describe(self):
        return "whosaid %s -> %s; stderr: %r" % (
            " ".join(self.args), exit_text(self.rc), self.err.strip()[:300])


def exit_text(rc):
    if rc is None:
        return "timed out"
    if rc < 0:
        try:
            return "signal " + signal.Signals(-rc).name
        except ValueError:
            return "signal %d" % -rc
    return "exit %d" % rc


def whosaid(*args, stdin=b"", cwd=None):
    try:
        p = subprocess.run([BIN] + list(args), input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, cwd=cwd)
        return Run(list(args), p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired as e:
        return Run(list(args), None, e.stdout or b"", (e.stderr or b"").decode("utf-8", "replace"))


class Failure(Exception):
    pass


def expect(cond, msg, run=None):
    if not cond:
        raise Failure(msg + ("\n" + run.describe() if run else ""))


def expect_rc(run, rc):
    expect(run.rc == rc, "want exit %d" % rc, run)


def records_of(run):
    try:
        return run.records()
    except (UnicodeDecodeError, ValueError) as e:
        raise Failure("stdout is not JSON Lines: %s\n%s" % (e, run.describe()))


# ---------------------------------------------------------------------------
# inputs

def article(title, author, date, paragraphs):
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s | Test Gazette</title>
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="%s">
<meta name="author" content="%s">
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>%s</h1>
<div class="article-body">
%s</div></article>
<footer>Copyright Test Gazette</footer>
</body></html>
""" % (title, date, author, title, body)).encode("utf-8")


PARAS = [
    "The district council agreed on Monday to keep the swimming pool open through the winter, "
    "after more than two thousand residents signed a petition against closing it.",
    "The pool will open on three evenings a week and on Saturday mornings, and the council will "
    "review the arrangement in March.",
    "\u201cWe listened, and we found the money,\u201d said the council leader, Ruth Calloway.",
]


def make(path, data):
    full = os.path.join(TMP, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    return full


def page(name, title=None):
    title = title or "Council keeps the %s pool open" % name
    return make(name, article(title, "Ruth Calloway", "2024-02-12", PARAS))


# ---------------------------------------------------------------------------
# checks

def t_no_arguments():
    r = whosaid()
    expect_rc(r, 2)
    expect("usage" in (r.err + r.text()).lower(), "no usage text", r)


def t_unknown_command():
    r = whosaid("frobnicate")
    expect_rc(r, 2)
    expect("frobnicate" in r.err, "stderr does not name the command", r)
    expect(r.out == b"", "stdout not empty", r)


def t_unknown_option():
    p = page("opt.html")
    r = whosaid("extract", "--frobnicate", p)
    expect_rc(r, 2)
    expect("--frobnicate" in r.err, "stderr does not name the option", r)
    expect(r.out == b"", "a usage error must not process inputs", r)


def t_help():
    for cmd in ("help", "--help"):
        r = whosaid(cmd)
        expect_rc(r, 0)
        out = r.text()
        for word in ("extract", "--format", "--as", "--max-bytes"):
            expect(word in out, "%s: help does not mention %s" % (cmd, word), r)


def t_version():
    for cmd in ("version", "--version"):
        r = whosaid(cmd)
        expect_rc(r, 0)
        expect(re.match(r"whosaid \d+\.\d+\.\d+", r.text()) is not None,
               "%s: want 'whosaid X.Y.Z'" % cmd, r)


def t_jsonl_record_shape():
    p = page("shape.html")
    r = whosaid("extract", p)
    expect_rc(r, 0)
    expect(r.err == "", "stderr not empty on success", r)
    recs = records_of(r)
    expect(len(recs) == 1, "want 1 record, got %d" % len(recs), r)
    rec = recs[0]
    expect(list(rec.keys()) == RECORD_KEYS, "keys/order %s, want %s" % (list(rec.keys()), RECORD_KEYS))
    expect(rec["source"] == p, "source %r, want %r" % (rec["source"], p))
    expect(re.fullmatch(r"[0-9a-f]{16}", rec["id"] or "") is not None, "id %r is not 16 hex digits" % rec["id"])
    expect(rec["title"] == "Council keeps the shape.html pool open", "title %r" % rec["title"])
    expect(rec["date"] == "2024-02-12", "date %r" % rec["date"])
    expect(rec["authors"] == ["Ruth Calloway"], "authors %r" % rec["authors"])
    expect(rec["outlet"] == "Test Gazette", "outlet %r" % rec["outlet"])
    expect(rec["text"] == "\n\n".join(PARAS), "text %r" % rec["text"])
    expect(isinstance(rec["quotes"], list), "quotes is not a list")
    r2 = whosaid("extract", "--format", "jsonl", p)
    expect(r2.rc == 0 and r2.out == r.out, "--format jsonl differs from the default", r2)


def t_id_stable():
    a = page("id-a.html")
    b = make("id-b.html", article("Another story", "Ann Other", "2024-03-01",
                                  ["A completely different body paragraph about the ferry timetable "
                                   "and the new winter fares announced this week."]))
    r1, r2 = whosaid("extract", a, b), whosaid("extract", a, b)
    recs1, recs2 = records_of(r1), records_of(r2)
    expect(len(recs1) == 2 and [x["id"] for x in recs1] == [x["id"] for x in recs2],
           "ids differ between runs", r1)
    expect(recs1[0]["id"] != recs1[1]["id"], "different documents share an id")


def t_format_text():
    p = page("fmt.html")
    for args in (["--format", "text"], ["--format=text"]):
        r = whosaid("extract", *args, p)
        expect_rc(r, 0)
        out = r.text()
        expect(not out.lstrip().startswith("{"), "%s: output looks like JSON" % args, r)
        expect(re.search(r"(?m)^title:\s+Council keeps the fmt\.html pool open\s*$", out) is not None,
               "%s: no 'title:' line" % args, r)
        expect(re.search(r"(?m)^date:\s+2024-02-12\s*$", out) is not None, "%s: no 'date:' line" % args, r)
        expect(re.search(r"(?m)^authors:\s+Ruth Calloway\s*$", out) is not None,
               "%s: no 'authors:' line" % args, r)
        expect(re.search(r"(?m)^source:\s+.*fmt\.html\s*$", out) is not None, "%s: no 'source:' line" % args, r)
        expect(PARAS[0] in out and PARAS[2] in out, "%s: body text missing" % args, r)


def t_format_text_several():
    a, b = page("fa.html"), page("fb.html")
    r = whosaid("extract", "--format", "text", a, b)
    expect_rc(r, 0)
    out = r.text()
    expect(len(re.findall(r"(?m)^source:", out)) == 2, "want two records", r)
    expect(out.index("fa.html") < out.index("fb.html"), "records out of order", r)


def t_bad_format():
    p = page("badfmt.html")
    for args in (["--format", "xml"], ["--format="], ["--format"]):
        r = whosaid("extract", *args) if args == ["--format"] else whosaid("extract", *args, p)
        expect_rc(r, 2)
        expect(r.out == b"", "%s: stdout not empty" % args, r)


def t_bad_as():
    p = page("badas.html")
    r = whosaid("extract", "--as", "pdf", p)
    expect_rc(r, 2)
    expect("pdf" in r.err, "stderr does not name the value", r)


def t_stdin_dash():
    data = article("Read from standard input", "Ruth Calloway", "2024-02-12", PARAS)
    r = whosaid("extract", "-", stdin=data)
    expect_rc(r, 0)
    recs = records_of(r)
    expect(len(recs) == 1, "want 1 record", r)
    expect(recs[0]["source"] == "-", "source %r, want '-'" % recs[0]["source"])
    expect(recs[0]["title"] == "Read from standard input", "title %r" % recs[0]["title"])


def t_stdin_default():
    data = article("Standard input by default", "Ruth Calloway", "2024-02-12", PARAS)
    r = whosaid("extract", stdin=data)
    expect_rc(r, 0)
    recs = records_of(r)
    expect(len(recs) == 1 and recs[0]["title"] == "Standard input by default", "no record from stdin", r)
    r = whosaid("extract", "--format", "text", stdin=data)
    expect_rc(r, 0)
    expect("Standard input by default" in r.text(), "text format from stdin", r)


def t_stdin_gzip():
    data = gzip.compress(article("Compressed on standard input", "Ruth Calloway", "2024-02-12", PARAS))
    r = whosaid("extract", "-", stdin=data)
    expect_rc(r, 0)
    recs = records_of(r)
    expect(len(recs) == 1 and recs[0]["title"] == "Compressed on standard input",
           "gzip on stdin not decompressed", r)


def t_stdin_empty():
    r = whosaid("extract", "-", stdin=b"")
    expect_rc(r, 1)
    expect(r.err.startswith("whosaid: -") or "stdin" in r.err.lower(), "stderr does not name stdin", r)
    expect("empty" in r.err.lower(), "stderr does not say empty", r)


def t_directory_order():
    base = os.path.join(TMP, "tree")
    names = ["b.html", "a.html", "sub/c.html", "sub/a.txt", "sub/deeper/x.html", "z/y.html",
             "m.html.gz"]
    for nm in names:
        data = article("Page %s" % nm, "Ruth Calloway", "2024-02-12", PARAS)
        if nm.endswith(".txt"):
            data = ("Page %s\n\n%s\n\n%s\n" % (nm, PARAS[0], PARAS[1])).encode()
        if nm.endswith(".gz"):
            data = gzip.compress(data)
        make(os.path.join("tree", nm), data)
    os.makedirs(os.path.join(base, "empty-dir"))
    want = ["a.html", "b.html", "m.html.gz", "sub/a.txt", "sub/c.html", "sub/deeper/x.html", "z/y.html"]
    for arg in (base, base + "/"):
        r = whosaid("extract", arg)
        expect_rc(r, 0)
        got = [os.path.relpath(os.path.normpath(x["source"]), base) for x in records_of(r)]
        expect(got == want, "order %s, want %s" % (got, want), r)


def t_missing_file():
    a, b = page("m1.html"), page("m2.html")
    missing = os.path.join(TMP, "no-such-file.html")
    r = whosaid("extract", a, missing, b)
    expect_rc(r, 1)
    expect(re.search(r"(?m)^whosaid: .*no-such-file\.html: \S", r.err) is not None,
           "want 'whosaid: <path>: <message>' naming the file", r)
    got = [x["source"] for x in records_of(r)]
    expect(got == [a, b], "records %s, want the two good files in order" % got, r)


def t_missing_directory():
    a = page("md.html")
    missing = os.path.join(TMP, "no-such-dir") + "/"
    r = whosaid("extract", missing, a)
    expect_rc(r, 1)
    expect("no-such-dir" in r.err, "stderr does not name the directory", r)
    expect([x["source"] for x in records_of(r)] == [a], "the good file was not processed", r)


def t_all_ok_exit_zero():
    a, b = page("ok1.html"), page("ok2.html")
    r = whosaid("extract", a, b)
    expect_rc(r, 0)
    expect(r.err == "", "stderr not empty", r)
    expect(len(records_of(r)) == 2, "want 2 records", r)


def t_max_bytes_values():
    p = page("mb.html")
    for args in (["--max-bytes", "10K"], ["--max-bytes=1M"], ["--max-bytes", "2G"],
                 ["--max-bytes", "500000"], ["--max-bytes", "64m"], ["--max-bytes=8k"]):
        r = whosaid("extract", *args, p)
        expect(r.rc == 0 and len(records_of(r)) == 1, "%s should be accepted" % args, r)


def t_max_bytes_bad():
    p = page("mbbad.html")
    for v in ("abc", "-1", "12Q", "", "0", "1.5M", "K", "10 K", "99999999999999999999G"):
        r = whosaid("extract", "--max-bytes", v, p)
        expect(r.rc == 2, "--max-bytes %r: want exit 2" % v, r)
        expect(r.out == b"", "--max-bytes %r: stdout not empty" % v, r)
    r = whosaid("extract", p, "--max-bytes")
    expect_rc(r, 2)


def t_max_bytes_cap():
    small = page("cap-small.html")
    big = make("cap-big.html", article("A long page", "Ruth Calloway", "2024-02-12", PARAS * 30))
    r = whosaid("extract", "--max-bytes", "2K", big, small)
    expect_rc(r, 1)
    expect(re.search(r"(?m)^whosaid: .*cap-big\.html: ", r.err) is not None, "stderr does not name the file", r)
    expect([x["source"] for x in records_of(r)] == [small], "want only the small file", r)


def t_as_text_on_html():
    p = page("astext.html")
    rh = whosaid("extract", "--as", "html", p)
    rt = whosaid("extract", "--as", "text", p)
    expect_rc(rh, 0)
    expect_rc(rt, 0)
    th, tt = records_of(rh)[0]["text"], records_of(rt)[0]["text"]
    expect("<" not in th, "--as html: markup in the text")
    expect(tt != th, "--as text gives the same text as --as html", rt)
    # the scraped-text reader is free to drop markup lines as debris; what
    # matters is that the HTML reader did not run
    expect(rt.out and records_of(rt)[0].get("title") != records_of(rh)[0].get("title")
           or tt != th, "--as text looks parsed as HTML", rt)
    ra = whosaid("extract", "--as", "auto", p)
    expect(ra.rc == 0 and ra.out == rh.out, "--as auto differs from --as html on an HTML page", ra)


def t_as_html_on_text():
    p = make("notes.txt", ("Harbour notes\n\n%s\n\n%s\n" % (PARAS[0], PARAS[1])).encode())
    r = whosaid("extract", "--as", "html", p)
    expect_rc(r, 0)
    expect(len(records_of(r)) == 1, "want one record", r)


def t_double_dash():
    p = make("-dash.html", article("A file whose name starts with a dash", "Ruth Calloway",
                                    "2024-02-12", PARAS))
    r = whosaid("extract", "--", "-dash.html", cwd=TMP)
    expect_rc(r, 0)
    recs = records_of(r)
    expect(len(recs) == 1 and recs[0]["source"] == "-dash.html", "'--' should end the options", r)
    del p


def t_gzip_by_content():
    gz = make("disguised.html", gzip.compress(article("Compressed but not named so", "Ruth Calloway",
                                                      "2024-02-12", PARAS)))
    plain = make("plain.html.gz", article("Named gz but plain", "Ruth Calloway", "2024-02-12", PARAS))
    r = whosaid("extract", gz, plain)
    expect_rc(r, 0)
    titles = [x["title"] for x in records_of(r)]
    expect(titles == ["Compressed but not named so", "Named gz but plain"], "titles %s" % titles, r)


def t_samples():
    d = os.path.join(ROOT, "samples", "html")
    files = sorted(f for f in os.listdir(d) if not f.startswith(".")) if os.path.isdir(d) else []
    expect(len(files) >= 2, "samples/html has %d files" % len(files))
    r = whosaid("extract", *[os.path.join(d, f) for f in files])
    expect_rc(r, 0)
    recs = records_of(r)
    expect(len(recs) == len(files), "%d records for %d samples" % (len(recs), len(files)), r)
    for rec in recs:
        expect(rec["title"] and rec["text"], "sample %s has no title or text" % rec["source"])


def t_jobs_same_output():
    # Every corpus case, twice over, with an unreadable file in the middle:
    # -j 2 and -j 3 print exactly what -j 1 prints, errors included.
    corpus = os.path.join(ROOT, "tests", "corpus")
    bad = make("jobs/missing-dir/../nothing.html", b"")
    os.remove(bad)
    one = whosaid("extract", corpus, bad, corpus)
    expect(one.rc == 1 and len(records_of(one)) > 40, "baseline run", one)
    for j in ("2", "3"):
        many = whosaid("extract", "-j", j, corpus, bad, corpus)
        expect(many.rc == one.rc and many.out == one.out and
               many.err == one.err, "-j %s differs from -j 1" % j, many)
    expect_rc(whosaid("extract", "-j", "0x", corpus), 2)
    expect_rc(whosaid("extract", "--jobs", "999", corpus), 2)


def t_shards_partition():
    # --shard K/N splits the files: each file in exactly one shard, and the
    # shards together give every record of the whole run.
    corpus = os.path.join(ROOT, "tests", "corpus")
    whole = sorted(r["source"] for r in records_of(whosaid("extract", corpus)))
    parts = []
    for k in (1, 2, 3):
        run = whosaid("extract", "--shard", "%d/3" % k, corpus)
        parts += [r["source"] for r in records_of(run)]
    expect(sorted(parts) == whole, "shards do not partition the files")
    for bad in ("0/3", "4/3", "1/0", "x", "1/3x"):
        expect_rc(whosaid("extract", "--shard", bad, corpus), 2)
# ---------------------------------------------------------------------------
# containers: WARC and JSON Lines

def warc_record(wtype, uri, block, content_type=None, date="2025-12-03T10:00:00Z"):
    head = "WARC/1.0\r\nWARC-Type: %s\r\n" % wtype
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    head += "WARC-Date: %s\r\n" % date
    if content_type:
        head += "Content-Type: %s\r\n" % content_type
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(uri, status, headers, body):
    head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return warc_record("response", uri, head.encode("ascii") + body,
                       "application/http; msgtype=response")


UK_1251 = ("<html><head><title>\u041d\u043e\u0432\u0438\u043d\u0438</title></head><body><article>"
           "<h1>\u0420\u0430\u0434\u0430 \u0443\u0445\u0432\u0430\u043b\u0438\u043b\u0430 "
           "\u0431\u044e\u0434\u0436\u0435\u0442</h1>"
           "<p>\u0412\u0435\u0440\u0445\u043e\u0432\u043d\u0430 \u0420\u0430\u0434\u0430 "
           "\u0443\u0445\u0432\u0430\u043b\u0438\u043b\u0430 \u0431\u044e\u0434\u0436\u0435\u0442 "
           "\u043d\u0430 \u043d\u0430\u0441\u0442\u0443\u043f\u043d\u0438\u0439 \u0440\u0456\u043a, "
           "\u043f\u043e\u0432\u0456\u0434\u043e\u043c\u0438\u043b\u0438 \u0432 "
           "\u043f\u0430\u0440\u043b\u0430\u043c\u0435\u043d\u0442\u0456 \u0443 "
           "\u0447\u0435\u0442\u0432\u0435\u0440.</p></article></body></html>")


def own_warc():
    """A small crawl: one gzip member per record, every kind of record."""
    recs = [
        warc_record("warcinfo", None, b"software: run_cli\r\n", "application/warc-fields"),
        warc_record("request", "http://uk.example/1", b"GET /1 HTTP/1.1\r\n\r\n",
                    "application/http; msgtype=request"),
        http_response("http://uk.example/1", "200 OK",
                      [("Content-Type", "text/html; charset=windows-1251")],
                      UK_1251.encode("cp1251")),
        warc_record("metadata", "http://uk.example/1", b"a: b\r\n", "application/warc-fields"),
        http_response("http://uk.example/gone", "404 Not Found", [("Content-Type", "text/html")],
                      b"<p>gone</p>"),
        http_response("http://uk.example/logo.png", "200 OK", [("Content-Type", "image/png")],
                      b"\x89PNG\r\n\x1a\n"),
        http_response("http://en.example/2", "200 OK",
                      [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                      gzip.compress(article("Pool stays open", "Ruth Calloway", "2024-02-12",
                                            PARAS))),
    ]
    offsets, data = [], b""
    for r in recs:
        offsets.append(len(data))
        data += gzip.compress(r)
    return make("crawl/own.warc.gz", data), offsets


def shared_warc(name):
    path = os.path.join(ROOT, "..", "shared", "eval", "warc", name)
    expect(os.path.exists(path), "missing fixture %s (../shared/eval/warc beside the repository)"
           % path)
    return path


def t_warc_own():
    path, offsets = own_warc()
    r = whosaid("extract", "--no-quotes", path)
    expect_rc(r, 0)
    recs = records_of(r)
    expect([x["source"] for x in recs] == ["%s:%d" % (path, offsets[2]), "%s:%d" % (path, offsets[6])],
           "sources %s, member offsets %s" % ([x["source"] for x in recs], offsets), r)
    expect([x["url"] for x in recs] == ["http://uk.example/1", "http://en.example/2"], "urls", r)
    uk = recs[0]
    expect(uk["title"] and "\u0420\u0430\u0434\u0430" in uk["title"] + uk["text"],
           "windows-1251 page not decoded to Cyrillic: %r" % uk["title"], r)
    expect(recs[1]["title"] == "Pool stays open", "gzip payload title %r" % recs[1]["title"], r)
    expect(recs[1]["date"] and recs[1]["date"].startswith("2024-02-12"),
           "the page's date, not the crawl date: %r" % recs[1]["date"], r)
    expect(uk["date"] is None, "WARC-Date is a crawl date, not the article's: %r" % uk["date"], r)
    want = ("whosaid: skipped 3 WARC records (1 request, 1 metadata, 1 warcinfo), 1 response with "
            "an HTTP status other than 2xx, 1 payload that is not HTML or text")
    expect(want in r.err, "summary line %r" % want, r)
    q = whosaid("extract", "--no-quotes", "--quiet", path)
    expect_rc(q, 0)
    expect(q.err.strip() == "", "--quiet leaves stderr empty", q)


def t_warc_charsets():
    """Pages whose only declaration is the HTTP header in the WARC record,
    and the same pages with no declaration at all (statistics)."""
    uk = ("\u0423\u0440\u044f\u0434 \u0443\u0445\u0432\u0430\u043b\u0438\u0432 "
          "\u0440\u0456\u0448\u0435\u043d\u043d\u044f \u043f\u0440\u043e "
          "\u043f\u0456\u0434\u0442\u0440\u0438\u043c\u043a\u0443 \u0448\u043a\u0456\u043b "
          "\u0443 \u043f\u0440\u0438\u0444\u0440\u043e\u043d\u0442\u043e\u0432\u0438\u0445 "
          "\u0433\u0440\u043e\u043c\u0430\u0434\u0430\u0445, \u043f\u043e\u0432\u0456\u0434"
          "\u043e\u043c\u0438\u043b\u0438 \u0432 \u043c\u0456\u043d\u0456\u0441\u0442\u0435"
          "\u0440\u0441\u0442\u0432\u0456 \u043e\u0441\u0432\u0456\u0442\u0438.")
    ru = ("\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e "
          "\u043e\u0434\u043e\u0431\u0440\u0438\u043b\u043e \u0440\u0435\u0448\u0435\u043d"
          "\u0438\u0435 \u043e \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u043a\u0435 "
          "\u0448\u043a\u043e\u043b, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432 "
          "\u043c\u0438\u043d\u0438\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u0435 "
          "\u043e\u0431\u0440\u0430\u0437\u043e\u0432\u0430\u043d\u0438\u044f.")
    de = ("Die Regierung beschlo\u00df am Donnerstag, die Schulen in den gr\u00f6\u00dferen "
          "St\u00e4dten l\u00e4nger zu f\u00f6rdern; das Ministerium f\u00fcr Bildung "
          "best\u00e4tigte es.")
    pl = ("Rz\u0105d zdecydowa\u0142 w czwartek o wsparciu szk\u00f3\u0142 w ma\u0142ych "
          "gminach, poinformowa\u0142o ministerstwo edukacji. \u017b\u0105dania "
          "samorz\u0105d\u00f3w zosta\u0142y przyj\u0119te.")
    cases = [("windows-1251", uk), ("koi8-u", uk), ("koi8-r", ru), ("iso-8859-5", ru),
             ("iso-8859-2", pl), ("iso-8859-1", de), ("windows-1252", de), ("utf-8", uk),
             ("utf-16le", uk), ("utf-16be", ru)]
    for declared in (True, False):
        data, want = b"", {}
        for i, (cs, text) in enumerate(cases):
            html = "<html><body><article><p>%s</p><p>%s</p></article></body></html>" % (text, text)
            body = html.encode(cs)
            if cs.startswith("utf-16"):
                body = (b"\xff\xfe" if cs.endswith("le") else b"\xfe\xff") + body
            ctype = "text/html; charset=%s" % cs if declared else "text/html"
            uri = "http://cs.example/%d" % i
            data += gzip.compress(http_response(uri, "200 OK", [("Content-Type", ctype)], body))
            want[uri] = (cs, text)
        path = make("charsets-%s.warc.gz" % ("declared" if declared else "undeclared"), data)
        r = whosaid("extract", "--no-quotes", path)
        expect_rc(r, 0)
        recs = records_of(r)
        expect(len(recs) == len(cases), "%d records" % len(recs), r)
        for rec in recs:
            cs, text = want[rec["url"]]
            expect(text[:40] in rec["text"], "%s (%s): text %r" % (
                cs, "declared in HTTP" if declared else "undeclared", rec["text"][:80]), r)


def t_warc_shared():
    files = {
        "warcio-example.warc.gz": 1,
        "warcio-example-iana.org-chunked.warc": 1,
        "resiliparse-warcfile.warc.gz": 16,
        "resiliparse-clipped.warc.gz": 0,
        "josimtext-cc-test.warc.gz": 35,
    }
    paths = [shared_warc(f) for f in files]
    r = whosaid("extract", "--no-quotes", *paths)
    expect_rc(r, 1)  # the clipped file and the cut-short last record
    recs = records_of(r)
    for f, n in files.items():
        got = [x for x in recs if x["source"].rsplit(":", 1)[0].endswith("/" + f)]
        expect(len(got) == n, "%s: %d documents, want %d" % (f, len(got), n), r)
        for x in got:
            expect(re.fullmatch(r".*:\d+", x["source"]), "source %r is not PATH:OFFSET" % x["source"])
            expect(x["url"], "%s has no url" % x["source"])
    urls = set(x["url"] for x in recs)
    for u in ["http://example.com/", "http://www.iana.org/", "http://01spb.ru/company/",
              "http://cosmiclog.nbcnews.com/_news/2010/01/14/4350410-satellites-to-the-rescue"]:
        expect(u in urls, "url %s missing" % u, r)
    expect(len(urls) == len(recs), "%d urls for %d documents" % (len(urls), len(recs)), r)
    ru = [x for x in recs if x["url"] == "http://01spb.ru/company/"][0]
    expect("\u041e \u043a\u043e\u043c\u043f\u0430\u043d\u0438\u0438" in ru["title"],
           "windows-1251 page title %r" % ru["title"], r)
    expect(re.search("[\u0430-\u044f]{5}", ru["text"]), "windows-1251 page text not Cyrillic", r)
    # PATH:N finds the record again: N is its gzip member's offset.
    import zlib
    data = open(shared_warc("resiliparse-warcfile.warc.gz"), "rb").read()
    for x in recs:
        if "resiliparse-warcfile" not in x["source"]:
            continue
        off = int(x["source"].rsplit(":", 1)[1])
        head = zlib.decompressobj(31).decompress(data[off:off + 65536])[:4096]
        expect(head.startswith(b"WARC/1.0\r\nWARC-Type: response")
               and x["url"].encode() in head, "%s does not lead to its record" % x["source"])
    iana = [x for x in recs if x["url"] == "http://www.iana.org/"][0]
    expect("Internet Assigned Numbers Authority" in (iana["title"] or ""), "chunked page title", r)
    for part in ["resiliparse-clipped.warc.gz: WARC record at byte 0: truncated",
                 "josimtext-cc-test.warc.gz: WARC record at byte 92407: the file ends inside",
                 "skipped 41 WARC records (20 request, 16 metadata, 4 warcinfo, 1 revisit)"]:
        expect(part in r.err, "stderr lacks %r" % part, r)
    # The cut-short file does not stop the inputs after it.
    r2 = whosaid("extract", "--no-quotes", shared_warc("resiliparse-clipped.warc.gz"),
                 shared_warc("warcio-example.warc.gz"))
    expect_rc(r2, 1)
    expect(len(records_of(r2)) == 1, "the input after a damaged one is read", r2)


def t_warc_over_cap():
    big = http_response("http://c/big", "200 OK", [("Content-Type", "text/html")],
                        article("Big", "A B", "2024-01-01", PARAS * 200))
    small = http_response("http://c/small", "200 OK", [("Content-Type", "text/html")],
                          article("Small", "A B", "2024-01-01", PARAS))
    path = make("cap.warc", big + small)
    r = whosaid("extract", "--no-quotes", "--max-bytes", "20K", path)
    expect_rc(r, 1)
    expect([x["url"] for x in records_of(r)] == ["http://c/small"], "the record after is read", r)
    expect("cap.warc: WARC record at byte 0: " in r.err and "--max-bytes" in r.err,
           "message names the file and offset", r)


def t_jsonl_input():
    lines = [
        {"url": "https://j.example/1", "html": article("Pool stays open", "Ruth Calloway", "",
                                                       PARAS).decode("utf-8").replace(
            '<meta property="article:published_time" content="">', ""),
         "date": "2024-02-12T09:30:00+02:00", "outlet": "Line Outlet"},
        "this line is not JSON",
        {"text": "Plain scraped text.\n\n" + "\n\n".join(PARAS), "date": "yesterday"},
        {"url": "https://j.example/none"},
    ]
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    path = make("feed.jsonl", data.encode("utf-8"))
    gz = make("feed2", gzip.compress(data.encode("utf-8")))
    for p in (path, gz):
        r = whosaid("extract", "--no-quotes", p)
        expect_rc(r, 1)
        recs = records_of(r)
        expect([x["source"] for x in recs] == [p + ":1", p + ":3"], "sources", r)
        a, b = recs
        expect(a["url"] == "https://j.example/1", "url", r)
        expect(a["date"] == "2024-02-12T09:30:00+02:00", "date hint used: %r" % a["date"], r)
        # The page names its outlet (og:site_name): it wins over the hint.
        expect(a["outlet"] == "Test Gazette", "outlet %r" % a["outlet"], r)
        expect(b["date"] is None, "a date that is not ISO is not used: %r" % b["date"], r)
        expect(b["outlet"] is None and b["url"] is None, "no hints on line 3", r)
        expect("%s:2: invalid JSON at column 1" % p in r.err, "line 2 error", r)
        expect("%s:4: no \"html\" or \"text\"" % p in r.err, "line 4 error", r)
    no_site = {"html": "<html><body><article><p>%s</p></article></body></html>" % PARAS[0],
               "outlet": "Hinted Outlet", "date": "2023-05-06"}
    p = make("hint.jsonl", (json.dumps(no_site) + "\n").encode("utf-8"))
    r = whosaid("extract", "--no-quotes", p)
    expect_rc(r, 0)
    rec = records_of(r)[0]
    expect(rec["outlet"] == "Hinted Outlet" and rec["date"] == "2023-05-06",
           "hints when the page gives none: %r %r" % (rec["outlet"], rec["date"]), r)


def t_ingest_summary():
    path, _ = own_warc()
    db = os.path.join(TMP, "ingest.db")
    r = whosaid("ingest", "--db", db, path)
    expect_rc(r, 0)
    expect("skipped 3 WARC records" in r.err, "ingest prints the skip summary", r)
    q = whosaid("ingest", "--db", db, "--quiet", path)
    expect_rc(q, 0)
    expect("skipped" not in q.err, "--quiet silences it", q)


CHECKS = [
    ("jobs-same-output", t_jobs_same_output),
    ("shards-partition", t_shards_partition),
    ("no-arguments", t_no_arguments),
    ("unknown-command", t_unknown_command),
    ("unknown-option", t_unknown_option),
    ("help", t_help),
    ("version", t_version),
    ("jsonl-record", t_jsonl_record_shape),
    ("id-stable", t_id_stable),
    ("format-text", t_format_text),
    ("format-text-several", t_format_text_several),
    ("bad-format", t_bad_format),
    ("bad-as", t_bad_as),
    ("stdin-dash", t_stdin_dash),
    ("stdin-default", t_stdin_default),
    ("stdin-gzip", t_stdin_gzip),
    ("stdin-empty", t_stdin_empty),
    ("directory-order", t_directory_order),
    ("missing-file", t_missing_file),
    ("missing-directory", t_missing_directory),
    ("all-ok-exit-0", t_all_ok_exit_zero),
    ("max-bytes-values", t_max_bytes_values),
    ("max-bytes-bad", t_max_bytes_bad),
    ("max-bytes-cap", t_max_bytes_cap),
    ("as-text-on-html", t_as_text_on_html),
    ("as-html-on-text", t_as_html_on_text),
    ("double-dash", t_double_dash),
    ("gzip-by-content", t_gzip_by_content),
    ("samples", t_samples),
    ("warc-own", t_warc_own),
    ("warc-shared", t_warc_shared),
    ("warc-charsets", t_warc_charsets),
    ("warc-over-cap", t_warc_over_cap),
    ("jsonl-input", t_jsonl_input),
    ("ingest-summary", t_ingest_summary),
]


def main(argv):
    global BIN, ROOT, TMP
    if len(argv) < 3:
        sys.stderr.write("usage: run_cli.py WHOSAID REPO_ROOT [NAME_FILTER...]\n")
        return 2
    BIN, ROOT, filters = os.path.abspath(argv[1]), os.path.abspath(argv[2]), argv[3:]
    TMP = tempfile.mkdtemp(prefix="ws-cli-")
    passed = failed = 0
    try:
        for name, fn in CHECKS:
            if filters and not any(f in name for f in filters):
                continue
            try:
                fn()
            except Failure as e:
                failed += 1
                print("FAIL %s" % name)
                for line in str(e).splitlines():
                    print("     " + line)
            except Exception as e:  # a bug in a check must not hide the others
                failed += 1
                print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
            else:
                passed += 1
                print("ok   %s" % name)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
