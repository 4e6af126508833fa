import Foundation
import HummingbirdTesting
import Hummingbird
import Media
@testable import Server
import TestSupport
import Testing

/// No API answer tells where the server keeps its files: media are named by their path under the
/// media root or their id, uploads by the name their sender gave.
struct ServerPathsInAnswersTests {
    @Test func failedIngestsListingsWarningsAndMissingFilesNameNoServerPath() async throws {
        let fixture = try ServerFixture()
        let media = fixture.settings.mediaRoot
        let clip = fixture.folder.path("clip.mp4")
        try ProviderMedia.mp4(clip, seconds: 2)
        // A file the schedule cannot air: it holds subtitles only.
        let subtitles = fixture.folder.path("subtitles.srt")
        try "1\n00:00:00,000 --> 00:00:01,000\nHola\n".write(toFile: subtitles, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: media.appendingPathComponent("news"), withIntermediateDirectories: true)
        let converted = try ProcessRunner.run("ffmpeg", ["-nostdin", "-v", "error", "-i", subtitles, "-c:s", "mov_text", media.appendingPathComponent("news/subtitles.mp4").path])
        #expect(converted.status == 0, "\(converted.stderr)")

        let answers = try await fixture.withClient { [fixture] client throws -> [String] in
            func upload(_ body: Data, as name: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/media?title=Clip&provider=SPR&filename=\(name)", method: .post,
                                         headers: fixture.headers(.producer), body: ByteBuffer(data: body))
            }
            let failed = try await upload(Data(String(repeating: "not media ", count: 100).utf8), as: "broken.mp4")
            #expect(failed.json["status"] as? String == "failed")
            #expect((failed.json["error"] as? String)?.contains("upload:broken.mp4") == true, "\(failed.text)")
            let ready = try await upload(Data(contentsOf: URL(fileURLWithPath: clip)), as: "clip.mp4")
            #expect(ready.json["status"] as? String == "ready", "\(ready.text)")
            let readyID = ready.json["id"] as? Int ?? 0
            let asset = try await client.execute(uri: "/api/media/\(readyID)", method: .get, headers: fixture.headers(.viewer))
            #expect((asset.json["facts"] as? [String: Any])?["path"] as? String == asset.json["uri"] as? String)
            let listing = try await client.execute(uri: "/api/media", method: .get, headers: fixture.headers(.viewer))
            let job = try await client.execute(uri: "/api/jobs/\(try #require(fixture.database.jobs(in: .failed).first).id)", method: .get, headers: fixture.headers(.viewer))
            try FileManager.default.removeItem(at: media.appendingPathComponent(asset.json["uri"] as? String ?? ""))
            let missing = try await client.execute(uri: "/api/media/\(readyID)/file", method: .get, headers: fixture.headers(.viewer))
            #expect(missing.status == .notFound)
            let rundown = """
                {"channel": "news", "date": "\(ServerFixture.day)", "timezone": "America/Mexico_City",
                 "items": [{"id": "subs", "title": "Subtítulos", "source": {"kind": "production", "uri": "news/subtitles.mp4"}, "duration": 60}]}
                """
            let preview = try await client.execute(uri: "/api/channels/news/rundowns/\(ServerFixture.day)/preview", method: .post,
                                                   headers: fixture.headers(.producer), body: ByteBuffer(string: rundown))
            let warnings = (preview.json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(warnings.contains { $0.contains("probing news/subtitles.mp4: no audio or video stream") }, "\(preview.text)")
            return [failed, ready, asset, listing, job, missing, preview].map(\.text)
        }
        for answer in answers.map({ $0.replacingOccurrences(of: "\\/", with: "/") }) {
            #expect(!answer.contains(fixture.folder.url.path), "\(answer)")
        }
    }
}

@Test func aMediaFailureThatReachesARequestNamesTheFileNotWhereItIs() {
    let answer = APIError(MediaError(.read, "reading a packet from", subject: "/srv/sretv/media/library/ab12.ts", reason: "I/O error"))
    #expect(answer.status == .internalServerError)
    #expect(answer.body.error == "reading a packet from ab12.ts: I/O error")
}
