import Foundation
import Hummingbird
import Media
import Playout
import Scheduling
import Store

/// A channel's live sources and breakouts: `GET /api/channels/{channel}/sources` (any role; the URLs'
/// secrets — SRT passphrases, RTMP stream keys — only for operators and admins),
/// `PUT`/`DELETE …/sources/{name}` (operator), and `GET`/`POST`/`DELETE …/breakout` (take and
/// return, operator).
struct LiveController {
    /// The body of `PUT …/sources/{name}`.
    struct SourceDefinition: Decodable {
        var url: String
    }

    /// The body of `POST …/breakout`.
    struct TakeRequest: Decodable {
        var source: String
        var title: String?
        /// `rejoin` (default) or `shift`.
        var `return`: ReturnMode?
        /// When the air goes back to the schedule by itself.
        var end: Date?
    }

    /// A breakout as the API shows it.
    struct BreakoutBody: ResponseEncodable {
        var id: Int64
        var channel: String
        var source: String
        var url: String
        var title: String
        var `return`: ReturnMode
        var startedAt: Date
        var plannedEnd: Date?
        var endedAt: Date?
        var createdBy: String

        init(_ record: BreakoutRecord) {
            (id, channel, source, url, title, `return`) = (record.id, record.channel, record.source, record.url, record.title, record.mode)
            (startedAt, plannedEnd, endedAt, createdBy) = (record.startedAt, record.plannedEnd, record.endedAt, record.createdBy)
        }

        /// The breakout as someone who may not see the feed's secrets sees it.
        var redacted: BreakoutBody {
            var body = self
            body.url = SecretRedaction.redacted(url)
            body.source = SecretRedaction.redacted(source, quoting: url)
            body.title = SecretRedaction.redacted(title, quoting: url)
            return body
        }

        /// The breakout as `viewer` may see it.
        func shown(to viewer: Identity) -> BreakoutBody { viewer.seesLiveSecrets ? self : redacted }
    }

    let database: AppDatabase
    /// The server's live feeds; nil when it airs none (live requests then answer 503).
    let feeds: LiveFeeds?
    let switcher: (any LiveSwitcher)?

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("sources", use: sources)
            .put("sources/{name}", use: defineSource)
            .delete("sources/{name}", use: deleteSource)
            .get("sources/{name}/still.jpg", use: still)
            .get("breakout", use: breakout)
            .post("breakout", use: take)
            .delete("breakout", use: giveBack)
    }

    @Sendable func sources(_ request: Request, context: AppRequestContext) throws -> [LiveFeedStatus] {
        let viewer = try context.require(.viewer)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        return try Self.sources(of: channel.id, database: database, feeds: feeds, shownTo: viewer)
    }

    /// The sources defined on `channel`, each with its monitored state (`feeds` nil: none is watched),
    /// as `viewer` may see them.
    static func sources(of channel: String, database: AppDatabase, feeds: LiveFeeds?, shownTo viewer: Identity) throws(StoreError) -> [LiveFeedStatus] {
        let watched = Dictionary(uniqueKeysWithValues: (feeds?.statuses(channel: channel) ?? []).map { ($0.name, $0) })
        let sources = try database.liveSources(channel: channel).map { watched[$0.name] ?? LiveFeedStatus(unwatched: $0.name, url: $0.url) }
        return viewer.seesLiveSecrets ? sources : sources.map(\.redacted)
    }

    @Sendable func defineSource(_ request: Request, context: AppRequestContext) async throws -> LiveSource {
        let user = try context.require(.operator)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let name = try context.parameters.require("name")
        let definition = try await request.decodeJSON(SourceDefinition.self, context: context)
        guard let feeds else { throw Self.noLive() }
        try Self.check(definition.url, path: "url", with: feeds)
        let source = try database.saveLiveSource(channel: channel.id, name: name, url: definition.url, actor: user.name)
        try feeds.define(channel: channel.id, name: name, url: definition.url)
        return source
    }

    @Sendable func deleteSource(_ request: Request, context: AppRequestContext) throws -> HTTPResponse.Status {
        let user = try context.require(.operator)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let name = try context.parameters.require("name")
        try database.deleteLiveSource(channel: channel.id, name: name, actor: user.name)
        feeds?.remove(channel: channel.id, name: name)
        return .noContent
    }

    /// A JPEG of the source's latest keyframe (a few seconds old at most); 404 while it delivers none.
    @Sendable func still(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewer)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let name = try context.parameters.require("name")
        guard let feeds else { throw Self.noLive() }
        guard let feed = feeds.source(channel: channel.id, name: name) else {
            throw APIError(.notFound, "\(name) is not a watched live source of \(channel.id)", code: "not-found")
        }
        // Decoding and encoding take a few milliseconds of CPU: off the cooperative pool.
        guard let jpeg = try await OffPool.run({ try feed.still() }) else {
            throw APIError(.notFound, "\(name) has delivered no picture yet", code: "no-picture")
        }
        let headers: HTTPFields = [.contentType: "image/jpeg", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: jpeg)))
    }

    @Sendable func breakout(_ request: Request, context: AppRequestContext) throws -> BreakoutBody {
        let viewer = try context.require(.viewer)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        guard let open = try database.openBreakout(channel: channel.id) else {
            throw APIError(.notFound, "no breakout is on air on \(channel.id)", code: "not-found")
        }
        return BreakoutBody(open).shown(to: viewer)
    }

    /// Takes a source of the channel (by name) or a URL the live allow list accepts; 201 with the breakout.
    @Sendable func take(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<BreakoutBody> {
        let user = try context.require(.operator)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let order = try await request.decodeJSON(TakeRequest.self, context: context)
        guard let feeds else { throw Self.noLive() }
        guard let switcher else { throw Self.noLive() }
        let url: String
        if let named = try database.liveSource(channel: channel.id, name: order.source) {
            if let status = feeds.source(channel: channel.id, name: named.name)?.status, status.state == .up, !status.airable {
                throw APIError(.conflict, "\(named.name) cannot air: \(status.problems.joined(separator: "; "))", code: "not-airable")
            }
            url = named.url
        } else {
            try Self.check(order.source, path: "source", with: feeds)
            url = order.source
        }
        let record = try database.startBreakout(
            channel: channel.id, source: order.source, url: url, title: order.title, mode: order.return ?? .rejoin,
            at: Date(), plannedEnd: order.end, actor: user.name
        )
        guard switcher.take(channel: channel.id, LiveTake(record)) else {
            try database.endBreakout(channel: channel.id, at: Date(), actor: user.name)
            throw APIError(.conflict, "channel \(channel.id) is not on air: nothing to take over", code: "not-on-air")
        }
        return EditedResponse(status: .created, response: BreakoutBody(record))
    }

    @Sendable func giveBack(_ request: Request, context: AppRequestContext) throws -> BreakoutBody {
        let user = try context.require(.operator)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let record = try database.endBreakout(channel: channel.id, at: Date(), actor: user.name)
        switcher?.giveBack(channel: channel.id)
        return BreakoutBody(record)
    }

    /// 400 (with `path`) for a URL that is not a live source URL, 403 for a host off the allow list.
    private static func check(_ url: String, path: String, with feeds: LiveFeeds) throws(APIError) {
        do {
            _ = try feeds.policy.source(url)
        } catch where error.code == .refused {
            throw APIError(error)
        } catch {
            throw APIError.invalid("\(path) is not a live source this server may open", issues: [ValidationIssue(path: path, message: error.description)])
        }
    }

    private static func noLive() -> APIError {
        APIError(.serviceUnavailable, "this server airs no live sources", code: "no-live")
    }
}

extension LiveFeedStatus: ResponseEncodable {}
extension LiveSource: ResponseEncodable {}
