# Shortcuts; the scripts are the source of truth (README, CI).
.PHONY: demo test bench
demo:
	scripts/demo
test:
	scripts/test
bench:
	Benchmarks/render-vs-ffmpeg.sh
