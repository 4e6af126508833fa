import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

/// Rule S2: player URLs signed for a channel folder, which expire and cannot be altered.
struct SignedURLTests {
    /// The path and query of `url`, for the test client.
    static func pathAndQuery(_ url: String) -> String {
        String(url.dropFirst("http://tv.example".count))
    }

    @Test func signedPlaylistPlaysWithoutHeadersAndItsSegmentURIsCarryTheSignature() async throws {
        let fixture = try ServerFixture()
        let signed = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "viewer-user")
        #expect(signed.url.hasPrefix("http://tv.example/hls/news/index.m3u8?user=viewer-user&expires="))
        let query = String(signed.url.split(separator: "?")[1])
        try await fixture.withClient { client throws in
            let playlist = try await client.execute(uri: Self.pathAndQuery(signed.url), method: .get)
            #expect(playlist.status == .ok)
            let uris = playlist.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
            #expect(uris == ServerFixture.segments.map { "\($0)?\(query)" })
            for uri in uris {
                let segment = try await client.execute(uri: "/hls/news/\(uri)", method: .get)
                #expect(segment.status == .ok && segment.headers[.contentType] == "video/mp2t")
            }
        }
    }

    @Test func tamperedSignedURLsAre403() async throws {
        let fixture = try ServerFixture()
        let signed = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "viewer-user")
        let path = Self.pathAndQuery(signed.url)
        let signature = String(path.suffix(64))
        let flipped = String(signature.prefix(63)) + (signature.hasSuffix("0") ? "1" : "0")
        let tampered = [
            path.replacingOccurrences(of: signature, with: flipped),
            path.replacingOccurrences(of: "user=viewer-user", with: "user=admin-user"),
            path.replacingOccurrences(of: "expires=\(signed.expires)", with: "expires=\(signed.expires + 3600)"),
            path.replacingOccurrences(of: "/hls/news/", with: "/hls/sports/"),
            path.replacingOccurrences(of: signature, with: "zz"),
            path.replacingOccurrences(of: "user=viewer-user&", with: ""),
        ]
        try await fixture.withClient { client throws in
            for uri in tampered {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .forbidden, "\(uri)")
            }
        }
    }

    @Test func expiredSignedURLIs403() async throws {
        let fixture = try ServerFixture()
        let signer = try URLSigner(settings: fixture.settings, database: fixture.database)
        let signed = try signer.signedPlaylistURL(channel: "news", user: "viewer-user", lifetime: -1)
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: Self.pathAndQuery(signed.url), method: .get)
            #expect(response.status == .forbidden)
            #expect(response.json["code"] as? String == "expired")
        }
    }

    @Test func aSignatureStaysValidAcrossRestartsAndLastsTheConfiguredLifetime() throws {
        let fixture = try ServerFixture()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "ana", now: now)
        let again = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "ana", now: now)
        #expect(first == again)
        #expect(first.expires == 1_800_000_000 + 12 * 3600)
    }

    @Test func playbackURLEndpointHandsTheCallerAWorkingSignedURL() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/api/channels/news/playback-url", method: .post, headers: fixture.headers(.viewer))
            #expect(response.status == .ok)
            let url = try #require(response.json["url"] as? String)
            #expect(url.contains("user=viewer-user&"))
            #expect((response.json["expires"] as? Int).map { $0 > Int(Date().timeIntervalSince1970) } == true)
            #expect(try await client.execute(uri: Self.pathAndQuery(url), method: .get).status == .ok)
            let unknown = try await client.execute(uri: "/api/channels/nowhere/playback-url", method: .post, headers: fixture.headers(.viewer))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func replacingAUsersTokenEndsTheURLsSignedForThem() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client throws in
            let before = try await client.execute(uri: "/api/channels/news/playback-url", method: .post, headers: fixture.headers(.viewer))
            let old = try #require(before.json["url"] as? String)
            #expect(try await client.execute(uri: Self.pathAndQuery(old), method: .get).status == .ok)
            let segment = "/hls/news/\(ServerFixture.segments[0])?\(old.split(separator: "?")[1])"
            #expect(try await client.execute(uri: segment, method: .get).status == .ok)
            let replaced = try await client.execute(uri: "/api/users", method: .post, headers: fixture.headers(.admin, [.contentType: "application/json"]),
                                                    body: ByteBuffer(string: #"{"name": "viewer-user", "role": "viewer"}"#))
            #expect(replaced.status == .created)
            let newToken = try #require(replaced.json["token"] as? String)
            // The server remembers a user's token hash for a few seconds, so segments cost no database read.
            try await Task.sleep(for: .seconds(URLSigner.generationLifetime + 1))
            for uri in [Self.pathAndQuery(old), segment] {
                let refused = try await client.execute(uri: uri, method: .get)
                #expect(refused.status == .forbidden, "\(uri)")
                #expect(refused.json["code"] as? String == "bad-signature")
            }
            let after = try await client.execute(uri: "/api/channels/news/playback-url", method: .post, headers: [.authorization: "Bearer \(newToken)"])
            let fresh = try #require(after.json["url"] as? String)
            #expect(fresh != old)
            #expect(try await client.execute(uri: Self.pathAndQuery(fresh), method: .get).status == .ok)
        }
    }
}
