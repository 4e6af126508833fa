/// Rundown items, one broadcast day after another, with their hard starts placed on the clock and then
/// laid out as entries: the one core behind resolving a single rundown and a schedule of many days.
struct TimelineLayout {
    /// When an item must air.
    private struct HardStart {
        /// Seconds since 1970.
        let instant: Int64
        /// The local wall time it shows, for messages.
        let time: LocalTime
    }

    /// One item, when it must air and what fills a gap before it.
    private struct Scheduled {
        let item: RundownItem
        /// Nil to follow the previous item back to back.
        let hardStart: HardStart?
        let fill: GapFill
    }

    private var items: [Scheduled] = []
    private var warnings: [TimelineWarning] = []
    /// The gap fill of the day appended last, for a gap at the end.
    private var lastFill = GapFill.slate

    private static let midnight = LocalTime(hour: 0, minute: 0, second: 0)!

    /// The instant the first item airs at (nil when there is none).
    var firstInstant: Int64? { items.first?.hardStart?.instant }

    /// Adds a day's items after those already there. The day's first item airs at its hard start or, without
    /// one, at the day's local midnight, so it cuts whatever the previous day ran into it. A hard start that
    /// does not exist on its day (a DST jump; `Rundown.parse` rejects these) counts as none, with a warning.
    mutating func append(_ rundown: Rundown, media: (String) -> MediaAvailability?) {
        let clock = BroadcastClock(timeZone: rundown.timeZone, date: rundown.date)
        let (fill, fillWarning) = GapFill.resolve(rundown.filler, media: media)
        if let fillWarning { warnings.append(TimelineWarning(itemID: nil, message: fillWarning)) }
        lastFill = fill
        let placements = clock.place(rundown.items.map(\.start))
        for (index, (item, placement)) in zip(rundown.items, placements).enumerated() {
            var hardStart: HardStart?
            switch placement {
            case .instant(let instant)?:
                hardStart = item.start.map { HardStart(instant: instant, time: $0) }
            case .nonexistent(let day)?:
                let message = "hard start \(item.start?.description ?? "?") does not exist on \(day) (clocks jump forward); airs back to back instead"
                warnings.append(TimelineWarning(itemID: item.id, message: message))
            case nil:
                break
            }
            if index == 0, hardStart == nil { hardStart = HardStart(instant: clock.startOfDay, time: Self.midnight) }
            items.append(Scheduled(item: item, hardStart: hardStart, fill: fill))
        }
    }

    /// Lays the items out from `origin` (seconds since 1970), then fills any time left before `end` (an instant
    /// and what it is, for the warning) with the last day's fill.
    ///
    /// Each hard start holds against every item before it, even one from an earlier day: an item is cut by the
    /// earliest hard start after it, and an item whose own hard start falls after a later item's is dropped.
    func resolve(from origin: Int64, until end: (instant: Int64, boundary: String)?, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> (entries: [TimelineEntry], warnings: [TimelineWarning]) {
        let ticks = { (instant: Int64) in Ticks((instant - origin) * Ticks.perSecond) }
        let hardStarts = items.map { $0.hardStart.map { ticks($0.instant) } }
        let deadlines = Self.earliestLaterHardStarts(hardStarts)
        var builder = TimelineBuilder(warnings: warnings)
        for (index, scheduled) in items.enumerated() {
            let item = scheduled.item
            let next = deadlines[index]
            let deadline = next.flatMap { hardStarts[$0] }
            if let hardStart = hardStarts[index], hardStart <= deadline ?? hardStart {
                builder.fillGap(until: hardStart, with: scheduled.fill, before: item.id, boundary: "its hard start")
            }
            let room = deadline.map { $0 - builder.cursor }
            func nextHardStart() -> String {
                guard let next, let start = items[next].hardStart else { return "the end" }
                return "the hard start of \(items[next].item.id) at \(start.time)"
            }
            if let room, room <= .zero {
                builder.warn(item.id, "dropped: no air time left before \(nextHardStart())")
                continue
            }
            let plan = ItemPlan(item, media: media, liveAllowed: liveAllowed)
            let slate = plan.playback == .slate ? "; airs slate" : ""
            let nextIsHard = items.indices.contains(index + 1) && hardStarts[index + 1] != nil
            guard let length = plan.length ?? (nextIsHard ? room : nil) else {
                builder.warn(item.id, "\(plan.warning ?? "no duration"); skipped: its length is unknown and the next item has no hard start to end it")
                continue
            }
            if let warning = plan.warning { builder.warn(item.id, warning + slate) }
            guard length > .zero else {
                builder.warn(item.id, "skipped: nothing to air")
                continue
            }
            let aired = room.map { min(length, $0) } ?? length
            builder.append(item, playback: plan.playback, duration: aired, trimmed: length - aired)
            if aired < length { builder.warn(item.id, "cut by \(length - aired) for \(nextHardStart())") }
        }
        if let end { builder.fillGap(until: ticks(end.instant), with: lastFill, before: nil, boundary: end.boundary) }
        return (builder.entries, builder.warnings)
    }

    /// For each item, the index of the earliest hard start among the items after it (the first such item on a tie).
    private static func earliestLaterHardStarts(_ hardStarts: [Ticks?]) -> [Int?] {
        var earliest: Int?
        var result = [Int?](repeating: nil, count: hardStarts.count)
        for index in hardStarts.indices.reversed() {
            result[index] = earliest
            if let start = hardStarts[index], earliest.flatMap({ hardStarts[$0] }).map({ start <= $0 }) ?? true {
                earliest = index
            }
        }
        return result
    }
}
