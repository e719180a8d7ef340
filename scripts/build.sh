#!/usr/bin/env bash
# The release build of every language: English at the top of DIST, each other language in its
# own folder (DIST/es/). Each language is a build of its own (HIPCHECK_LANG), so a visitor
# downloads only their language's words; the other languages are built first and copied in by
# the English build's post-build hook (scripts/postbuild.mjs), which also gives embed.js their
# files.
#
#   scripts/build.sh [DIST]      (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
others=""
# Every language but English, as the command line lists them (src/content/lang.rs's LANGUAGES,
# one definition).
languages=$(cargo run --quiet --offline --bin hipcheck -- content languages)
for lang in $(grep -vx en <<<"$languages"); do
  out="target/lang-$lang"
  HIPCHECK_LANG="$lang" trunk build --offline --release --dist "$out"
  others="${others:+$others,}$lang=$PWD/$out"
done
HIPCHECK_LANGUAGE_BUILDS="$others" trunk build --offline --release --dist "$dist"
