#!/bin/sh
# Quote-stage accuracy on PolNeAR dev (or SPLIT=train): see polnear.py.
#   WHOSAID  the binary (default: ../build/whosaid relative to this folder)
#   ERRORS   examples per error class to print (default 0)
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
exec python3 "$BENCH/polnear.py" --split "${SPLIT:-dev}" \
    --whosaid "${WHOSAID:-$BENCH/../build/whosaid}" --errors "${ERRORS:-0}"
