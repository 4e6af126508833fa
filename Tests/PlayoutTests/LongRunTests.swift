import Foundation
import Logging
import Media
@testable import Playout
import Scheduling
import TestSupport
import Testing

/// Fault test 10 in short form (the hours-long run is the soak benchmark, Benchmarks/SoakBenchmark,
/// which also follows memory): half a minute of 1-second segments, so the window rotates some thirty
/// times and retired segments are deleted all along, over clips of two formats and slate. No rule is
/// broken in any fetch, and the disk holds no more than the window, the retained segments and the
/// one written ahead.
@Test func aChannelRunningThirtyRotationsBreaksNoRuleAndKeepsItsDiskBounded() throws {
    let fixture = try RenderFixture()
    try fixture.clip("a.mp4", seconds: 3)
    try fixture.clip("b.ts", seconds: 4, video: VideoFormat(width: 240, height: 136, frameRate: 30), gop: 30)
    var timeline = fixture.timeline(Array(repeating: [(.media(uri: "a.mp4", inPoint: .zero), 3), (.media(uri: "b.ts", inPoint: .zero), 4), (.slate, 2)], count: 5).flatMap { $0 }
        + [(.slate, 3600)])
    timeline.start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 1).rounded(.up))
    let catalog = MediaCatalog(root: fixture.mediaRoot, uris: ["a.mp4", "b.ts"])
    let output = fixture.folder.url.appendingPathComponent("live")
    let settings = PlayoutSettings(outputDirectory: output, segmentDuration: 1, windowSegments: 6, video: RenderFixture.channelFormat, channelTitle: "SREtv Test")
    let channel = ChannelPlayout(channel: "test", settings: settings, logger: Logger(label: "test"), schedule: { [timeline] _ in (timeline, catalog) }, asRun: { _ in })
    try channel.start()
    var observer = LivePlaylistObserver()
    var mostFiles = 0
    let end = timeline.start.addingTimeInterval(32)
    while Date() < end {
        if let text = channel.playlist { observer.observe(text) }
        mostFiles = max(mostFiles, try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("segment-") }.count)
        usleep(250_000)
    }
    channel.stop()

    #expect(observer.problems == [])
    #expect((observer.newestSequence ?? 0) >= 28)
    // 6 listed, those retired for the window's length plus a target duration (7 s), one written ahead.
    #expect(mostFiles <= 6 + 8 + 1, "\(mostFiles) segment files on disk at once")
    let window = try ParsedPlaylist(try #require(channel.playlist))
    #expect(try HLSRules.checkSegments(window, directory: output) == [])
}
