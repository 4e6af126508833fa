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

    @Test func linksOutOfIncomingAreLeftInPlaceAndWhatTheyNameIsNeverFiled() throws {
        let fixture = try ServerFixture()
        let log = RecordedLog()
        let watch = WatchFolder(ingest: MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot),
                                logger: Logger(label: "sretv-test") { _ in log })
        // Media elsewhere on the server: a clip, and a folder of clips named like a provider's.
        let elsewhere = fixture.folder.url.appendingPathComponent("elsewhere")
        try ProviderMedia.mp4(elsewhere.appendingPathComponent("clip.mp4").path, seconds: 1)
        let provider = watch.folder.appendingPathComponent("Canal Once")
        try FileManager.default.createDirectory(at: provider, withIntermediateDirectories: true)
        let links = [provider.appendingPathComponent("link.mp4"), watch.folder.appendingPathComponent("SPR")]
        try FileManager.default.createSymbolicLink(at: links[0], withDestinationURL: elsewhere.appendingPathComponent("clip.mp4"))
        try FileManager.default.createSymbolicLink(at: links[1], withDestinationURL: elsewhere)
        let hardLink = provider.appendingPathComponent("hard.mp4")
        try FileManager.default.linkItem(at: elsewhere.appendingPathComponent("clip.mp4"), to: hardLink)

        var memory = watch.poll(.init())
        for _ in 0..<3 { memory = watch.poll(memory) }
        let warnings = log.messages.filter { $0.level == .warning }.map(\.text)
        #expect(warnings.count == 3, "\(warnings)")
        for link in links {
            #expect(warnings.contains { $0.contains("\(link.path) is left alone: it is a symbolic link, and the watch folder never follows one") }, "\(warnings)")
        }
        #expect(warnings.contains { $0.contains("hard.mp4 is left alone: it has other hard links") }, "\(warnings)")
        #expect(try fixture.database.assets().isEmpty)
        for entry in links + [hardLink, elsewhere.appendingPathComponent("clip.mp4")] {
            #expect((try? FileManager.default.attributesOfItem(atPath: entry.path)) != nil, "\(entry.path) is gone")
        }
    }

    @Test func aFileSwappedForALinkAfterTheListingIsNotMovedOrRead() throws {
        let fixture = try ServerFixture()
        let watch = WatchFolder(ingest: MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot), logger: Logger(label: "sretv-test"))
        let target = fixture.folder.url.appendingPathComponent("elsewhere.mp4")
        try Data("someone else's file".utf8).write(to: target)
        let swapped = watch.folder.appendingPathComponent("Canal Once/clip.mp4")
        try FileManager.default.createDirectory(at: swapped.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: swapped, withDestinationURL: target)
        let refusal = #expect(throws: WatchFolder.Refusal.self) { try watch.claim(swapped) }
        #expect(refusal?.description.hasPrefix("it is a symbolic link") == true, "\(String(describing: refusal))")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: swapped.path) == target.path)
        #expect(FileManager.default.subpaths(atPath: fixture.settings.mediaRoot.appendingPathComponent("library").path) ?? [] == [])

        // A real file is moved out of the folder into the library's hidden staging name.
        try FileManager.default.removeItem(at: swapped)
        try Data("a dropped file".utf8).write(to: swapped)
        let staged = try watch.claim(swapped)
        #expect(staged.deletingLastPathComponent().lastPathComponent == "library" && staged.lastPathComponent.hasPrefix("."))
        #expect(try Data(contentsOf: staged) == Data("a dropped file".utf8))
        #expect(!FileManager.default.fileExists(atPath: swapped.path))
    }

    /// Whether /dev/shm is another file system than the temporary folder (where a rename cannot go).
    static let sharedMemoryIsAnotherFileSystem: Bool = {
        let device = { (path: String) in (try? FileManager.default.attributesOfFileSystem(forPath: path))?[.systemNumber] as? NSNumber }
        return device("/dev/shm") != nil && device("/dev/shm") != device(NSTemporaryDirectory())
    }()

    @Test(.enabled(if: sharedMemoryIsAnotherFileSystem, "needs /dev/shm on another file system"))
    func anIncomingFolderOnAnotherFileSystemIsCopiedInAndEmptied() throws {
        let fixture = try ServerFixture()
        let watch = WatchFolder(ingest: MediaIngest(database: fixture.database, mediaRoot: fixture.settings.mediaRoot), logger: Logger(label: "sretv-test"))
        let elsewhere = URL(fileURLWithPath: "/dev/shm/sretv-incoming-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("Canal Once"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: fixture.settings.mediaRoot, withIntermediateDirectories: true)
        // The operator mounts incoming/ from elsewhere: the folder itself may be a link.
        try FileManager.default.createSymbolicLink(at: watch.folder, withDestinationURL: elsewhere)
        let dropped = elsewhere.appendingPathComponent("Canal Once/clip.mp4")
        try ProviderMedia.mp4(dropped.path, seconds: 1)
        #expect(watch.poll(watch.poll(.init())) == .init())
        #expect(try fixture.database.assets().map(\.status) == [.ready])
        #expect(!FileManager.default.fileExists(atPath: dropped.path))
        let library = fixture.settings.mediaRoot.appendingPathComponent("library")
        #expect(FileManager.default.subpaths(atPath: library.path)?.filter { $0.hasSuffix(".partial") } == [])
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
