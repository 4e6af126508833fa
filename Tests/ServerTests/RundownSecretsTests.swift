import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Store
import Testing

/// A live item's URL secrets in a rundown are read only by operators and admins; a producer who
/// saves back the redacted rundown they read loses no secret.
struct RundownSecretsTests {
    static let uri = "/api/channels/news/rundowns/2026-03-02"
    static let secret = "RundownPassphrase9"

    static func rundown(liveURL: String) -> ByteBuffer {
        .init(string: """
        {"channel": "news", "date": "2026-03-02", "items": [
          {"id": "embassy", "title": "Embajada en Tokio", "start": "10:00:00", "duration": 600,
           "source": {"kind": "live", "uri": "\(liveURL)"}}]}
        """)
    }

    static func liveURI(of response: TestResponse) -> String? {
        let items = (response.json["rundown"] as? [String: Any])?["items"] as? [[String: Any]]
        return (items?.first?["source"] as? [String: Any])?["uri"] as? String
    }

    @Test func viewersAndProducersReadRedactedLiveURLsAndASaveOfThemKeepsTheSecret() async throws {
        let fixture = try ServerFixture()
        let url = "srt://127.0.0.1:9000?mode=caller&passphrase=\(Self.secret)"
        try await fixture.withClient { client throws in
            let created = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.operator), body: Self.rundown(liveURL: url))
            #expect(created.status == .created, "\(created.text)")
            for role in [User.Role.viewer, .producer] {
                let read = try await client.execute(uri: Self.uri, method: .get, headers: fixture.headers(role))
                #expect(read.status == .ok && !read.text.contains(Self.secret), "\(role): \(read.text)")
                #expect(Self.liveURI(of: read) == "srt://127.0.0.1:9000?mode=caller&passphrase=***")
            }
            let operatorRead = try await client.execute(uri: Self.uri, method: .get, headers: fixture.headers(.admin))
            #expect(Self.liveURI(of: operatorRead) == url)

            // The producer saves back what they read: the stored version keeps the passphrase.
            let redacted = "srt://127.0.0.1:9000?mode=caller&passphrase=***"
            let saved = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer, [.ifMatch: "\"1\""]),
                                                 body: Self.rundown(liveURL: redacted))
            #expect(saved.status == .ok, "\(saved.text)")
        }
        let stored = try #require(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!))
        #expect(stored.version == 2 && stored.rundown.items.first?.source.uri == url)
    }

    @Test func aRedactedURLThatMatchesNoStoredSecretIsRefusedWithItsPathAndNothingStored() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer),
                                                    body: Self.rundown(liveURL: "rtmp://127.0.0.1/live/***"))
            #expect(response.status == .badRequest, "\(response.text)")
            let issues = response.json["issues"] as? [[String: Any]]
            #expect(issues?.first?["path"] as? String == "items[0].source.uri", "\(response.text)")
        }
        #expect(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!) == nil)
    }
}
