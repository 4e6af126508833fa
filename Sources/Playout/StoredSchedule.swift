import Foundation
import Logging
import Scheduling
import Store

/// Channels' schedules as stored (published rundowns, blocks, filler), resolved against the
/// media root; probes are cached across resolutions.
public struct StoredSchedule: Sendable {
    public let database: AppDatabase
    public let mediaRoot: URL
    private let cache: ProbeCache

    public init(database: AppDatabase, mediaRoot: URL, cache: ProbeCache = ProbeCache()) {
        self.database = database
        self.mediaRoot = mediaRoot
        self.cache = cache
    }

    /// `channel`'s timeline from local midnight of `start` to the midnight after `end`, and the
    /// probed media it names.
    public func timeline(channel: String, from start: BroadcastDate, through end: BroadcastDate, liveAllowed: Bool = true)
        throws(StoreError) -> (timeline: Timeline, catalog: MediaCatalog)
    {
        resolve(try database.schedule(channel: channel, from: start, through: end), from: start, through: end, liveAllowed: liveAllowed)
    }

    /// The timeline of `draft.date` as it would air with `draft` published in place of the day's
    /// rundown: the day before running over, the breakouts on air and the media as they are now.
    public func preview(_ draft: Rundown) throws(StoreError) -> Timeline {
        var schedule = try database.schedule(channel: draft.channel, from: draft.date, through: draft.date)
        schedule.rundowns[draft.date] = draft
        return resolve(schedule, from: draft.date, through: draft.date, liveAllowed: true).timeline
    }

    private func resolve(_ schedule: ChannelSchedule, from start: BroadcastDate, through end: BroadcastDate, liveAllowed: Bool)
        -> (timeline: Timeline, catalog: MediaCatalog)
    {
        let days = (start.adding(days: -1).daysSince1970...end.daysSince1970).map { BroadcastDate.epoch.adding(days: $0) }
        let catalog = MediaCatalog(root: mediaRoot, uris: Set(days.flatMap { schedule.rundown(on: $0).mediaPaths }), cache: cache)
        return (ScheduleResolver.resolve(schedule, from: start, through: end, media: catalog.availability, liveAllowed: liveAllowed), catalog)
    }

    /// What a live channel asks at every item boundary: the timeline of the days around an instant.
    /// A database failure is logged and answered with an empty timeline (the channel airs slate).
    public func lookup(channel: String, timeZone: TimeZone, logger: Logger) -> ChannelPlayout.ScheduleLookup {
        { date in
            let day = BroadcastDate(of: date, in: timeZone)
            do {
                return try timeline(channel: channel, from: day.adding(days: -1), through: day.adding(days: 1))
            } catch {
                logger.error("cannot read the schedule of \(channel): \(error)")
                let empty = Timeline(channel: channel, timeZone: timeZone, start: date, entries: [], warnings: [])
                return (empty, MediaCatalog(root: mediaRoot))
            }
        }
    }
}
