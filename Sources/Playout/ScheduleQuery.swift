import Foundation
import Scheduling
import Store

/// Resolves channels' stored schedules against the media root: what the timeline, guide and API show.
public struct ScheduleQuery: Sendable {
    public let database: AppDatabase
    /// The folder rundown media paths are relative to; files named in the schedule are probed there.
    public let mediaRoot: URL

    public init(database: AppDatabase, mediaRoot: URL) {
        self.database = database
        self.mediaRoot = mediaRoot
    }

    /// `channel`'s timeline from local midnight of `start` to the midnight after `end`.
    public func timeline(channel: String, from start: BroadcastDate, through end: BroadcastDate) throws(StoreError) -> Timeline {
        let schedule = try database.schedule(channel: channel, from: start, through: end)
        let days = (start.adding(days: -1).daysSince1970...end.daysSince1970).map { BroadcastDate.epoch.adding(days: $0) }
        let catalog = MediaCatalog(root: mediaRoot, uris: Set(days.flatMap { schedule.rundown(on: $0).mediaPaths }))
        return ScheduleResolver.resolve(schedule, from: start, through: end, media: catalog.availability, liveAllowed: true)
    }
}
