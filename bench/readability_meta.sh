#!/bin/sh
# Runs readability_meta.py: whosaid's title, authors, outlet, date and language
# against the expected metadata of Readability's 130 test pages.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder)
# Extra arguments go to readability_meta.py, e.g. `--misses byline`.
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
WHOSAID=${WHOSAID:-$BENCH/../build/whosaid}
export WHOSAID
exec /usr/bin/python3 "$BENCH/readability_meta.py" "$@"
