import Foundation

/// Puts a rejoin breakout on air over laid-out entries: the schedule keeps its times and the breakout
/// covers what was planned under it.
enum RejoinOverlay {
    /// `entries` with `placed` on air over its interval, and what it did to items:
    ///
    /// - the entry on air at the breakout's start is cut there (its `trimmed` grows by what it loses) — `.cut`;
    /// - entries wholly within the breakout are dropped — `.skipped`;
    /// - the entry on air at its end continues from the end, its in-point advanced by the time it lost and its
    ///   duration shortened by as much — `.resumed` (an entry spanning the whole breakout is both cut and resumed).
    ///
    /// A breakout running past the last entry makes the timeline longer.
    static func apply(
        _ placed: PlacedBreakout, to entries: [TimelineEntry], liveAllowed: Bool, timelineStart: Date
    ) -> (entries: [TimelineEntry], interruptions: [Interruption], warning: String?) {
        let plan = placed.breakout.plan(length: placed.end - placed.start, liveAllowed: liveAllowed)
        let breakout = placed.breakout.entry(at: placed.start, playback: plan.playback, duration: placed.end - placed.start)
        var result: [TimelineEntry] = []
        var interruptions: [Interruption] = []
        func note(_ kind: Interruption.Kind, _ entry: TimelineEntry) {
            if let interruption = Interruption(kind, of: entry, by: placed.breakout, timelineStart: timelineStart) { interruptions.append(interruption) }
        }
        for entry in entries {
            guard entry.end > placed.start, entry.offset < placed.end else {
                if entry.offset >= placed.end, result.last?.end ?? .zero <= placed.start { result.append(breakout) }
                result.append(entry)
                continue
            }
            if entry.offset < placed.start {
                var cut = entry
                cut.duration = placed.start - entry.offset
                cut.trimmed = entry.trimmed + entry.end - placed.start
                result.append(cut)
                note(.cut, entry)
            } else if entry.end <= placed.end {
                note(.skipped, entry)
            }
            if result.last?.end ?? .zero <= placed.start { result.append(breakout) }
            if entry.end > placed.end {
                var rest = entry
                rest.offset = placed.end
                rest.duration = entry.end - placed.end
                rest.playback = entry.playback.advanced(by: placed.end - entry.offset)
                result.append(rest)
                note(.resumed, entry)
            }
        }
        if result.last?.end ?? .zero <= placed.start { result.append(breakout) }
        return (result, interruptions, plan.warning.map { $0 + "; airs slate" })
    }
}
