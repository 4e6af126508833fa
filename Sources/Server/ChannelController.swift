import Foundation
import Hummingbird
import Store

/// `/api/channels`: list channels (viewer), create one (admin), and hand a viewer a signed
/// playback URL (`POST /api/channels/{channel}/playback-url`).
struct ChannelController {
    /// A channel as the API shows it.
    struct ChannelBody: ResponseEncodable {
        var id: String
        var name: String
        var timezone: String
        var filler: String?
        var createdAt: Date

        init(_ channel: Channel) {
            (id, name, timezone, filler, createdAt) = (channel.id, channel.name, channel.timeZone.identifier, channel.filler, channel.createdAt)
        }
    }

    /// The body of `POST /api/channels`.
    struct NewChannel: Decodable {
        var id: String
        var name: String
        var timezone: String
        var filler: String?
    }

    let database: AppDatabase
    let signer: URLSigner

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: list)
            .post(use: create)
            .post("{channel}/playback-url", use: playbackURL)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) throws -> [ChannelBody] {
        _ = try context.require(.viewer)
        return try database.channels().map(ChannelBody.init)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ChannelBody> {
        let admin = try context.require(.admin)
        let new = try await request.decodeJSON(NewChannel.self, context: context)
        let channel = try database.createChannel(id: new.id, name: new.name, timeZone: new.timezone, filler: new.filler, actor: admin.name)
        return EditedResponse(status: .created, response: ChannelBody(channel))
    }

    @Sendable func playbackURL(_ request: Request, context: AppRequestContext) throws -> SignedURL {
        let viewer = try context.require(.viewer)
        let channel = try database.existingChannel(try context.parameters.require("channel"))
        return try signer.signedPlaylistURL(channel: channel.id, user: viewer.name)
    }
}

extension SignedURL: ResponseEncodable {}
