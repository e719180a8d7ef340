#!/usr/bin/env bash
# Installs what is missing, then serves the widget at http://127.0.0.1:${PORT:-8080}/ with live rebuilds.
# English only (HIPCHECK_LANG=es for the Spanish build); scripts/build.sh builds every language.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
cd "$HIPCHECK_ROOT"
port="${PORT:-8080}"
say "HipCheck will be at http://127.0.0.1:$port/ (Ctrl-C stops it)"
# No autoreload: its injected inline script would break the page's strict Content-Security-Policy.
exec trunk serve --offline --release --no-autoreload --address 127.0.0.1 --port "$port"
