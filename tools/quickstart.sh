#!/usr/bin/env bash
# One command for a newcomer: install the build dependencies (Debian 12),
# build whosaid, and extract the sample corpus in samples/ as JSON Lines.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
if ! pkg-config --exists libutf8proc zlib cmocka 2>/dev/null ||
   ! command -v cmake >/dev/null; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends build-essential \
        cmake pkg-config python3 zlib1g-dev libutf8proc-dev libcmocka-dev \
        >/dev/null
fi
cmake -S . -B build >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
echo "built build/whosaid; extracting samples/ ..." >&2
build/whosaid extract samples/
