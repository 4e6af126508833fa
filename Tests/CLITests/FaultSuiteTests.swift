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

    /// Fault test 9 against the real server (the router-level tests cover each family in depth):
    /// path traversal in every spelling, a symbolic link out of the output folder, tampered
    /// signatures, viewers and producers calling operator and admin APIs (refused, nothing
    /// changes), and rundowns and live sources with hostile URLs (refused with their JSON path).
    @Test(.timeLimit(.minutes(2)))
    func hostileRequestsAreRefusedAndReachNoFile() throws {
        let server = try DemoServer(folder: TemporaryDirectory("sretv-fault-hostile"))
        defer { server.process.stop() }
        let base = "\(server.process.baseURL)/hls/sretv-demo/"
        let signature = String(server.playlistURL.split(separator: "?", maxSplits: 1)[1])
        try Data("top secret".utf8).write(to: server.folder.url.appendingPathComponent("hls/secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: server.output.appendingPathComponent("segment-999999.ts").path, withDestinationPath: "/etc/passwd")

        // S3: nothing outside the channel's output folder, however the path is spelled.
        let paths = [
            "..", "%2e%2e", "%2E%2E", "../secret.txt", "..%2fsecret.txt", "%2e%2e%2fsecret.txt", "%2e%2e/secret.txt", "..%5csecret.txt",
            "..\\secret.txt", "..%255csecret.txt", "%252e%252e%252fsecret.txt", "segment-000001.ts%00", "segment-000001.ts%00.txt",
            "segment-000001.ts/../../secret.txt", "segment-000001.ts%2f..%2f..%2fsecret.txt", "../../sretv.sqlite", "%2e%2e/%2e%2e/sretv.sqlite",
            "....//secret.txt", "%c0%ae%c0%ae/secret.txt", "segment-999999.ts", "/etc/passwd", "%2fetc%2fpasswd", "index.m3u8%00",
        ]
        for path in paths {
            for url in [base + path, base + path + "?" + signature] {
                let response = try HTTPClient.get(url, token: server.adminToken)
                #expect([400, 403, 404].contains(response.status), "\(url) answered \(response.status)")
                #expect(!response.body.contains("top secret") && !response.body.contains("root:") && !response.body.contains("SQLite format"), "\(url) leaked a file")
            }
        }

        // S2: a signature that does not match its path, expiry or user is refused.
        let tampered = [
            server.playlistURL.replacingOccurrences(of: "sig=", with: "sig=0"),
            server.playlistURL.replacingOccurrences(of: "user=admin", with: "user=eve"),
            server.playlistURL.replacingOccurrences(of: "expires=1", with: "expires=2"),
            server.playlistURL.replacingOccurrences(of: "/sretv-demo/", with: "/other/"),
        ]
        for url in tampered {
            let status = try HTTPClient.get(url).status
            #expect([403, 404].contains(status) && status != 200, "\(url) answered \(status)")
        }

        // S1: viewers and producers calling operator and admin APIs are refused, and nothing changes.
        let channel = "\(server.process.baseURL)/api/channels/sretv-demo"
        let tokens = try ["viewer", "producer"].map { role -> (String, String) in
            let added = try HTTPClient.request("POST", "\(server.process.baseURL)/api/users", token: server.adminToken, json: #"{"name": "eve-\#(role)", "role": "\#(role)"}"#)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(added.body.utf8)) as? [String: Any], "\(added.body)")
            return (role, try #require(body["token"] as? String))
        }
        // The audit log as the admin reads it: refused requests are logged, every other row is a change.
        let audit = { () throws -> (changes: [String], refused: Int) in
            let body = try HTTPClient.get("\(server.process.baseURL)/api/audit", token: server.adminToken).body
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]], "\(body.prefix(300))")
            let refused = rows.filter { $0["action"] as? String == "request.refused" }.count
            return (rows.filter { $0["action"] as? String != "request.refused" }.map { "\($0["id"] ?? "") \($0["action"] ?? "")" }, refused)
        }
        let auditBefore = try audit()
        let operatorCalls: [(String, String, String?)] = [
            ("PUT", "\(channel)/sources/cam", #"{"url": "srt://127.0.0.1:9000?mode=listener"}"#),
            ("DELETE", "\(channel)/sources/cam", nil),
            ("POST", "\(channel)/breakout", #"{"source": "cam", "title": "Hijack"}"#),
            ("DELETE", "\(channel)/breakout", nil),
            ("POST", "\(server.process.baseURL)/api/users", #"{"name": "mallory", "role": "admin"}"#),
            ("GET", "\(server.process.baseURL)/api/audit", nil),
            ("POST", "\(server.process.baseURL)/api/channels", #"{"id": "pirate", "name": "Pirate", "timezone": "UTC"}"#),
        ]
        for (role, token) in tokens {
            for (method, url, body) in operatorCalls {
                let status = try HTTPClient.request(method, url, token: token, json: body).status
                #expect(status == 403, "\(method) \(url) as \(role) answered \(status)")
            }
        }
        let auditAfter = try audit()
        #expect(auditAfter.changes == auditBefore.changes)
        #expect(auditAfter.refused > auditBefore.refused)

        // S4: rundowns and live sources with hostile URLs are refused, each at its JSON path.
        let hostile = ["file:///etc/passwd", "concat:a.ts|b.ts", "subfile:,start,0,end,0,:/etc/passwd", "http://169.254.169.254/latest/meta-data/",
                       "http://[fe80::1]/live.m3u8", "../../etc/passwd"]
        let items = hostile.enumerated().map { index, uri in
            #"{"id": "h\#(index)", "title": "H\#(index)", "duration": 10, "source": {"kind": "public", "provider": "X", "uri": "\#(uri)"}}"#
        }
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "America/Mexico_City")!, formatOptions: [.withFullDate])
        let rundown = #"{"channel": "sretv-demo", "date": "\#(today)", "timezone": "America/Mexico_City", "items": [\#(items.joined(separator: ","))]}"#
        let refused = try HTTPClient.request("PUT", "\(channel)/rundowns/\(today)", token: server.adminToken, json: rundown)
        #expect(refused.status == 400, "\(refused.body.prefix(500))")
        for index in hostile.indices { #expect(refused.body.contains("items[\(index)].source.uri"), "\(hostile[index]) not refused: \(refused.body.prefix(800))") }
        for url in hostile.prefix(5) {
            let status = try HTTPClient.request("PUT", "\(channel)/sources/cam", token: server.adminToken, json: #"{"url": "\#(url)"}"#).status
            #expect([400, 403, 422].contains(status), "live source \(url) answered \(status)")
        }
    }
}
