import Foundation
import Playout
import Store

/// What a control room follows of one channel, read afresh at each look: what airs now (as
/// `GET …/now` answers it, `null` off air), its live sources (as `GET …/sources`) and the open
/// breakout (as `GET …/breakout`, `null` when none).
struct ChannelEvents {
    /// One server-sent event.
    struct Event: Equatable {
        /// The `event:` field.
        var name: String
        /// The `data:` field: JSON on one line.
        var data: String
        /// What tells whether the event changed since it was last sent: `now` ignores the position
        /// and sequence number, which change every second (the client counts down by itself).
        var identity: Data

        /// The event in the `text/event-stream` format.
        var text: String { "event: \(name)\ndata: \(data)\n\n" }
    }

    let channel: String
    let database: AppDatabase
    let live: any LiveOutput
    let feeds: LiveFeeds?
    /// Who follows the events: the sources' secrets are redacted for anyone below operator.
    let viewer: Identity

    /// The events of this moment, in a fixed order.
    func current() throws -> [Event] {
        let now = live.nowPlaying(channel: channel)
        let steady = now.map { NowPlaying(channel: $0.channel, onAir: $0.onAir, next: $0.next, position: 0, mediaSequence: 0) }
        let sources = try LiveController.sources(of: channel, database: database, feeds: feeds, shownTo: viewer)
        let breakout = try database.openBreakout(channel: channel).map { LiveController.BreakoutBody($0).shown(to: viewer) }
        return [
            try Self.event("now", now, identity: steady),
            try Self.event("sources", sources),
            try Self.event("breakout", breakout),
        ]
    }

    private static func event(_ name: String, _ value: some Encodable, identity: (some Encodable)? = nil as Int?) throws -> Event {
        let data = try APIError.encoder.encode(value)
        return Event(name: name, data: String(decoding: data, as: UTF8.self), identity: try identity.map { try APIError.encoder.encode($0) } ?? data)
    }
}
