/// Rundown items, one broadcast day after another, with their hard starts placed on the clock and then
/// laid out as entries: the one core behind resolving a single rundown and a schedule of many days.
/// Shift-mode breakouts become slots of the layout too (`TimelineLayout+Shift.swift`), so the slide they
/// cause is cut and absorbed at hard starts by the very same rules.
struct TimelineLayout {
    /// When a slot must air.
    struct HardStart {
        /// Ticks since 1970.
        let instant: Ticks
        /// What airs then, for messages: "the hard start of news at 08:00:00".
        let name: String

        init(instant: Ticks, name: String) {
            self.instant = instant
            self.name = name
        }

        /// The hard start of item `id` at `instant` (seconds since 1970), which shows `time` on local clocks.
        init(item id: String, instant: Int64, time: LocalTime) {
            self.init(instant: Ticks(instant * Ticks.perSecond), name: "the hard start of \(id) at \(time)")
        }
    }

    /// What a slot airs.
    enum Piece {
        /// A rundown item, as its source and the media make it.
        case item(RundownItem)
        /// Part of a rundown item that a breakout split: `playback` for `length`.
        case part(of: RundownItem, playback: TimelineEntry.Playback, length: Ticks)
        /// A breakout, for `length`.
        case breakout(Breakout, length: Ticks)
    }

    /// One slot, when it must air and what fills a gap before it.
    struct Slot {
        var piece: Piece
        /// Nil to follow the previous slot back to back.
        var hardStart: HardStart?
        let fill: GapFill
        /// Tells slots apart (item ids repeat across days); the first part of a split item keeps the item's.
        let serial: Int
    }

    /// Entries laid out from the slots, and where each came from.
    struct LaidOut {
        var entries: [TimelineEntry]
        var warnings: [TimelineWarning]
        /// For each entry, the index of the slot that made it; for a gap entry, of the slot it comes
        /// before (`slots.count` for a gap after the last).
        var slotIndices: [Int]
        /// For each entry, the serial of the slot that made it; nil for gaps.
        var serials: [Int?]
    }

    /// In air order; `TimelineLayout+Shift.swift` inserts breakouts.
    var slots: [Slot] = []
    private var warnings: [TimelineWarning] = []
    /// The gap fill of the day appended last, for a gap at the end.
    private(set) var lastFill = GapFill.slate
    private var serialsUsed = 0

    private static let midnight = LocalTime(hour: 0, minute: 0, second: 0)!

    /// The instant (seconds since 1970) the first slot airs at (nil when there is none).
    var firstInstant: Int64? { slots.first?.hardStart.map { $0.instant.value / Ticks.perSecond } }

    /// A serial no slot has had.
    mutating func newSerial() -> Int {
        serialsUsed += 1
        return serialsUsed
    }

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
                hardStart = item.start.map { HardStart(item: item.id, instant: instant, time: $0) }
            case .nonexistent(let day)?:
                let message = "hard start \(item.start?.description ?? "?") does not exist on \(day) (clocks jump forward); airs back to back instead"
                warnings.append(TimelineWarning(itemID: item.id, message: message))
            case nil:
                break
            }
            if index == 0, hardStart == nil { hardStart = HardStart(item: item.id, instant: clock.startOfDay, time: Self.midnight) }
            slots.append(Slot(piece: .item(item), hardStart: hardStart, fill: fill, serial: newSerial()))
        }
    }

    /// Lays the slots out from `origin` (seconds since 1970), then fills any time left before `end` (an instant
    /// and what it is, for the warning) with the last day's fill.
    ///
    /// Each hard start holds against every slot before it, even one from an earlier day: a slot is cut by the
    /// earliest hard start after it, and a slot whose own hard start falls after a later slot's is dropped.
    func resolve(from origin: Int64, until end: (instant: Int64, boundary: String)?, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> LaidOut {
        let originTicks = Ticks(origin * Ticks.perSecond)
        let hardStarts = slots.map { $0.hardStart.map { $0.instant - originTicks } }
        let deadlines = Self.earliestLaterHardStarts(hardStarts)
        var builder = TimelineBuilder(warnings: warnings)
        var slotIndices: [Int] = []
        for (index, slot) in slots.enumerated() {
            defer { slotIndices += repeatElement(index, count: builder.entries.count - slotIndices.count) }
            let id = slot.piece.itemID
            let next = deadlines[index]
            let deadline = next.flatMap { hardStarts[$0] }
            if let hardStart = hardStarts[index], hardStart <= deadline ?? hardStart {
                builder.fillGap(until: hardStart, with: slot.fill, before: id, boundary: slot.piece.boundary)
            }
            let room = deadline.map { $0 - builder.cursor }
            let nextHardStart = next.flatMap { slots[$0].hardStart?.name } ?? "the end"
            if let room, room <= .zero {
                builder.warn(id, "dropped: no air time left before \(nextHardStart)")
                continue
            }
            let plan = slot.piece.plan(media: media, liveAllowed: liveAllowed)
            let slate = plan.playback == .slate ? "; airs slate" : ""
            let nextIsHard = hardStarts.indices.contains(index + 1) && hardStarts[index + 1] != nil
            guard let length = plan.length ?? (nextIsHard ? room : nil) else {
                builder.warn(id, "\(plan.warning ?? "no duration"); skipped: its length is unknown and the next item has no hard start to end it")
                continue
            }
            if let warning = plan.warning { builder.warn(id, warning + slate) }
            guard length > .zero else {
                builder.warn(id, "skipped: nothing to air")
                continue
            }
            let aired = room.map { min(length, $0) } ?? length
            builder.append(slot.piece.entry(playback: plan.playback, duration: aired, trimmed: length - aired))
            if aired < length { builder.warn(id, "cut by \(length - aired) for \(nextHardStart)") }
        }
        if let end { builder.fillGap(until: Ticks((end.instant - origin) * Ticks.perSecond), with: lastFill, before: nil, boundary: end.boundary) }
        slotIndices += repeatElement(slots.count, count: builder.entries.count - slotIndices.count)
        let serials = zip(builder.entries, slotIndices).map { entry, index in entry.role == .gap ? nil : slots[index].serial }
        return LaidOut(entries: builder.entries, warnings: builder.warnings, slotIndices: slotIndices, serials: serials)
    }

    /// For each slot, the index of the earliest hard start among the slots after it (the first such slot on a tie).
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
