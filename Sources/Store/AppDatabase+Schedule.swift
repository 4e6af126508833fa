import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// What `channel` airs from `start` through `end`: its published rundowns (a day without one
    /// airs the channel's recurring blocks and filler) and the breakouts on air in those days, as the
    /// schedule sees them at `now` (an open one ends at its planned end while that is ahead, else at `now`)
    /// — the input of `ScheduleResolver`. The day before `start` is included, so an item running past its
    /// midnight is seen.
    public func schedule(channel: String, from start: BroadcastDate, through end: BroadcastDate, now: Date = Date()) throws(StoreError) -> ChannelSchedule {
        guard let found = try self.channel(id: channel) else { throw .notFound(.channel(channel)) }
        let rundowns = try publishedRundowns(channel: channel, from: start.adding(days: -1), to: end)
        // Days are taken wide (two either side, whatever the zone); the resolver keeps what falls in its timeline.
        let breakouts = try self.breakouts(channel: channel, from: Self.midnightUTC(of: start.adding(days: -2)), to: Self.midnightUTC(of: end.adding(days: 2)))
        return ChannelSchedule(
            channel: channel, timeZone: found.timeZone,
            rundowns: Dictionary(rundowns.map { ($0.rundown.date, $0.rundown) }) { first, _ in first },
            blocks: try blocks(channel: channel).map(\.block),
            filler: found.filler,
            breakouts: breakouts.map { $0.breakout(at: now) }
        )
    }

    private static func midnightUTC(of date: BroadcastDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.daysSince1970) * 86_400)
    }
}
