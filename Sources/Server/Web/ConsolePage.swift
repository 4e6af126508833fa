import Foundation
import Hummingbird
import Playout
import Scheduling
import Store

/// The working pages, server-rendered shells whose scripts do the work through the JSON API:
/// `/studio?channel=&date=` (producer; `studio.js`: the rundown with the engine's times, save,
/// publish, conflicts) and `/control?channel=` (operator; `control.js`: on air, sources, take and
/// return, following `…/events`). The channel defaults to the first on air, the day to today in
/// the channel's zone; an unknown channel is 404, a day that is not `YYYY-MM-DD` 400.
struct ConsolePage {
    /// The data of `Templates/studio.mustache` and `Templates/control.mustache`.
    struct Page {
        var channels: [WatchPage.ChannelChoice]
        /// Whether to show the channel switcher (more than one channel).
        var switcher: Bool
        var channel: WatchPage.ChannelChoice?
        /// The broadcast day the studio edits.
        var date: String
        /// The channel's filler, which a new rundown starts with.
        var filler: String?
    }

    /// `.studio` or `.control`: the template, title and role of the page.
    let section: WebSection
    let database: AppDatabase
    let live: any LiveOutput
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) throws -> Response {
        _ = try context.require(section.role)
        let channels = try database.channels()
        let channel = try WatchPage.chosenChannel(request, among: channels, live: live)
        let date = try BroadcastDate.query("date", of: request) ?? channel.map { BroadcastDate(of: Date(), in: $0.timeZone) }
        let choices = channels.map { WatchPage.ChannelChoice(id: $0.id, name: $0.name, timezone: $0.timeZone.identifier, selected: $0.id == channel?.id) }
        let page = Page(channels: choices, switcher: channels.count > 1, channel: choices.first(where: \.selected), date: date.map { "\($0)" } ?? "",
                        filler: channel?.filler)
        return try renderer.render(section.rawValue, titleKey: section.titleKey, request: request, context: context, channelName: channel?.name, page: page)
    }
}
