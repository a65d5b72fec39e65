#!/usr/bin/python3
# Speed peer: readability-lxml (Debian python3-readability).
# Loops over the .html files of a folder in this one process, parsing and
# extracting each, and writes the texts as AEB JSON ({id: {articleBody}}).
# Prints one JSON line: {"tool", "pages", "bytes", "seconds", "failed"};
# seconds is the loop alone (no interpreter or module start-up).
# Usage: peer_readability_lxml.py HTML_DIR OUT.json
import json
import os
import sys
import time

import lxml.html
from readability import Document


def text_of(fragment):
    """Text of the extracted HTML, one line per text node."""
    if not fragment.strip():
        return ""
    tree = lxml.html.fromstring(fragment)
    lines = (" ".join(t.split()) for t in tree.itertext())
    return "\n".join(line for line in lines if line)


def main():
    folder, out_path = sys.argv[1], sys.argv[2]
    files = sorted(f for f in os.listdir(folder) if f.endswith(".html"))
    output, size, failed = {}, 0, 0

    start = time.perf_counter()
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        size += len(data)
        text = ""
        try:
            doc = Document(data.decode("utf-8", errors="replace"))
            text = text_of(doc.summary(html_partial=True))
        except Exception:
            failed += 1
        output[name[: -len(".html")]] = {"articleBody": text}
    seconds = time.perf_counter() - start

    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(output, f, ensure_ascii=False)
    print(json.dumps({"tool": "readability-lxml", "pages": len(files),
                      "bytes": size, "seconds": seconds, "failed": failed}))


if __name__ == "__main__":
    main()
