import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Server
import Store
import Testing

/// Rule S1: every endpoint family answers 401 without valid credentials, 403 below its role and
/// works from its role up.
struct RoleTests {
    /// One request of an endpoint family and the least role it needs.
    struct Family: Sendable, CustomTestStringConvertible {
        var name: String
        var method: HTTPRequest.Method
        var uri: String
        var body: String?
        var needs: User.Role

        var testDescription: String { name }
    }

    static let families: [Family] = [
        Family(name: "metrics", method: .get, uri: "/metrics", needs: .viewer),
        Family(name: "channel list", method: .get, uri: "/api/channels", needs: .viewer),
        Family(name: "playlist", method: .get, uri: "/hls/news/index.m3u8", needs: .viewer),
        Family(name: "segment", method: .get, uri: "/hls/news/segment-000001.ts", needs: .viewer),
        Family(name: "timeline", method: .get, uri: "/api/channels/news/timeline?from=2026-03-02", needs: .viewer),
        Family(name: "now", method: .get, uri: "/api/channels/news/now", needs: .viewer),
        Family(name: "as-run", method: .get, uri: "/api/channels/news/asrun?date=2026-03-02", needs: .viewer),
        Family(name: "guide", method: .get, uri: "/epg.xml?from=2026-03-02", needs: .viewer),
        Family(name: "channel m3u", method: .get, uri: "/channels.m3u", needs: .viewer),
        Family(name: "playback URL", method: .post, uri: "/api/channels/news/playback-url", needs: .viewer),
        Family(name: "rundown save", method: .put, uri: "/api/channels/news/rundowns/2026-03-02", body: "rundown", needs: .producer),
        Family(name: "rundown publish", method: .post, uri: "/api/channels/news/rundowns/2026-03-02/publish", needs: .producer),
        Family(name: "channel create", method: .post, uri: "/api/channels", body: #"{"id": "culture", "name": "Cultura", "timezone": "Europe/Madrid"}"#, needs: .admin),
        Family(name: "user list", method: .get, uri: "/api/users", needs: .admin),
        Family(name: "user add", method: .post, uri: "/api/users", body: #"{"name": "new-viewer", "role": "viewer"}"#, needs: .admin),
    ]

    @Test(arguments: families)
    func everyRoleGetsWhatItMayAndNoMore(_ family: Family) async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            // Publishing needs a saved version.
            try await client.execute(uri: "/api/channels/news/rundowns/2026-03-02", method: .put, headers: fixture.headers(.admin), body: ServerFixture.rundown("v1"))
            for role in [nil] + User.Role.allCases {
                let body = family.body.map { $0 == "rundown" ? ServerFixture.rundown("by \(role?.rawValue ?? "nobody")") : ByteBuffer(string: $0) }
                let status = try await client.execute(uri: family.uri, method: family.method, headers: fixture.headers(role), body: body).status
                switch role {
                case nil: #expect(status == .unauthorized, "\(family.name) without login")
                case let role? where role < family.needs: #expect(status == .forbidden, "\(family.name) as \(role)")
                // A second save from no base, or a second channel of the same id, conflicts: the role check passed.
                case let role?: #expect(status.kind == .successful || status == .conflict, "\(family.name) as \(role): \(status)")
                }
            }
        }
    }

    @Test func unknownOrMalformedTokensAreRefusedWith401AndAChallenge() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for header in ["Bearer not-a-token", "Basic YWRtaW46YWRtaW4=", "Bearer ", "\(fixture.tokens[.admin]!)"] {
                let response = try await client.execute(uri: "/api/channels", method: .get, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"sretv\"")
                #expect(response.json["error"] is String)
            }
        }
    }

    @Test func aReplacedTokenStopsWorking() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.database.addUser(name: "viewer-user", role: .viewer, actor: "admin")
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/api/channels", method: .get, headers: fixture.headers(.viewer))
            #expect(response.status == .unauthorized)
        }
    }
}
