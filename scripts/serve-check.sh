#!/usr/bin/env bash
# The README's first command works: scripts/serve.sh starts and serves the widget. (A watch-ignore
# path that did not exist once stopped `trunk serve` before it served anything, unnoticed, because
# no check ran it.) Starts it on a free port, waits for the page, stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
log="$(mktemp)"
PORT="$port" scripts/serve.sh >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; pkill -P "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "scripts/serve.sh stopped before serving:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  if curl -fs "http://127.0.0.1:$port/" 2>/dev/null | grep -q 'id="\{0,1\}hipcheck'; then
    echo "scripts/serve.sh serves the widget at http://127.0.0.1:$port/"
    exit 0
  fi
  sleep 1
done
echo "scripts/serve.sh did not serve the widget within 180 s:" >&2
tail -20 "$log" >&2
exit 1
