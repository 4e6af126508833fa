import Foundation
import TestSupport
import Testing

/// The fault tests of shared/design/hls-rules.md that need the real `sretv serve` process: killed
/// mid-segment (6), a full disk (7), a reader hammering the playlist during rotation (8). The
/// others run elsewhere: see the README's "Fault tests" list.
@Suite("FaultSuite", .serialized)
struct FaultSuiteTests {
    /// The demo channel served by a real `sretv serve` on a fresh data folder.
    private struct DemoServer {
        let folder: TemporaryDirectory
        let arguments: [String]
        let port = ServerProcess.randomPort()
        var process: ServerProcess
        let playlistURL: String
        let adminToken: String
        var output: URL { folder.url.appendingPathComponent("hls/sretv-demo") }

        init(folder: TemporaryDirectory) throws {
            self.folder = folder
            arguments = ["--demo", "--data", folder.url.path, "--format", "320x180@25"]
            process = try ServerProcess(arguments, port: port, log: folder.url.appendingPathComponent("serve-1.log"))
            try process.waitUntilReady()
            (playlistURL, adminToken) = try process.demoBanner()
            try process.waitForPlaylist(playlistURL)
        }

        /// Starts the server again on the same data folder and port.
        mutating func restart(log: String) throws {
            process = try ServerProcess(arguments, port: port, log: folder.url.appendingPathComponent(log))
            try process.waitUntilReady()
            try process.waitForPlaylist(playlistURL)
        }

        /// The playlist as served now.
        func playlist() throws -> (text: String, parsed: ParsedPlaylist) {
            let response = try HTTPClient.get(playlistURL)
            guard response.status == 200 else { throw ServerProcessError("the playlist answered \(response.status)") }
            return (response.body, try ParsedPlaylist(response.body))
        }

        /// Polls the playlist four times a second for `seconds`, feeding `observer`.
        func poll(for seconds: Double, into observer: inout LivePlaylistObserver) throws {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                let response = try HTTPClient.get(playlistURL)
                if response.status == 200 { observer.observe(response.body) } else { observer.note("playlist answered \(response.status)") }
                usleep(250_000)
            }
        }

        /// Polls until the playlist's newest sequence passes `sequence` (at most `timeout` seconds).
        func waitForSequence(after sequence: Int, timeout: Double, into observer: inout LivePlaylistObserver) throws {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end, (observer.newestSequence ?? -1) <= sequence {
                try poll(for: 0.25, into: &observer)
            }
        }
    }

    /// The playlist with its segment URIs reduced to file names (no signature), to check the files on disk.
    private static func onDisk(_ playlist: ParsedPlaylist) -> ParsedPlaylist {
        var local = playlist
        for index in local.segments.indices { local.segments[index].uri = fileName(local.segments[index].uri) }
        return local
    }

    private static func fileName(_ uri: String) -> String { String(uri.split(separator: "?")[0]) }

    /// Fault tests 8 and 6: a reader polls the playlist a hundred times a second while segments
    /// leave its head; then the server is killed (SIGKILL) while it writes a segment. After the
    /// restart no half segment is listed, sequences keep rising, the channel is where the schedule
    /// says, and the database is intact.
    @Test(.timeLimit(.minutes(3)))
    func killedMidSegmentTheChannelResumesWithNoHalfSegmentListed() throws {
        var server = try DemoServer(folder: TemporaryDirectory("sretv-fault-kill"))
        var observer = LivePlaylistObserver()
        // Rotation: once the window is full, segments leave the head every target duration.
        let full = try server.playlist().parsed
        try server.waitForSequence(after: full.mediaSequence + max(0, 7 - full.segments.count), timeout: 30, into: &observer)
        let rotatingFrom = try server.playlist().parsed.mediaSequence
        let hammer = PlaylistHammer()
        hammer.run(URL(string: server.playlistURL)!, for: 6)
        let rotatedTo = try server.playlist().parsed.mediaSequence
        #expect(hammer.result.failures == [])
        #expect(hammer.result.polls > 300)
        #expect(rotatedTo >= rotatingFrom + 2, "segments left the head while the reader polled: \(rotatingFrom) → \(rotatedTo)")

        // SIGKILL the moment a segment file is being written (its temporary `.partial` exists).
        let (lastText, lastListed) = try server.playlist()
        observer.observe(lastText)
        let writing = try DirectoryWatch.waitForCreation(in: server.output, suffix: ".partial", timeout: 6)
        server.process.crash()
        let left = try FileManager.default.contentsOfDirectory(atPath: server.output.path)
        let listedBefore = Set(lastListed.segments.map { Self.fileName($0.uri) })
        let unlisted = left.filter { ($0.hasPrefix("segment-") && !listedBefore.contains($0)) || $0.hasSuffix(".partial") }
        #expect(writing != nil || !unlisted.isEmpty, "the kill found no segment being written or written ahead: \(left.sorted())")
        let killedAt = try #require(observer.newestSequence)

        try server.restart(log: "serve-2.log")
        try server.waitForSequence(after: killedAt + 1, timeout: 20, into: &observer)
        try server.poll(for: 2, into: &observer)
        let (text, window) = try server.playlist()
        observer.observe(text)
        try expectSegmentsFollowTheSchedule(window, server: server)
        #expect(server.process.stop(), "serve did not stop within 30 s of SIGTERM")

        #expect(observer.problems == [])
        #expect((observer.newestSequence ?? 0) > killedAt + 1)
        // Every listed segment is whole: it measures what its EXTINF says and starts on a keyframe.
        #expect(try HLSRules.checkSegments(Self.onDisk(window), directory: server.output) == [])
        // Nothing half-written or never listed was left behind.
        let files = try FileManager.default.contentsOfDirectory(atPath: server.output.path)
        let everListed = Set(observer.segments.map { Self.fileName($0.uri) })
        #expect(!files.contains { $0.hasSuffix(".partial") })
        // (but the one segment written ahead of the newest listed one, waiting for its air time).
        let newestListed = try #require(observer.newestSequence)
        let ahead = String(format: "segment-%06d.ts", newestListed + 1)
        #expect(files.filter { $0.hasPrefix("segment-") && !everListed.contains($0) && $0 != ahead } == [])
        // The channel rejoined the schedule at the wall clock, behind a discontinuity.
        let rejoin = try #require(observer.segments.first { $0.sequence > killedAt && $0.discontinuity })
        #expect(observer.segments.filter { $0.sequence > killedAt && $0.sequence < rejoin.sequence }.allSatisfy { !$0.discontinuity })
        let newest = try #require(window.segments.last?.programDateTime)
        #expect(newest <= Date() && newest.timeIntervalSinceNow > -10, "newest segment aired at \(newest)")
        // PRAGMA integrity_check on the database file.
        #expect(try SREtvBinary.run(["db", "check", "--data", server.folder.url.path]).stdout == "ok\n")
    }

    /// Each listed segment airs what the resolved timeline has at its program-date-time.
    private func expectSegmentsFollowTheSchedule(_ window: ParsedPlaylist, server: DemoServer) throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "America/Mexico_City")!, formatOptions: [.withFullDate])
        let timeline = try HTTPClient.get("\(server.process.baseURL)/api/channels/sretv-demo/timeline?from=\(today)&to=\(today)", token: server.adminToken)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(timeline.body.utf8)) as? [String: Any], "\(timeline.body.prefix(300))")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let entries = try #require(document["entries"] as? [[String: Any]]).compactMap { entry -> (start: Date, end: Date, title: String)? in
            guard let start = (entry["start"] as? String).flatMap(formatter.date), let end = (entry["end"] as? String).flatMap(formatter.date),
                  let title = entry["title"] as? String else { return nil }
            return (start, end, title)
        }
        for segment in window.segments {
            let date = try #require(segment.programDateTime)
            guard let entry = entries.first(where: { $0.start <= date.addingTimeInterval(0.001) && date < $0.end }) else { continue }
            #expect(segment.title == entry.title || segment.title == "Slate", "\(segment.uri) at \(date) airs \(segment.title), the timeline has \(entry.title)")
        }
    }

    /// Fault test 7: the output folder sits on a 4 MiB tmpfs that the test fills. The last good
    /// playlist stays served, the error is logged, and once space is freed the channel recovers by
    /// itself. Needs root for mount(8); set SRETV_SKIP_MOUNT_TESTS=1 where mounting is not allowed.
    @Test(.timeLimit(.minutes(3)), .disabled(if: SmallFilesystem.skipped, "SRETV_SKIP_MOUNT_TESTS=1"))
    func whenTheDiskIsFullTheLastGoodPlaylistStaysAndTheChannelRecoversByItself() throws {
        let folder = try TemporaryDirectory("sretv-fault-full")
        let disk = try SmallFilesystem(at: folder.url.appendingPathComponent("hls/sretv-demo"), size: "4m")
        defer { disk.unmount() }
        let server = try DemoServer(folder: folder)
        defer { server.process.stop() }
        var observer = LivePlaylistObserver()
        try server.poll(for: 3, into: &observer)

        let filler = try disk.fill()
        // A segment already cut ahead may still be listed; after that the playlist stands still.
        try server.poll(for: 4, into: &observer)
        let frozen = try #require(observer.newestSequence)
        var stuck = LivePlaylistObserver()
        try server.poll(for: 5, into: &stuck)
        #expect(stuck.problems == [])
        #expect(stuck.fetches >= 5)
        #expect(stuck.newestSequence == frozen, "segments were listed while the disk was full")
        #expect(server.process.output.contains("No space left on device"), "no error logged: \(server.process.output.suffix(1500))")

        try FileManager.default.removeItem(at: filler)
        try server.waitForSequence(after: frozen + 1, timeout: 20, into: &observer)
        #expect((observer.newestSequence ?? 0) > frozen + 1, "no new segment after space was freed")
        #expect(observer.problems == [])
        let resumed = try #require(observer.segments.first { $0.sequence > frozen })
        #expect(resumed.discontinuity)
        #expect(try HLSRules.checkSegments(Self.onDisk(try server.playlist().parsed), directory: server.output) == [])
    }
}
