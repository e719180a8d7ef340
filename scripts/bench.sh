#!/usr/bin/env bash
# The benchmark (not one of the two set-up commands): installs what is missing, builds HipCheck
# and the React peer, measures both in the same run, and writes docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_test_tools
cd "$HIPCHECK_ROOT"
exec node benches/browser/run.mjs "$@"
