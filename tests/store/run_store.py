#!/usr/bin/env python3
"""The corpus commands as a user drives them: ingest into a fresh SQLite
store, idempotency (same bytes; same URL with the same text), the queries in
every format, errors for bad options and missing or corrupt databases, and
a real ingest process killed with SIGKILL mid-run.

usage: run_store.py WHOSAID_BINARY REPO_ROOT
"""
import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BIN, ROOT = sys.argv[1], sys.argv[2]
FIXTURES = [os.path.join(ROOT, "tests", "corpus", d) for d in ("text", "html")]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, env=None, input=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([BIN, *args], capture_output=True, env=e, input=input,
                       timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def jsonl(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def count(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


tmp = tempfile.mkdtemp(prefix="whosaid-store-")
try:
    db = os.path.join(tmp, "w.db")
    # The articles of the extract corpus cases (their expected .json files
    # beside them are not articles).
    inputs = sorted(os.path.join(r, f) for d in FIXTURES
                    for r, _, fs in os.walk(d) for f in fs
                    if not f.endswith(".json"))
    n_inputs = len(inputs)

    # --- ingest and idempotency ---------------------------------------
    rc, out, err = run("ingest", "--db", db, *inputs)
    check(rc == 0, f"ingest exit 0 (got {rc}: {err})")
    check(f"{n_inputs} new documents" in err, f"summary counts inputs: {err}")
    arts = count(db, "SELECT count(*) FROM article")
    check(arts == n_inputs, f"{n_inputs} articles stored, got {arts}")
    quotes = count(db, "SELECT count(*) FROM quote")
    check(quotes > 10, f"quotes stored ({quotes})")
    check(count(db, "SELECT count(*) FROM quote_group") == quotes,
          "every quote belongs to a statement")
    check(count(db, "SELECT count(*) FROM article_story") == arts,
          "every article belongs to a story")

    rc, out, err = run("ingest", "--db", db, *inputs)
    check(rc == 0 and "0 new documents" in err and
          f"{n_inputs} already stored" in err, f"re-ingest stores nothing: {err}")
    check(count(db, "SELECT count(*) FROM article") == arts, "no duplicates")

    # The same page fetched twice: other bytes (an ad changed), same URL and
    # the same article text -> one document.
    page = os.path.join(ROOT, "tests", "corpus", "html", "en",
                        "harbour-wall-vote.html")
    with open(page, "rb") as f:
        html = f.read()
    again = os.path.join(tmp, "again.html")
    with open(again, "wb") as f:
        f.write(html.replace(b"</body>", b"<div class='ad'>Buy now</div></body>"))
    rc, out, err = run("ingest", "--db", db, again)
    check(rc == 0 and "0 new documents" in err,
          f"same URL + same text is the same document: {err}")

    # --- queries ----------------------------------------------------------
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl")
    stmts = jsonl(out)
    check(rc == 0 and len(stmts) > 5, f"quotes lists statements ({len(stmts)})")
    keys = {"id", "speaker", "aliases", "text", "date", "outlets", "reports"}
    rkeys = {"source", "url", "outlet", "date", "kind", "text"}
    for s in stmts:
        check(keys <= set(s), f"statement keys {sorted(s)}")
        check(s["reports"] and all(rkeys <= set(r) for r in s["reports"]),
              "report keys")
        check(any(r["text"] == s["text"] for r in s["reports"]),
              "statement text is one report's wording")
        check(all(os.path.exists(r["source"]) for r in s["reports"]),
              "report source is the path as given")
    dated = [s["date"][:10] for s in stmts if s["date"]]
    check(dated == sorted(dated, reverse=True), "newest first")

    named = [s for s in stmts if s["speaker"]]
    check(named, "some statements have a speaker")
    who = named[0]["speaker"]
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--speaker", who.upper())
    mine = jsonl(out)
    check(rc == 0 and mine and all(s["speaker"] == who for s in mine),
          f"--speaker matches any letter case ({who})")
    check(len(mine) == sum(1 for s in stmts if s["speaker"] == who),
          "--speaker finds all of them")

    word = max((w for s in stmts for w in s["text"].split()
                if w.isalpha() and len(w) > 6), key=len)
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--about", word)
    about = jsonl(out)
    check(rc == 0 and about and
          all(any(word.lower() in r["text"].lower() for r in s["reports"])
              for s in about), f"--about {word}")

    for args in (["--speaker", "Nobody Atall"], ["--about", "zzzqqqxx"],
                 ["--outlet", "No Such Outlet"],
                 ["--since", "2090-01-01"]):
        rc, out, err = run("quotes", "--db", db, "--format", "jsonl", *args)
        check(rc == 0 and out == "", f"absent {args}: empty, exit 0")

    day = dated[len(dated) // 2][:10]
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--since", day)
    check(all(s["date"] and s["date"][:10] >= day for s in jsonl(out)),
          "--since bounds the date")
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--until", day)
    check(all(s["date"] and s["date"][:10] <= day for s in jsonl(out)),
          "--until bounds the date")
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--kind", "direct")
    check(jsonl(out) and all(any(r["kind"] == "direct" for r in s["reports"])
                             for s in jsonl(out)), "--kind direct")
    outlet = next(s["outlets"][0] for s in stmts if s["outlets"])
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--outlet", outlet)
    check(jsonl(out) and all(outlet in s["outlets"] for s in jsonl(out)),
          "--outlet")
    rc, out, err = run("quotes", "--db", db, "--format", "jsonl",
                       "--limit", "2")
    check(len(jsonl(out)) == 2, "--limit")

    rc, out, err = run("quotes", "--db", db, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    check(rc == 0 and rows[0][:4] == ["id", "date", "speaker", "text"] and
          len(rows) == len(stmts) + 1, "csv: header and one row per statement")
    check(sorted(int(r[0]) for r in rows[1:]) == sorted(s["id"] for s in stmts),
          "csv and jsonl list the same statements")

    for width in (60, 100, 160):
        rc, out, err = run("quotes", "--db", db, env={"COLUMNS": str(width)})
        lines = out.splitlines()
        check(rc == 0 and len(lines) == len(stmts) + 1,
              f"table: one line per statement at {width}")
        check(all(len(line) <= width for line in lines),
              f"table fits {width} columns")

    for cmd in (["speakers"], ["stories"], ["timeline", who]):
        rc, out, err = run(*cmd, "--db", db, env={"COLUMNS": "80"})
        check(rc == 0 and out and
              all(len(line) <= 80 for line in out.splitlines()),
              f"{cmd[0]} table fits 80 columns")

    rc, out, err = run("timeline", "--db", db, who, "--format", "jsonl")
    tl = jsonl(out)
    check(rc == 0 and len(tl) == len(mine), "timeline lists the speaker's "
          "statements")
    seen, last = [], None
    for s in tl:
        sid = (s.get("story") or {}).get("id")
        if sid != last:
            check(sid not in seen, "timeline groups each story once")
            seen.append(sid)
            last = sid

    rc, out, err = run("speakers", "--db", db, "--format", "jsonl")
    sp = jsonl(out)
    check(rc == 0 and any(s["name"] == who for s in sp), "speakers lists "
          "the speaker")
    for s in sp:
        check({"name", "aliases", "titles", "statements"} <= set(s),
              "speaker keys")
    rc, out, err = run("stories", "--db", db, "--format", "jsonl")
    st = jsonl(out)
    check(rc == 0 and sum(len(s["articles"]) for s in st) == arts,
          "every article in one story")
    for s in st:
        check({"id", "title", "date", "articles"} <= set(s), "story keys")

    rc, out, err = run("export", "--db", db, "--format", "quotebank")
    qb = jsonl(out)
    check(rc == 0 and len(qb) == len(stmts), "export: one record per statement")
    for r in qb:
        check({"quotation", "speaker", "date", "numOccurrences", "urls"}
              <= set(r), "quotebank fields")
    rc, out, err = run("export", "--db", db, "--format", "jsonl")
    check(len(jsonl(out)) == len(stmts), "export jsonl")

    # --- the same answers from -j 2, and from shards merged -----------------
    def answers(path):
        """Everything a user can ask, without the storage-order article ids."""
        got = []
        for cmd in (["export", "--format", "jsonl"],
                    ["speakers", "--format", "jsonl"],
                    ["stories", "--format", "jsonl"]):
            rc, out, err = run(*cmd, "--db", path)
            check(rc == 0, f"{cmd[0]} on {path}")
            for rec in jsonl(out):
                for r in rec.get("reports", []):
                    r.pop("article", None)
                for a in rec.get("articles", []):
                    a.pop("id", None)
                got.append(rec)
        return got

    want = answers(db)
    jdb = os.path.join(tmp, "j2.db")
    rc, out, err = run("ingest", "--db", jdb, "-j", "2", *inputs)
    check(rc == 0, f"ingest -j 2 ({err.strip()})")
    check(answers(jdb) == want, "ingest -j 2 gives the same answers as -j 1")

    shards = []
    for k in (1, 2, 3):
        sdb = os.path.join(tmp, f"shard{k}.db")
        rc, out, err = run("ingest", "--db", sdb, "--shard", f"{k}/3", *inputs)
        check(rc == 0, f"shard {k}/3 ({err.strip()})")
        shards.append(sdb)
    check(sum(count(x, "SELECT count(*) FROM article") for x in shards) ==
          n_inputs, "shards partition the inputs")
    mdb = os.path.join(tmp, "merged.db")
    rc, out, err = run("merge", mdb, *reversed(shards))
    check(rc == 0 and f"{n_inputs} new documents" in err, f"merge ({err})")
    check(answers(mdb) == want, "merged shards give the answers of one run")
    rc, out, err = run("merge", mdb, shards[0])
    check(rc == 0 and "0 new documents" in err, "merging again adds nothing")
    rc, out, err = run("merge", mdb, os.path.join(tmp, "nope.db"))
    check(rc == 1 and "nope.db" in err, "merge of a missing store")

    # --- errors -----------------------------------------------------------
    rc, out, err = run("quotes", "--db", db, "--kind", "shouted")
    check(rc == 2 and "--kind" in err, "bad --kind is a usage error")
    rc, out, err = run("quotes", "--db", db, "--since", "last week")
    check(rc == 2 and "--since" in err, "bad --since is a usage error")
    rc, out, err = run("quotes", "--db", db, "--bogus")
    check(rc == 2, "unknown option")
    missing = os.path.join(tmp, "missing.db")
    rc, out, err = run("quotes", "--db", missing)
    check(rc == 1 and "missing.db" in err and not os.path.exists(missing),
          f"missing database: clear error, not created ({err.strip()})")
    junk = os.path.join(tmp, "junk.db")
    with open(junk, "wb") as f:
        f.write(os.urandom(8192))
    rc, out, err = run("speakers", "--db", junk)
    check(rc == 1 and "junk.db" in err, f"corrupt database ({err.strip()})")
    other = os.path.join(tmp, "other.db")
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    rc, out, err = run("stories", "--db", other)
    check(rc == 1 and "not a whosaid database" in err, "foreign database")

    newer = os.path.join(tmp, "newer.db")
    shutil.copy(db, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    for cmd in (["quotes"], ["ingest", inputs[0]]):
        rc, out, err = run(*cmd, "--db", newer)
        check(rc == 1 and "schema version 99" in err,
              f"{cmd[0]}: a newer schema is refused ({err.strip()})")

    # --- killed mid-run -----------------------------------------------------
    src = os.path.join(ROOT, "tests", "corpus", "text", "en_wire_riga.txt")
    with open(src, encoding="utf-8") as f:
        base = f.read()
    docs = os.path.join(tmp, "many")
    os.makedirs(docs)
    total = 3000
    for i in range(total):
        with open(os.path.join(docs, f"{i:05d}.txt"), "w",
                  encoding="utf-8") as f:
            f.write(base + f"\nThe council met for the {i}th time, "
                    f"the chair said.\n")
    kdb = os.path.join(tmp, "kill.db")
    p = subprocess.Popen([BIN, "ingest", "--db", kdb, "--batch", "50",
                          "--verbose", docs], stderr=subprocess.PIPE)
    reported = 0
    deadline = time.time() + 120
    while time.time() < deadline:
        line = p.stderr.readline().decode()
        if not line:
            break
        if "committed" in line:
            reported = int(line.split("committed ")[1].split()[0])
            if reported >= 500:
                p.send_signal(signal.SIGKILL)
                break
    p.wait()
    p.stderr.close()
    check(p.returncode == -signal.SIGKILL, "the ingest was killed mid-run")
    con = sqlite3.connect(kdb)
    check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
          "killed store passes integrity_check")
    kept = con.execute("SELECT count(*) FROM article").fetchone()[0]
    con.close()
    check(kept >= reported, f"committed batches survive ({kept} >= {reported})")
    rc, out, err = run("ingest", "--db", kdb, docs)
    check(rc == 0 and f"{total - kept} new documents" in err,
          f"re-run stores the rest ({err.strip()})")
    check(count(kdb, "SELECT count(*) FROM article") == total,
          "all documents once after the re-run")
    check(count(kdb, "SELECT count(DISTINCT source) FROM article") == total,
          "no duplicate sources")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} store checks failed")
    sys.exit(1)
print("all store checks passed")
