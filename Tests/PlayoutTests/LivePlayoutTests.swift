import Foundation
import Logging
import Media
@testable import Playout
import Scheduling
import Store
import TestSupport
import Testing

/// A channel fed by a hand-made timeline that starts on the next whole second.
private struct LiveFixture {
    let render: RenderFixture
    let timeline: Timeline
    let catalog: MediaCatalog
    var output: URL { render.folder.url.appendingPathComponent("live") }

    init() throws {
        render = try RenderFixture()
        try render.clip("bframes.mp4", seconds: 5, gop: 12, bFrames: 2)
        try render.clip("other.ts", seconds: 4, video: VideoFormat(width: 240, height: 136, frameRate: 30), gop: 30)
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 1).rounded(.up))
        var timeline = render.timeline([
            (.media(uri: "bframes.mp4", inPoint: .zero), 5),
            (.media(uri: "missing.mp4", inPoint: .zero), 3),
            (.media(uri: "other.ts", inPoint: .zero), 4),
            (.slate, 3600),
        ])
        timeline.start = start
        self.timeline = timeline
        catalog = MediaCatalog(root: render.mediaRoot, uris: ["bframes.mp4", "other.ts", "missing.mp4"])
    }

    func channel(asRun: @escaping @Sendable (AsRunEntry) -> Void = { _ in }) -> ChannelPlayout {
        let timeline = timeline
        let catalog = catalog
        return ChannelPlayout(
            channel: "test", settings: PlayoutSettings(outputDirectory: output, video: RenderFixture.channelFormat, channelTitle: "SREtv Test"),
            logger: Logger(label: "test"), schedule: { _ in (timeline, catalog) }, asRun: asRun
        )
    }

    /// Polls the channel's playlist every quarter second for `seconds`.
    func watch(_ channel: ChannelPlayout, for seconds: Double, into observer: inout LivePlaylistObserver) {
        let end = Date().addingTimeInterval(seconds)
        let startingSequence = observer.newestSequence
        var lastNewSegment: (sequence: Int?, at: Date)?
        while Date() < end {
            if let text = channel.playlist {
                observer.observe(text)
                // P2: a new segment appears within 1.5 target durations of the last (plus the poll interval).
                if observer.newestSequence != lastNewSegment?.sequence {
                    if let last = lastNewSegment, last.sequence != nil, Date().timeIntervalSince(last.at) > 3.3 {
                        observer.note("P2: \(Date().timeIntervalSince(last.at)) s without a new segment")
                    }
                    lastNewSegment = (observer.newestSequence, Date())
                }
                // R6, P2: once this run published, the newest segment ended at most a target duration (plus slack) ago.
                if observer.newestSequence != startingSequence, let newest = try? ParsedPlaylist(text).segments.last,
                   let date = newest.programDateTime {
                    let age = Date().timeIntervalSince(date.addingTimeInterval(newest.duration))
                    if age < -0.05 || age > 2.6 { observer.note("R6/P2: newest segment ended \(age) s ago") }
                }
            }
            usleep(250_000)
        }
    }
}

private final class AsRunLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [AsRunEntry] = []
    func record(_ entry: AsRunEntry) { lock.withLock { entries.append(entry) } }
    var all: [AsRunEntry] { lock.withLock { entries } }
}

@Test func liveChannelPublishesOnTheClockWithSlateForMissingMediaAndResumesAfterARestart() throws {
    let fixture = try LiveFixture()
    let log = AsRunLog()
    var observer = LivePlaylistObserver()
    let first = fixture.channel { log.record($0) }
    try first.start()
    fixture.watch(first, for: 17, into: &observer)
    first.stop()
    let stoppedWith = try ParsedPlaylist(try #require(first.playlist))
    observer.observe(try #require(first.playlist))
    let beforeRestart = stoppedWith.mediaSequence + stoppedWith.segments.count - 1

    // Program-date-times follow the schedule: slate until it starts, then each source at its planned time.
    let starts = observer.segments.filter(\.discontinuity).compactMap { $0.programDateTime?.timeIntervalSince(fixture.timeline.start) }
    #expect(starts.prefix(4).map { ($0 * 1000).rounded() / 1000 } == [0, 5, 8, 12])
    #expect(try #require(observer.segments.first?.programDateTime) < fixture.timeline.start)
    // The segments decode, start on keyframes, and measure what their EXTINF says (R7, R8).
    var window = try ParsedPlaylist(try #require(first.playlist))
    #expect(try HLSRules.checkSegments(window, directory: fixture.output) == [])
    // As-run: the clip aired, the missing file aired slate.
    #expect(log.all.map(\.itemId).prefix(3) == ["item-0", "item-1", "item-2"])
    #expect(log.all.map(\.outcome).prefix(3) == [.aired, .slate, .aired])

    // A restart continues the sequences and marks the join with a discontinuity (P5).
    let second = fixture.channel()
    try second.start()
    fixture.watch(second, for: 6, into: &observer)
    second.stop()
    #expect(observer.problems == [])
    let resumed = observer.segments.filter { $0.sequence > beforeRestart }
    #expect(resumed.first?.sequence == beforeRestart + 1)
    #expect(resumed.first?.discontinuity == true)
    let lastBefore = try #require(observer.segments.first { $0.sequence == beforeRestart })
    let rejoin = try #require(resumed.first?.programDateTime)
    #expect(rejoin >= lastBefore.programDateTime!.addingTimeInterval(lastBefore.duration))
    window = try ParsedPlaylist(try #require(second.playlist))
    #expect(try HLSRules.checkSegments(window, directory: fixture.output) == [])
    // Nothing but the window, the retained segments and the state file is on disk.
    let files = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path)
    #expect(!files.contains { $0.hasSuffix(".partial") })
    let listed = Set(observer.segments.map(\.uri) + window.segments.map(\.uri))
    #expect(Set(files.filter { $0.hasPrefix("segment-") }).subtracting(listed) == [])
}

@Test func whenSegmentsCannotBeWrittenTheLastGoodPlaylistStaysAndTheChannelRecovers() throws {
    let fixture = try LiveFixture()
    let channel = fixture.channel()
    try channel.start()
    defer { channel.stop() }
    var observer = LivePlaylistObserver()
    fixture.watch(channel, for: 5, into: &observer)
    let before = try #require(observer.newestSequence)

    // The output folder disappears and a file stands in its way: every write fails.
    let away = fixture.output.deletingLastPathComponent().appendingPathComponent("live-away")
    try FileManager.default.moveItem(at: fixture.output, to: away)
    try Data("in the way".utf8).write(to: fixture.output)
    // A segment already cut ahead may still be listed; after that the playlist stands still.
    usleep(2_500_000)
    var stuck = LivePlaylistObserver()
    stuck.observe(try #require(channel.playlist))
    let frozen = try #require(stuck.newestSequence)
    #expect(frozen <= before + 2)
    for _ in 0..<16 {
        stuck.observe(try #require(channel.playlist))
        usleep(250_000)
    }
    #expect(stuck.problems == [])
    #expect(stuck.newestSequence == frozen)

    // Storage comes back: new segments follow, behind a discontinuity, with rising sequences.
    try FileManager.default.removeItem(at: fixture.output)
    try FileManager.default.moveItem(at: away, to: fixture.output)
    var recovered = LivePlaylistObserver()
    let deadline = Date().addingTimeInterval(12)
    while Date() < deadline, (recovered.newestSequence ?? 0) < (stuck.newestSequence ?? 0) + 2 {
        recovered.observe(try #require(channel.playlist))
        usleep(250_000)
    }
    let resumed = try #require(recovered.segments.first { $0.sequence > (stuck.newestSequence ?? before) })
    #expect(resumed.discontinuity)
    #expect(recovered.problems == [])
    let window = try ParsedPlaylist(try #require(channel.playlist))
    #expect(try HLSRules.checkSegments(window, directory: fixture.output) == [])
}
