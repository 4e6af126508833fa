import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import TestSupport
import Testing

/// What the studio shows of a library asset: its file with byte ranges (as `<video>` asks) and a
/// thumbnail, both for any role, 409 while there is no file.
struct MediaPreviewAPITests {
    @Test func fileAnswersWholeAndByRangesAndThumbnailIsAJPEG() async throws {
        let fixture = try ServerFixture()
        let clip = fixture.folder.path("clip.mp4")
        try ProviderMedia.mp4(clip, seconds: 2, format: "320x180@25")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        try await fixture.withClient { client throws in
            let created = try await client.execute(uri: "/api/media?title=Clip&provider=Canal%20Once&filename=clip.mp4", method: .post,
                                                   headers: fixture.headers(.producer), body: ByteBuffer(data: bytes))
            let id = try #require(created.json["id"] as? Int)
            let stored = try Data(contentsOf: fixture.settings.mediaRoot.appendingPathComponent(created.json["uri"] as? String ?? ""))
            let whole = try await client.execute(uri: "/api/media/\(id)/file", method: .get, headers: fixture.headers(.viewer))
            #expect(whole.status == .ok && whole.headers[.contentType] == "video/mp4" && whole.headers[.acceptRanges] == "bytes")
            #expect(Data(whole.body.readableBytesView) == stored)
            for (range, expected, contentRange) in [
                ("bytes=0-99", stored.prefix(100), "bytes 0-99/\(stored.count)"),
                ("bytes=100-", stored.dropFirst(100), "bytes 100-\(stored.count - 1)/\(stored.count)"),
                ("bytes=-10", stored.suffix(10), "bytes \(stored.count - 10)-\(stored.count - 1)/\(stored.count)"),
            ] {
                let part = try await client.execute(uri: "/api/media/\(id)/file", method: .get, headers: fixture.headers(.viewer, [.range: range]))
                #expect(part.status == .partialContent && part.headers[.contentRange] == contentRange, "\(range)")
                #expect(Data(part.body.readableBytesView) == Data(expected), "\(range)")
            }
            let past = try await client.execute(uri: "/api/media/\(id)/file", method: .get, headers: fixture.headers(.viewer, [.range: "bytes=\(stored.count)-"]))
            #expect(past.status == .rangeNotSatisfiable && past.headers[.contentRange] == "bytes */\(stored.count)")

            let thumbnail = try await client.execute(uri: "/api/media/\(id)/thumbnail", method: .get, headers: fixture.headers(.viewer))
            #expect(thumbnail.status == .ok && thumbnail.headers[.contentType] == "image/jpeg")
            #expect(Array(thumbnail.body.readableBytesView.prefix(3)) == [0xFF, 0xD8, 0xFF])
            #expect(try await client.execute(uri: "/api/media/\(id)/file", method: .get).status == .unauthorized)
        }
    }

    @Test func assetsWithoutAFileAre409AndUnknownOnes404() async throws {
        let fixture = try ServerFixture()
        let ingest = try fixture.database.createIngest(.init(sourceURL: "http://192.0.2.7/a.mp4", provider: "SPR", title: "A", fileExtension: "mp4"), actor: "setup")
        try await fixture.withClient { client throws in
            for uri in ["/api/media/\(ingest.asset.id)/file"] {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.viewer))
                #expect(response.status == .conflict && response.json["code"] as? String == "wrong-state", "\(uri)")
            }
            for uri in ["/api/media/999/file", "/api/media/999/thumbnail"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: fixture.headers(.viewer)).status == .notFound, "\(uri)")
            }
        }
    }
}
