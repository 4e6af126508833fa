#!/usr/bin/env bash
# Benchmark: take-to-air latency. `sretv serve --demo` (release build) airs the demo channel while
# the `ffmpeg` program sends a clip as MPEG-TS over UDP on loopback to a source of the channel.
# 20 times: take the source (POST …/breakout), poll the playlist every 20 ms until the first live
# segment is listed, wait, give the air back (DELETE …/breakout) and poll until the first scheduled
# segment is listed. Prints the median and worst of both, and the median take against its target
# (one segment duration + 0.5 s). Figures only: it exits 0 whether or not the target is met.
# Usage: Benchmarks/take.sh [takes]   (default 20)
# Builds a release sretv first, unless $SRETV_BINARY names one to use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
takes=${1:-20}
channel=sretv-demo
segment_duration=2

source Benchmarks/demo-server.sh
scripts/install-deps run >/dev/null
use_release_sretv

work=$(mktemp -d)
feed_pid=""
cleanup() {
  [ -n "$feed_pid" ] && kill "$feed_pid" 2>/dev/null || true
  stop_demo_server
  rm -rf "$work"
}
trap cleanup EXIT
port=$(free_port)
udp=$(free_port)
base=http://127.0.0.1:$port

"$sretv" test-clip "$work/feed.ts" --format 1280x720@25 --seconds 10 --gop 25 >/dev/null
start_demo_server "$port" --segment-duration "$segment_duration"
ffmpeg -hide_banner -loglevel error -re -stream_loop -1 -i "$work/feed.ts" -c copy -f mpegts "udp://127.0.0.1:$udp?pkt_size=1316" &
feed_pid=$!
curl -fsS -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data "{\"url\": \"udp://127.0.0.1:$udp\"}" "$base/api/channels/$channel/sources/studio" >/dev/null

python3 - "$base" "$channel" "$token" "$takes" "$segment_duration" <<'PY'
import json, statistics, sys, time, urllib.error, urllib.request
base, channel, token, takes, target = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
auth = {"Authorization": "Bearer " + token}

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers={**auth, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))

def titles():
    while True:
        try:
            text = urllib.request.urlopen(urllib.request.Request(f"{base}/hls/{channel}/index.m3u8", headers=auth)).read().decode()
            break
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            time.sleep(0.1)  # not on air yet: no segment published
    lines = text.splitlines()
    sequence = int(next(l.split(":")[1] for l in lines if l.startswith("#EXT-X-MEDIA-SEQUENCE")))
    listed = [l.split(",", 1)[1] for l in lines if l.startswith("#EXTINF")]
    return {sequence + i: title for i, title in enumerate(listed)}

def wait_for(predicate, after):
    while True:
        for sequence, title in sorted(titles().items()):
            if sequence > after and predicate(title):
                return time.monotonic(), sequence
        time.sleep(0.02)

deadline = time.time() + 60
while time.time() < deadline:
    if any(s["state"] == "up" for s in call("GET", f"/api/channels/{channel}/sources")):
        break
    time.sleep(0.5)
else:
    sys.exit("the UDP source never came up")

to_air, to_schedule = [], []
for n in range(takes):
    title = f"Take {n}"
    newest = max(titles())
    started = time.monotonic()
    call("POST", f"/api/channels/{channel}/breakout", {"source": "studio", "title": title})
    listed, newest = wait_for(lambda t: t == title, newest)
    to_air.append(listed - started)
    time.sleep(2.5 + (n % 4) * 0.5)  # vary where in a segment the return falls
    started = time.monotonic()
    call("DELETE", f"/api/channels/{channel}/breakout")
    listed, newest = wait_for(lambda t: t != title, newest)
    to_schedule.append(listed - started)
    time.sleep(1.0 + (n % 4) * 0.5)

goal = target + 0.5
print(f"take to first live segment listed  ({takes} takes): median {statistics.median(to_air):.3f} s, worst {max(to_air):.3f} s")
print(f"return to first scheduled segment  ({takes} returns): median {statistics.median(to_schedule):.3f} s, worst {max(to_schedule):.3f} s")
print(f"target: median take <= {goal:.1f} s (segment duration {target} s + 0.5 s); median/target = {statistics.median(to_air) / goal:.2f}"
      f" ({'met' if statistics.median(to_air) <= goal else 'missed'})")
PY
