import Foundation
import HummingbirdTesting
@testable import Server
import Store
import Testing

struct ChannelAPITests {
    @Test func adminCreatesAChannelThatIsListedAndAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let body = #"{"id": "culture", "name": "Cultura", "timezone": "Europe/Madrid", "filler": "filler/bars.mp4"}"#
            let created = try await client.execute(uri: "/api/channels", method: .post, headers: fixture.headers(.admin), body: .init(string: body))
            #expect(created.status == .created)
            #expect(created.json["id"] as? String == "culture" && created.json["timezone"] as? String == "Europe/Madrid")
            let list = try await client.execute(uri: "/api/channels", method: .get, headers: fixture.headers(.viewer))
            let ids = (try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["culture", "news", "sports"])
            let again = try await client.execute(uri: "/api/channels", method: .post, headers: fixture.headers(.admin), body: .init(string: body))
            #expect(again.status == .conflict && again.json["code"] as? String == "exists")
        }
        #expect(try fixture.database.auditEntries(channel: "culture").map(\.actor) == ["admin-user"])
    }

    @Test(arguments: [
        #"{"id": "Bad Id", "name": "X", "timezone": "Europe/Madrid"}"#,
        #"{"id": "ok", "name": "X", "timezone": "Mars/Olympus"}"#,
        #"{"id": "ok", "name": "X"}"#,
        #"{"id": 7, "name": "X", "timezone": "Europe/Madrid"}"#,
        "[]",
    ])
    func invalidChannelBodyIs400AndCreatesNothing(_ body: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/api/channels", method: .post, headers: fixture.headers(.admin), body: .init(string: body))
            #expect(response.status == .badRequest, "\(body)")
            #expect(response.json["error"] is String)
        }
        #expect(try fixture.database.channels().map(\.id) == ["news", "sports"])
    }

    @Test func unknownRoutesAre404InJSON() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for uri in ["/nothing", "/api/channels/news/unknown", "/api"] {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.admin))
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }
}
