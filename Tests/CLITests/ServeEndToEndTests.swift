import Foundation
import TestSupport
import Testing

/// Polls `url` four times a second for `seconds`, feeding the observer.
private func poll(_ url: String, for seconds: Double, into observer: inout LivePlaylistObserver) throws {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        let response = try HTTPClient.get(url)
        if response.status == 200 { observer.observe(response.body) } else { observer.note("playlist answered \(response.status)") }
        usleep(250_000)
    }
}

@Test(.timeLimit(.minutes(5)))
func serveDemoAirsTheScheduleOverHTTPAndResumesAfterACrash() throws {
    let folder = try TemporaryDirectory("sretv-serve")
    let port = ServerProcess.randomPort()
    let arguments = ["--demo", "--data", folder.url.path, "--format", "320x180@25"]
    var server = try ServerProcess(arguments, port: port, log: folder.url.appendingPathComponent("serve-1.log"))
    try server.waitUntilReady()
    let (playlistURL, token) = try server.demoBanner()
    try server.waitForPlaylist(playlistURL)

    // A real HLS client reads the live stream while we poll it (20 s of media, no errors).
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    reader.arguments = ["ffmpeg", "-nostdin", "-v", "error", "-i", playlistURL, "-t", "20", "-fps_mode", "passthrough", "-enc_time_base", "-1", "-f", "null", "-"]
    let readerErrors = folder.url.appendingPathComponent("ffmpeg.err")
    try Data().write(to: readerErrors)
    reader.standardError = try FileHandle(forWritingTo: readerErrors)
    reader.standardOutput = FileHandle.nullDevice
    try reader.start()

    // Meanwhile a reader polls the playlist a hundred times a second (fault test 8).
    let hammer = PlaylistHammer()
    let hammering = Thread { hammer.run(URL(string: playlistURL)!, for: 12) }
    hammering.start()

    var observer = LivePlaylistObserver()
    try poll(playlistURL, for: 32, into: &observer)
    let readerEnded = reader.waitUntilExit(timeout: 60)
    #expect(hammer.result.failures == [])
    #expect(hammer.result.polls > 300)
    let readerSaid = try String(contentsOf: readerErrors, encoding: .utf8)
    #expect(readerEnded, "the HLS reader did not finish 20 s of media within a minute: \(readerSaid)")
    #expect(reader.terminationStatus == 0, "\(readerSaid)")
    #expect(readerSaid == "")
    #expect(observer.problems == [])
    #expect(observer.segments.count >= 12)

    // Segment URIs carry the signature; a segment downloads with the right type and cache policy.
    let listed = try ParsedPlaylist(HTTPClient.get(playlistURL).body)
    let segment = try #require(listed.segments.last)
    #expect(segment.uri.contains("sig="))
    let segmentURL = playlistURL.replacingOccurrences(of: "index.m3u8?", with: "\(segment.uri.split(separator: "?")[0])?")
    let download = try HTTPClient.get(segmentURL)
    #expect(download.status == 200)
    #expect(download.headers["content-type"] == "video/mp2t")

    // Program-date-times follow the resolved schedule: every source starts when the timeline says.
    let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "America/Mexico_City")!, formatOptions: [.withFullDate])
    let timeline = try HTTPClient.get("\(server.baseURL)/api/channels/sretv-demo/timeline?from=\(today)&to=\(today)", token: token)
    #expect(timeline.status == 200)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(timeline.body.utf8)) as? [String: Any], "\(timeline.body.prefix(300))")
    let entries = try #require(document["entries"] as? [[String: Any]])
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let entryStarts = entries.compactMap { ($0["start"] as? String).flatMap(formatter.date) }
    for source in observer.segments.filter(\.discontinuity) {
        let date = try #require(source.programDateTime)
        #expect(entryStarts.contains { abs($0.timeIntervalSince(date)) <= 0.04 }, "source at \(date) is not on the schedule")
    }

    // A crash (SIGKILL) and a restart: sequences continue, the join is marked, the database is intact.
    let before = try #require(observer.newestSequence)
    server.crash()
    server = try ServerProcess(arguments, port: port, log: folder.url.appendingPathComponent("serve-2.log"))
    try server.waitUntilReady()
    try server.waitForPlaylist(playlistURL)
    try poll(playlistURL, for: 8, into: &observer)
    #expect(server.stop(), "serve did not stop within 30 s of SIGTERM: \(server.output.suffix(2000))")
    #expect(observer.problems == [])
    let resumed = try #require(observer.segments.first { $0.sequence > before && $0.discontinuity })
    #expect(observer.segments.filter { $0.sequence > before && $0.sequence < resumed.sequence }.allSatisfy { !$0.discontinuity })
    // It rejoined the schedule at the wall clock: its newest segment aired within the last target durations.
    let newest = try #require(observer.segments.last?.programDateTime)
    #expect(abs(newest.timeIntervalSinceNow) < 8)
    #expect(try SREtvBinary.run(["db", "check", "--data", folder.url.path]).stdout == "ok\n")
}
