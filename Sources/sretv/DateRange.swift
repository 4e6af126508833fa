import ArgumentParser
import Foundation
import Playout
import Scheduling
import Store

/// Resolves channels' stored schedules against the media root, for `timeline` and `epg`.
struct ScheduleQuery {
    let database: AppDatabase
    let mediaRoot: URL

    /// `channel`'s timeline from local midnight of `start` to the midnight after `end`.
    func timeline(channel: String, from start: BroadcastDate, through end: BroadcastDate) throws -> Timeline {
        let schedule: ChannelSchedule
        do {
            schedule = try database.schedule(channel: channel, from: start, through: end)
        } catch {
            throw CLIError("cannot read the schedule of \(channel): \(error)")
        }
        let days = (start.adding(days: -1).daysSince1970...end.daysSince1970).map { BroadcastDate.epoch.adding(days: $0) }
        let catalog = MediaCatalog(root: mediaRoot, uris: Set(days.flatMap { schedule.rundown(on: $0).mediaPaths }))
        return ScheduleResolver.resolve(schedule, from: start, through: end, media: catalog.availability, liveAllowed: true)
    }
}

/// The date range options of schedule commands.
struct DateRange: ParsableArguments {
    @Option(help: "First broadcast date, YYYY-MM-DD.", transform: ChannelDay.parseDate)
    var from: BroadcastDate

    @Option(help: "Last broadcast date (inclusive), YYYY-MM-DD; default: --from.", transform: ChannelDay.parseDate)
    var to: BroadcastDate?

    @Option(help: "Folder the rundowns' media paths are relative to (default: DATA/media).")
    var mediaRoot: String?

    var through: BroadcastDate { to ?? from }

    func validate() throws {
        guard through >= from else { throw ValidationError("--to \(through) is before --from \(from)") }
        guard through.daysSince1970 - from.daysSince1970 < 366 else { throw ValidationError("a range covers at most 366 days") }
    }

    func query(_ data: DataOptions) throws -> ScheduleQuery {
        let root = mediaRoot ?? URL(fileURLWithPath: data.directory).appendingPathComponent("media").path
        return ScheduleQuery(database: try data.open(), mediaRoot: URL(fileURLWithPath: root))
    }
}
