#!/usr/bin/env bash
# A test build in the pseudo-language `xx`: every wording string of content/ in brackets
# (`hipcheck content pseudo`), built from a copy of content/ (HIPCHECK_CONTENT) exactly as a real
# language is, so tests/e2e/pseudo.test.mjs can show that no screen keeps a word of English.
#
#   scripts/build-pseudo.sh [DIST]      (default: target/dist-pseudo)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-target/dist-pseudo}"
content="$PWD/target/pseudo-content"
rm -rf "$content"
cp -R content "$content"
cargo run --quiet --offline --bin hipcheck -- content pseudo xx "$content"
HIPCHECK_CONTENT="$content" HIPCHECK_LANG=xx trunk build --offline --release --dist "$dist"
