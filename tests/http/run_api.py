#!/usr/bin/env python3
"""`whosaid serve` end to end: a store ingested from the fixtures, the real
server on a free loopback port, every endpoint against the CLI's answers,
paging, every error status (400, 403, 404, 405, 414, 429), path traversal
attempts, the security headers, JSON escaping of hostile quotes, the page's
script free of HTML insertion, the request log and a clean stop.

usage: run_api.py WHOSAID_BINARY REPO_ROOT
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, ingest  # noqa: E402

BIN, ROOT = sys.argv[1], sys.argv[2]
failures = []
checks = [0]


def check(cond, what):
    checks[0] += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    return cond


def cli(db, *args):
    p = subprocess.run([BIN, *args, "--db", db, "--format", "jsonl"],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


class Api:
    def __init__(self, srv):
        self.srv = srv

    def get(self, path, status=200):
        st, h, body = self.srv.request(path)
        check(st == status, f"GET {path}: status {st}, expected {status}: "
              f"{body[:200]!r}")
        check(h.get("content-type") == "application/json; charset=utf-8",
              f"GET {path}: content-type {h.get('content-type')}")
        check(h.get("cache-control") == "no-store",
              f"GET {path}: cache-control {h.get('cache-control')}")
        check(b"<" not in body and b">" not in body,
              f"GET {path}: raw < or > in a JSON body")
        try:
            doc = json.loads(body)
        except ValueError:
            check(False, f"GET {path}: not JSON: {body[:200]!r}")
            return None
        if status >= 400:
            check(isinstance(doc, dict) and doc.get("error", {}).get(
                "status") == status and doc["error"].get("message"),
                f"GET {path}: error shape {doc}")
        return doc

    def error(self, path, status):
        return self.get(path, status)

    def pages(self, path, limit, **params):
        """Every page of a list, following next; the items concatenated."""
        items, cursor, n = [], None, 0
        while True:
            p = dict(params, limit=limit)
            if cursor:
                p["cursor"] = cursor
            doc = self.get(q(path, **p))
            if doc is None:
                return items
            check(len(doc["items"]) <= limit, f"{path}: page over limit")
            items += doc["items"]
            cursor = doc["next"]
            n += 1
            if not cursor or n > 1000:
                return items
            check(len(doc["items"]) == limit,
                  f"{path}: short page with a next cursor")


def security_headers(h, what):
    csp = h.get("content-security-policy", "")
    check("default-src 'self'" in csp and "script-src 'self'" in csp and
          "unsafe-inline" not in csp, f"{what}: CSP {csp!r}")
    check(h.get("x-content-type-options") == "nosniff", f"{what}: nosniff")
    check(h.get("referrer-policy") == "no-referrer", f"{what}: referrer")
    check(h.get("x-frame-options") == "DENY", f"{what}: x-frame-options")


def main():
    tmp = tempfile.mkdtemp(prefix="whosaid-http-")
    servers = []
    try:
        db = os.path.join(tmp, "s.db")
        n_articles = ingest(BIN, ROOT, db)

        # The web folder, copied, with traps: a symlink to a file outside,
        # a symlinked directory outside, a hidden file.
        web = os.path.join(tmp, "web")
        shutil.copytree(os.path.join(ROOT, "web"), web)
        outside = os.path.join(tmp, "outside")
        os.mkdir(outside)
        secret = b"SECRET-OUTSIDE-THE-WEB-FOLDER"
        with open(os.path.join(outside, "secret.txt"), "wb") as f:
            f.write(secret)
        os.symlink(os.path.join(outside, "secret.txt"),
                   os.path.join(web, "leak.txt"))
        os.symlink(outside, os.path.join(web, "out"))
        with open(os.path.join(web, ".hidden"), "wb") as f:
            f.write(secret)

        srv = Server(BIN, db, os.path.join(tmp, "serve.log"), "--rate", "0",
                     "--static", web, "--threads", "2")
        servers.append(srv)
        api = Api(srv)

        # ---- health
        h = api.get("/api/v1/health")
        check(h and h["status"] == "ok" and h["articles"] == n_articles,
              f"health: {h} (ingested {n_articles})")

        # ---- speakers: the CLI's records, in its order
        cli_speakers = cli(db, "speakers")
        doc = api.get(q("/api/v1/speakers", limit=200))
        check(doc["items"] == cli_speakers[:200], "speakers = CLI speakers")
        check(len(api.get(q("/api/v1/speakers", limit=1))["items"]) == 1,
              "speakers limit=1")
        check(len(api.get("/api/v1/speakers")["items"]) ==
              min(20, len(cli_speakers)), "speakers default limit 20")
        tamm = [s for s in cli_speakers if s["name"] == "Kaspar Tamm"]
        check(len(tamm) == 1, "fixture speaker Kaspar Tamm stored")
        tamm = tamm[0]
        found = api.get(q("/api/v1/speakers", q="kas"))["items"]
        check(any(s["id"] == tamm["id"] for s in found),
              f"speakers?q=kas finds Kaspar Tamm: {found}")
        check(all(any(a.lower().startswith("kas") for a in
                      [s["name"]] + s["aliases"]) for s in found),
              "speakers?q=kas: every hit has such an alias")
        check(api.get(q("/api/v1/speakers", q="zzzzqx"))["items"] == [],
              "speakers?q= with no match")
        uk = api.get(q("/api/v1/speakers", q="Мар"))["items"]
        check(all(s["name"].startswith("Мар") or any(a.startswith("Мар")
              for a in s["aliases"]) for s in uk), "Cyrillic prefix")
        for s in cli_speakers[:10]:
            check(api.get(f"/api/v1/speakers/{s['id']}") == s,
                  f"speakers/{s['id']}")

        # ---- statements: pages concatenated = the CLI's full list
        cli_all = cli(db, "quotes")
        check(api.pages("/api/v1/statements", 7) == cli_all,
              "statements pages (limit 7) = CLI quotes")
        check(api.pages("/api/v1/statements", 200) == cli_all,
              "statements pages (limit 200) = CLI quotes")
        oldest = api.pages("/api/v1/statements", 5, order="oldest")
        check(sorted(s["id"] for s in oldest) ==
              sorted(s["id"] for s in cli_all) and
              len(oldest) == len(cli_all), "statements order=oldest paging")
        check(len(api.get("/api/v1/statements")["items"]) ==
              min(50, len(cli_all)), "statements default limit 50")
        for flt, cli_args in (
                ({"speaker": "Kaspar Tamm"}, ["--speaker", "Kaspar Tamm"]),
                ({"speaker": "kaspar tamm"}, ["--speaker", "kaspar tamm"]),
                ({"about": "search box"}, ["--about", "search box"]),
                ({"since": "2025-01", "until": "2025-06-30"},
                 ["--since", "2025-01", "--until", "2025-06-30"]),
                ({"since": "2024"}, ["--since", "2024"]),
                ({"kind": "direct"}, ["--kind", "direct"]),
                ({"outlet": "Harbour Courier"}, ["--outlet", "Harbour Courier"]),
                ({"outlet": "Harbour Courier", "kind": "indirect"},
                 ["--outlet", "Harbour Courier", "--kind", "indirect"])):
            want = cli(db, "quotes", *cli_args)
            got = api.pages("/api/v1/statements", 3, **flt)
            check(got == want, f"statements {flt} = CLI quotes {cli_args}")
        check(len(cli(db, "quotes", "--speaker", "Kaspar Tamm")) >= 2,
              "fixture: Kaspar Tamm has statements")
        for s in cli_all[:15]:
            one = api.get(f"/api/v1/statements/{s['id']}")
            check(one == s, f"statements/{s['id']} = its list record")
            check(one and len(one["reports"]) >= 1, "statement has reports")

        # ---- hostile text: JSON-escaped, read back exactly
        xss = [s for s in cli_all if "<script>alert(1)</script>" in s["text"]]
        check(len(xss) == 1, "the <script> quote is stored")
        amp = [s for s in cli_all if '"quotes" & <tags>' in s["text"]]
        check(len(amp) == 1, "the quotes-and-tags quote is stored")
        for s in xss + amp:
            st, hd, body = srv.request(f"/api/v1/statements/{s['id']}")
            check(b"<script" not in body and b"<tags>" not in body and
                  (b"\\u003cscript\\u003e" in body or
                   b"\\u003ctags\\u003e" in body),
                  "hostile quote escaped as \\u003c in the JSON body")
            check(json.loads(body)["text"] == s["text"],
                  "hostile quote reads back exactly")
            check(json.loads(body)["reports"][0]["text"] ==
                  s["reports"][0]["text"], "hostile report reads back")

        # ---- stories: pages = CLI stories; one story with its statements
        cli_stories = cli(db, "stories")
        check(api.pages("/api/v1/stories", 4) == cli_stories,
              "stories pages (limit 4) = CLI stories")
        check(api.pages("/api/v1/stories", 4, since="2025") ==
              cli(db, "stories", "--since", "2025"), "stories since=2025")
        by_story = {}
        for s in cli_all:
            if s["story"]:
                by_story.setdefault(s["story"]["id"], []).append(s["id"])
        for story in cli_stories[:10]:
            doc = api.get(f"/api/v1/stories/{story['id']}")
            if not doc:
                continue
            rest = {k: v for k, v in doc.items()
                    if k not in ("statements", "statements_truncated")}
            check(rest == story, f"stories/{story['id']} = CLI record")
            check(sorted(s["id"] for s in doc["statements"]) ==
                  sorted(by_story.get(story["id"], [])),
                  f"stories/{story['id']}: its statements")
            check(doc["statements_truncated"] is False, "not truncated")

        # ---- articles
        for story in cli_stories[:10]:
            for a in story["articles"]:
                art = api.get(f"/api/v1/articles/{a['id']}")
                check(art and art["title"] == a["title"] and
                      art["source"] == a["source"] and "text" in art and
                      "quotes" in art, f"articles/{a['id']}")

        # ---- timeline: the speaker's statements, grouped by story
        tl = api.get(f"/api/v1/speakers/{tamm['id']}/timeline")
        want = cli(db, "quotes", "--speaker", "Kaspar Tamm")
        got = [s for g in tl["stories"] for s in g["statements"]]
        check(sorted(s["id"] for s in got) == sorted(s["id"] for s in want),
              "timeline = the speaker's statements")
        check(tl["speaker"] == tamm and tl["count"] == len(want) and
              tl["truncated"] is False, "timeline head")
        seen = [g["story"]["id"] if g["story"] else None
                for g in tl["stories"]]
        check(len(seen) == len(set(seen)), "timeline: each story once")
        for g in tl["stories"]:
            check(all((s["story"] or {}).get("id") ==
                      (g["story"] or {}).get("id") for s in g["statements"]),
                  "timeline: statements under their story")
        most = cli_speakers[0]
        tl = api.get(f"/api/v1/speakers/{most['id']}/timeline")
        check(tl["count"] == most["statements"] and
              len([s for g in tl["stories"] for s in g["statements"]]) ==
              tl["count"], "timeline count = the speaker's statements")
        days = [s["date"] for g in tl["stories"] for s in g["statements"]]
        tl2 = api.get(q(f"/api/v1/speakers/{most['id']}/timeline", limit=1))
        check(tl2["count"] == 1 and tl2["truncated"] == (len(days) > 1),
              "timeline limit=1 truncates")
        tl3 = api.get(q(f"/api/v1/speakers/{most['id']}/timeline",
                        since="2099-01-01"))
        check(tl3["stories"] == [] and tl3["count"] == 0,
              "timeline since the future is empty")

        # ---- errors: 404 unknown ids, 400 bad parameters
        for p in ("/api/v1/speakers/999999", "/api/v1/statements/999999",
                  "/api/v1/stories/999999", "/api/v1/articles/999999",
                  "/api/v1/speakers/999999/timeline", "/api/v1/nothing",
                  "/api/v1/", "/api/v2/health", "/api", "/api/v1/health/1",
                  "/api/v1/speakers/1/other", "/api/v1/speakers/1/timeline/x",
                  "/api/v1/statements/", "/nope.html", "/index.html/"):
            api.error(p, 404)
        for p in ("/api/v1/statements?since=2024-13-01",
                  "/api/v1/statements?since=abc",
                  "/api/v1/statements?until=2025-02-29",
                  "/api/v1/statements?until=2024-02-30",
                  "/api/v1/statements?since=20240101",
                  "/api/v1/statements?kind=shouted",
                  "/api/v1/statements?limit=0", "/api/v1/statements?limit=201",
                  "/api/v1/statements?limit=-1", "/api/v1/statements?limit=x",
                  "/api/v1/statements?cursor=abc",
                  "/api/v1/statements?cursor=-5",
                  "/api/v1/statements?order=random",
                  "/api/v1/statements?foo=1", "/api/v1/health?x=1",
                  "/api/v1/speakers?prefix=a", "/api/v1/speakers/1?limit=2",
                  "/api/v1/stories?cursor=7", "/api/v1/stories?cursor=s0",
                  "/api/v1/stories?speaker=x", "/api/v1/stories/1?x=1",
                  "/api/v1/speakers/abc", "/api/v1/statements/-1",
                  "/api/v1/statements/1e3", "/api/v1/statements/0",
                  "/api/v1/articles/12345678901234567890",
                  "/api/v1/speakers/x/timeline",
                  "/api/v1/speakers/1/timeline?speaker=x",
                  "/api/v1/statements?speaker=a&speaker=b",
                  "/api/v1/statements?about=" + "a" * 201,
                  "/api/v1/statements?about=%zz", "/api/v1/statements?about=%4",
                  "/api/v1/statements?about=a%00b",
                  "/api/v1/statements?about=%ff%fe",
                  "/api/v1/statements?about=%0a",
                  "/api/v1/statements?" + "&".join(f"k{i}=1" for i in range(17)),
                  "/api/v1/st%00atements"):
            api.error(p, 400)
        api.get("/api/v1/statements?about=" + "a" * 200)  # at the limit: ok
        # Search syntax and wildcards in values are words, never errors.
        for v in ('"', "NEAR(a", "a*", "AND", "-x", ":", "%", "_", "'",
                  "a OR b", "^", "\\", "Kaspar\" OR \"1"):
            for k in ("about", "speaker", "outlet"):
                api.get(q("/api/v1/statements", **{k: v}))
            api.get(q("/api/v1/speakers", q=v))
            api.get(q(f"/api/v1/speakers/{tamm['id']}/timeline", about=v))
        api.get("/api/v1/statements?about=%D0%BC%D0%B5%D0%B4")
        api.error("/api/v1/statements?about=" + "a" * 2100, 414)
        for m in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            st, hd, body = srv.request("/api/v1/health", method=m)
            check(st == 405 and hd.get("allow") == "GET, HEAD" and
                  json.loads(body)["error"]["status"] == 405, f"{m} -> 405")
        st, hd, body = srv.request("/", method="POST")
        check(st == 405, "POST / -> 405")
        # A request target that is not a path (absolute form, asterisk).
        resp = srv.raw(b"GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        check(resp.startswith(b"HTTP/1.1 400"), f"GET * -> 400: {resp[:40]!r}")

        # Broken or oversized requests are refused and the server goes on.
        resp = srv.raw(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " +
                       b"a" * 40000 + b"\r\n\r\n")
        check(resp.split(b" ")[1] in (b"413", b"431"), "oversized headers")
        resp = srv.raw(b"GET /" + b"a" * 40000 + b" HTTP/1.1\r\n\r\n")
        check(resp.split(b" ")[1] in (b"414", b"400"), "oversized line")
        resp = srv.raw(b"POST /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                       b"Connection: close\r\nContent-Length: 5\r\n\r\nabcde")
        check(resp.startswith(b"HTTP/1.1 405"), "POST with a body -> 405")
        srv.raw(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n", read=False)
        check(srv.request("/api/v1/health")[0] == 200,
              "the server still answers after broken requests")

        # ---- HEAD: headers only, same length
        st, hd, body = srv.request("/api/v1/statements?limit=3")
        st2, hd2, body2 = srv.request("/api/v1/statements?limit=3", "HEAD")
        check(st2 == 200 and body2 == b"" and
              hd2.get("content-length") == str(len(body)), "HEAD statements")

        # ---- the page and its static files
        for path, ctype in (("/", "text/html; charset=utf-8"),
                            ("/index.html", "text/html; charset=utf-8"),
                            ("/app.js", "text/javascript; charset=utf-8"),
                            ("/style.css", "text/css; charset=utf-8")):
            st, hd, body = srv.request(path)
            check(st == 200 and hd.get("content-type") == ctype,
                  f"{path}: {st} {hd.get('content-type')}")
            check(hd.get("cache-control", "").startswith("public, max-age="),
                  f"{path}: short caching")
            security_headers(hd, path)
        st, hd, body = srv.request("/api/v1/health")
        security_headers(hd, "/api/v1/health")
        st, hd, index = srv.request("/")
        check(b"<script" in index and b"src=\"app.js\"" in index and
              b"http://" not in index and b"https://" not in index,
              "index.html: local script, no CDN")
        js = open(os.path.join(ROOT, "web", "app.js"), encoding="utf-8").read()
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "new Function",
                    "setTimeout(\"", "setTimeout('"):
            check(bad not in js, f"app.js uses {bad}")
        check("http://" not in js and "https://" not in js or
              "protocol" in js, "app.js loads nothing from elsewhere")

        # ---- no file outside the web folder, however asked
        for p in ("/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
                  "/..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                  "/web/../../etc/passwd", "/./index.html", "//etc/passwd",
                  "/%2fetc%2fpasswd", "/..\\..\\etc\\passwd",
                  "/%5c..%5cetc%5cpasswd", "/leak.txt", "/out/secret.txt",
                  "/.hidden", "/%2ehidden", "/../outside/secret.txt",
                  "/%252e%252e/etc/passwd", "/etc/passwd",
                  "/" + "../" * 20 + "etc/passwd",
                  "/index.html%00.js", "/index.html/.."):
            st, hd, body = srv.request(p)
            check(st in (400, 403, 404), f"{p}: status {st}")
            check(secret not in body and b"root:" not in body,
                  f"{p}: a file outside the web folder was served")
        resp = srv.raw(b"GET /../../etc/passwd HTTP/1.0\r\n\r\n")
        check(b"root:" not in resp and (b" 403 " in resp.split(b"\r\n")[0]),
              "raw /../../etc/passwd -> 403")

        # ---- the request log: one line per request
        log = srv.read_log()
        lines = [l for l in log.splitlines() if re.match(r"^\d{4}-\d\d-\d\dT", l)]
        check(any(re.match(r"^\S+Z 127\.0\.0\.1 GET /api/v1/health 200 \d+ "
                           r"[\d.]+ms$", l) for l in lines),
              "log line: time client method path status bytes ms")
        check(any(" DELETE /api/v1/health 405 " in l for l in lines),
              "log line for a 405")
        check(all("\n" not in l and "%0A" not in l[:30] for l in lines),
              "log lines are single lines")

        # ---- a clean stop on SIGTERM
        check(srv.stop(signal.SIGTERM) == 0, "exit status 0 on SIGTERM")
        check("stopping" in srv.read_log(), "says it stops")

        # ---- the rate limit: 429 with Retry-After, then allowed again
        slow = Server(BIN, db, os.path.join(tmp, "slow.log"), "--rate", "2",
                      "--static", web)
        servers.append(slow)
        statuses = []
        for _ in range(12):
            st, hd, body = slow.request("/api/v1/health")
            statuses.append(st)
            if st == 429:
                check(hd.get("retry-after", "").isdigit() and
                      int(hd["retry-after"]) >= 1, "429 has Retry-After")
                check(json.loads(body)["error"]["status"] == 429,
                      "429 JSON error")
                wait = int(hd["retry-after"])
        check(statuses[:4] == [200] * 4 and 429 in statuses,
              f"rate 2/s (burst 4): {statuses}")
        if 429 in statuses:
            time.sleep(wait + 0.2)
            st, hd, body = slow.request("/api/v1/health")
            check(st == 200, "allowed again after Retry-After")
        check(slow.stop(signal.SIGINT) == 0, "exit status 0 on SIGINT")

        # ---- bad command lines
        p = subprocess.run([BIN, "serve", "--db", os.path.join(tmp, "no.db"),
                            "--listen", "127.0.0.1:0"], capture_output=True,
                           text=True, timeout=30)
        check(p.returncode == 1 and "no.db" in p.stderr,
              f"serve on a missing db: {p.returncode} {p.stderr!r}")
        for args in (["--listen", "nowhere"], ["--listen", "1.2.3.4:99999"],
                     ["--rate", "-1"], ["--threads", "0"], ["--bogus"]):
            p = subprocess.run([BIN, "serve", "--db", db] + args,
                               capture_output=True, text=True, timeout=30)
            check(p.returncode == 2, f"serve {args}: exit {p.returncode}")
    finally:
        for s in servers:
            if s.proc.poll() is None:
                s.proc.kill()
                s.proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"http api: all {checks[0]} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
