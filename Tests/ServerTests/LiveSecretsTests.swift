import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Media
import Playout
@testable import Server
import Store
import Synchronization
import TestSupport
import Testing

/// Log lines kept in memory, to check what a server writes to its log.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    /// A logger that writes everything, `trace` and up, into these lines.
    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label) { _ in Handler(lines: self) }
        logger.logLevel = .trace
        return logger
    }

    private struct Handler: LogHandler {
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel = Logger.Level.trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            lines.lines.withLock { $0.append("\(event.level) \(event.message) \(all) \(event.error.map { "\($0)" } ?? "")") }
        }
    }
}

/// Live sources' secrets (SRT passphrases, RTMP stream keys) are shown to operators and admins only:
/// not to viewers or producers in the API, the event stream or the timeline, and never in the log.
struct LiveSecretsTests {
    static let secrets = ["PassphraseSecret1", "StreamidSecret2", "StreamKeySecret3", "TakenKeySecret4"]

    @Test(.timeLimit(.minutes(1)))
    func viewersSeeNoLiveSourceSecretsAndOperatorsDo() async throws {
        var fixture = try ServerFixture()
        fixture.settings.eventStreamLifetime = 2.5
        let log = LogLines()
        // Nothing listens on these ports: both feeds fail, with their URL in the error.
        let port = ServerProcess.randomPort()
        let sources = [
            "studio": "srt://127.0.0.1:\(port)?mode=caller&passphrase=\(Self.secrets[0])&streamid=\(Self.secrets[1])",
            "remote": "rtmp://127.0.0.1:1/live/\(Self.secrets[2])",
        ]
        let feeds = LiveFeeds(policy: SourcePolicy(hosts: ["127.0.0.1"], schemes: ["srt", "rtmp", "udp"]),
                              settings: LiveFeedSettings(openTimeout: 1), logger: log.logger("feeds"))
        defer { feeds.stopAll() }
        for (name, url) in sources {
            try fixture.database.saveLiveSource(channel: "news", name: name, url: url, actor: "setup")
            try feeds.define(channel: "news", name: name, url: url)
        }
        let taken = "rtmp://127.0.0.1:1/live/\(Self.secrets[3])"
        _ = try fixture.database.startBreakout(channel: "news", source: taken, url: taken, mode: .rejoin, at: Date(), actor: "operator-user")
        let app = try buildApplication(settings: fixture.settings, database: fixture.database, live: fixture.live, metrics: fixture.metrics,
                                       liveFeeds: feeds, logger: log.logger("server"))
        try await app.test(.live) { [fixture] client in
            // Both feeds have failed once: their status carries an error that quotes the URL.
            let deadline = ContinuousClock.now + .seconds(20)
            while feeds.statuses(channel: "news").contains(where: { $0.lastError == nil }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(feeds.statuses(channel: "news").allSatisfy { $0.lastError?.contains("127.0.0.1") == true })
            let paths = ["sources", "breakout", "events", "timeline?from=\(ServerFixture.day)"].map { "/api/channels/news/\($0)" }
            for role in [User.Role.viewer, .producer, .operator, .admin] {
                var seen = ""
                for path in paths {
                    let response = try await client.execute(uri: path, method: .get, headers: fixture.headers(role))
                    #expect(response.status == .ok, "\(role) \(path): \(response.text)")
                    seen += response.text
                }
                #expect(seen.contains("***") == (role < .operator), "\(role): \(seen)")
                for secret in Self.secrets {
                    #expect(seen.contains(secret) == (role >= .operator), "\(role) and \(secret): \(seen)")
                }
            }
        }
        let lines = log.all.joined(separator: "\n")
        #expect(lines.contains("live source not reachable"), "\(lines)")
        for secret in Self.secrets { #expect(!lines.contains(secret), "\(secret) in the log: \(lines)") }
    }
}
