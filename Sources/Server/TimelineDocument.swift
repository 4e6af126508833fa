import Foundation
import HLS
import Scheduling

/// A timeline as `sretv timeline --json` prints it and `GET /api/channels/{channel}/timeline`
/// returns it: every entry with local start and end (ISO 8601 with the UTC offset).
public struct TimelineDocument: Encodable, Sendable {
    /// One entry; `plays` is `media`, `live` or `slate`, `uri` the file or URL it plays.
    public struct Entry: Encodable, Sendable {
        var start: String
        var end: String
        var duration: Double
        var title: String
        var item: String?
        /// The breakout (a live take over the schedule) the entry is, if it is one.
        var breakout: Int64?
        var plays: String
        var uri: String?
        var inPoint: Double?
        var trimmed: Double?
        var category: String?
        var tags: [String]?
        var description: String?
    }

    public var channel: String
    public var timezone: String
    public var entries: [Entry]
    public var warnings: [String]

    public init(_ timeline: Timeline) {
        let formatter = ProgramDateTimeFormatter(timeZone: timeline.timeZone)
        channel = timeline.channel
        timezone = timeline.timeZone.identifier
        warnings = timeline.warnings.map(\.description)
        entries = timeline.entries.map { entry in
            var plays = "slate"
            var uri: String?
            var inPoint: Double?
            switch entry.playback {
            case .media(let path, let point): (plays, uri, inPoint) = ("media", path, point.seconds)
            case .live(let url): (plays, uri) = ("live", SecretRedaction.redacted(url))
            case .slate: break
            }
            return Entry(
                start: formatter.string(from: timeline.date(at: entry.offset)),
                end: formatter.string(from: timeline.date(at: entry.end)),
                duration: entry.duration.seconds, title: entry.title, item: entry.itemID, breakout: entry.breakoutID, plays: plays, uri: uri,
                inPoint: inPoint, trimmed: entry.trimmed > .zero ? entry.trimmed.seconds : nil,
                category: entry.details?.category, tags: entry.details?.tags, description: entry.details?.description
            )
        }
    }
}
