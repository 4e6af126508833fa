import CFFmpeg

/// Measures EBU R128 loudness with libavfilter's `ebur128`, the same meter as
/// `ffmpeg -af ebur128=peak=true`.
///
/// How the figures are read on FFmpeg 5.1: its `ebur128` keeps the summary (integrated loudness,
/// range, true peaks) in private state that only its closing log line prints, and exports no
/// option to read it. With `metadata=1` it attaches the running values to every frame that
/// completes a 100 ms block (`lavfi.r128.I`, `lavfi.r128.LRA`, `lavfi.r128.true_peak`); the last
/// frame's values are the summary. The true peak comes as a linear amplitude with three decimals:
/// exact to a few hundredths of a dB near full scale, where the verdict needs it, coarser below
/// -40 dBTP. `framelog=verbose` keeps the per-block lines out of FFmpeg's default log level.
public enum LoudnessMeter {
    /// The `ebur128` options: true-peak metering, readings as frame metadata.
    static let options = "peak=true:metadata=1:framelog=verbose"
    /// The level reported for silence, ebur128's own floor for integrated loudness.
    static let floor = -70.0

    /// Decodes the first audio stream of `path` and returns its integrated loudness, true peak and
    /// loudness range. Throws `.invalidArgument` when the file has no audio stream or too little
    /// audio to measure (under 100 ms), else FFmpeg's errors. Blocks while it reads the whole file
    /// (hundreds of times faster than real time); run it off Swift's cooperative pool.
    public static func measure(_ path: String) throws(MediaError) -> Loudness {
        let input = try InputFile(url: path)
        guard let stream = input.firstStream(.audio) else {
            throw MediaError(.invalidArgument, "measuring the loudness of", subject: path,
                             reason: "the file has no audio stream, so there is no loudness to measure")
        }
        input.discardAll(except: stream)
        let decoder = try Decoder(stream: stream, subject: path)
        var meter = Meter(timeBase: stream.timeBase, subject: path)
        let packet = Packet()
        while try input.read(into: packet) {
            guard packet.streamIndex == stream.index else { continue }
            try meter.add(decoder.decode(packet))
        }
        try meter.add(decoder.decode(nil))
        return try meter.finish()
    }

    /// Runs decoded frames through `ebur128` (the graph is built from the first frame's shape)
    /// and keeps the latest reading.
    private struct Meter {
        let timeBase: Rational
        let subject: String
        private var graph: AudioFilterGraph?
        private var latest: Loudness?

        init(timeBase: Rational, subject: String) {
            self.timeBase = timeBase
            self.subject = subject
        }

        mutating func add(_ frames: [Frame]) throws(MediaError) {
            for frame in frames {
                let measured = try graph(shapedLike: frame).filter(frame)
                read(measured)
            }
        }

        /// The graph, built for `frame`'s sample format, rate and layout when the first frame comes.
        private mutating func graph(shapedLike frame: Frame) throws(MediaError) -> AudioFilterGraph {
            if let graph { return graph }
            let built = try AudioFilterGraph(filter: "ebur128", options: LoudnessMeter.options,
                                             input: frame, timeBase: timeBase, subject: subject)
            graph = built
            return built
        }

        /// Flushes the graph and returns the summary: the last reading.
        mutating func finish() throws(MediaError) -> Loudness {
            if let graph { read(try graph.filter(nil)) }
            guard let latest else {
                throw MediaError(.invalidArgument, "measuring the loudness of", subject: subject,
                                 reason: "the audio is shorter than one 100 ms measuring block")
            }
            return latest
        }

        private mutating func read(_ frames: [Frame]) {
            for frame in frames {
                guard let integrated = frame.metadata("lavfi.r128.I").flatMap(Double.init),
                      let range = frame.metadata("lavfi.r128.LRA").flatMap(Double.init),
                      let peak = frame.metadata("lavfi.r128.true_peak").flatMap(Double.init)
                else { continue }
                latest = Loudness(integrated: integrated, truePeak: max(LoudnessMeter.floor, 20 * log10(peak)), range: range)
            }
        }
    }
}
