/// EBU R128 loudness of a file's audio, as a broadcast loudness meter reports it.
public struct Loudness: Sendable, Codable, Equatable {
    /// Integrated (programme) loudness in LUFS, gated as R128 prescribes; -70 for silence.
    public var integrated: Double
    /// Highest true (inter-sample) peak of any channel in dBTP; -70 at most for silence.
    public var truePeak: Double
    /// Loudness range in LU: how much the loudness varies over the programme.
    public var range: Double

    public init(integrated: Double, truePeak: Double, range: Double) {
        self.integrated = integrated
        self.truePeak = truePeak
        self.range = range
    }
}
