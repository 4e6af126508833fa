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
        let first = watch.poll(.init())
        try data.write(to: dropped)
        let second = watch.poll(first)
        #expect(second.sizes[dropped] == Int64(data.count))
        #expect(try fixture.database.assets().isEmpty)
        #expect(watch.poll(second) == .init())
        #expect(try fixture.database.assets().map(\.status) == [.ready])
        #expect(!FileManager.default.fileExists(atPath: dropped.path))
    }

    @Test func filesThatCannotBeFiledAreLeftInPlaceWithOneWarningEach() throws {
        let fixture = try ServerFixture()
        let log = RecordedLog()
        let watch = WatchFolder(ingest: MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot),
                                logger: Logger(label: "sretv-test") { _ in log })
        let dropped = ["loose.mp4", "Nobody/clip.mp4", "Canal Once/notes.txt", "Canal Once/season 1/clip.mp4", "Canal Once/.hidden.mp4"]
        for name in dropped {
            let file = watch.folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("not yet media".utf8).write(to: file)
        }
        var memory = watch.poll(.init())
        for _ in 0..<3 { memory = watch.poll(memory) }
        let warnings = log.messages.filter { $0.level == .warning }.map(\.text)
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.contains { $0.hasSuffix("loose.mp4 is left alone: it is not in a provider's folder; move it into incoming/<provider>/ (providers: Canal Once, Notimex, SPR)") })
        #expect(warnings.contains { $0.contains("incoming/Nobody is left alone: no provider is named \"Nobody\"") })
        #expect(warnings.contains { $0.contains("notes.txt is left alone: .txt is not a media file type the library takes") })
        #expect(warnings.contains { $0.contains("season 1 is left alone: folders inside a provider's folder are not searched") })
        #expect(try fixture.database.assets().isEmpty)
        #expect(dropped.allSatisfy { FileManager.default.fileExists(atPath: watch.folder.appendingPathComponent($0).path) })
    }
}

/// A log handler that keeps every message, for checking what was logged.
final class RecordedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(level: Logger.Level, text: String)] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var messages: [(level: Logger.Level, text: String)] { lock.withLock { recorded } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { recorded.append((event.level, event.message.description)) }
    }
}
