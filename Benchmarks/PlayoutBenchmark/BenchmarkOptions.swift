import Media

/// The command line: `PlayoutBenchmark [--seconds S] [--format WxH@FPS] [--verbose] [N …]`.
struct BenchmarkOptions {
    /// How long each group of channels stays on air.
    var seconds = 60.0
    /// Picture format of the generated demo media.
    var format = DemoMedia.format
    /// The channel counts to try, one run each.
    var channelCounts = [10, 50, 200]
    /// Whether the channels' warnings (late segments, slate and why) are logged, not only counted.
    var verbose = false

    static let usage = "usage: PlayoutBenchmark [--seconds S] [--format WIDTHxHEIGHT@FPS] [--verbose] [N …]   (default: 60 s, 1280x720@25, N = 10 50 200)"

    /// Parses `arguments` (without the program name); throws a message naming the bad argument.
    init(_ arguments: [String]) throws(UsageError) {
        var counts: [Int] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds":
                guard let value = rest.popFirst().flatMap(Double.init), value > 0 else { throw UsageError("--seconds needs a positive number") }
                seconds = value
            case "--format":
                guard let text = rest.popFirst() else { throw UsageError("--format needs WIDTHxHEIGHT@FPS") }
                do { format = try VideoFormat(parsing: text) } catch { throw UsageError("--format: \(error.reason)") }
            case "--verbose":
                verbose = true
            case "-h", "--help":
                throw UsageError(nil)
            default:
                guard let count = Int(argument), count > 0 else { throw UsageError("\(argument) is not a channel count (a positive whole number)") }
                counts.append(count)
            }
        }
        if !counts.isEmpty { channelCounts = counts }
    }
}

/// A bad command line; `message` nil when only the usage was asked for.
struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
