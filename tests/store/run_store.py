#!/usr/bin/env python3
"""The corpus commands as a user drives them: ingest into a fresh store,
idempotency (same bytes; same URL with the same text), the queries in
every format, errors for bad options and missing or corrupt databases, and
a real ingest process killed with SIGKILL mid-run.

usage: run_store.py WHOSAID_BINARY REPO_ROOT [--pg [URL]]

Without --pg every check runs on SQLite files. With --pg the same checks
run on PostgreSQL, each store a fresh database created on the server at
URL (default: $WS_TEST_PG, else the server of tests/store/pg_server.sh,
postgresql://postgres@127.0.0.1:54329) by a role that may create
databases. When that server cannot be reached the run fails if CI or
WS_REQUIRE_PG=1 is set, and otherwise reports "skipped: no server" with
exit code 77 (ctest's SKIP_RETURN_CODE).
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
PG = None
if len(sys.argv) > 3 and sys.argv[3] == "--pg":
    PG = (sys.argv[4] if len(sys.argv) > 4 else
          os.environ.get("WS_TEST_PG") or
          "postgresql://postgres@127.0.0.1:54329").rstrip("/")
SKIP = 77
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


def psql(url, sql):
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v",
                        "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                       capture_output=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"psql {sql!r}: {p.stderr.decode().strip()}")
    return p.stdout.decode("utf-8").strip()


class SqliteTarget:
    """Stores are files in the test's temporary directory."""
    name = "sqlite"

    def __init__(self, tmp):
        self.tmp = tmp

    def new_db(self, name):
        return os.path.join(self.tmp, name + ".db")

    def missing_db(self, name):
        return os.path.join(self.tmp, name + ".db")

    def count(self, db, sql):
        con = sqlite3.connect(db)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()

    def foreign_db(self, name):
        path = self.new_db(name)
        sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()
        return path

    def newer_db(self, db, name):
        """A copy of store db with a schema version from the future."""
        newer = self.new_db(name)
        shutil.copy(db, newer)
        con = sqlite3.connect(newer)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        return newer

    def intact(self, db):
        con = sqlite3.connect(db)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()

    def cleanup(self):
        pass


class PgTarget:
    """Stores are fresh databases on the server, dropped at the end."""
    name = "postgresql"

    def __init__(self, base):
        self.base = base
        self.prefix = f"ws_test_{os.getpid()}_"
        self.made = []

    def new_db(self, name):
        db = self.prefix + name
        psql(self.base + "/postgres", f'DROP DATABASE IF EXISTS "{db}"')
        psql(self.base + "/postgres", f'CREATE DATABASE "{db}"')
        self.made.append(db)
        return f"{self.base}/{db}"

    def missing_db(self, name):
        return f"{self.base}/{self.prefix}{name}"

    def count(self, db, sql):
        return int(psql(db, sql))

    def foreign_db(self, name):
        url = self.new_db(name)
        psql(url, "CREATE TABLE t(x integer)")
        return url

    def newer_db(self, db, name):
        newer = f"{self.base}/{self.prefix}{name}"
        dbname = self.prefix + name
        db_name = db.rsplit("/", 1)[1]
        psql(self.base + "/postgres",
             f'CREATE DATABASE "{dbname}" TEMPLATE "{db_name}"')
        self.made.append(dbname)
        psql(newer, "UPDATE whosaid_schema SET version = 99")
        return newer

    def intact(self, db):
        # The server's own recovery keeps a killed client's work atomic;
        # check that the store's tables still answer.
        psql(db, "SELECT count(*) FROM article, quote WHERE false")
        return True

    def cleanup(self):
        for db in self.made:
            try:
                psql(self.base + "/postgres",
                     f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            except RuntimeError as e:
                print("warning:", e)


def pg_target():
    required = (os.environ.get("WS_REQUIRE_PG") == "1" or
                os.environ.get("CI", "") not in ("", "0", "false"))
    why = None
    if not shutil.which("psql"):
        why = "psql not found (install postgresql-client)"
    else:
        try:
            psql(PG + "/postgres", "SELECT 1")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            why = f"cannot reach {PG}: {e}"
    if why is None:
        return PgTarget(PG)
    if required:
        print(f"FAIL: PostgreSQL required (CI or WS_REQUIRE_PG=1) but {why};"
              " start one with tests/store/pg_server.sh start")
        sys.exit(1)
    print(f"skipped: no server ({why})")
    sys.exit(SKIP)


tmp = tempfile.mkdtemp(prefix="whosaid-store-")
target = pg_target() if PG else SqliteTarget(tmp)
count = target.count
print("store checks on", target.name)
try:
    db = target.new_db("w")
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
    if PG:
        # One schema and the same SQL: PostgreSQL answers as SQLite does.
        sdb = os.path.join(tmp, "sqlite.db")
        rc, out, err = run("ingest", "--db", sdb, *inputs)
        check(rc == 0, f"ingest into SQLite ({err.strip()})")
        check(answers(sdb) == want, "PostgreSQL and SQLite give the same "
              "answers")
    jdb = target.new_db("j2")
    rc, out, err = run("ingest", "--db", jdb, "-j", "2", *inputs)
    check(rc == 0, f"ingest -j 2 ({err.strip()})")
    check(answers(jdb) == want, "ingest -j 2 gives the same answers as -j 1")

    # Storing first and regrouping once after (many writers into one
    # store): the same answers; a regrouping with nothing new only counts.
    ndb = target.new_db("noregroup")
    rc, out, err = run("ingest", "--db", ndb, "--no-regroup", *inputs)
    check(rc == 0 and "not regrouped" in err, f"ingest --no-regroup ({err})")
    check(count(ndb, "SELECT count(*) FROM statement") == 0,
          "--no-regroup leaves the groupings alone")
    rc, out, err = run("regroup", "--db", ndb)
    check(rc == 0 and "regrouped;" in err, f"regroup ({err.strip()})")
    check(answers(ndb) == want, "ingest --no-regroup, then regroup: the "
          "answers of one run")
    rc, out, err = run("regroup", "--db", ndb)
    check(rc == 0 and "were current" in err, f"regroup again ({err.strip()})")
    rc, out, err = run("ingest", "--db", ndb, *inputs)
    check(rc == 0 and "0 new documents" in err, "ingest of stored inputs")
    rc, out, err = run("regroup", "--db", ndb, "--force")
    check(rc == 0 and "regrouped;" in err and answers(ndb) == want,
          f"regroup --force ({err.strip()})")
    nope = target.missing_db("nope-regroup")
    rc, out, err = run("regroup", "--db", nope)
    check(rc == 1 and "nope-regroup" in err, f"regroup of a missing store "
          f"({err.strip()})")
    if not PG:
        check(not os.path.exists(nope), "regroup creates no store")
    rc, out, err = run("regroup", "--db", ndb, "--bogus")
    check(rc == 2, "regroup: unknown option")

    shards = []
    for k in (1, 2, 3):
        sdb = target.new_db(f"shard{k}")
        rc, out, err = run("ingest", "--db", sdb, "--shard", f"{k}/3", *inputs)
        check(rc == 0, f"shard {k}/3 ({err.strip()})")
        shards.append(sdb)
    check(sum(count(x, "SELECT count(*) FROM article") for x in shards) ==
          n_inputs, "shards partition the inputs")
    mdb = target.new_db("merged")
    rc, out, err = run("merge", mdb, *reversed(shards))
    check(rc == 0 and f"{n_inputs} new documents" in err, f"merge ({err})")
    check(answers(mdb) == want, "merged shards give the answers of one run")
    rc, out, err = run("merge", mdb, shards[0])
    check(rc == 0 and "0 new documents" in err, "merging again adds nothing")
    rc, out, err = run("merge", mdb, target.missing_db("nope"))
    check(rc == 1 and "nope" in err, "merge of a missing store")

    # --- errors -----------------------------------------------------------
    rc, out, err = run("quotes", "--db", db, "--kind", "shouted")
    check(rc == 2 and "--kind" in err, "bad --kind is a usage error")
    rc, out, err = run("quotes", "--db", db, "--since", "last week")
    check(rc == 2 and "--since" in err, "bad --since is a usage error")
    rc, out, err = run("quotes", "--db", db, "--bogus")
    check(rc == 2, "unknown option")
    missing = target.missing_db("missing")
    rc, out, err = run("quotes", "--db", missing)
    check(rc == 1 and "missing" in err and not os.path.exists(missing),
          f"missing database: clear error, not created ({err.strip()})")
    if PG:
        # A password never appears in a message.
        at = PG.index("://") + 3
        secret = PG[:at] + PG[at:].replace("@", ":s3cr3t@", 1)
        rc, out, err = run("quotes", "--db", secret + "/nosuchdb_ws")
        check(rc == 1 and "s3cr3t" not in err and "nosuchdb_ws" in err,
              f"password redacted ({err.strip()})")
    else:
        junk = os.path.join(tmp, "junk.db")
        with open(junk, "wb") as f:
            f.write(os.urandom(8192))
        rc, out, err = run("speakers", "--db", junk)
        check(rc == 1 and "junk.db" in err,
              f"corrupt database ({err.strip()})")
    other = target.foreign_db("other")
    rc, out, err = run("stories", "--db", other)
    check(rc == 1 and "not a whosaid database" in err, "foreign database")

    newer = target.newer_db(db, "newer")
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
    kdb = target.new_db("kill")
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
    check(target.intact(kdb), "killed store passes integrity_check")
    kept = count(kdb, "SELECT count(*) FROM article")
    check(kept >= reported, f"committed batches survive ({kept} >= {reported})")
    rc, out, err = run("ingest", "--db", kdb, docs)
    check(rc == 0 and f"{total - kept} new documents" in err,
          f"re-run stores the rest ({err.strip()})")
    check(count(kdb, "SELECT count(*) FROM article") == total,
          "all documents once after the re-run")
    check(count(kdb, "SELECT count(DISTINCT source) FROM article") == total,
          "no duplicate sources")

    # --- concurrent writers -------------------------------------------------
    # Three ingests at once into one store over overlapping inputs, two of
    # them in opposite orders (each holds documents the other is about to
    # store: lock cycles on a server): every document once, nothing lost,
    # the groupings complete after the last regrouping.
    uniq = 900
    for part, (lo, hi) in (("x", (0, 600)), ("y", (300, uniq))):
        d = os.path.join(tmp, "conc", part)
        os.makedirs(d)
        for i in range(lo, hi):
            # y lists its documents in descending order: the writers
            # meet inside the overlap going opposite ways.
            name = f"{i:05d}" if part == "x" else f"{99999 - i:05d}"
            with open(os.path.join(d, name + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write(base + f"\nThe harbour board sat for the {i}th time, "
                        f"its secretary said.\n")
    x, y = (os.path.join(tmp, "conc", p) for p in ("x", "y"))
    cdb = target.new_db("conc")
    # The first process creates the schema; the others open it meanwhile.
    orders = ([x, y], [y, x], [y])
    procs = [subprocess.Popen([BIN, "ingest", "--db", cdb, "--batch", "40",
                               *o], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE) for o in orders]
    new = 0
    for p in procs:
        _, perr = p.communicate(timeout=300)
        perr = perr.decode()
        check(p.returncode == 0, f"concurrent ingest exit 0 ({perr.strip()})")
        if " new documents" in perr:
            new += int(perr.split(" new documents")[0].split()[-1])
    stored = count(cdb, "SELECT count(*) FROM article")
    check(stored == uniq, f"concurrent: each document once ({stored})")
    check(count(cdb, "SELECT count(DISTINCT doc_hash) FROM article") == uniq,
          "concurrent: no duplicate hashes")
    check(new == uniq, f"concurrent: the writers' new documents add up ({new})")
    check(count(cdb, "SELECT count(*) FROM quote q WHERE NOT EXISTS "
                     "(SELECT 1 FROM article a WHERE a.id = q.article)") == 0,
          "concurrent: no orphan quotes")
    check(count(cdb, "SELECT count(*) FROM quote_group") ==
          count(cdb, "SELECT count(*) FROM quote"),
          "concurrent: every quote in a statement")
    check(count(cdb, "SELECT count(*) FROM article_story") == uniq,
          "concurrent: every article in a story")
    check(count(cdb, "SELECT count(*) FROM story") ==
          count(cdb, "SELECT count(DISTINCT story) FROM article_story"),
          "concurrent: story rows match the articles' stories")
    check(count(cdb, "SELECT count(*) FROM statement") ==
          count(cdb, "SELECT count(DISTINCT statement) FROM quote_group"),
          "concurrent: statement rows match the quotes' statements")
    # Regrouping depends only on what is stored: once more changes nothing.
    before = run("quotes", "--db", cdb, "--format", "jsonl")[1]
    rc, out, err = run("ingest", "--db", cdb, x)
    check(rc == 0 and "0 new documents" in err, "concurrent: all stored")
    check(run("quotes", "--db", cdb, "--format", "jsonl")[1] == before,
          "concurrent: groupings stable")
finally:
    target.cleanup()
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} store checks failed on {target.name}")
    sys.exit(1)
print(f"all store checks passed on {target.name}")
