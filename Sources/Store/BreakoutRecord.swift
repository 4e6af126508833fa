import Foundation
import Scheduling

/// An operator's breakout as stored: taken at `startedAt`, open until `endedAt` is set.
public struct BreakoutRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var channel: String
    /// The feed as the operator named it: one of the channel's live sources, or a URL.
    public var source: String
    /// The URL `source` stood for at the take.
    public var url: String
    /// Empty when the operator gave none (guides then show "Live: <source>").
    public var title: String
    public var mode: ReturnMode
    /// When the feed went on air: the take's time, then the exact switch time playout records.
    public var startedAt: Date
    /// When the operator said at the take that the air goes back to the schedule, if they did.
    public var plannedEnd: Date?
    /// When the air went back to the schedule; nil while the breakout is on air.
    public var endedAt: Date?
    public var createdBy: String
    public var createdAt: Date

    /// Whether the breakout is still on air.
    public var isOpen: Bool { endedAt == nil }

    /// The breakout as the schedule sees it at `now`. An open one ends at its planned end while that is
    /// still ahead, else at `now` (never before its start): the timeline grows with it as it lasts.
    public func breakout(at now: Date) -> Breakout {
        let end = endedAt ?? plannedEnd.flatMap { $0 > now ? $0 : nil } ?? max(now, startedAt)
        return Breakout(id: id, title: title, source: source, start: startedAt, end: end, mode: mode)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case channel = "channelId"
        case source, url, title, mode, startedAt, plannedEnd, endedAt, createdBy, createdAt
    }
}
