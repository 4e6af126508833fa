import Foundation

/// A live feed an operator put on air over the schedule (a breakout), until it is given back.
public struct LiveTake: Sendable, Hashable {
    /// The breakout's id in the store.
    public var id: Int64
    /// A source name of the channel, or a URL.
    public var source: String
    /// Shown in the playlist's segment titles, the as-run log and `…/now`.
    public var title: String
    /// When the air goes back to the schedule by itself (nil: when given back).
    public var until: Date?

    public init(id: Int64, source: String, title: String, until: Date? = nil) {
        self.id = id
        self.source = source
        self.title = title
        self.until = until
    }
}

/// A change of what a channel airs that the store should know of.
public enum LiveEvent: Sendable {
    /// The take went on air at `at` (its first live or slate segment's air time).
    case onAir(LiveTake, at: Date)
    /// The take's last segment ended at `at`, after it was given back or its planned end came.
    case offAir(LiveTake, at: Date)
}
