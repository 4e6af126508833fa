import Foundation
import TestSupport
import Testing

/// `sretv media provider set`, `media ingest` and `media list` against a stand-in provider on loopback.
@Suite(.serialized) struct MediaCommandTests {
    let data: TemporaryDirectory
    let served: String

    init() throws {
        data = try TemporaryDirectory("sretv-media-cli")
        served = data.path("served")
        try ProviderMedia.mp4(served + "/clip.mp4", seconds: 4)
    }

    func run(_ arguments: String...) throws -> ProcessResult {
        try SREtvBinary.run(["media"] + arguments + ["--data", data.path("data")])
    }

    @Test func ingestFromAListedHostEndsReadyAndListsTheAsset() throws {
        let server = try StandInProvider(directory: served)
        #expect(try run("provider", "set", "Notimex", "--hosts", "127.0.0.1").stdout.contains("Notimex: 127.0.0.1"))
        let ingest = try run("ingest", server.url("clip.mp4"), "--provider", "Notimex", "--title", "Boletín")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("ready: library/notimex/1-boletin.mp4"))
        #expect(ingest.stderr.contains("100.0 %"))
        let list = try run("list", "--json")
        let assets = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(assets?.first?["status"] as? String == "ready")
        #expect((assets?.first?["checksum"] as? String)?.count == 64)
        #expect(FileManager.default.fileExists(atPath: data.path("data/media/library/notimex/1-boletin.mp4")))
    }

    @Test func ingestFromAHostOffTheListExits1WithTheReasonAndRecordsNothing() throws {
        let refused = try run("ingest", "http://127.0.0.1:9/clip.mp4", "--provider", "SPR", "--title", "Clip")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("host 127.0.0.1 is not on the allow list (no host is allowed yet)"))
        #expect(try run("list").stdout.isEmpty)
    }

    @Test func validateWithDataListsTheVerdictWarningsOfLibraryAssetsAtTheirJSONPaths() throws {
        let server = try StandInProvider(directory: served)
        _ = try run("provider", "set", "Notimex", "--hosts", "127.0.0.1")
        let ingest = try run("ingest", server.url("clip.mp4"), "--provider", "Notimex", "--title", "Boletín")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // The generated clip's tone peaks at 0.25 of full scale: about -12 LUFS, 11 LU over the -23 target.
        let loudness = try #require(ingest.stdout.split(separator: "\n").first { $0.hasPrefix("warning: integrated loudness -1") })
        let rundown = data.path("rundown.json")
        try """
            {"channel": "news", "date": "2026-12-01", "timezone": "America/Mexico_City", "items": [
              {"id": "a", "title": "Own", "source": {"kind": "production", "uri": "own/a.mp4"}, "duration": 10},
              {"id": "b", "title": "Boletín", "source": {"kind": "public", "provider": "Notimex", "uri": "library/notimex/1-boletin.mp4"}}]}
            """.write(toFile: rundown, atomically: true, encoding: .utf8)
        let validated = try SREtvBinary.run(["validate", rundown, "--data", data.path("data")])
        #expect(validated.status == 0, "\(validated.stderr)")
        let lines = validated.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("warning: items[1].source.uri: " + loudness.dropFirst("warning: ".count)), "\(validated.stdout)")
        #expect(!lines.contains { $0.hasPrefix("warning: items[0]") })
        #expect(lines.last?.hasSuffix("valid rundown for news on 2026-12-01, 2 items, \(lines.count - 1) warnings") == true)
        let missing = try SREtvBinary.run(["validate", rundown, "--data", data.path("nowhere")])
        #expect(missing.status == 1 && missing.stderr.contains("no database at"))
    }

    @Test func serveRefusesAnUploadOverItsUploadLimitWith413() throws {
        let created = try SREtvBinary.run(["user", "add", "ana", "--role", "producer", "--data", data.path("data")])
        let token = try #require(created.stdout.split(separator: "\n").last.map(String.init), "\(created.stderr)")
        let port = ServerProcess.randomPort()
        let server = try ServerProcess(["--data", data.path("data"), "--upload-limit", "1000"], port: port, log: data.url.appendingPathComponent("serve.log"))
        try server.waitUntilReady()
        defer { server.stop() }
        let url = "\(server.baseURL)/api/media?title=Clip&provider=SPR&filename=clip.mp4"
        let refused = try HTTPClient.request("POST", url, token: token, json: String(repeating: "x", count: 5000))
        #expect(refused.status == 413, "\(refused.body)")
        #expect(refused.body.contains("larger than the 1000-byte limit"))
        let invalid = try SREtvBinary.run(["serve", "--data", data.path("data"), "--upload-limit", "0"])
        #expect(invalid.status != 0 && invalid.stderr.contains("--upload-limit must be at least 1 byte"))
    }
}
