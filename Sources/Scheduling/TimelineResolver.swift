/// Resolves a rundown into a timeline: exact offsets for every item, hard starts honoured, gaps filled.
/// Pure: what it knows about media comes from the caller.
public enum TimelineResolver {
    /// Lays out `rundown` from its first item's start (its hard start, else local midnight of `date`).
    ///
    /// - Items without a hard start follow the previous one back to back. A hard start cuts an
    ///   overrunning item (its entry's `trimmed` says by how much); soft items that would start at or
    ///   after the next hard start are dropped. An underrun leaves a gap before the hard start, filled
    ///   with the filler looped or with slate; gaps under 1 ms are absorbed by the entry before them.
    /// - A file plays from the keyframe at or before its in-point to `out` (or in-point + `duration`,
    ///   or its end), clamped to its length.
    /// - Slate replaces an item that cannot air — missing or unreadable media, an in-point past the
    ///   end, a public URL not yet ingested, a live item when `liveAllowed` is false — for the length
    ///   the rundown gives (`duration`, or `out - in`). When it gives none, the slate lasts until the
    ///   next item's hard start if that item has one; otherwise the item is skipped (zero length),
    ///   since guessing a length would shift every later soft item. Each case adds a warning.
    /// - A hard start that does not exist on its day (a DST jump; `parse` rejects these) is treated as
    ///   no hard start, with a warning.
    ///
    /// - Parameters:
    ///   - media: facts for a file (production and ingested public items, the filler) by its path;
    ///     nil when there is no such file.
    ///   - liveAllowed: false for an offline render, where live feeds cannot be recorded.
    public static func resolve(_ rundown: Rundown, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> Timeline {
        let items = rundown.items
        let clock = BroadcastClock(timeZone: rundown.timeZone, date: rundown.date)
        let placements = clock.place(items.map(\.start))
        var start = clock.startOfDay
        if case .instant(let first)? = placements.first ?? nil { start = first }
        let (fill, fillWarning) = GapFill.resolve(rundown.filler, media: media)
        var builder = TimelineBuilder(fill: fill)
        if let fillWarning { builder.warn(nil, fillWarning) }

        let hardStarts: [Ticks?] = zip(items, placements).map { item, placement in
            switch placement {
            case .instant(let instant)?:
                return Ticks((instant - start) * Ticks.perSecond)
            case .nonexistent(let day)?:
                builder.warn(item.id, "hard start \(item.start?.description ?? "?") does not exist on \(day) (clocks jump forward); airs back to back instead")
                return nil
            case nil:
                return nil
            }
        }

        for (index, item) in items.enumerated() {
            if let hardStart = hardStarts[index] { builder.fillGap(until: hardStart, before: item) }
            let next = hardStarts.indices.dropFirst(index + 1).first { hardStarts[$0] != nil }
            let room = next.flatMap { hardStarts[$0] }.map { $0 - builder.cursor }
            let nextHardStart = next.map { "the hard start of \(items[$0].id) at \(items[$0].start?.description ?? "?")" } ?? "the end"
            if let room, room <= .zero {
                builder.warn(item.id, "dropped: no air time left before \(nextHardStart)")
                continue
            }
            let plan = ItemPlan(item, media: media, liveAllowed: liveAllowed)
            let slate = plan.playback == .slate ? "; airs slate" : ""
            guard let length = plan.length ?? (next == index + 1 ? room : nil) else {
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
            if aired < length { builder.warn(item.id, "cut by \(length - aired) for \(nextHardStart)") }
        }
        return Timeline(channel: rundown.channel, timeZone: rundown.timeZone, start: clock.date(of: start), entries: builder.entries, warnings: builder.warnings)
    }
}
