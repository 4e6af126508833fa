import Foundation
import HummingbirdTesting
import Logging
import Media
import Playout
@testable import Server
import Store
import TestSupport
import Testing

/// `GET /api/live/feeds` and `/metrics` list every feed the server holds open; a feed taken by
/// URL closes once nothing uses it, so takes do not pile feeds (and their threads) up.
struct OpenFeedsTests {
    /// The `sretv_live_feeds_open{kind="url"}` value in `/metrics`.
    static func openURLFeeds(_ client: any TestClientProtocol, _ fixture: ServerFixture) async throws -> Int? {
        let text = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(.viewer)).text
        return text.firstMatch(of: /sretv_live_feeds_open\{kind="url"\} (\d+)/).flatMap { Int($0.1) }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFeedTakenByURLIsListedWhileUsedAndClosedOnceUnused() async throws {
        let fixture = try ServerFixture()
        let feeds = LiveFeeds(policy: SourcePolicy(hosts: ["127.0.0.1"], schemes: ["udp"]),
                              settings: LiveFeedSettings(openTimeout: 1, idleRelease: 1), logger: Logger(label: "feeds"))
        defer { feeds.stopAll() }
        try fixture.database.saveLiveSource(channel: "news", name: "studio", url: "udp://127.0.0.1:\(ServerProcess.randomPort())", actor: "setup")
        try feeds.watchStoredSources(of: fixture.database, logger: Logger(label: "feeds"))
        let url = "udp://127.0.0.1:\(ServerProcess.randomPort())?key=TakenKeySecret5"
        let app = try buildApplication(settings: fixture.settings, database: fixture.database, live: fixture.live, metrics: fixture.metrics,
                                       liveFeeds: feeds, logger: Logger(label: "server"))
        try await app.test(.live) { [fixture] client in
            for take in 1...3 {
                // What the playout does for a take by URL: it asks for the feed, and keeps asking while it
                // waits for it — here until the checks below are done, however slow the machine is.
                _ = try feeds.feed(channel: "news", uri: url).isReady
                let taking = Task {
                    while !Task.isCancelled {
                        _ = try? feeds.feed(channel: "news", uri: url).isReady
                        try? await Task.sleep(for: .milliseconds(200))
                    }
                }
                let listed = try await client.execute(uri: "/api/live/feeds", method: .get, headers: fixture.headers(.viewer))
                #expect(listed.status == .ok)
                let open = try JSONDecoder().decode([OpenLiveFeed].self, from: Data(listed.text.utf8))
                #expect(open.map(\.kind) == ["source", "url"], "take \(take): \(listed.text)")
                #expect(open.last?.status.url == "udp://127.0.0.1:\(url.split(separator: ":")[2].split(separator: "?")[0])?key=***")
                #expect(!listed.text.contains("TakenKeySecret5"))
                let operatorView = try await client.execute(uri: "/api/live/feeds", method: .get, headers: fixture.headers(.operator))
                #expect(operatorView.text.contains("TakenKeySecret5"))
                #expect(try await Self.openURLFeeds(client, fixture) == 1, "take \(take)")
                // The take ends: nobody asks for the feed any more, and it closes.
                taking.cancel()
                await taking.value
                let deadline = ContinuousClock.now + .seconds(10)
                while try await Self.openURLFeeds(client, fixture) != 0, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(try await Self.openURLFeeds(client, fixture) == 0, "take \(take)")
                let after = try await client.execute(uri: "/api/live/feeds", method: .get, headers: fixture.headers(.viewer)).text
                #expect(try JSONDecoder().decode([OpenLiveFeed].self, from: Data(after.utf8)).map(\.kind) == ["source"])
            }
            // The defined source stays open all along.
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(.viewer)).text
            #expect(metrics.contains("sretv_live_feeds_open{kind=\"source\"} 1"))
            #expect(metrics.contains("sretv_live_feed_open{kind=\"source\",channel=\"news\",source=\"studio\"} 1"))
        }
    }
}
