import Foundation
import Logging
import Media
@testable import Playout
import TestSupport
import Testing

/// A feed taken by URL is closed once its take is given back: takes do not pile up open feeds
/// (each a thread and a socket) however often an operator takes the same or another URL.
@Test(.timeLimit(.minutes(2)))
func aFeedTakenByURLClosesAfterItsTakeIsGivenBackAndTakesDoNotPileUp() throws {
    let render = try RenderFixture()
    try render.clip("program.mp4", seconds: 60, gop: 25)
    try render.clip("feed.ts", seconds: 10, gop: 25)
    let feeds = LiveFeeds(policy: SourcePolicy(hosts: ["127.0.0.1"], schemes: ["udp"]),
                          settings: LiveFeedSettings(holdTime: 1, idleRelease: 1), logger: Logger(label: "test"))
    defer { feeds.stopAll() }
    let url = "udp://127.0.0.1:\(ServerProcess.randomPort())"
    let encoder = try LiveFeedProcess(clip: render.mediaRoot.appendingPathComponent("feed.ts"), to: url)
    defer { encoder.stop() }
    var timeline = render.timeline([(.media(uri: "program.mp4", inPoint: .zero), 60), (.slate, 3600)])
    timeline.start = Date()
    let catalog = MediaCatalog(root: render.mediaRoot, uris: ["program.mp4"])
    let titles = TitleLog()
    let channel = ChannelPlayout(
        channel: "test", settings: PlayoutSettings(outputDirectory: render.folder.url.appendingPathComponent("live"), video: RenderFixture.channelFormat, channelTitle: "SREtv Test"),
        logger: Logger(label: "test"), schedule: { [timeline] _ in (timeline, catalog) }, asRun: { _ in }, published: { titles.add($0.title) }, liveFeeds: feeds
    )
    try channel.start()
    defer { channel.stop() }
    for take in 1...3 {
        let title = "Take \(take)"
        channel.take(LiveTake(id: Int64(take), source: url, title: title))
        #expect(wait(timeout: 20) { titles.contains(title) }, "\(title) never aired")
        #expect(feeds.openFeeds().count == 1, "\(title)")
        channel.giveBack()
        #expect(wait(timeout: 15) { feeds.openFeeds().isEmpty }, "the feed of \(title) is still open: \(feeds.openFeeds())")
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
private func wait(timeout: TimeInterval, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

/// The titles of the segments a channel published.
private final class TitleLog: @unchecked Sendable {
    private let lock = NSLock()
    private var titles: Set<String> = []
    func add(_ title: String) { lock.withLock { _ = titles.insert(title) } }
    func contains(_ title: String) -> Bool { lock.withLock { titles.contains(title) } }
}
