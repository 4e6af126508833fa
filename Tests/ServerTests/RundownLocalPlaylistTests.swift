import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import TestSupport
import Testing

/// A playlist left in the media root (e.g. in the watch folder, which leaves what it cannot file)
/// and named in a rundown never airs what it lists from elsewhere on the server: its slot airs slate.
@Test func aRundownNamingALocalPlaylistAirsSlateAndSaysWhy() async throws {
    let fixture = try ServerFixture()
    let secret = fixture.folder.path("secret")
    try ProviderMedia.mp4(secret + "/clip.mp4", seconds: 4)
    try ProviderMedia.hls(from: secret + "/clip.mp4", into: secret + "/vod")
    let dropped = fixture.settings.mediaRoot.appendingPathComponent("incoming/Canal Once/list.m3u8")
    try FileManager.default.createDirectory(at: dropped.deletingLastPathComponent(), withIntermediateDirectories: true)
    try String(contentsOfFile: secret + "/vod/index.m3u8", encoding: .utf8).split(separator: "\n")
        .map { $0.hasPrefix("segment-") ? "\(secret)/vod/\($0)" : String($0) }.joined(separator: "\n")
        .write(to: dropped, atomically: true, encoding: .utf8)
    let rundown = """
        {"channel": "news", "date": "\(ServerFixture.day)", "timezone": "America/Mexico_City",
         "items": [{"id": "list", "title": "Lista", "source": {"kind": "production", "uri": "incoming/Canal Once/list.m3u8"}, "duration": 4}]}
        """
    try await fixture.withClient { [fixture] client throws in
        let preview = try await client.execute(uri: "/api/channels/news/rundowns/\(ServerFixture.day)/preview", method: .post,
                                               headers: fixture.headers(.producer), body: ByteBuffer(string: rundown))
        let entries = (preview.json["timeline"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.first?["plays"] as? String == "slate", "\(preview.text)")
        let warnings = (preview.json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(warnings.contains { $0.contains("reading incoming/Canal Once/list.m3u8: it is an HLS playlist (hls)") }, "\(warnings)")
    }
}
