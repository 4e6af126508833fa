/// How far a copy has come: what `MediaCopier` hands its progress callback, and its result.
public struct CopyProgress: Sendable, Equatable {
    /// Bytes read from the source so far (every file or HTTP response it opened).
    public var bytesRead: Int64
    /// Media seconds copied, from the source's first timestamp.
    public var secondsDone: Double
    /// The source's length in seconds, when its container declares one.
    public var totalSeconds: Double?
    /// Media seconds copied per wall-clock second (2.0: twice as fast as real time).
    public var speed: Double

    public init(bytesRead: Int64, secondsDone: Double, totalSeconds: Double?, speed: Double) {
        self.bytesRead = bytesRead
        self.secondsDone = secondsDone
        self.totalSeconds = totalSeconds
        self.speed = speed
    }

    /// Percent done (0–100), when the length is known.
    public var percent: Double? {
        totalSeconds.flatMap { $0 > 0 ? min(100, 100 * secondsDone / $0) : nil }
    }
}
