import Foundation

/// A breakout placed on a timeline: when it airs, as offsets from the timeline's start.
struct PlacedBreakout {
    let breakout: Breakout
    let start: Ticks
    let end: Ticks

    /// The breakouts that air within the first `duration` of a timeline starting at `origin`, in air
    /// order, each starting no earlier than the timeline and the end of the one before it (breakouts never
    /// overlap; a later one yields to an earlier one). Breakouts of no length are left out.
    static func place(_ breakouts: [Breakout], origin: Date, duration: Ticks) -> [PlacedBreakout] {
        let offset = { (date: Date) in Ticks(seconds: date.timeIntervalSince(origin)) }
        var placed: [PlacedBreakout] = []
        for breakout in breakouts.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            let start = max(offset(breakout.start), placed.last?.end ?? .zero)
            let end = offset(breakout.end)
            guard start < end, start < duration else { continue }
            placed.append(PlacedBreakout(breakout: breakout, start: start, end: end))
        }
        return placed
    }
}
