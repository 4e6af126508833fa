import Foundation
import TestSupport
import Testing

/// A running `sretv serve --demo` with users of every role, its signed playlist and live feeds
/// sent to it by the `ffmpeg` program over UDP, SRT, RTMP and HLS on loopback.
private final class LiveStudio {
    let folder: TemporaryDirectory
    let server: ServerProcess
    let playlistURL: String
    var tokens: [String: String] = [:]
    let feedClip: String
    let ports = (udp: ServerProcess.randomPort(), srt: ServerProcess.randomPort(), rtmp: ServerProcess.randomPort(), hls: ServerProcess.randomPort())
    var feeds: [String: LiveFeedProcess] = [:]
    private var hlsServer: Process?
    var observer = LivePlaylistObserver()

    static let channel = "sretv-demo"

    init() throws {
        folder = try TemporaryDirectory("sretv-live")
        feedClip = folder.path("feed.ts")
        #expect(try SREtvBinary.run(["test-clip", feedClip, "--format", "240x136@25", "--seconds", "8", "--gop", "25", "--video-bitrate", "300000"]).status == 0)
        server = try ServerProcess(["--demo", "--data", folder.url.path, "--format", "320x180@25", "--live-hold", "2"],
                                   port: ServerProcess.randomPort(), log: folder.url.appendingPathComponent("serve.log"))
        try server.waitUntilReady()
        (playlistURL, tokens["admin"]) = try server.demoBanner(channel: Self.channel)
        for role in ["operator", "producer", "viewer"] {
            let added = try SREtvBinary.run(["user", "add", "\(role)-1", "--role", role, "--data", folder.url.path])
            let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
            tokens[role] = token
        }
    }

    deinit { stop() }

    private var stopped = false

    /// Stops every sender, the HLS feed's web server and the server (once).
    func stop() {
        guard !stopped else { return }
        stopped = true
        for feed in feeds.values { feed.stop() }
        if let hlsServer, hlsServer.isRunning {
            kill(hlsServer.processIdentifier, SIGKILL)
            hlsServer.waitUntilExit()
        }
        hlsServer = nil
        server.stop()
    }

    /// The sources by name, and the URL the matching `ffmpeg` sends to.
    var sources: [(name: String, url: String, push: String, format: String)] {
        [
            ("studio-udp", "udp://127.0.0.1:\(ports.udp)", "udp://127.0.0.1:\(ports.udp)?pkt_size=1316", "mpegts"),
            ("embajada-srt", "srt://127.0.0.1:\(ports.srt)?mode=listener", "srt://127.0.0.1:\(ports.srt)?mode=caller", "mpegts"),
            ("obs-rtmp", "rtmp://127.0.0.1:\(ports.rtmp)/live/obs?listen=1", "rtmp://127.0.0.1:\(ports.rtmp)/live/obs", "flv"),
            ("canal-once-hls", "http://127.0.0.1:\(ports.hls)/live.m3u8", "", "hls"),
        ]
    }

    func api(_ method: String, _ path: String, as role: String, json: String? = nil) throws -> HTTPClient.Response {
        try HTTPClient.request(method, "\(server.baseURL)/api/channels/\(Self.channel)\(path)", token: tokens[role], json: json)
    }

    func sretv(_ arguments: String...) throws -> ProcessResult {
        try SREtvBinary.run(arguments + ["--server", server.baseURL, "--token", tokens["operator"]!])
    }

    /// Starts (again) every sender that is not running; pushers to a listening source retry until it listens.
    func startFeeds() throws {
        for source in sources where feeds[source.name]?.isRunning != true {
            if source.format == "hls" {
                let directory = folder.url.appendingPathComponent("hls-feed")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                feeds[source.name] = try LiveFeedProcess(clip: URL(fileURLWithPath: feedClip), to: directory.appendingPathComponent("live.m3u8").path,
                                                         format: "hls", extra: ["-hls_time", "1", "-hls_list_size", "6", "-hls_flags", "delete_segments"])
                if hlsServer == nil {
                    let http = Process()
                    // Debian's python3, which scripts/install-deps installs for the tests.
                    http.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
                    http.arguments = ["-m", "http.server", "\(ports.hls)", "--bind", "127.0.0.1", "--directory", directory.path]
                    try http.start()
                    hlsServer = http
                }
            } else {
                feeds[source.name] = try LiveFeedProcess(clip: URL(fileURLWithPath: feedClip), to: source.push, format: source.format)
            }
        }
    }

    /// The sources as `GET …/sources` shows them, by name.
    func states() throws -> [String: [String: Any]] {
        let answer = try api("GET", "/sources", as: "viewer")
        let list = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.compactMap { item in (item["name"] as? String).map { ($0, item) } })
    }

    /// Polls the playlist every 100 ms (every fetch checked against R1–R6) until a segment listed
    /// after the call began matches; returns it and when it was first seen.
    func waitForSegment(timeout: TimeInterval, where matches: (ParsedPlaylist.Segment) throws -> Bool) throws -> (segment: ParsedPlaylist.Segment, seen: Date)? {
        let deadline = Date().addingTimeInterval(timeout)
        var checked = observer.newestSequence ?? -1
        while Date() < deadline {
            let response = try HTTPClient.get(playlistURL)
            if response.status == 200 {
                observer.observe(response.body)
                let playlist = try ParsedPlaylist(response.body)
                for (offset, segment) in playlist.segments.enumerated() where playlist.mediaSequence + offset > checked {
                    checked = playlist.mediaSequence + offset
                    if try matches(segment) { return (segment, Date()) }
                }
            }
            usleep(100_000)
        }
        return nil
    }

    /// The picture width of a listed segment, read over HTTP by `ffprobe` (the feed is 240 wide, the slate 320).
    func width(of segment: ParsedPlaylist.Segment) throws -> Int? {
        let url = playlistURL.replacingOccurrences(of: "index.m3u8?", with: "\(segment.uri.split(separator: "?")[0])?")
        let result = try ProcessRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width", "-of", "csv=p=0", url])
        // MPEG-TS streams are listed twice (in their program and on their own): take the first.
        return result.stdout.split(whereSeparator: \.isNewline).first.flatMap { Int($0) }
    }
}

@Test(.timeLimit(.minutes(6)))
func operatorsTakeLiveFeedsOverEveryProtocolWithFailoverAndBothReturnModes() throws {
    let studio = try LiveStudio()
    defer { studio.stop() }
    // Sources are defined by operators only, with URLs on the live allow list.
    #expect(try studio.api("PUT", "/sources/studio-udp", as: "producer", json: #"{"url": "udp://127.0.0.1:5000"}"#).status == 403)
    let local = try studio.api("PUT", "/sources/bad", as: "operator", json: #"{"url": "file:///etc/passwd"}"#)
    #expect(local.status == 400 && local.body.contains(#""path":"url""#))
    for source in studio.sources {
        let defined = try studio.sretv("live", "define", LiveStudio.channel, source.name, source.url)
        #expect(defined.status == 0, "\(source.name): \(defined.stderr)")
    }
    // Every source is watched before it airs: up, with its format, bit rate and audio level.
    let deadline = Date().addingTimeInterval(40)
    var states: [String: [String: Any]] = [:]
    while Date() < deadline {
        try studio.startFeeds()
        states = try studio.states()
        if states.values.filter({ $0["state"] as? String == "up" && $0["audioLevel"] != nil }).count == studio.sources.count { break }
        usleep(500_000)
    }
    for source in studio.sources {
        let state = states[source.name] ?? [:]
        #expect(state["state"] as? String == "up", "\(source.name): \(state)")
        #expect(state["airable"] as? Bool == true && state["videoCodec"] as? String == "h264" && state["audioCodec"] as? String == "aac", "\(state)")
        #expect(state["width"] as? Int == 240 && (state["bitRate"] as? Int ?? 0) > 0, "\(state)")
    }
    let still = try studio.api("GET", "/sources/obs-rtmp/still.jpg", as: "viewer")
    #expect(still.status == 200 && still.headers["content-type"] == "image/jpeg", "\(still.status) \(still.body.prefix(300))")
    let metrics = try HTTPClient.get("\(studio.server.baseURL)/metrics", token: studio.tokens["viewer"])
    #expect(metrics.body.contains(#"sretv_live_source_up{channel="sretv-demo",source="studio-udp"} 1"#))
    let listed = try studio.sretv("live", "sources", LiveStudio.channel)
    #expect(listed.status == 0 && listed.stdout.split(separator: "\n").filter { $0.contains("\tup\t") }.count == 4, "\(listed.stdout)\(listed.stderr)")

    // Only operators take; local files and concatenations are refused (rule S4).
    for role in ["viewer", "producer"] {
        #expect(try studio.api("POST", "/breakout", as: role, json: #"{"source": "studio-udp"}"#).status == 403)
    }
    for url in ["file:///etc/passwd", "concat:/a.ts|/b.ts", "subfile:,start,0,end,0,:/etc/passwd"] {
        let refused = try studio.api("POST", "/breakout", as: "operator", json: #"{"source": "\#(url)"}"#)
        #expect(refused.status == 400 && refused.body.contains(#""path":"source""#), "\(url): \(refused.body)")
    }

    // Take (shift): the first live segment is listed within a segment duration + 0.5 s of the request.
    let takenAt = Date()
    let take = try studio.sretv("live", "take", LiveStudio.channel, "studio-udp", "--return", "shift", "--title", "Embajada UDP")
    #expect(take.status == 0, "\(take.stderr)")
    let firstLiveSeen = try studio.waitForSegment(timeout: 6) { $0.title == "Embajada UDP" }
    let firstLive = try #require(firstLiveSeen)
    // Measured from before the CLI process started (its start and a loaded machine add to the
    // request's segment duration + 0.5 s, which PlayoutTests and Benchmarks/take.sh measure exactly).
    #expect(firstLive.seen.timeIntervalSince(takenAt) <= 3.5)
    #expect(firstLive.segment.discontinuity)
    #expect(try studio.width(of: firstLive.segment) == 240)
    let pdt = try #require(firstLive.segment.programDateTime)
    #expect(pdt >= takenAt.addingTimeInterval(-0.2) && pdt <= takenAt.addingTimeInterval(2.5))
    #expect(try studio.api("POST", "/breakout", as: "operator", json: #"{"source": "obs-rtmp"}"#).status == 409)

    // The feed drops: slate within 1.5 target durations; it comes back after the hold time.
    _ = try studio.waitForSegment(timeout: 3) { _ in false }
    let droppedAt = Date()
    studio.feeds["studio-udp"]?.stop()
    let slateSeen = try studio.waitForSegment(timeout: 6) { segment in try segment.title == "Embajada UDP" && studio.width(of: segment) == 320 }
    let slate = try #require(slateSeen)
    #expect(slate.seen.timeIntervalSince(droppedAt) <= 3.0 + 0.5)
    try studio.startFeeds()
    let backSeen = try studio.waitForSegment(timeout: 12) { segment in try segment.title == "Embajada UDP" && studio.width(of: segment) == 240 }
    let back = try #require(backSeen)
    #expect(back.segment.discontinuity)

    // Return (shift): the schedule follows, and the timeline and the guide show the breakout at once.
    let returned = try studio.sretv("live", "return", LiveStudio.channel)
    #expect(returned.status == 0, "\(returned.stderr)")
    let scheduledSeen = try studio.waitForSegment(timeout: 8) { $0.title != "Embajada UDP" }
    let scheduled = try #require(scheduledSeen)
    #expect(scheduled.segment.discontinuity)
    let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "America/Mexico_City")!, formatOptions: [.withFullDate])
    let timeline = try studio.api("GET", "/timeline?from=\(today)&to=\(today)", as: "viewer")
    let entries = (try JSONSerialization.jsonObject(with: Data(timeline.body.utf8)) as? [String: Any])?["entries"] as? [[String: Any]] ?? []
    let breakoutIndex = try #require(entries.firstIndex { $0["title"] as? String == "Embajada UDP" })
    #expect(entries[breakoutIndex]["plays"] as? String == "live" && entries[breakoutIndex]["breakout"] != nil)
    // Shift: the item the take interrupted resumes right after the breakout.
    let interrupted = entries[breakoutIndex - 1]["item"] as? String
    #expect(interrupted != nil && entries[breakoutIndex + 1]["item"] as? String == interrupted)
    let guide = try HTTPClient.get("\(studio.server.baseURL)/epg.xml", token: studio.tokens["viewer"])
    #expect(guide.body.contains("<title>Embajada UDP</title>") || guide.body.contains(">Embajada UDP</title>"))

    // The other protocols (rejoin): each goes on air and gives the air back.
    for source in studio.sources.dropFirst() {
        let title = "Live \(source.name)"
        #expect(try studio.sretv("live", "take", LiveStudio.channel, source.name, "--title", title).status == 0)
        let liveSeen = try studio.waitForSegment(timeout: 8) { $0.title == title }
        let live = try #require(liveSeen, "\(source.name)")
        #expect(try studio.width(of: live.segment) == 240, "\(source.name)")
        #expect(try studio.sretv("live", "return", LiveStudio.channel).status == 0)
        let returnedSeen = try studio.waitForSegment(timeout: 8) { $0.title != title }
        #expect(returnedSeen != nil, "\(source.name) did not give the air back: \(studio.server.output.split(separator: "\n").filter { !$0.contains("libx264") && !$0.contains("aac @") }.suffix(25).joined(separator: "\n"))")
    }

    // As-run: each breakout aired live, the items they interrupted are logged; the playlist kept every rule.
    let asRun = try studio.api("GET", "/asrun?date=\(today)", as: "viewer")
    let logged = try JSONSerialization.jsonObject(with: Data(asRun.body.utf8)) as? [[String: Any]] ?? []
    #expect(logged.filter { ($0["itemId"] as? String)?.hasPrefix("breakout-") == true && $0["outcome"] as? String == "live" }.count == 4, "\(asRun.body)")
    #expect(logged.contains { $0["outcome"] as? String == "interrupted" })
    #expect(studio.observer.problems == [])
}
