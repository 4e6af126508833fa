import Foundation
import HummingbirdTesting
@testable import Server
import TestSupport
import Testing

/// `GET …/events`: server-sent events over a real TCP connection — the whole state at once, then
/// only what changed, heartbeats, and streams that end with their client and with the server.
struct EventsAPITests {
    static let path = "/api/channels/news/events"

    /// The blocks of a `text/event-stream` body, each as its lines.
    static func blocks(_ text: String) -> [[String]] {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: "\n") }
    }

    @Test(.timeLimit(.minutes(1)))
    func streamSendsTheStateThenOnlyChangesAndHeartbeats() async throws {
        var fixture = try ServerFixture()
        // The take lands about 2 s in and the first heartbeat 5 s after it; 13 s leaves room for a
        // take delayed by a busy machine, and for a second heartbeat.
        fixture.settings.eventStreamLifetime = 13
        _ = try fixture.database.saveLiveSource(channel: "news", name: "studio", url: "udp://127.0.0.1:5000", actor: "setup")
        let database = fixture.database
        let response = try await fixture.application().test(.live) { [fixture] client in
            async let take: Void = {
                try await Task.sleep(for: .seconds(2))
                _ = try database.startBreakout(channel: "news", source: "studio", url: "udp://127.0.0.1:5000", mode: .shift, at: Date(), actor: "op")
            }()
            let response = try await client.execute(uri: Self.path, method: .get, headers: fixture.headers(.viewer))
            try await take
            return response
        }
        #expect(response.status == .ok && response.headers[.contentType] == "text/event-stream; charset=utf-8")
        let blocks = Self.blocks(response.text)
        #expect(blocks.prefix(5).map { $0[0] } == ["retry: 2000", "event: now", "event: sources", "event: breakout", "event: breakout"], "\(response.text)")
        let after = blocks.dropFirst(5).map { $0[0] }
        #expect((1...2).contains(after.count) && after.allSatisfy { $0 == ": heartbeat" }, "only heartbeats follow, 5 s apart: \(response.text)")
        let data = { (index: Int) in try JSONSerialization.jsonObject(with: Data(blocks[index][1].dropFirst(6).utf8), options: .fragmentsAllowed) }
        #expect(((try data(1) as? [String: Any])?["onAir"] as? [String: Any])?["title"] as? String == "Apertura")
        #expect((try data(2) as? [[String: Any]])?.map { $0["name"] as? String } == ["studio"])
        #expect(try data(3) is NSNull)
        #expect((try data(4) as? [String: Any])?["return"] as? String == "shift")
    }

    @Test(.timeLimit(.minutes(1)))
    func streamEndsWhenTheClientGoesAwayAndDoesNotHoldUpShutdown() async throws {
        var fixture = try ServerFixture()
        // Streams end by themselves after 20 s at the latest: a shutdown that does not end them fails
        // the 4 s check below instead of holding the test run.
        fixture.settings.eventStreamLifetime = 20
        let folder = try TemporaryDirectory("sretv-events")
        let started = ContinuousClock.now
        let (follower, shutdownBegan) = try await fixture.application().test(.live) { [fixture] client in
            let url = "http://127.0.0.1:\(client.port!)\(Self.path)"
            let first = try EventFollower(url: url, token: fixture.tokens[.viewer]!, output: folder.path("first.txt"))
            try await Self.waitForStreams(1, client: client, fixture: fixture)
            first.stop()
            // The next heartbeat finds the connection closed.
            try await Self.waitForStreams(0, client: client, fixture: fixture)
            let second = try EventFollower(url: url, token: fixture.tokens[.viewer]!, output: folder.path("second.txt"))
            try await Self.waitForStreams(1, client: client, fixture: fixture)
            return (second, ContinuousClock.now)
        }
        #expect(ContinuousClock.now - shutdownBegan < .seconds(4), "the server took long to stop with a stream open")
        #expect(follower.waitForExit(timeout: 5))
        #expect(try String(contentsOfFile: folder.path("second.txt"), encoding: .utf8).contains("event: now"))
        #expect(ContinuousClock.now - started < .seconds(40))
    }

    /// Waits until `/metrics` counts `count` streams following `news`.
    static func waitForStreams(_ count: Int, client: any TestClientProtocol, fixture: ServerFixture) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(.viewer)).text
            if metrics.contains("sretv_event_streams{channel=\"news\"} \(Double(count))\n") { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("/metrics never counted \(count) event streams of news")
    }
}

/// `curl -N` following an event stream into a file, as a browser's `EventSource` would.
final class EventFollower: @unchecked Sendable {
    private let process = Process()

    init(url: String, token: String, output: String) throws {
        try Data().write(to: URL(fileURLWithPath: output))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-s", "-N", "-H", "Authorization: Bearer \(token)", url]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.start()
    }

    deinit { stop() }

    /// Kills curl, as a closed browser tab would end the connection.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Whether curl ended by itself within `timeout` seconds.
    func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        return !process.isRunning
    }
}
