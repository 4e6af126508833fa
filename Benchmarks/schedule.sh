#!/usr/bin/env bash
# Benchmark: resolving a 7-day schedule of 10,000 items (with recurring blocks) into one timeline and exporting
# it as XMLTV. Prints median and minimum wall times; exits non-zero when a median misses its target
# (resolution <= 50 ms, export <= 100 ms).
# Usage: Benchmarks/schedule.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift run -c release ScheduleBenchmark "$@"
