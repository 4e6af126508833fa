#!/usr/bin/env bash
# Benchmark: HLS serving, `sretv serve --demo` against nginx, side by side in one run on loopback.
# nginx serves, as static files, the same playlist text and the same segment file that ours serves
# live. wrk measures requests/s and MB/s (wrk's MB: 2^20 bytes) for the live playlist and for one
# segment, first ours (with the admin's bearer token, and with the signed URL players get), then nginx.
# Prints each figure and the ratios ours/nginx (targets: playlist requests/s >= nginx's,
# segment MB/s >= 0.8 x nginx's). Figures only: it exits 0 whether or not a target is met.
# Usage: Benchmarks/serving.sh [seconds per test] [connections]   (default: 10 s, 32 connections)
# Builds a release sretv first, unless $SRETV_BINARY names one to use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
duration=${1:-10}
connections=${2:-32}
channel=sretv-demo

scripts/install-deps run >/dev/null
# nginx and wrk come from Debian. Our own config is used below, never the package's site.
for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null; then
    echo "Installing $tool..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx wrk >/dev/null
    break
  fi
done
source Benchmarks/demo-server.sh
use_release_sretv

work=$(mktemp -d)
nginx_pid=""
cleanup() {
  # Stop what this script started (by pid), then remove every temporary file.
  stop_demo_server
  [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Two free loopback ports, chosen by the kernel.
ours_port=$(free_port)
nginx_port=$(free_port)
while [ "$nginx_port" = "$ours_port" ]; do nginx_port=$(free_port); done
ours=http://127.0.0.1:$ours_port
theirs=http://127.0.0.1:$nginx_port

# --- ours: the demo channel (generated media, rundown from now, admin user) in a fresh data folder.
start_demo_server "$ours_port"
query=${signed#*\?}
auth="Authorization: Bearer $token"

# The live playlist as ours serves it to a bearer token, and its newest segment.
playlist() { curl -fsS -H "$auth" "$ours/hls/$channel/index.m3u8"; }
segment_dir=$work/data/hls/$channel
# Wait for a full window (6 segments, 12 s), then for a newest segment with real media in it
# (>= 100 kB): the demo rundown has a slate item, and slate segments are tiny. The newest segment
# stays downloadable for about 26 s (12 s listed + 14 s retained): enough for ours' two segment tests.
segment=""
for _ in $(seq 1 120); do
  if text=$(playlist 2>/dev/null) && [ "$(grep -c '^segment-' <<<"$text")" -ge 6 ]; then
    newest=$(grep '^segment-' <<<"$text" | tail -1)
    if [ "$(stat -c %s "$segment_dir/$newest" 2>/dev/null || echo 0)" -ge 100000 ]; then segment=$newest; break; fi
  fi
  sleep 1
done
[ -n "$segment" ] || { echo "no media segment of 100 kB or more appeared in 2 minutes" >&2; cat "$work/serve.err" >&2; exit 1; }

# --- nginx: a static copy of that segment and of the playlist text, minimal config, own paths.
mkdir -p "$work/nginx/root/hls/$channel" "$work/nginx/temp"
cp "$segment_dir/$segment" "$work/nginx/root/hls/$channel/$segment"
playlist >"$work/nginx/root/hls/$channel/index.m3u8"
# Workers run as nobody: they must be able to read the root through the mktemp folder.
chmod -R a+rX "$work"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/root;
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$theirs/hls/$channel/index.m3u8" 2>/dev/null && break; sleep 0.1; done

# --- measurements. bench NAME URL [HEADER]: runs wrk, prints one line, sets rps and mbps.
# wrk counts non-2xx answers as requests: any of them would make the figures meaningless.
to_mb() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
  f = (u == "GB") ? 1024 : (u == "MB") ? 1 : (u == "KB") ? 1 / 1024 : 1 / 1048576; printf "%.2f", n * f }'; }
bench() {
  local name=$1 url=$2 out
  shift 2
  out=$(wrk -t2 -c"$connections" -d"${duration}s" "$@" "$url")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  mbps=$(to_mb "$(awk '/^Transfer\/sec:/ { print $2 }' <<<"$out")")
  local failed sockets
  failed=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  sockets=$(awk '/Socket errors:/ { sub(/^ */, ""); print }' <<<"$out")
  printf '  %-30s %10.0f requests/s %9.2f MB/s%s%s\n' "$name" "$rps" "$mbps" \
    "${failed:+   INVALID: $failed non-2xx answers}" "${sockets:+   ($sockets)}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "wrk -t2 -c$connections -d${duration}s, 127.0.0.1, $(nproc) cores shared by server and wrk"
echo "segment $segment ($(stat -c %s "$work/nginx/root/hls/$channel/$segment") bytes):"
# Ours first, while the segment is still retained.
bench "sretv (bearer token)" "$ours/hls/$channel/$segment" -H "$auth"; seg_bearer_mb=$mbps
bench "sretv (signed URL)" "$ours/hls/$channel/$segment?$query"; seg_signed_mb=$mbps
bench "nginx" "$theirs/hls/$channel/$segment"; seg_nginx_mb=$mbps
echo "live playlist ($(wc -c <"$work/nginx/root/hls/$channel/index.m3u8") bytes):"
bench "sretv (bearer token)" "$ours/hls/$channel/index.m3u8" -H "$auth"; pl_bearer=$rps
bench "sretv (signed URL, rewritten)" "$signed"; pl_signed=$rps
bench "nginx (static copy)" "$theirs/hls/$channel/index.m3u8"; pl_nginx=$rps

echo "ratios ours/nginx:"
echo "  playlist requests/s: bearer $(ratio "$pl_bearer" "$pl_nginx"), signed $(ratio "$pl_signed" "$pl_nginx")   (target >= 1.0)"
echo "  segment MB/s:        bearer $(ratio "$seg_bearer_mb" "$seg_nginx_mb"), signed $(ratio "$seg_signed_mb" "$seg_nginx_mb")   (target >= 0.8)"
