import Foundation
import Hummingbird
import Playout
import Scheduling
import Store

/// `/` (any role): the channel's player on its signed HLS URL, what is on air and next (kept up to
/// date by `watch.js` from `/api/channels/{channel}/now`), today's guide, and a channel switcher
/// (`/?channel=ID`) when there are several channels.
struct WatchPage {
    /// The data of `Templates/watch.mustache`.
    struct Page {
        var channels: [ChannelChoice]
        /// Whether to show the channel switcher (more than one channel).
        var switcher: Bool
        var channel: ChannelChoice?
        var playbackURL: String
        var now: OnAir?
        var day: String
        var guide: [GuideRow]
        /// Whether `guide` has rows (templates see stored properties only).
        var hasGuide: Bool
    }

    struct ChannelChoice {
        var id: String
        var name: String
        var timezone: String
        var selected: Bool
    }

    /// What airs now, with times in the channel's zone.
    struct OnAir {
        var title: String
        var start: String
        var end: String
        var percent: Int
        var next: String?
        var nextStart: String?
    }

    struct GuideRow {
        var start: String
        var end: String
        var startISO: String
        var title: String
        var category: String?
        var tags: [String]
        var live: Bool
        var current: Bool
    }

    let database: AppDatabase
    let schedule: StoredSchedule
    let live: any LiveOutput
    let signer: URLSigner
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get("/", use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) throws -> Response {
        let viewer = try context.require(WebSection.watch.role)
        let channels = try database.channels()
        guard let channel = try Self.chosenChannel(request, among: channels, live: live) else {
            return try renderer.render("watch", titleKey: WebSection.watch.titleKey, request: request, context: context,
                                       page: Page(channels: [], switcher: false, channel: nil, playbackURL: "", now: nil, day: "", guide: [], hasGuide: false))
        }
        let now = Date()
        let clock = Self.clockFormatter(channel.timeZone)
        let choices = channels.map { ChannelChoice(id: $0.id, name: $0.name, timezone: $0.timeZone.identifier, selected: $0.id == channel.id) }
        let today = BroadcastDate(of: now, in: channel.timeZone)
        let timeline = try schedule.timeline(channel: channel.id, from: today, through: today).timeline
        let guide = Self.guide(timeline, day: today, clock: clock, now: now, continuity: renderer.strings(for: request)["guide_continuity"] ?? "")
        let page = Page(
            channels: choices, switcher: channels.count > 1, channel: choices.first(where: \.selected),
            playbackURL: try signer.signedPlaylistURL(channel: channel.id, user: viewer.name).url,
            now: live.nowPlaying(channel: channel.id).map { Self.onAir($0, clock: clock, now: now) },
            day: "\(today)", guide: guide, hasGuide: !guide.isEmpty
        )
        return try renderer.render("watch", titleKey: WebSection.watch.titleKey, request: request, context: context, channelName: channel.name, page: page)
    }

    /// The channel `?channel=` names (404 for an unknown one), else the first on air, else the first.
    static func chosenChannel(_ request: Request, among channels: [Channel], live: any LiveOutput) throws(APIError) -> Channel? {
        let wanted = request.uri.queryParameters["channel"].map(String.init)
        if let wanted, !channels.contains(where: { $0.id == wanted }) {
            throw APIError(.notFound, "there is no channel \(String(reflecting: wanted)); pick one of the list", code: "not-found")
        }
        return channels.first { $0.id == wanted } ?? channels.first { live.nowPlaying(channel: $0.id) != nil } ?? channels.first
    }

    static func onAir(_ playing: NowPlaying, clock: DateFormatter, now: Date) -> OnAir {
        let length = playing.onAir.end.timeIntervalSince(playing.onAir.start)
        return OnAir(
            title: playing.onAir.title, start: clock.string(from: playing.onAir.start), end: clock.string(from: playing.onAir.end),
            percent: length > 0 ? min(100, max(0, Int(playing.position / length * 100))) : 0,
            next: playing.next?.title, nextStart: playing.next.map { clock.string(from: $0.start) }
        )
    }

    /// The entries of `timeline` that air on `day` (the first may have begun the day before), with each
    /// run of filler or slate between items as one `continuity` row, as the XMLTV guide has it.
    static func guide(_ timeline: Timeline, day: BroadcastDate, clock: DateFormatter, now: Date, continuity: String) -> [GuideRow] {
        let iso = ISO8601DateFormatter()
        var rows: [GuideRow] = []
        var previous: TimelineEntry.Role?
        for entry in timeline.entries {
            let (start, end) = (timeline.date(at: entry.offset), timeline.date(at: entry.end))
            guard end > start, BroadcastDate(of: end.addingTimeInterval(-0.001), in: timeline.timeZone) >= day,
                  BroadcastDate(of: start, in: timeline.timeZone) <= day
            else { continue }
            defer { previous = entry.role }
            if entry.role == .gap, previous == .gap, var last = rows.popLast() {
                last.end = clock.string(from: end)
                last.current = last.current || (start <= now && now < end)
                rows.append(last)
                continue
            }
            var live = false
            if case .live = entry.playback { live = true }
            rows.append(GuideRow(
                start: clock.string(from: start), end: clock.string(from: end), startISO: iso.string(from: start),
                title: entry.role == .gap ? continuity : entry.title, category: entry.details?.category, tags: entry.details?.tags ?? [],
                live: live, current: start <= now && now < end
            ))
        }
        return rows
    }

    /// `HH:mm` in `zone`.
    static func clockFormatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm"
        return formatter
    }
}
