print("Playout density benchmark: see Benchmarks/density.sh")
