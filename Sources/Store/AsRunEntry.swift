import Foundation
import Scheduling

/// What actually aired for one rundown item: the as-run log, written by playout.
public struct AsRunEntry: Sendable, Hashable, Codable {
    /// How an item's slot went on air.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Aired in full as planned.
        case aired
        /// Aired, but cut short (a hard start after it, a live feed ending early).
        case trimmed
        /// Slate aired instead (missing, unreadable or short media).
        case slate
        /// Started but stopped by a failure (a live feed dropping).
        case interrupted
        /// A breakout or a scheduled live item aired (the note says which feed).
        case live
        /// Did not air because a breakout took the air (`actualEnd` equals `actualStart`).
        case skipped
    }

    /// Assigned by the database when the entry is recorded.
    public var id: Int64?
    public var channel: String
    /// The broadcast day of the rundown the item belongs to.
    public var date: BroadcastDate
    public var itemId: String
    public var title: String
    public var plannedStart: Date
    public var actualStart: Date
    public var actualEnd: Date
    public var outcome: Outcome
    public var note: String?

    public init(
        id: Int64? = nil, channel: String, date: BroadcastDate, itemId: String, title: String,
        plannedStart: Date, actualStart: Date, actualEnd: Date, outcome: Outcome, note: String? = nil
    ) {
        self.id = id
        self.channel = channel
        self.date = date
        self.itemId = itemId
        self.title = title
        self.plannedStart = plannedStart
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.outcome = outcome
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id
        case channel = "channelId"
        case date, itemId, title, plannedStart, actualStart, actualEnd, outcome, note
    }
}
