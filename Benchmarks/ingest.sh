#!/usr/bin/env bash
# Ingest speed: `sretv media ingest` of an HLS VOD served by Python's http.server on loopback,
# against `ffmpeg -i URL -c copy new.ts`, in alternating runs. sretv's ingest also judges the file,
# which means decoding all its audio for the loudness: `--timings` reports that phase, so the
# script prints the whole ingest, the ingest without the verdict (process start, the copy with
# its SHA-256, the database; the probe and thumbnail run beside the loudness pass), the loudness
# pass as × real time, and the ratios to ffmpeg (target: the ingest without the verdict ≤ 1.0×
# ffmpeg; loudness ≥ 100× real time).
# Usage: Benchmarks/ingest.sh [RUNS (5)] [SECONDS (300)]
# Builds a release sretv first, unless $SRETV_BINARY names one to use.
set -euo pipefail
runs=${1:-5}
seconds=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/sretv-ingest-bench.XXXXXX)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

sretv=${SRETV_BINARY:-}
if [ -z "$sretv" ]; then
    swift build -c release --product sretv --package-path "$root" >&2
    sretv="$root/.build/release/sretv"
fi
"$sretv" test-clip "$work/clip.mp4" --seconds "$seconds" --format 1280x720@25 --grain >&2
mkdir -p "$work/www/vod"
ffmpeg -nostdin -v error -i "$work/clip.mp4" -c copy -f hls -hls_time 4 -hls_playlist_type vod \
    -hls_segment_filename "$work/www/vod/segment-%04d.ts" "$work/www/vod/index.m3u8"

python3 -u -m http.server --bind 127.0.0.1 0 --directory "$work/www" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q 'port [0-9]' "$work/server.log" && break; sleep 0.1; done
port=$(grep -o 'port [0-9]*' "$work/server.log" | head -1 | cut -d' ' -f2)
url="http://127.0.0.1:$port/vod/index.m3u8"
"$sretv" media provider set "Canal Once" --hosts 127.0.0.1 --data "$work/data" >&2

wall() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2> "$work/stderr"; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/ours"; : > "$work/copy"; : > "$work/verdict"; : > "$work/theirs"
for run in $(seq "$runs"); do
    total=$(wall "$sretv" media ingest "$url" --provider "Canal Once" --title "bench $run" --data "$work/data" --timings)
    verdict=$(grep -o 'timing: verdict [0-9.]*' "$work/stderr" | cut -d' ' -f3)
    echo "$total" >> "$work/ours"; echo "$verdict" >> "$work/verdict"; echo "$total - $verdict" | bc >> "$work/copy"
    wall ffmpeg -nostdin -v error -y -i "$url" -c copy "$work/ffmpeg-$run.ts" >> "$work/theirs"
    printf 'run %d: sretv %.3f s (verdict %.3f s)   ffmpeg %.3f s\n' "$run" "$total" "$verdict" "$(tail -1 "$work/theirs")"
    # Both write a new file each run; both are removed before the next, so neither pays for the
    # other's dirty pages being written back.
    rm -f "$work"/data/media/library/*/*.ts "$work/ffmpeg-$run.ts"
    sync
done
ours=$(median < "$work/ours"); copy=$(median < "$work/copy"); verdict=$(median < "$work/verdict")
theirs=$(median < "$work/theirs")
size=$(du -sh "$work/www/vod" | cut -f1)
echo "HLS VOD of ${seconds} s 1280x720@25 (${size}), ${runs} alternating runs each; medians:"
printf 'sretv media ingest, all of it          %.3f s   ratio to ffmpeg %.2fx\n' "$ours" "$(echo "$ours / $theirs" | bc -l)"
printf 'sretv media ingest without the verdict %.3f s   ratio to ffmpeg %.2fx (target <= 1.0x)\n' "$copy" "$(echo "$copy / $theirs" | bc -l)"
printf 'verdict (loudness of all the audio)    %.3f s = %.0fx real time (target >= 100x)\n' "$verdict" "$(echo "$seconds / $verdict" | bc -l)"
printf 'ffmpeg -c copy                         %.3f s\n' "$theirs"
