import Foundation

/// A rundown item a breakout changed, for the as-run log.
public struct Interruption: Sendable, Hashable, Codable {
    /// What the breakout did to the item.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The item was on air when the breakout took the air; it aired up to the breakout's start.
        case cut
        /// The item was planned wholly within the breakout (rejoin) or lost its air time to the
        /// slide (shift): it does not air.
        case skipped
        /// The item airs after the breakout from a later in-point: the rest of the item the breakout
        /// cut (shift), or the item in progress at the return, joined where the wall clock says (rejoin).
        case resumed
    }

    public var breakoutID: Int64
    public var itemID: String
    public var title: String
    /// When the item (the entry the breakout changed) was to air without the breakout.
    public var plannedStart: Date
    public var plannedEnd: Date
    public var kind: Kind

    public init(breakoutID: Int64, itemID: String, title: String, plannedStart: Date, plannedEnd: Date, kind: Kind) {
        self.breakoutID = breakoutID
        self.itemID = itemID
        self.title = title
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.kind = kind
    }

    /// What `breakout` did to `entry` of the timeline starting at `start`; nil unless the entry is an item's.
    init?(_ kind: Kind, of entry: TimelineEntry, by breakout: Breakout, timelineStart start: Date) {
        guard let itemID = entry.itemID else { return nil }
        self.init(
            breakoutID: breakout.id, itemID: itemID, title: entry.title,
            plannedStart: start.addingTimeInterval(entry.offset.seconds), plannedEnd: start.addingTimeInterval(entry.end.seconds), kind: kind
        )
    }
}
