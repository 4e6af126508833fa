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
    /// - Parameters:
    ///   - media: facts for a file by its path; nil when there is no such file.
    ///   - liveAllowed: false for an offline render, where live feeds cannot be recorded.
    public static func resolve(_ schedule: ChannelSchedule, from: BroadcastDate, through: BroadcastDate, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> Timeline {
        let clock = BroadcastClock(timeZone: schedule.timeZone, date: from)
        let start = clock.startOfDay
        var layout = TimelineLayout()
        var date = from
        while date <= through {
            layout.append(schedule.rundown(on: date), media: media)
            date = date.adding(days: 1)
        }
        let end = BroadcastClock(timeZone: schedule.timeZone, date: max(date, from)).startOfDay
        let (entries, warnings) = layout.resolve(from: start, until: (end, "the end of \(through)"), media: media, liveAllowed: liveAllowed)
        return Timeline(channel: schedule.channel, timeZone: schedule.timeZone, start: clock.date(of: start), entries: entries, warnings: warnings)
    }
}
