#!/usr/bin/env bash
# Soak run: `sretv serve --demo` (release) airs its channel for MINUTES while the `ffmpeg` program
# plays the stream through and the playlist is checked once a second against the HLS rules; prints
# breaches, client errors, how far the newest segment trails the clock, and the server's memory and
# CPU. Exits 1 on a breach or a client error. See Benchmarks/SoakBenchmark/main.swift.
# Usage: Benchmarks/soak.sh [MINUTES (10)]
# Builds release binaries first, unless $SRETV_BINARY names the sretv to use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/install-deps run >/dev/null
swift build -c release --product SoakBenchmark >&2
if [ -z "${SRETV_BINARY:-}" ]; then
  swift build -c release --product sretv >&2
  export SRETV_BINARY=$PWD/.build/release/sretv
fi
exec .build/release/SoakBenchmark "${1:-10}"
