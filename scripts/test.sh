#!/usr/bin/env bash
# Installs what is missing, then runs every HipCheck check in order and stops at the first failure:
# format and lints, native tests, browser component tests, the release build, end-to-end tests in
# Debian chromium, the size report of dist/ with its first-load budget, and Lighthouse.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_test_tools
cd "$HIPCHECK_ROOT"

started=$SECONDS
step() {
  local name="$1"; shift
  say "$name"
  local t0=$SECONDS
  if ! "$@"; then
    printf '\nFAILED: %s\n' "$name" >&2
    exit 1
  fi
  printf '    (%s: %ss)\n' "$name" "$((SECONDS - t0))" >&2
}

export CHROMEDRIVER=/usr/bin/chromedriver
# Its own output folder, so scripts/serve.sh (dist/) can run at the same time.
export HIPCHECK_DIST="$HIPCHECK_ROOT/target/dist-test"
export HIPCHECK_PSEUDO_DIST="$HIPCHECK_ROOT/target/dist-pseudo"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The browser tests need a wasm build of the test harness; keep it apart from trunk's.
export WASM_BINDGEN_TEST_TIMEOUT=120

step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --all-targets --all-features --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --locked
# The hand-off module, the runtime programs (loaders, embed, service worker), short import names.
step "Node unit tests (tests/unit/)" node --test --test-reporter=spec tests/unit/
step "component tests in headless Chromium" \
  cargo test --locked --target wasm32-unknown-unknown --lib --test web
# A second, different release build for the service-worker update test.
step "trunk build of an update (HIPCHECK_BUILD=update-test-v2)" \
  env HIPCHECK_BUILD=update-test-v2 trunk build --offline --release --dist target/dist-update
step "release build of every language (scripts/build.sh)" scripts/build.sh "$HIPCHECK_DIST"
step "release build of the test language xx (scripts/build-pseudo.sh)" scripts/build-pseudo.sh "$HIPCHECK_PSEUDO_DIST"
step "end-to-end tests in Chromium" node --test --test-reporter=spec tests/e2e/
# The FHIR R4 Questionnaire the build ships and `hipcheck fhir`'s responses (public vignettes and
# fuzzed answers), validated by a FHIR library from npm (FHIR.js), not by our own checks.
step "FHIR export validated by FHIR.js" node scripts/fhir-check.mjs "$HIPCHECK_DIST"
# Budgets (issue 6): everything the standalone page loads before the person starts, at most 120 KB
# brotli (the results text, fetched after Start, is reported apart); Lighthouse accessibility 100.
step "size report and first-load budget, English" node scripts/size-report.mjs "$HIPCHECK_DIST" --first-load-budget-kb=120
step "size report and first-load budget, Spanish" node scripts/size-report.mjs "$HIPCHECK_DIST/es" --first-load-budget-kb=120
step "Lighthouse accessibility budget (100)" node scripts/lighthouse-check.mjs
step "scripts/serve.sh serves the widget" scripts/serve-check.sh

say "all checks passed in $((SECONDS - started))s"
