#!/usr/bin/env bash
# The quote stage's acceptance cases (tests/quote-cases/{en,uk,ru}: scraped
# articles written by us with the quotes a fact-checker expects, traps
# included), scored with the corpus driver: prints each case and
# "N passed, M failed". All pass; ctest runs them too (quote.cases).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${WHOSAID:-$root/build/whosaid}
python3 "$root/tests/corpus/run_corpus.py" "$bin" "$root/tests/quote-cases" "$@"
exit 0
