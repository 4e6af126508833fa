/// Lays entries end to end from offset zero, so the timeline stays contiguous by construction.
struct TimelineBuilder {
    /// Gaps shorter than this (1 ms) are absorbed into the entry before them instead of getting their own.
    static let shortestGap = Ticks(Ticks.perSecond / 1000)

    private(set) var entries: [TimelineEntry] = []
    private(set) var warnings: [TimelineWarning]

    /// Starts empty, after the `warnings` found while preparing the layout.
    init(warnings: [TimelineWarning]) {
        self.warnings = warnings
    }

    /// Where the next entry starts.
    var cursor: Ticks { entries.last?.end ?? .zero }

    mutating func warn(_ itemID: String?, _ message: String) {
        warnings.append(TimelineWarning(itemID: itemID, message: message))
    }

    /// Airs `entry` next, whatever its offset says.
    mutating func append(_ entry: TimelineEntry) {
        var placed = entry
        placed.offset = cursor
        entries.append(placed)
    }

    /// Fills the time from the cursor to `end` with `fill`: filler loops (the last one cut) or one slate;
    /// under 1 ms extends the previous entry instead. The warning names `itemID` and what `end` is (`boundary`).
    mutating func fillGap(until end: Ticks, with fill: GapFill, before itemID: String?, boundary: String) {
        let gap = end - cursor
        guard gap > .zero else { return }
        if gap < Self.shortestGap, let last = entries.indices.last {
            entries[last].duration = entries[last].duration + gap
            return
        }
        switch fill {
        case .slate:
            entries.append(TimelineEntry(offset: cursor, duration: gap, role: .gap, playback: .slate, title: "Slate"))
        case .filler(let uri, let loop):
            while cursor < end {
                entries.append(TimelineEntry(offset: cursor, duration: min(loop, end - cursor), role: .gap, playback: .media(uri: uri, inPoint: .zero), title: "Filler"))
            }
        }
        warn(itemID, "underrun: \(gap) gap before \(boundary), filled with \(fill == .slate ? "slate" : "filler")")
    }
}
