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
}
