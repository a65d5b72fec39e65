#!/usr/bin/env python3
"""Runs browser_test.js against a real `whosaid serve` over a store of the
fixtures. Installs playwright-core into tests/http/node_modules (git-ignored)
when it is missing. Without node, npm or Chromium it skips (exit 77), unless
CI=1, where it fails: CI must run it.

usage: run_browser.py WHOSAID_BINARY REPO_ROOT OUT_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from serverlib import Server, ingest  # noqa: E402

BIN, ROOT, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def missing(what):
    if os.environ.get("CI") == "1":
        print(f"FAIL: {what} (CI=1: the browser test must run)")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(77)


def main():
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            missing(f"{tool} is not installed (apt-get install nodejs npm)")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"{CHROMIUM} is not installed (apt-get install chromium)")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        p = subprocess.run(["npm", "install", "--no-audit", "--no-fund",
                            "--loglevel=error"], cwd=HERE, timeout=600)
        if p.returncode != 0:
            missing("npm install playwright-core failed")
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="whosaid-browser-")
    srv = None
    try:
        db = os.path.join(tmp, "s.db")
        ingest(BIN, ROOT, db)
        # The default rate limit stays on: the page must work within it.
        srv = Server(BIN, db, os.path.join(tmp, "serve.log"),
                     "--static", os.path.join(ROOT, "web"))
        base = f"http://127.0.0.1:{srv.port}"
        env = dict(os.environ, CHROMIUM=CHROMIUM)
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                  "all_proxy", "ALL_PROXY"):
            env.pop(k, None)
        p = subprocess.run(["node", os.path.join(HERE, "browser_test.js"),
                            base, os.path.abspath(OUT), "Kas", "Kaspar Tamm"],
                           cwd=HERE, env=env, timeout=240)
        rc = p.returncode
        if rc != 0:
            print("server log (last lines):")
            print("\n".join(srv.read_log().splitlines()[-30:]))
        if srv.stop() != 0:
            print("FAIL: the server did not stop cleanly")
            rc = rc or 1
        return rc
    finally:
        if srv and srv.proc.poll() is None:
            srv.proc.kill()
            srv.proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
