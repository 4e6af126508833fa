import Foundation
import Logging
import Media
@testable import Server
import Store
import TestSupport
import Testing

/// `MEDIA/incoming/<provider>/`: a file copied in is filed into the library once it stops growing.
struct WatchFolderTests {
    @Test func aClipCopiedIntoIncomingBecomesAReadyAssetAndLeavesTheFolder() async throws {
        let fixture = try ServerFixture()
        let clip = fixture.folder.path("clip.mp4")
        try ProviderMedia.mp4(clip, seconds: 2)
        let source = try MediaProbe.probe(clip)
        let ingest = MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot)
        let watch = WatchFolder(ingest: ingest, interval: .milliseconds(100), logger: Logger(label: "sretv-test"))
        let dropped = watch.folder.appendingPathComponent("Canal Once/Noticias de hoy.mp4")
        try FileManager.default.createDirectory(at: dropped.deletingLastPathComponent(), withIntermediateDirectories: true)
        let running = Task { try await watch.run() }
        defer { running.cancel() }
        try FileManager.default.copyItem(atPath: clip, toPath: dropped.path)

        var asset: MediaAsset?
        for _ in 0..<200 where asset == nil {
            try await Task.sleep(for: .milliseconds(50))
            asset = try fixture.database.assets().first { $0.status != .ingesting }
        }
        let filed = try #require(asset)
        #expect(filed.status == .ready, "\(filed.error ?? "")")
        #expect(filed.title == "Noticias de hoy")
        #expect(filed.provider == "Canal Once")
        #expect(abs((filed.duration ?? 0) - source.duration) <= 0.04)
        #expect(FileManager.default.fileExists(atPath: fixture.settings.mediaRoot.appendingPathComponent(filed.uri).path))
        #expect(!FileManager.default.fileExists(atPath: dropped.path))
    }

    @Test func aFileStillGrowingWaitsForTwoPollsWithTheSameSize() throws {
        let fixture = try ServerFixture()
        let clip = fixture.folder.path("clip.mp4")
        try ProviderMedia.mp4(clip, seconds: 1)
        let watch = WatchFolder(ingest: MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot), logger: Logger(label: "sretv-test"))
        let dropped = watch.folder.appendingPathComponent("Canal Once/clip.mp4")
        try FileManager.default.createDirectory(at: dropped.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try Data(contentsOf: URL(fileURLWithPath: clip))
        try data.prefix(1000).write(to: dropped)
        let first = watch.poll([:])
        try data.write(to: dropped)
        let second = watch.poll(first)
        #expect(second[dropped] == Int64(data.count))
        #expect(try fixture.database.assets().isEmpty)
        #expect(watch.poll(second).isEmpty)
        #expect(try fixture.database.assets().map(\.status) == [.ready])
        #expect(!FileManager.default.fileExists(atPath: dropped.path))
    }
}
