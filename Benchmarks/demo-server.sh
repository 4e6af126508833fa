# Sourced by the benchmarks that measure `sretv serve --demo`: the release binary, a free port and
# the demo server started in a fresh data folder, with its admin token and signed playlist URL read
# from the banner. The sourcing script sets `work` (a temporary folder) and its own EXIT trap, which
# calls `stop_demo_server`.

# A free loopback port, chosen by the kernel.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Sets `sretv`: $SRETV_BINARY when given, else a release build (Package.swift builds the Server
# module with -Osize: Swift 6.3.1 crashes on -O).
use_release_sretv() {
  sretv=${SRETV_BINARY:-}
  if [ -z "$sretv" ]; then
    swift build -c release --product sretv >/dev/null
    sretv=$PWD/.build/release/sretv
  fi
}

# Starts `sretv serve --demo` on 127.0.0.1:PORT with data in $work/data and any further arguments,
# waits for its banner (at most 5 minutes), and sets `server_pid`, `token` (the admin's API token)
# and `signed` (the signed playlist URL players get).
start_demo_server() {
  local port=$1; shift
  echo "Starting sretv serve --demo on http://127.0.0.1:$port (generating the demo media first)..."
  "$sretv" serve --demo --data "$work/data" --host 127.0.0.1 --port "$port" "$@" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q 'Stop with Ctrl-C' "$work/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "sretv serve ended early:" >&2; cat "$work/serve.err" >&2; exit 1; }
    sleep 0.5
  done
  grep -q 'Stop with Ctrl-C' "$work/serve.out" || { echo "sretv serve printed no banner in 5 minutes" >&2; exit 1; }
  # The banner prints the admin token and the signed playlist URL, each on the line after its label.
  token=$(grep -A1 'admin API token' "$work/serve.out" | tail -1 | tr -d '[:space:]')
  signed=$(grep -A1 'play with ffplay' "$work/serve.out" | tail -1 | tr -d '[:space:]')
}

# Stops the demo server started above (SIGTERM, then waits for it).
stop_demo_server() {
  if [ -n "${server_pid:-}" ]; then
    kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  fi
}
