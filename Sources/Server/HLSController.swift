import Foundation
import Hummingbird
import Playout
import Store

/// `/hls/{channel}/index.m3u8` and `/hls/{channel}/{segment}`: the live playlist and its segments
/// (rules P4 and S3), for a bearer token of any role or a signed URL of the channel's folder.
struct HLSController {
    let live: any LiveOutput
    let signer: URLSigner
    let metrics: ServerMetrics
    let viewers = ViewerTracker()
    let fileIO = FileIO()

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("{channel}/index.m3u8", use: playlist)
            .get("{channel}/{segment}", use: segment)
    }

    @Sendable func playlist(_ request: Request, context: AppRequestContext) async throws -> Response {
        let channel = try channelID(context)
        let (signed, viewer) = try authorize(request, context: context, channel: channel)
        guard let text = live.playlist(channel: channel) else { throw APIError(.notFound, "channel \(channel) has no live playlist; it is not on air") }
        metrics.setViewers(viewers.saw(viewer, on: channel), channel: channel)
        let body = signed.map { SignedPlaylist.rewrite(text, query: $0) } ?? text
        // At most half the 2 s target duration, so players see each new segment in time (P4).
        let headers: HTTPFields = [.contentType: "application/vnd.apple.mpegurl", .cacheControl: "max-age=1"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    @Sendable func segment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let channel = try channelID(context)
        let name = try context.parameters.require("segment")
        _ = try authorize(request, context: context, channel: channel)
        guard SegmentName.isValid(name) else {
            throw APIError(.badRequest, "\(String(reflecting: name)) is not a segment name; expected segment-, the media sequence number (six digits or more) and .ts, e.g. segment-000042.ts")
        }
        guard let folder = live.segmentDirectory(channel: channel) else { throw APIError(.notFound, "channel \(channel) has no segments") }
        let path = folder.appendingPathComponent(name).path
        // attributesOfItem does not follow a symbolic link, so a link named like a segment is refused unread.
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular else {
            throw APIError(.notFound, "segment \(name) of channel \(channel) does not exist (or left the window)")
        }
        let headers: HTTPFields = [.contentType: "video/mp2t", .cacheControl: "public, max-age=86400, immutable"]
        return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
    }

    /// The signed query when the request is a signed one for `channel`'s folder (otherwise the
    /// request needs a bearer token of any role), and the user it plays for.
    private func authorize(_ request: Request, context: AppRequestContext, channel: String) throws(APIError) -> (SignedQuery?, String) {
        guard let signed = try SignedQuery(request) else {
            return (nil, try context.require(.viewer).name)
        }
        try signer.verify(signed, channel: channel)
        return (signed, signed.user)
    }

    /// The channel the path names; 404 at once for an id that cannot exist, so only valid ids reach `live`.
    private func channelID(_ context: AppRequestContext) throws -> String {
        let channel = try context.parameters.require("channel")
        guard Channel.isValidID(channel) else { throw APIError(.notFound, "there is no channel \(String(reflecting: channel))") }
        return channel
    }
}
