#!/usr/bin/env bash
# Benchmark: `sretv render` against `ffmpeg -c copy -f hls -hls_time 4` on the same generated
# clip (default 5 minutes, 1280x720@25, 3 Mb/s, B-frames), alternating runs in one invocation.
# Prints each run's wall time and the median ratio ours/ffmpeg (target: <= 1.0).
# Usage: Benchmarks/render-vs-ffmpeg.sh [runs] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${1:-5}
seconds=${2:-300}
scripts/install-deps run >/dev/null
swift build -c release --product sretv >/dev/null
sretv=$PWD/.build/release/sretv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/media"
echo "Generating a ${seconds}s 1280x720@25 3 Mb/s clip..."
$sretv test-clip "$work/media/long.mp4" --format 1280x720@25 --seconds "$seconds" --video-bitrate 3000000 --gop 50 --b-frames 2 --grain >/dev/null
cat > "$work/rundown.json" <<JSON
{"channel": "bench", "date": "2026-12-01", "timezone": "America/Mexico_City",
 "items": [{"id": "long", "title": "Long clip", "start": "10:00:00",
            "source": {"kind": "production", "uri": "long.mp4"}}]}
JSON
source Benchmarks/timing.sh
ours=(); theirs=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/ours" "$work/ffmpeg"; mkdir -p "$work/ffmpeg"
  sync
  t0=$(now)
  $sretv render "$work/rundown.json" --media-root "$work/media" --out "$work/ours" --segment-duration 4 >/dev/null 2>&1
  t1=$(now)
  ffmpeg -nostdin -v error -i "$work/media/long.mp4" -c copy -f hls -hls_time 4 -hls_playlist_type vod \
    -hls_segment_filename "$work/ffmpeg/seg-%05d.ts" "$work/ffmpeg/index.m3u8"
  t2=$(now)
  a=$(div $((t1 - t0)) 1000000000); b=$(div $((t2 - t1)) 1000000000)
  ours+=("$a"); theirs+=("$b")
  printf 'run %d: sretv render %.3f s   ffmpeg -c copy -f hls %.3f s   ratio %.3f\n' "$i" "$a" "$b" "$(div "$a" "$b")"
done
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
printf 'median: sretv render %.3f s, ffmpeg %.3f s, ratio (ours/ffmpeg) %.3f  (target <= 1.0)\n' "$mo" "$mt" "$(div "$mo" "$mt")"
printf 'segments: sretv %s, ffmpeg %s\n' "$(ls "$work/ours"/*.ts | wc -l)" "$(ls "$work/ffmpeg"/*.ts | wc -l)"
