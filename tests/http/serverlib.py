"""Shared by the HTTP tests: a store ingested from the test fixtures and a
real `whosaid serve` on a free loopback port."""
import http.client
import os
import re
import signal
import subprocess
import time


def fixture_inputs(src):
    """The documents of tests/corpus/{text,html} (not their expected JSON)
    and the HTTP fixtures, in sorted order."""
    out = []
    for top in ("tests/corpus/text", "tests/corpus/html", "tests/http/fixtures"):
        for root, dirs, files in os.walk(os.path.join(src, top)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith((".txt", ".html", ".htm", ".txt.gz", ".html.gz")):
                    out.append(os.path.join(root, f))
    return out


def ingest(whosaid, src, db):
    """Ingests the fixtures into db; returns the number of stored articles."""
    p = subprocess.run([whosaid, "ingest", "--db", db] + fixture_inputs(src),
                       capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise RuntimeError("ingest failed: " + p.stderr)
    m = re.search(r"the store holds (\d+) articles", p.stderr)
    if not m:
        raise RuntimeError("no summary from ingest: " + p.stderr)
    return int(m.group(1))


class Server:
    """`whosaid serve` on 127.0.0.1 and a port the kernel picks; stderr
    (the request log) goes to a file."""

    def __init__(self, whosaid, db, log_path, *extra):
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [whosaid, "serve", "--db", db, "--listen", "127.0.0.1:0"] +
            list(extra), stdout=subprocess.DEVNULL, stderr=self.log)
        self.port = None
        deadline = time.time() + 20
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.read_log())
            m = re.search(r"on http://127\.0\.0\.1:(\d+)/", self.read_log())
            if m:
                self.port = int(m.group(1))
            else:
                time.sleep(0.05)
        if self.port is None:
            self.proc.kill()
            raise RuntimeError("server did not start: " + self.read_log())

    def read_log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, path, method="GET", headers=None):
        """(status, headers dict with lower-case names, body bytes); the
        path is sent exactly as given."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            c.putheader(k, v)
        c.endheaders()
        r = c.getresponse()
        body = r.read()
        h = {k.lower(): v for k, v in r.getheaders()}
        c.close()
        return r.status, h, body

    def raw(self, data, read=True):
        """Sends raw bytes; returns the raw response (or, with read False,
        closes the connection at once)."""
        import socket
        s = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        s.sendall(data)
        out = b""
        if not read:
            s.close()
            return out
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
        s.close()
        return out

    def stop(self, sig=signal.SIGTERM):
        """Signals the server; returns its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.log.close()
                raise RuntimeError("server did not stop on " + str(sig))
        self.log.close()
        return self.proc.returncode
