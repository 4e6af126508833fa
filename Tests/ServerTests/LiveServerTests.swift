import Foundation
import HummingbirdTesting
@testable import Server
import Testing

/// The real server on loopback, as a player meets it.
struct LiveServerTests {
    @Test func playerFetchesASignedPlaylistAndItsSegmentsOverTCP() async throws {
        let fixture = try ServerFixture()
        let signed = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "viewer-user")
        try await fixture.application().test(.live) { client throws in
            #expect(try await client.execute(uri: "/healthz", method: .get).text == "ok")
            let playlist = try await client.execute(uri: SignedURLTests.pathAndQuery(signed.url), method: .get)
            #expect(playlist.status == .ok && playlist.headers[.contentType] == "application/vnd.apple.mpegurl")
            let segmentURIs = playlist.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            for (index, uri) in segmentURIs.enumerated() {
                let segment = try await client.execute(uri: "/hls/news/\(uri)", method: .get)
                #expect(segment.status == .ok && Data(segment.body.readableBytesView) == ServerFixture.segmentBytes(index))
            }
            #expect(try await client.execute(uri: "/hls/news/segment-000666.ts", method: .get, headers: fixture.headers(.viewer)).status == .notFound)
        }
    }
}
