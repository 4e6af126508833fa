import Foundation
import Hummingbird
import Playout
import Scheduling
import Store

/// What a channel airs, for viewers: `GET /api/channels/{channel}/timeline`, `/now` and `/asrun`.
struct ScheduleController {
    /// The most days one timeline request may cover (files are probed for each).
    static let maximumDays = 31

    let schedule: StoredSchedule
    let live: any LiveOutput

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("timeline", use: timeline)
            .get("now", use: now)
            .get("asrun", use: asRun)
    }

    /// `?from=&to=` (default: today in the channel's zone, through `from`).
    @Sendable func timeline(_ request: Request, context: AppRequestContext) throws -> TimelineDocument {
        _ = try context.require(.viewer)
        let channel = try schedule.database.existingChannel(try context.parameters.require("channel"))
        let from = try BroadcastDate.query("from", of: request) ?? BroadcastDate(of: Date(), in: channel.timeZone)
        let through = try BroadcastDate.query("to", of: request) ?? from
        try Self.checkRange(from: from, through: through)
        return TimelineDocument(try schedule.timeline(channel: channel.id, from: from, through: through).timeline)
    }

    /// 400 unless `from` through `through` is 1 to `maximumDays` days.
    static func checkRange(from: BroadcastDate, through: BroadcastDate) throws(APIError) {
        guard through >= from, through.daysSince1970 - from.daysSince1970 < maximumDays else {
            throw APIError(.badRequest, "from \(from) to \(through) is not a range of 1 to \(maximumDays) days", code: "invalid")
        }
    }

    @Sendable func now(_ request: Request, context: AppRequestContext) throws -> NowPlaying {
        _ = try context.require(.viewer)
        let channel = try schedule.database.existingChannel(try context.parameters.require("channel"))
        guard let now = live.nowPlaying(channel: channel.id) else { throw APIError(.notFound, "channel \(channel.id) is not on air", code: "not-on-air") }
        return now
    }

    /// `?date=` (default: today in the channel's zone).
    @Sendable func asRun(_ request: Request, context: AppRequestContext) throws -> [AsRunEntry] {
        _ = try context.require(.viewer)
        let channel = try schedule.database.existingChannel(try context.parameters.require("channel"))
        let date = try BroadcastDate.query("date", of: request) ?? BroadcastDate(of: Date(), in: channel.timeZone)
        return try schedule.database.asRun(channel: channel.id, date: date)
    }
}

extension TimelineDocument: ResponseEncodable {}
extension NowPlaying: ResponseEncodable {}
