import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Store
import TestSupport
import Testing

/// Refused attempts leave a trace in the audit log, with who and from where, counted per minute;
/// a flood of failed logins is throttled with 429.
struct RefusalAuditTests {
    /// The refusals audited so far, newest first.
    static func refusals(_ database: AppDatabase, _ action: AuditEntry.Action = .requestRefused) throws -> [AuditEntry] {
        try database.auditEntries(limit: 1000).filter { $0.action == action }
    }

    @Test func everyKindOfRefusedChangeIsAudited() async throws {
        try await SessionTests().withSite { site in
            let database = site.fixture.database
            let tokens = site.fixture.tokens
            let channel = #"{"id": "culture", "name": "Cultura", "timezone": "America/Mexico_City"}"#
            var expected: [(actor: String, status: Int, detail: String)] = []
            // No login, a token that is no user's, a role too small.
            #expect(try await site.request("POST", "/api/channels", json: channel).status == 401)
            expected.append(("(no login)", 401, "POST /api/channels"))
            #expect(try await site.request("POST", "/api/channels", token: "sretv_forged", json: channel).status == 401)
            expected.append(("(unknown token)", 401, "POST /api/channels"))
            #expect(try await site.request("POST", "/api/channels", token: tokens[.viewer], json: channel).status == 403)
            expected.append(("viewer-user", 403, "POST /api/channels"))
            // A session cookie without the CSRF token, on the API and on a page.
            let session = try await site.login(.producer)
            let cookie = "Cookie: sretv_session=\(session.value)"
            #expect(try await site.request("PUT", "/api/channels/news/rundowns/\(ServerFixture.day)", json: String(buffer: ServerFixture.rundown("x")), headers: [cookie]).status == 403)
            expected.append(("producer-user", 403, "csrf PUT /api/channels/news/rundowns/\(ServerFixture.day)"))
            #expect(try await site.request("POST", "/logout", form: "csrf=0000", headers: [cookie]).status == 403)
            expected.append(("producer-user", 403, "csrf POST /logout"))
            // A version conflict.
            let rundown = String(buffer: ServerFixture.rundown("base"))
            let path = "/api/channels/news/rundowns/\(ServerFixture.day)"
            let saved = try await site.request("PUT", path, token: tokens[.producer], json: rundown)
            #expect(saved.status == 201, "\(saved.body)")
            #expect(try await site.request("PUT", path, token: tokens[.producer], json: rundown, headers: ["If-Match: \"1\""]).status == 200)
            #expect(try await site.request("PUT", path, token: tokens[.producer], json: rundown, headers: ["If-Match: \"1\""]).status == 409)
            expected.append(("producer-user", 409, "conflict PUT \(path)"))
            // A URL off the allow list.
            let ingest = #"{"url": "http://192.0.2.7/clip.mp4?token=SecretToken9", "provider": "Canal Once", "title": "Clip", "category": "cultura", "tags": []}"#
            #expect(try await site.request("POST", "/api/media/ingest", token: tokens[.producer], json: ingest).status == 403)
            expected.append(("producer-user", 403, "host-not-allowed POST /api/media/ingest"))
            // Reading is not a change: a refused GET is not audited.
            #expect(try await site.request("GET", "/api/users", token: tokens[.viewer]).status == 403)

            let rows = try Self.refusals(database).reversed()
            #expect(rows.count == expected.count, "\(rows)")
            for (row, want) in zip(rows, expected) {
                #expect(row.actor == want.actor && row.address == "127.0.0.1" && row.count == 1, "\(row)")
                #expect(row.detail?.hasPrefix("\(want.status) ") == true && row.detail?.contains(want.detail) == true, "\(row) \(want)")
            }
            #expect(rows.allSatisfy { $0.detail?.contains("SecretToken9") == false })
            // The same refusal again within the minute is counted into its row.
            #expect(try await site.request("POST", "/api/channels", token: tokens[.viewer], json: channel).status == 403)
            // (Rows are per calendar minute: when the repeat falls in the next minute, it opens one row there.)
            let again = try Self.refusals(database)
            let viewerRows = again.filter { $0.actor == "viewer-user" }
            #expect(again.count - viewerRows.count == expected.count - 1, "\(again)")
            #expect(viewerRows.map(\.count).reduce(0, +) == 2 && (viewerRows.count == 1 || viewerRows.allSatisfy { $0.count == 1 }), "\(viewerRows)")
        }
    }

    @Test func aFloodOfFailedLoginsIsCountedPerMinuteThenAnswered429WithoutCheckingTheToken() async throws {
        try await SessionTests().withSite { site in
            let database = site.fixture.database
            let token = site.fixture.tokens[.viewer]!.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for attempt in 0..<LoginThrottle.limit {
                let refused = try await site.request("POST", "/login", form: "name=viewer-user&token=wrong\(attempt)")
                #expect(refused.status == 401)
            }
            let rows = try Self.refusals(database, .loginRefused)
            #expect(rows.count <= 2, "one row a minute: \(rows)")
            #expect(rows.reduce(0) { $0 + $1.count } == LoginThrottle.limit)
            #expect(rows.allSatisfy { $0.actor == "viewer-user" && $0.address == "127.0.0.1" })
            // The right token does not help now, and neither does another user name from the same address.
            for form in ["name=viewer-user&token=\(token)", "name=admin-user&token=whatever"] {
                let throttled = try await site.request("POST", "/login?lang=en", form: form)
                #expect(throttled.status == 429, "\(form)")
                #expect(Int(throttled.headers["retry-after"] ?? "").map { $0 > 0 && $0 <= 600 } == true)
                #expect(throttled.body.contains("Too many failed logins") && throttled.headers["set-cookie"]?.contains("sretv_session") != true)
            }
            let spanish = try await site.request("POST", "/login?lang=es", form: "name=viewer-user&token=\(token)")
            #expect(spanish.status == 429 && spanish.body.contains("Demasiados intentos fallidos"))
            #expect(try Self.refusals(database, .loginThrottled).reduce(0) { $0 + $1.count } == 3)
        }
    }

    @Test func theThrottleCountsBackTenMinutes() throws {
        let fixture = try ServerFixture()
        let throttle = LoginThrottle(database: fixture.database)
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        for _ in 0..<LoginThrottle.limit {
            try fixture.database.recordRefusal(.loginRefused, actor: "ana", address: "192.0.2.1", detail: "web login refused", at: start)
        }
        #expect(try throttle.retryAfter(user: "ana", address: "198.51.100.1", now: start) == 600)
        #expect(try throttle.retryAfter(user: "luis", address: "192.0.2.1", now: start.addingTimeInterval(60)) == 540)
        #expect(try throttle.retryAfter(user: "luis", address: "198.51.100.1", now: start) == nil)
        #expect(try throttle.retryAfter(user: "ana", address: "192.0.2.1", now: start.addingTimeInterval(601)) == nil)
    }
}
