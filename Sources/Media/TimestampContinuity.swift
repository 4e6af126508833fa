/// Keeps one stream's timestamps running on when its source jumps — concatenated recordings,
/// an encoder restart, a timestamp reset — so everything downstream sees a continuous clock.
///
/// A decode time that goes backwards, or forwards by more than `threshold`, is a jump: from
/// there on, timestamps are shifted so that the packet follows the previous one by one frame.
/// The probe and the remux apply the same correction, so keyframe times and durations agree.
public struct TimestampContinuity: Sendable {
    private let threshold: Int64
    private let frameLength: Int64
    private var lastDTS: Int64?
    private var offset: Int64 = 0
    /// How many jumps were smoothed over so far.
    public private(set) var jumps = 0

    /// - Parameters:
    ///   - frameLength: one frame (or audio frame) in the stream's time base: the step given to a jump.
    ///   - threshold: the largest forward step that is taken as a gap rather than a jump.
    public init(frameLength: Int64, threshold: Int64) {
        self.frameLength = max(1, frameLength)
        self.threshold = threshold
    }

    /// The packet's timestamps on the continuous clock (nil stays nil).
    public mutating func correct(pts: Int64?, dts: Int64?) -> (pts: Int64?, dts: Int64?) {
        guard let raw = dts ?? pts else { return (pts, dts) }
        if let last = lastDTS, raw + offset <= last || raw + offset > last + threshold {
            offset = last + frameLength - raw
            jumps += 1
        }
        lastDTS = raw + offset
        return (pts.map { $0 + offset }, dts.map { $0 + offset })
    }
}
