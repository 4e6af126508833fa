import Foundation
import HummingbirdTesting
@testable import Server
import Store
import Testing

struct UserAPITests {
    @Test func adminAddsAUserWhoseTokenIsShownOnceAndWorks() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let added = try await client.execute(uri: "/api/users", method: .post, headers: fixture.headers(.admin), body: .init(string: #"{"name": "ana", "role": "producer"}"#))
            #expect(added.status == .created)
            let token = try #require(added.json["token"] as? String)
            #expect(token.hasPrefix("sretv_") && token.count == 49 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            let save = try await client.execute(
                uri: "/api/channels/news/rundowns/2026-03-02", method: .put, headers: [.authorization: "Bearer \(token)"], body: ServerFixture.rundown("by ana")
            )
            #expect(save.status == .created)
            let list = try await client.execute(uri: "/api/users", method: .get, headers: fixture.headers(.admin))
            #expect(list.text.contains(#""name":"ana","role":"producer""#))
            #expect(!list.text.contains(token) && !list.text.contains("token"))
        }
        let added = try fixture.database.auditEntries().first { $0.action == .userSave }
        #expect(added?.detail == "user ana added as producer" && added?.actor == "admin-user")
    }

    @Test func tokensAreStoredOnlyAsTheirHash() throws {
        let fixture = try ServerFixture()
        let token = try fixture.database.addUser(name: "ana", role: .viewer, actor: "admin")
        let stored = try String(contentsOfFile: fixture.folder.path("data/sretv.sqlite"), encoding: .isoLatin1)
            + ((try? String(contentsOfFile: fixture.folder.path("data/sretv.sqlite-wal"), encoding: .isoLatin1)) ?? "")
        #expect(!stored.contains(token))
        #expect(stored.contains(AppDatabase.tokenHash(token)))
        #expect(try fixture.database.user(forToken: token)?.name == "ana")
    }

    @Test(arguments: [#"{"name": "ana", "role": "root"}"#, #"{"name": "a b", "role": "viewer"}"#, #"{"role": "viewer"}"#])
    func invalidUserBodyIs400(_ body: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/api/users", method: .post, headers: fixture.headers(.admin), body: .init(string: body))
            #expect(response.status == .badRequest, "\(body)")
        }
        #expect(try fixture.database.users().count == 4)
    }
}
