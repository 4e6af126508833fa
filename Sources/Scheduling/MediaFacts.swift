/// What the schedule needs to know about one media file, measured by probing it.
public struct MediaFacts: Sendable, Hashable {
    /// Playable length, from the first presented frame to the end of the last.
    public var duration: Ticks
    /// Times of the video keyframes (points a cut can start at), relative to the first frame, ascending.
    /// Empty for audio-only media, where any time is a valid in-point.
    public var keyframes: [Ticks]
    /// Reasons the file cannot be carried in HLS without re-encoding; empty when it can.
    public var incompatibilities: [String]

    public init(duration: Ticks, keyframes: [Ticks], incompatibilities: [String] = []) {
        self.duration = duration
        self.keyframes = keyframes
        self.incompatibilities = incompatibilities
    }

    /// The keyframe at or before `time` (the in-point a copy can really start at).
    public func keyframe(atOrBefore time: Ticks) -> Ticks {
        keyframes.last { $0 <= time } ?? (keyframes.isEmpty ? time : .zero)
    }
}

/// Whether a media file named in a rundown can be played, as far as the caller could tell.
public enum MediaAvailability: Sendable, Hashable {
    /// Opened and probed.
    case available(MediaFacts)
    /// Missing, unreadable or not HLS-compatible, with the reason (shown in warnings).
    case unavailable(reason: String)
}
