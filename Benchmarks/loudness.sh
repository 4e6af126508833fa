#!/usr/bin/env bash
# Benchmark: EBU R128 loudness of a generated clip (default 5 minutes, 1280x720@25 H.264 with
# stereo 48 kHz AAC): `sretv media verdict` (probe + loudness) against the ffmpeg CLI's
# `-vn -af ebur128=peak=true -f null -` (the same meter; -vn so neither decodes the video),
# alternating runs in one invocation. Prints each run, then the medians as × real time and the
# ratio ffmpeg/ours (target: sretv >= 100× real time).
# Usage: Benchmarks/loudness.sh [runs] [seconds]   (SRETV=path/to/sretv skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${1:-5}
seconds=${2:-300}
if [ -z "${SRETV:-}" ]; then
  scripts/install-deps run >/dev/null
  swift build -c release --product sretv >/dev/null
fi
sretv=${SRETV:-$PWD/.build/release/sretv}
source Benchmarks/timing.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Generating a ${seconds}s 1280x720@25 clip with stereo 48 kHz AAC..."
$sretv test-clip "$work/clip.mp4" --format 1280x720@25 --seconds "$seconds" --video-bitrate 3000000 >/dev/null
ours=(); theirs=()
for i in $(seq 1 "$runs"); do
  t0=$(now)
  $sretv media verdict "$work/clip.mp4" --json >/dev/null
  t1=$(now)
  ffmpeg -nostdin -hide_banner -nostats -i "$work/clip.mp4" -vn -af ebur128=peak=true -f null - 2>/dev/null
  t2=$(now)
  a=$(div $((t1 - t0)) 1000000000); b=$(div $((t2 - t1)) 1000000000)
  ours+=("$a"); theirs+=("$b")
  printf 'run %d: sretv media verdict %.3f s   ffmpeg ebur128 %.3f s\n' "$i" "$a" "$b"
done
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
printf 'median: sretv media verdict %.3f s = %.0f× real time; ffmpeg ebur128 %.3f s = %.0f× real time; ratio (ffmpeg/ours) %.2f  (target: sretv >= 100×)\n' \
  "$mo" "$(div "$seconds" "$mo")" "$mt" "$(div "$seconds" "$mt")" "$(div "$mt" "$mo")"
