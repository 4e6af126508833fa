import Foundation
import Scheduling

/// A resolved timeline as a table a producer reads: local start and end, length, what airs.
struct TimelineTable {
    let timeline: Timeline

    init(_ timeline: Timeline) { self.timeline = timeline }

    var text: String {
        let formatter = DateFormatter()
        formatter.timeZone = timeline.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS xxx"
        let header = "Timeline of \(timeline.channel) (\(timeline.timeZone.identifier)), \(TimelineTable.clock(timeline.duration)):"
        let rows = timeline.entries.map { entry in
            let start = formatter.string(from: timeline.date(at: entry.offset))
            let trimmed = entry.trimmed > .zero ? "  [cut \(TimelineTable.clock(entry.trimmed))]" : ""
            return "  \(start)  \(TimelineTable.clock(entry.duration).padding(toLength: 12, withPad: " ", startingAt: 0))  \(entry.title)  ← \(Self.describe(entry.playback))\(trimmed)"
        }
        return ([header] + rows).joined(separator: "\n")
    }

    /// `H:MM:SS.mmm` for a span.
    static func clock(_ span: Ticks) -> String {
        let milliseconds = (span.value * 1000 + Ticks.perSecond / 2) / Ticks.perSecond
        let seconds = milliseconds / 1000
        return String(format: "%d:%02d:%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60, milliseconds % 1000)
    }

    private static func describe(_ playback: TimelineEntry.Playback) -> String {
        switch playback {
        case .media(let uri, let inPoint): inPoint > .zero ? "\(uri) from \(clock(inPoint))" : uri
        case .live(let uri): "live \(uri)"
        case .slate: "slate"
        }
    }
}
