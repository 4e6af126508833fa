import Foundation
import HummingbirdTesting
@testable import Server
import Testing

/// Rules P4 and S3: what `/hls` serves, with which headers, and what it refuses.
struct HLSServingTests {
    @Test func playlistIsServedAsMpegURLWithAShortCacheLife() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/hls/news/index.m3u8", method: .get, headers: fixture.headers(.viewer))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.apple.mpegurl")
            #expect(response.headers[.cacheControl] == "max-age=1")
            #expect(response.headers[.location] == nil)
            #expect(response.text == ServerFixture.playlist)
        }
    }

    @Test func segmentIsServedWholeAsAnImmutableTransportStream() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for (index, name) in ServerFixture.segments.enumerated() {
                let response = try await client.execute(uri: "/hls/news/\(name)", method: .get, headers: fixture.headers(.viewer))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "video/mp2t")
                #expect(response.headers[.cacheControl] == "public, max-age=86400, immutable")
                #expect(Data(response.body.readableBytesView) == ServerFixture.segmentBytes(index))
            }
        }
    }

    @Test func missingPlaylistOrSegmentIs404() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for uri in ["/hls/sports/index.m3u8", "/hls/sports/segment-000001.ts", "/hls/news/segment-000099.ts", "/hls/nowhere/index.m3u8"] {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.viewer))
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.json["error"] is String)
            }
        }
    }

    @Test(arguments: [
        "/hls/news/..", "/hls/news/%2e%2e", "/hls/news/..%2fsecret.txt", "/hls/news/%2e%2e%2fsecret.txt",
        "/hls/news/segment-000001.ts%2f..%2f..%2fsecret.txt", "/hls/news/..%5csecret.txt", "/hls/news/segment-000001.ts%00",
        "/hls/news/segment-000001.ts%00.txt", "/hls/news/segment-1.ts", "/hls/news/SEGMENT-000001.TS", "/hls/news/index.m3u8.bak",
        "/hls/news/../secret.txt", "/hls/news/../../../../etc/passwd", "/hls/..%2f..%2fetc/passwd", "/hls/%2e%2e/secret.txt",
        "/hls/news/segment-000666.ts",
    ])
    func pathTraversalNeverReachesAFileOutsideTheChannelFolder(_ uri: String) async throws {
        let fixture = try ServerFixture()
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin))
            #expect(response.status == .badRequest || response.status == .notFound, "\(uri): \(response.status)")
            #expect(!response.text.contains("not for viewers"))
            #expect(!response.text.contains(passwd.prefix(20)))
        }
    }
}
