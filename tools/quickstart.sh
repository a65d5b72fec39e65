#!/usr/bin/env bash
# One command for a newcomer: install the build dependencies (Debian 12),
# build whosaid, ingest the sample corpus in samples/ into a fresh
# ./whosaid.db and print one speaker's statements by date and story.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
if ! pkg-config --exists libutf8proc zlib cmocka sqlite3 libpq \
        libmicrohttpd 2>/dev/null ||
   ! command -v cmake >/dev/null; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends build-essential \
        cmake pkg-config python3 zlib1g-dev libutf8proc-dev libcmocka-dev \
        libsqlite3-dev libpq-dev libmicrohttpd-dev >/dev/null
fi
cmake -S . -B build >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
rm -f whosaid.db whosaid.db-wal whosaid.db-shm
echo "built build/whosaid; ingesting samples/ into ./whosaid.db ..." >&2
build/whosaid ingest samples/
echo >&2
echo "build/whosaid timeline \"Olena Marchuk\"" >&2
build/whosaid timeline "Olena Marchuk"
