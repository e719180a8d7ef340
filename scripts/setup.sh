# shellcheck shell=bash
# Installs whatever a fresh machine is missing to build and test HipCheck, and nothing that is
# already there at the right version, so a second run costs seconds. Sourced by serve.sh and
# test.sh; every install comes from a package registry (crates.io, npm, Debian), never a
# downloaded prebuilt binary.

HIPCHECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="version_132"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'hipcheck setup: %s\n' "$*" >&2; exit 1; }

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run '$*': run it as root or install sudo"
  fi
}

# The wasm-bindgen CLI must match the library version Cargo.lock resolved, or the generated JS
# glue and the wasm disagree at runtime.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$HIPCHECK_ROOT/Cargo.lock"
}

ensure_rust() {
  need_command cargo "install Rust with rustup (https://rustup.rs), then run this again"
  need_command rustup "install Rust with rustup (https://rustup.rs), then run this again"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # CI and fresh machines may have a minimal profile without these.
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
}

ensure_cargo_tool() {
  local binary="$1" wanted="$2"; shift 2
  if command -v "$binary" >/dev/null 2>&1 && "$binary" --version 2>/dev/null | grep -qF "$wanted"; then
    return
  fi
  say "installing $binary $wanted with cargo (a few minutes, once)"
  cargo install "$@"
}

# Without Trunk's default features: `update_check` asks crates.io for a newer Trunk at every run,
# and `rustls` (TLS for downloading tools, HTTPS for `trunk serve`) is for what `--offline` and
# pinned tools never do. Measured on one core: docs/performance.md, "Setting up a machine".
ensure_trunk() {
  ensure_cargo_tool trunk "$TRUNK_VERSION" --locked trunk --version "$TRUNK_VERSION" --no-default-features
}

ensure_wasm_bindgen() {
  local version
  version="$(locked_wasm_bindgen_version)"
  [ -n "$version" ] || die "Cargo.lock has no wasm-bindgen entry: run 'cargo generate-lockfile'"
  grep -q "^wasm_bindgen = \"$version\"" "$HIPCHECK_ROOT/Trunk.toml" ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$version\" (the version in Cargo.lock)"
  # Not --locked: the CLI's own lockfile pins a webpki-roots release that is no longer published.
  ensure_cargo_tool wasm-bindgen "$version" wasm-bindgen-cli --version "$version"
  ensure_cargo_tool wasm-bindgen-test-runner "$version" wasm-bindgen-cli --version "$version"
}

# node_modules is reinstalled only when the committed lockfile changed since the last install.
ensure_npm_packages() {
  need_command node "install Node.js 20 or newer (Debian: apt-get install nodejs npm)"
  need_command npm "install npm (Debian: apt-get install npm)"
  local stamp="$HIPCHECK_ROOT/node_modules/.hipcheck-lock.sha256"
  local wanted
  wanted="$(sha256sum "$HIPCHECK_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    return
  fi
  say "installing npm packages from package-lock.json"
  (cd "$HIPCHECK_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$wanted" >"$stamp"
}

ensure_wasm_opt() {
  export PATH="$HIPCHECK_ROOT/node_modules/.bin:$PATH"
  wasm-opt --version 2>/dev/null | grep -qF "$WASM_OPT_VERSION" ||
    die "wasm-opt $WASM_OPT_VERSION not found in node_modules/.bin: delete node_modules and run this again"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "Chromium and ChromeDriver are missing and this is not a Debian-like system: install chromium and chromium-driver so that /usr/bin/chromium and /usr/bin/chromedriver exist"
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

ensure_build_tools() {
  ensure_rust
  ensure_npm_packages
  ensure_wasm_opt
  ensure_trunk
  ensure_wasm_bindgen
}

ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
}
