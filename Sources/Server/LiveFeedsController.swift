import Hummingbird
import Playout

/// `GET /api/live/feeds` (any role): every feed the server holds open — each channel's defined
/// sources and the feeds taken by URL, which close once nothing uses them — with its state; the
/// URLs' secrets only for operators and admins. 503 when the server airs no live sources.
struct LiveFeedsController {
    let feeds: LiveFeeds?

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: list)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) throws -> [OpenLiveFeed] {
        let viewer = try context.require(.viewer)
        guard let feeds else { throw APIError(.serviceUnavailable, "this server airs no live sources", code: "no-live") }
        let open = feeds.openFeeds()
        return viewer.seesLiveSecrets ? open : open.map(\.redacted)
    }
}

extension OpenLiveFeed: ResponseEncodable {}
