import Foundation

/// Resolves a channel's schedule over several broadcast days into one continuous timeline.
public enum ScheduleResolver {
    /// Lays out the days `from` through `through` (inclusive) back to back, with the same rules as
    /// `TimelineResolver.resolve(_:media:liveAllowed:)` within each day, and these across days:
    ///
    /// - The timeline covers whole days: it starts at local midnight of `from` and, unless the last day runs
    ///   over, ends at local midnight after `through`. Days are as long as the clocks make them (23 or 25 hours
    ///   on DST changes); offsets are real elapsed time.
    /// - Each day airs `schedule.rundown(on:)`: the producer's rundown, else the blocks with filler.
    /// - An item running past midnight continues into the next day until that day's first hard start, which
    ///   cuts it (with the same warnings as within a day). A day whose first item has no hard start begins at
    ///   its local midnight. Gaps between days (and before the first item, and after the last) are filled with
    ///   the filler (or slate) of the day they end in, with a warning, as gaps within a day are.
    ///
    /// Then the schedule's breakouts that air within the timeline go on air, in air order (a breakout starting
    /// before the timeline counts from its start; one overlapping an earlier one starts at that one's end), each
    /// as an entry with role `.breakout(id:)` playing `.live(uri: source)` (slate when `liveAllowed` is false):
    ///
    /// - `shift` breakouts first: the item on air at the breakout's start is split around it and everything
    ///   after slides by the breakout's length, until a hard start absorbs it (gaps shrink; what no longer fits
    ///   is cut or dropped as any overrun at a hard start; hard starts within the breakout follow it instead);
    /// - then `rejoin` breakouts: laid over the timeline, cutting the entry on air at their start, dropping
    ///   those within, and resuming the one on air at their end from there (in-point advanced).
    ///
    /// `Timeline.interruptions` lists the items each breakout cut, skipped or resumed, with the times they had
    /// before it.
    ///
    /// - Parameters:
    ///   - media: facts for a file by its path; nil when there is no such file.
    ///   - liveAllowed: false for an offline render, where live feeds cannot be recorded.
    public static func resolve(_ schedule: ChannelSchedule, from: BroadcastDate, through: BroadcastDate, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> Timeline {
        let clock = BroadcastClock(timeZone: schedule.timeZone, date: from)
        let start = clock.startOfDay
        let timelineStart = clock.date(of: start)
        var layout = TimelineLayout()
        var date = from
        while date <= through {
            layout.append(schedule.rundown(on: date), media: media)
            date = date.adding(days: 1)
        }
        let end = BroadcastClock(timeZone: schedule.timeZone, date: max(date, from)).startOfDay
        let placed = PlacedBreakout.place(schedule.breakouts, origin: timelineStart, duration: Ticks((end - start) * Ticks.perSecond))
        var (laidOut, interruptions) = layout.resolve(
            from: start, until: (end, "the end of \(through)"), shifting: placed.filter { $0.breakout.mode == .shift },
            media: media, liveAllowed: liveAllowed, timelineStart: timelineStart
        )
        for rejoin in placed where rejoin.breakout.mode == .rejoin {
            let overlaid = RejoinOverlay.apply(rejoin, to: laidOut.entries, liveAllowed: liveAllowed, timelineStart: timelineStart)
            laidOut.entries = overlaid.entries
            interruptions += overlaid.interruptions
            if let warning = overlaid.warning { laidOut.warnings.append(TimelineWarning(itemID: nil, message: warning)) }
        }
        let order = Dictionary(placed.enumerated().map { ($1.breakout.id, $0) }) { first, _ in first }
        return Timeline(
            channel: schedule.channel, timeZone: schedule.timeZone, start: timelineStart, entries: laidOut.entries,
            warnings: laidOut.warnings, interruptions: interruptions.sorted { order[$0.breakoutID, default: 0] < order[$1.breakoutID, default: 0] }
        )
    }
}
