import Foundation
import Logging
import Media
@testable import Playout
import Scheduling
import Store
import TestSupport
import Testing

/// Every segment a channel published, with the wall-clock time it was published.
private final class PublishLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(segment: PublishedSegment, at: Date)] = []
    func record(_ segment: PublishedSegment) { lock.withLock { entries.append((segment, Date())) } }
    var all: [(segment: PublishedSegment, at: Date)] { lock.withLock { entries } }
    /// The first segment published after `date` that `matches`.
    func first(after date: Date, where matches: (PublishedSegment) -> Bool) -> (segment: PublishedSegment, at: Date)? {
        all.first { $0.at > date && matches($0.segment) }
    }
}

/// A channel airing a clip and then slate, with live feeds from `ffmpeg` on loopback UDP.
private struct TakeFixture {
    let render: RenderFixture
    let feedClip: URL
    let port = ServerProcess.randomPort()
    let feeds: LiveFeeds
    var output: URL { render.folder.url.appendingPathComponent("live") }
    var feedURL: String { "udp://127.0.0.1:\(port)" }

    init(holdTime: TimeInterval = 2) throws {
        render = try RenderFixture()
        try render.clip("program.mp4", seconds: 60, gop: 25)
        try render.clip("feed.ts", seconds: 10, gop: 25)
        feedClip = render.mediaRoot.appendingPathComponent("feed.ts")
        feeds = LiveFeeds(policy: SourcePolicy(hosts: ["127.0.0.1"], schemes: ["udp"]),
                          settings: LiveFeedSettings(holdTime: holdTime), logger: Logger(label: "test"))
    }

    /// A channel on `timeline` (starting now) publishing into `log`.
    func channel(_ entries: [(TimelineEntry.Playback, Double)], log: PublishLog, asRun: @escaping @Sendable (AsRunEntry) -> Void = { _ in }) -> ChannelPlayout {
        var timeline = render.timeline(entries)
        timeline.start = Date()
        let catalog = MediaCatalog(root: render.mediaRoot, uris: ["program.mp4"])
        return ChannelPlayout(
            channel: "test", settings: PlayoutSettings(outputDirectory: output, video: RenderFixture.channelFormat, channelTitle: "SREtv Test"),
            logger: Logger(label: "test"), schedule: { [timeline] _ in (timeline, catalog) }, asRun: asRun,
            published: { log.record($0) }, liveFeeds: feeds
        )
    }

    /// Waits until `condition` holds, polling `observer` with the channel's playlist meanwhile.
    func poll(_ channel: ChannelPlayout, into observer: inout LivePlaylistObserver, timeout: TimeInterval, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = channel.playlist { observer.observe(text) }
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }
}

@Test func aTakeAirsTheFeedWithinASegmentFailsOverToSlateWhenItDropsAndGivesTheAirBack() throws {
    let fixture = try TakeFixture()
    defer { fixture.feeds.stopAll() }
    var feed = try LiveFeedProcess(clip: fixture.feedClip, to: fixture.feedURL)
    try fixture.feeds.define(channel: "test", name: "studio", url: fixture.feedURL)
    let log = PublishLog()
    let channel = fixture.channel([(.media(uri: "program.mp4", inPoint: .zero), 60), (.slate, 3600)], log: log)
    try channel.start()
    defer { channel.stop() }
    var observer = LivePlaylistObserver()
    let studio = try fixture.feeds.feed(channel: "test", uri: "studio")
    #expect(fixture.poll(channel, into: &observer, timeout: 15) { studio.isReady && log.all.count >= 2 })
    let status = studio.status
    #expect(status.state == .up && status.airable && status.videoCodec == "h264" && status.audioCodec == "aac")
    #expect(status.width == 320 && status.height == 180 && (status.bitRate ?? 0) > 0 && status.audioLevel != nil)

    // Take: the first live segment is listed within one segment duration + 0.5 s of the request.
    let take = LiveTake(id: 1, source: "studio", title: "Breakout")
    let takenAt = Date()
    channel.take(take)
    #expect(fixture.poll(channel, into: &observer, timeout: 5) { log.first(after: takenAt) { $0.title == "Breakout" } != nil })
    let firstLive = try #require(log.first(after: takenAt) { $0.title == "Breakout" })
    #expect(!firstLive.segment.isSlate)
    #expect(firstLive.at.timeIntervalSince(takenAt) <= 2.5)
    #expect(firstLive.segment.programDateTime >= takenAt && firstLive.segment.programDateTime <= takenAt.addingTimeInterval(2))

    // The feed drops: slate within 1.5 target durations, behind a discontinuity.
    #expect(fixture.poll(channel, into: &observer, timeout: 6) { log.all.filter { $0.segment.title == "Breakout" }.count >= 3 })
    let droppedAt = Date()
    feed.stop()
    #expect(fixture.poll(channel, into: &observer, timeout: 6) { log.first(after: droppedAt, where: \.isSlate) != nil })
    let slate = try #require(log.first(after: droppedAt, where: \.isSlate))
    #expect(slate.at.timeIntervalSince(droppedAt) <= 3)
    #expect(slate.segment.title == "Breakout")

    // It comes back: on air again once it delivers and the hold time has passed.
    feed = try LiveFeedProcess(clip: fixture.feedClip, to: fixture.feedURL)
    #expect(fixture.poll(channel, into: &observer, timeout: 10) { log.first(after: slate.at) { !$0.isSlate } != nil })
    let back = try #require(log.first(after: slate.at) { !$0.isSlate })
    #expect(back.segment.title == "Breakout")
    #expect(back.segment.programDateTime.timeIntervalSince(droppedAt) >= 2)

    // Return: the schedule follows, and the playlist kept every rule through every switch.
    #expect(fixture.poll(channel, into: &observer, timeout: 8) { log.all.filter { $0.at > back.at && !$0.segment.isSlate }.count >= 2 })
    let returnedAt = Date()
    channel.giveBack()
    #expect(fixture.poll(channel, into: &observer, timeout: 6) { log.first(after: returnedAt) { $0.title != "Breakout" } != nil })
    let scheduled = try #require(log.first(after: returnedAt) { $0.title != "Breakout" })
    #expect(scheduled.segment.title == "Item 0")
    #expect(scheduled.at.timeIntervalSince(returnedAt) <= 4.5)
    _ = fixture.poll(channel, into: &observer, timeout: 3) { false }
    #expect(observer.problems == [])
    let starts = observer.segments.filter(\.discontinuity).count
    #expect(starts >= 4)
    let window = try ParsedPlaylist(try #require(channel.playlist))
    let segmentProblems = try HLSRules.checkSegments(window, directory: fixture.output)
    #expect(segmentProblems == [])
    // Air time is continuous: every segment starts where the one before it ended.
    let all = observer.segments
    for (previous, next) in zip(all, all.dropFirst()) where previous.sequence + 1 == next.sequence {
        let gap = next.programDateTime!.timeIntervalSince(previous.programDateTime!.addingTimeInterval(previous.duration))
        #expect(abs(gap) < 0.05, "PDT gap of \(gap) s before sequence \(next.sequence)")
    }
}

@Test func aScheduledLiveItemAirsItsFeedAndOneWhoseFeedNeverComesUpAirsSlate() throws {
    let fixture = try TakeFixture()
    defer { fixture.feeds.stopAll() }
    let feed = try LiveFeedProcess(clip: fixture.feedClip, to: fixture.feedURL)
    defer { feed.stop() }
    try fixture.feeds.define(channel: "test", name: "studio", url: fixture.feedURL)
    let silent = "udp://127.0.0.1:\(fixture.port + 1)"
    let log = PublishLog()
    let asRun = AsRunCollector()
    let channel = fixture.channel([
        (.media(uri: "program.mp4", inPoint: .zero), 4), (.live(uri: "studio"), 6), (.live(uri: silent), 4), (.slate, 3600),
    ], log: log) { asRun.record($0) }
    try channel.start()
    defer { channel.stop() }
    var observer = LivePlaylistObserver()
    #expect(fixture.poll(channel, into: &observer, timeout: 20) { asRun.all.count >= 3 })
    #expect(observer.problems == [])
    #expect(asRun.all.prefix(3).map(\.outcome) == [.aired, .live, .slate])
    let live = log.all.filter { $0.segment.title == "Item 1" }
    #expect(!live.isEmpty && live.allSatisfy { !$0.segment.isSlate })
    let unreachable = log.all.filter { $0.segment.title == "Item 2" }
    #expect(!unreachable.isEmpty && unreachable.allSatisfy { $0.segment.isSlate })
    // The live item airs exactly its slot.
    let slot = live.map(\.segment)
    let start = try #require(slot.first?.programDateTime)
    let end = try #require(slot.last.map { $0.programDateTime.addingTimeInterval($0.duration) })
    #expect(abs(end.timeIntervalSince(start) - 6) < 0.05)
}

@Test func aFeedHLSCannotCarryIsWatchedButMarkedNotAirableWithTheReasonAndNeverTaken() throws {
    let fixture = try TakeFixture()
    defer { fixture.feeds.stopAll() }
    // MPEG-2 video and MP2 audio, as an old contribution encoder would send them.
    let sender = try LiveFeedProcess(clip: fixture.feedClip, to: fixture.feedURL + "?pkt_size=1316", codecs: ["-c:v", "mpeg2video", "-c:a", "mp2"])
    defer { sender.stop() }
    try fixture.feeds.define(channel: "test", name: "old-encoder", url: fixture.feedURL)
    let feed = try fixture.feeds.feed(channel: "test", uri: "old-encoder")
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline, feed.status.state != .up { usleep(100_000) }
    let status = feed.status
    #expect(status.state == .up && status.videoCodec == "mpeg2video")
    #expect(!status.airable && status.problems.contains { $0.contains("mpeg2video") && $0.contains("H.264 or HEVC") })
    #expect(!feed.isReady)
    // A take of it never airs it: the schedule stays on air.
    let log = PublishLog()
    let channel = fixture.channel([(.media(uri: "program.mp4", inPoint: .zero), 60)], log: log)
    try channel.start()
    defer { channel.stop() }
    channel.take(LiveTake(id: 9, source: "old-encoder", title: "Old"))
    var observer = LivePlaylistObserver()
    _ = fixture.poll(channel, into: &observer, timeout: 6) { false }
    #expect(!log.all.isEmpty && log.all.allSatisfy { $0.segment.title == "Item 0" })
}

private final class AsRunCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [AsRunEntry] = []
    func record(_ entry: AsRunEntry) { lock.withLock { entries.append(entry) } }
    var all: [AsRunEntry] { lock.withLock { entries } }
}
