import Foundation
import Hummingbird
import Playout
import Scheduling
import Store

/// For set-top boxes and IPTV players: `GET /epg.xml` (XMLTV guide of every channel) and
/// `GET /channels.m3u` (every channel's playlist, signed for the requesting user so players need no headers).
struct GuideController {
    /// Days the guide covers when the request names none: today and the six after it.
    static let defaultDays = 7

    let schedule: StoredSchedule
    let signer: URLSigner

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("epg.xml", use: guide)
            .get("channels.m3u", use: channelList)
    }

    /// `?from=&to=`; each defaults per channel to today in its zone (through six days after `from`),
    /// at most `ScheduleController.maximumDays` days. Resolved on `OffPool.documents`: a long guide
    /// over big rundowns probes media and takes a while, and must not hold the threads that answer playlists.
    @Sendable func guide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(.viewer)
        let from = try BroadcastDate.query("from", of: request)
        let to = try BroadcastDate.query("to", of: request)
        let channels = try listings(for: viewer)
        let ranges = try channels.map { channel, _ throws in
            let start = from ?? BroadcastDate(of: Date(), in: channel.timeZone)
            let end = to ?? start.adding(days: Self.defaultDays - 1)
            try ScheduleController.checkRange(from: start, through: end)
            return (start, end)
        }
        let document = try await OffPool.documents.run { [schedule] in
            let guides = try zip(channels, ranges).map { channel, range in
                ChannelGuide(channel: channel.listing, timeline: try schedule.timeline(channel: channel.channel.id, from: range.0, through: range.1).timeline)
            }
            return XMLTV.document(guides)
        }
        return Self.text(document, contentType: "application/xml; charset=utf-8")
    }

    @Sendable func channelList(_ request: Request, context: AppRequestContext) throws -> Response {
        let viewer = try context.require(.viewer)
        return Self.text(M3U.channelList(try listings(for: viewer).map(\.listing)), contentType: "audio/x-mpegurl; charset=utf-8")
    }

    /// Every channel with its listing, the stream URL signed for `viewer`.
    private func listings(for viewer: Identity) throws(StoreError) -> [(channel: Channel, listing: ChannelListing)] {
        try schedule.database.channels().map { channel throws(StoreError) in
            let url = try signer.signedPlaylistURL(channel: channel.id, user: viewer.name).url
            return (channel, ChannelListing(id: channel.id, name: channel.name, group: "SREtv", streamURL: url))
        }
    }

    private static func text(_ text: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
