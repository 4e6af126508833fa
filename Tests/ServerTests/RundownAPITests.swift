import Foundation
import HummingbirdTesting
@testable import Server
import Store
import Testing

/// Saving, reading and publishing rundowns over the API: optimistic versions, validation with
/// JSON paths, nothing stored from a refused request.
struct RundownAPITests {
    static let uri = "/api/channels/news/rundowns/2026-03-02"

    @Test func savedRundownReadsBackWithItsVersionAndPublicationState() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let created = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer), body: ServerFixture.rundown("first"))
            #expect(created.status == .created)
            #expect(created.json["version"] as? Int == 1 && created.headers[.eTag] == "\"1\"")
            let second = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer, [.ifMatch: "\"1\""]), body: ServerFixture.rundown("second"))
            #expect(second.status == .ok && second.json["version"] as? Int == 2)
            let published = try await client.execute(uri: Self.uri + "/publish", method: .post, headers: fixture.headers(.producer), body: .init(string: #"{"version": 1}"#))
            #expect(published.status == .ok && published.json["version"] as? Int == 1)

            let latest = try await client.execute(uri: Self.uri, method: .get, headers: fixture.headers(.viewer))
            #expect(latest.status == .ok && latest.headers[.eTag] == "\"2\"")
            #expect(latest.json["version"] as? Int == 2 && latest.json["savedBy"] as? String == "producer-user")
            #expect(latest.json["published"] as? Bool == false && latest.json["publishedVersion"] as? Int == 1)
            let items = (latest.json["rundown"] as? [String: Any])?["items"] as? [[String: Any]]
            #expect(items?.first?["title"] as? String == "second")
        }
        #expect(try fixture.database.auditEntries(channel: "news").filter { $0.actor == "producer-user" }.map(\.action) == [.rundownPublish, .rundownSave, .rundownSave])
    }

    @Test func twoConcurrentSavesFromTheSameBaseGiveOneVersionAndOne409() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer), body: ServerFixture.rundown("base"))
            let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for title in ["from ana", "from luis"] {
                    group.addTask {
                        try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer, [.ifMatch: "\"1\""]), body: ServerFixture.rundown(title))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.map(\.status.code).sorted() == [200, 409])
            let loser = try #require(responses.first { $0.status == .conflict }).json
            #expect(loser["current"] as? Int == 2 && loser["savedBy"] as? String == "producer-user" && loser["savedAt"] is String)
            #expect((loser["error"] as? String)?.contains("load version 2") == true)
        }
        // Nothing lost: the base and the winner are both stored, and the loser still has its edit to reapply.
        let base = try #require(try fixture.database.rundownVersion(channel: "news", date: .init("2026-03-02")!, version: 1))
        let winner = try #require(try fixture.database.rundownVersion(channel: "news", date: .init("2026-03-02")!, version: 2))
        #expect(base.rundown.items.first?.title == "base")
        #expect(["from ana", "from luis"].contains(winner.rundown.items.first?.title ?? ""))
        #expect(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!)?.version == 2)
    }

    @Test(arguments: [
        (#"{"channel": "news", "date": "2026-03-02", "items": [{"id": "a", "title": "A", "source": {"kind": "production", "uri": "a.mp4"}, "duration": 60, "start": "25:00:00"}]}"#, "items[0].start"),
        (#"{"channel": "news", "date": "2026-02-30", "items": []}"#, "date"),
        (#"{"channel": "news", "date": "2026-03-02", "items": [{"id": "a", "title": "A", "source": {"kind": "production", "uri": "../../etc/passwd"}, "duration": 60}]}"#, "items[0].source.uri"),
        ("not json", "$"),
    ])
    func invalidRundownIs400WithJSONPathsAndNothingIsStored(_ body: String, path: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer), body: .init(string: body))
            #expect(response.status == .badRequest)
            #expect(response.json["error"] as? String == "invalid rundown")
            let paths = (response.json["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(paths.contains(path), "\(paths)")
        }
        #expect(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!) == nil)
    }

    @Test func rundownOfAnotherChannelOrDayThanTheURLIs400() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for (body, path) in [(ServerFixture.rundown("x", channel: "sports"), "channel"), (ServerFixture.rundown("x", date: "2026-03-03"), "date")] {
                let response = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer), body: body)
                #expect(response.status == .badRequest)
                #expect((response.json["issues"] as? [[String: Any]])?.first?["path"] as? String == path)
            }
            let badVersion = try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer, [.ifMatch: "latest"]), body: ServerFixture.rundown("x"))
            #expect(badVersion.status == .badRequest)
            let badDate = try await client.execute(uri: "/api/channels/news/rundowns/tomorrow", method: .get, headers: fixture.headers(.viewer))
            #expect(badDate.status == .badRequest)
        }
        #expect(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!) == nil)
        #expect(try fixture.database.latestRundown(channel: "sports", date: .init("2026-03-02")!) == nil)
    }

    @Test func missingRundownOrChannelIs404AndPublishingNothingIs404() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            #expect(try await client.execute(uri: Self.uri, method: .get, headers: fixture.headers(.viewer)).status == .notFound)
            #expect(try await client.execute(uri: Self.uri + "/publish", method: .post, headers: fixture.headers(.producer)).status == .notFound)
            let unknown = try await client.execute(uri: "/api/channels/nowhere/rundowns/2026-03-02", method: .put, headers: fixture.headers(.producer), body: ServerFixture.rundown("x", channel: "nowhere"))
            #expect(unknown.status == .notFound && unknown.json["code"] as? String == "not-found")
        }
    }
}
