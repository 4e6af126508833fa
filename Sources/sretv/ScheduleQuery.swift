import ArgumentParser
import Foundation
import Playout
import Scheduling

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

    func schedule(_ data: DataOptions) throws -> StoredSchedule {
        StoredSchedule(database: try data.open(), mediaRoot: URL(fileURLWithPath: mediaRoot ?? data.mediaDirectory))
    }
}
