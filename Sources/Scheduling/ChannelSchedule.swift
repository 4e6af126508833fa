import Foundation

/// Everything that decides what a channel airs day after day: the producers' rundowns for some days,
/// and the recurring blocks (with the filler between them) for the days without one, and the
/// operators' breakouts over them.
public struct ChannelSchedule: Sendable, Hashable {
    /// Channel id, as in its rundowns.
    public var channel: String
    /// The channel's IANA zone: block start times are local to it.
    public var timeZone: TimeZone
    /// Producers' rundowns by broadcast day; a day's rundown replaces its blocks entirely.
    public var rundowns: [BroadcastDate: Rundown]
    public var blocks: [RecurringBlock]
    /// Media looped into gaps on days aired from the blocks.
    public var filler: String?
    /// Operators' breakouts, which `ScheduleResolver` puts on air over the rundowns.
    public var breakouts: [Breakout]

    public init(
        channel: String, timeZone: TimeZone = Rundown.defaultTimeZone, rundowns: [BroadcastDate: Rundown] = [:],
        blocks: [RecurringBlock] = [], filler: String? = nil, breakouts: [Breakout] = []
    ) {
        self.channel = channel
        self.timeZone = timeZone
        self.rundowns = rundowns
        self.blocks = blocks
        self.filler = filler
        self.breakouts = breakouts
    }

    /// What airs on `date`: the producer's rundown when there is one (it wins over the blocks, which a producer
    /// usually started it from with `Rundown.fromBlocks`), else the day's blocks with the filler between them.
    public func rundown(on date: BroadcastDate) -> Rundown {
        rundowns[date] ?? .fromBlocks(channel: channel, date: date, timeZone: timeZone, filler: filler, blocks: blocks)
    }
}
