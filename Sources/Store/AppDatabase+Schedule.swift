import GRDB
import Scheduling

extension AppDatabase {
    /// What `channel` airs from `start` through `end`: its published rundowns (a day without one
    /// airs the channel's recurring blocks and filler) — the input of `ScheduleResolver`. The day before
    /// `start` is included, so an item running past its midnight is seen.
    public func schedule(channel: String, from start: BroadcastDate, through end: BroadcastDate) throws(StoreError) -> ChannelSchedule {
        guard let found = try self.channel(id: channel) else { throw .notFound(.channel(channel)) }
        let rundowns = try publishedRundowns(channel: channel, from: start.adding(days: -1), to: end)
        return ChannelSchedule(
            channel: channel, timeZone: found.timeZone,
            rundowns: Dictionary(rundowns.map { ($0.rundown.date, $0.rundown) }) { first, _ in first },
            blocks: try blocks(channel: channel).map(\.block),
            filler: found.filler
        )
    }
}
