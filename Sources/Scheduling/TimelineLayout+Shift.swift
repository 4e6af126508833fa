import Foundation

extension TimelineLayout {
    /// Lays the slots out like `resolve(from:until:media:liveAllowed:)` with each breakout of `shifts` (in air
    /// order, not overlapping) on air the shift way, and says what the breakouts did to items.
    ///
    /// A shift breakout is a slot with a hard start at its start: the item on air then is split into the part
    /// aired before the breakout and the rest (same item, in-point advanced, the remaining length) after it.
    /// What follows slides by the breakout's length until a hard start absorbs it: gaps before the hard start
    /// shrink, and what no longer fits is cut or dropped as any overrun at a hard start. A hard start that falls
    /// within the breakout cannot hold (the feed has the air): its item follows the breakout instead.
    ///
    /// - Parameter timelineStart: the instant `origin` is, for the interruptions' planned times.
    mutating func resolve(
        from origin: Int64, until end: (instant: Int64, boundary: String)?, shifting shifts: [PlacedBreakout],
        media: (String) -> MediaAvailability?, liveAllowed: Bool, timelineStart: Date
    ) -> (laidOut: LaidOut, interruptions: [Interruption]) {
        var laidOut = resolve(from: origin, until: end, media: media, liveAllowed: liveAllowed)
        var interruptions: [Interruption] = []
        for placed in shifts {
            let before = laidOut
            let split = insert(placed, origin: origin, into: before)
            laidOut = resolve(from: origin, until: end, media: media, liveAllowed: liveAllowed)
            let airing = Set(laidOut.serials.compactMap { $0 })
            let note = { (kind: Interruption.Kind, entry: TimelineEntry) in
                Interruption(kind, of: entry, by: placed.breakout, timelineStart: timelineStart)
            }
            if let split {
                let kinds: [Interruption.Kind] = airing.contains(split.restSerial) ? [.cut, .resumed] : [.cut]
                interruptions += kinds.compactMap { note($0, split.entry) }
            }
            interruptions += zip(before.entries, before.serials).compactMap { entry, serial in
                serial.flatMap { airing.contains($0) ? nil : note(.skipped, entry) }
            }
        }
        return (laidOut, interruptions)
    }

    /// Adds `placed` as a slot where `laidOut` (these slots laid out from `origin`) is at its start, splitting
    /// the item on air then, and lifts the hard starts it airs over. Returns the split item's entry (before the
    /// split) and the serial of its rest, when there was one.
    private mutating func insert(_ placed: PlacedBreakout, origin: Int64, into laidOut: LaidOut) -> (entry: TimelineEntry, restSerial: Int)? {
        let originTicks = Ticks(origin * Ticks.perSecond)
        var position = slots.count
        var split: (entry: TimelineEntry, restSerial: Int)?
        if let index = laidOut.entries.firstIndex(where: { $0.end > placed.start }) {
            let entry = laidOut.entries[index]
            position = laidOut.slotIndices[index]
            let elapsed = placed.start - entry.offset
            if entry.role != .gap, elapsed > .zero, let item = slots[position].piece.item {
                let rest = Slot(
                    piece: .part(of: item, playback: entry.playback.advanced(by: elapsed), length: entry.duration + entry.trimmed - elapsed),
                    hardStart: nil, fill: slots[position].fill, serial: newSerial()
                )
                slots[position].piece = .part(of: item, playback: entry.playback, length: elapsed)
                position += 1
                slots.insert(rest, at: position)
                split = (entry, rest.serial)
            }
        }
        let hardStart = HardStart(instant: originTicks + placed.start, name: "breakout \(placed.breakout.id)")
        let fill = slots.indices.contains(position) ? slots[position].fill : lastFill
        slots.insert(Slot(piece: .breakout(placed.breakout, length: placed.end - placed.start), hardStart: hardStart, fill: fill, serial: newSerial()), at: position)
        for later in (position + 1)..<slots.count where slots[later].hardStart.map({ $0.instant < originTicks + placed.end }) ?? false {
            slots[later].hardStart = nil
        }
        return split
    }
}
