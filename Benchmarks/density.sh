#!/usr/bin/env bash
# Benchmark: channel density. Puts N live channels on air together in one process (each remuxing
# the looped demo clips into its own HLS folder, 2 s segments, window 6) for the given time, and
# prints per N the segments published, the late ones, process CPU time and CPU per channel as a
# share of one core (target: >= 200 channels with 0 late segments, well under 0.5 % of a core each).
# Figures only: it exits 0 whether or not the target is met.
# Usage: Benchmarks/density.sh [seconds] [N…]      (default: 60 s, N = 10 50 200)
#        FORMAT=640x360@25 Benchmarks/density.sh   (picture format of the demo media, default 1280x720@25)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-60}
[ $# -gt 0 ] && shift
scripts/install-deps run >/dev/null
swift build -c release --product PlayoutBenchmark >/dev/null
# The benchmark makes and removes its own temporary folders (demo media, channel output).
exec .build/release/PlayoutBenchmark --seconds "$seconds" ${FORMAT:+--format "$FORMAT"} "$@"
