import Foundation
import HummingbirdTesting
import Media
import Hummingbird
@testable import Server
import Store
import TestSupport
import Testing

/// `POST /api/media`: a file streamed into the library, refused past the size limit, producers only.
@Suite(.serialized) struct MediaUploadTests {
    let fixture: ServerFixture
    var library: URL { fixture.settings.mediaRoot.appendingPathComponent("library") }

    init() throws {
        fixture = try ServerFixture()
    }

    /// Uploads `body` as `role`.
    func upload(_ client: any TestClientProtocol, _ body: Data, role: User.Role = .producer) async throws -> TestResponse {
        try await client.execute(uri: "/api/media?title=Clip%20subido&provider=Canal%20Once&filename=clip.mp4", method: .post,
                                 headers: fixture.headers(role), body: ByteBuffer(data: body))
    }

    @Test func anUploadedClipBecomesAReadyAssetWithTheProbedDurationAndChecksum() async throws {
        let clip = fixture.folder.path("clip.mp4")
        try ProviderMedia.mp4(clip, seconds: 4)
        let source = try MediaProbe.probe(clip)
        let data = try Data(contentsOf: URL(fileURLWithPath: clip))
        try await fixture.withClient { [fixture] client throws in
            let created = try await upload(client, data)
            #expect(created.status == .created, "\(created.text)")
            let asset = created.json
            #expect(asset["status"] as? String == "ready", "\(asset)")
            #expect(abs((asset["duration"] as? Double ?? 0) - source.duration) <= 0.04)
            #expect(asset["sourceURL"] as? String == "upload:clip.mp4")
            #expect(created.headers[.location] == "/api/media/\(asset["id"] as? Int ?? 0)")
            let file = fixture.settings.mediaRoot.appendingPathComponent(asset["uri"] as? String ?? "").path
            #expect(try FileChecksum.sha256(of: file) == asset["checksum"] as? String)
        }
        let leftovers = FileManager.default.subpaths(atPath: library.path)?.filter { $0.hasSuffix(".partial") }
        #expect(leftovers == [])
    }

    @Test func aBodyOverTheLimitIs413AndLeavesNoFile() async throws {
        var small = fixture
        small.settings.maxUploadBytes = 1000
        try await small.withClient { client throws in
            let refused = try await upload(client, Data(repeating: 0x47, count: 5000))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.json["code"] as? String == "too-large")
        }
        #expect(FileManager.default.subpaths(atPath: library.path) ?? [] == [])
        #expect(try fixture.database.assets().isEmpty)
    }

    @Test func aViewerMayNotUpload() async throws {
        try await fixture.withClient { client throws in
            #expect(try await upload(client, Data("x".utf8), role: .viewer).status == .forbidden)
        }
        #expect(try fixture.database.assets().isEmpty)
    }

    @Test func aBodyWithoutContentLengthIsCutOffAtTheLimitAndLeavesNoFile() async throws {
        let file = fixture.folder.url.appendingPathComponent("upload.partial")
        let request = Request(head: .init(method: .post, scheme: "http", authority: "tv.example", path: "/api/media"),
                              body: .init(buffer: ByteBuffer(repeating: 0x47, count: 5000)))
        let error = await #expect(throws: APIError.self) { try await request.writeBody(to: file, limit: 1000) }
        #expect(error?.status == .contentTooLarge)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aPlaylistNamingFilesElsewhereOnTheServerIs415AndFilesNothing() async throws {
        // Media outside the media root, and upload bodies that name it: an HLS playlist listing its
        // segments by absolute path, and an ffconcat list naming one relative to the library.
        let secret = fixture.folder.path("secret")
        try ProviderMedia.mp4(secret + "/clip.mp4", seconds: 4)
        try ProviderMedia.hls(from: secret + "/clip.mp4", into: secret + "/vod")
        let playlist = try String(contentsOfFile: secret + "/vod/index.m3u8", encoding: .utf8).split(separator: "\n")
            .map { $0.hasPrefix("segment-") ? "\(secret)/vod/\($0)" : String($0) }.joined(separator: "\n")
        let concat = "ffconcat version 1.0\nfile ../../secret/clip.mp4\n"
        try await fixture.withClient { [fixture] client throws in
            for (body, kind) in [(playlist, "an HLS playlist (hls)"), (concat, "an ffconcat list (concat)")] {
                let refused = try await upload(client, Data(body.utf8))
                #expect(refused.status == .unsupportedMediaType, "\(refused.text)")
                #expect(refused.json["code"] as? String == "not-self-contained")
                let message = refused.json["error"] as? String ?? ""
                #expect(message.hasPrefix("reading upload:clip.mp4: it is \(kind), not a file that holds its media itself"), "\(message)")
                #expect(!message.contains(fixture.folder.url.path))
            }
        }
        #expect(try fixture.database.assets().isEmpty)
        #expect(try fixture.database.jobs(in: .done).isEmpty)
        #expect(FileManager.default.subpaths(atPath: library.path) ?? [] == [])
    }

    @Test func anUnknownProviderIs404BeforeTheBodyIsStored() async throws {
        try await fixture.withClient { client throws in
            let refused = try await client.execute(uri: "/api/media?title=x&provider=Nobody&filename=clip.mp4", method: .post,
                                                   headers: fixture.headers(.producer), body: ByteBuffer(string: "x"))
            #expect(refused.status == .notFound)
        }
        #expect(FileManager.default.subpaths(atPath: library.path) == nil)
    }
}
