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
        let rows = Self.rows(timeline.entries).map { row in
            let entry = row.first
            let start = formatter.string(from: timeline.date(at: entry.offset))
            let trimmed = entry.trimmed > .zero ? "  [cut \(TimelineTable.clock(entry.trimmed))]" : ""
            let loops = row.count > 1 ? " (\(row.count) loops)" : ""
            return "  \(start)  \(TimelineTable.clock(row.duration).padding(toLength: 12, withPad: " ", startingAt: 0))  \(entry.title)  ← \(Self.describe(entry.playback))\(loops)\(trimmed)"
        }
        return ([header] + rows).joined(separator: "\n")
    }

    /// One printed row: an entry, or a run of filler loops in one gap.
    private struct Row {
        let first: TimelineEntry
        var duration: Ticks
        var count = 1
    }

    private static func rows(_ entries: [TimelineEntry]) -> [Row] {
        var rows: [Row] = []
        for entry in entries {
            if let last = rows.last, last.first.role == .gap, entry.role == .gap, last.first.playback == entry.playback {
                rows[rows.count - 1].duration = last.duration + entry.duration
                rows[rows.count - 1].count += 1
            } else {
                rows.append(Row(first: entry, duration: entry.duration))
            }
        }
        return rows
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
