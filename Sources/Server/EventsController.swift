import Foundation
import Hummingbird
import Logging
import Playout
import ServiceLifecycle
import Store

/// `GET /api/channels/{channel}/events` (viewer): server-sent events (`text/event-stream`) with
/// `now`, `sources` and `breakout` (`ChannelEvents`), all three at once and then each whenever it
/// changes, looked at every second; a comment line after some seconds without one. The stream ends
/// when the client goes away (the next write fails), when the server shuts down, and after
/// `ServerSettings.eventStreamLifetime`, after which `EventSource` reconnects by itself.
struct EventsController {
    /// How often the channel's state is looked at.
    static let interval = Duration.seconds(1)
    /// The longest silence: then a comment line is written, which keeps proxies from closing the
    /// connection and finds out that a client went away.
    static let heartbeat = Duration.seconds(5)
    /// What `EventSource` waits before reconnecting, in milliseconds.
    static let retryMilliseconds = 2000

    let database: AppDatabase
    let live: any LiveOutput
    let feeds: LiveFeeds?
    let metrics: ServerMetrics
    /// How long one stream lasts.
    let lifetime: TimeInterval

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get("events", use: events)
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) throws -> Response {
        let viewer = try context.require(.viewer)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        let events = ChannelEvents(channel: channel.id, database: database, live: live, feeds: feeds, viewer: viewer)
        let (metrics, lifetime, logger) = (metrics, lifetime, context.logger)
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            metrics.addEventStreams(1, channel: channel.id)
            defer { metrics.addEventStreams(-1, channel: channel.id) }
            try await Self.stream(events, to: &writer, for: lifetime, logger: logger)
            try await writer.finish(nil)
        })
    }

    /// Writes `events` as they change until `lifetime` is over or the server shuts down; throws when
    /// a write fails (the client went away). A store failure is logged and ends the stream.
    private static func stream(_ events: ChannelEvents, to writer: inout any ResponseBodyWriter, for lifetime: TimeInterval, logger: Logger) async throws {
        let clock = ContinuousClock()
        let end = clock.now + .seconds(lifetime)
        var sent: [String: Data] = [:]
        var lastWrite = clock.now
        try await writer.write(ByteBuffer(string: "retry: \(retryMilliseconds)\n\n"))
        while clock.now < end, !Task.isShuttingDownGracefully {
            let changed: [ChannelEvents.Event]
            do {
                changed = try events.current().filter { sent[$0.name] != $0.identity }
            } catch {
                logger.error("events of \(events.channel) ended: \(error)")
                return
            }
            var text = changed.map(\.text).joined()
            for event in changed { sent[event.name] = event.identity }
            if text.isEmpty, clock.now - lastWrite >= heartbeat { text = ": heartbeat\n\n" }
            if !text.isEmpty {
                try await writer.write(ByteBuffer(string: text))
                lastWrite = clock.now
            }
            try await Task.sleep(for: interval)
        }
    }
}
