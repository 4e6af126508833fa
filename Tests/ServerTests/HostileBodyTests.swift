import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Server
import Synchronization
import Testing

/// Issue 13: bodies that used to stall or break the server. A small, deeply nested JSON body is
/// refused before it is parsed (400 naming where), one with too many values or past the upload
/// limit answers 413 with a clear message instead of 500, and none of them logs an error.
struct HostileBodyTests {
    static let validate = "/api/channels/news/rundowns/2026-03-02/validate"

    /// Every log entry of an application, to check that refusals log no error.
    final class LogRecorder: Sendable {
        struct Handler: LogHandler {
            let recorder: LogRecorder
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                recorder.entries.withLock { $0.append((event.level, "\(event.message)")) }
            }
        }

        let entries = Mutex<[(level: Logger.Level, message: String)]>([])

        var errors: [String] {
            entries.withLock { $0.filter { $0.level >= .error }.map(\.message) }
        }
    }

    /// Runs `test` against the fixture's router with its log recorded in `recorder`.
    func withClient(_ fixture: ServerFixture, recorder: LogRecorder, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try buildApplication(settings: fixture.settings, database: fixture.database, live: fixture.live, metrics: fixture.metrics,
                                       logger: Logger(label: "sretv-test") { _ in LogRecorder.Handler(recorder: recorder) })
        try await app.test(.router, test)
    }

    @Test(arguments: [500, 8_000])
    func aDeeplyNestedBodyIsRefusedNamingWhereItNestsTooDeep(depth: Int) async throws {
        let fixture = try ServerFixture()
        let recorder = LogRecorder()
        try await withClient(fixture, recorder: recorder) { client in
            let body = ByteBuffer(string: String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            let response = try await client.execute(uri: Self.validate, method: .post, headers: fixture.headers(.viewer), body: body)
            #expect(response.status == .badRequest)
            #expect(response.json["error"] as? String == "the JSON body nests too deeply")
            let issue = try #require((response.json["issues"] as? [[String: String]])?.first)
            #expect(issue["path"] == "$" + String(repeating: "[0]", count: 64))
            #expect(issue["message"]?.contains("deeper than 64 levels") == true)
        }
        #expect(recorder.errors.isEmpty)
    }

    @Test func aDeeplyNestedBodyToATypedRouteIsRefusedToo() async throws {
        let fixture = try ServerFixture()
        try await withClient(fixture, recorder: LogRecorder()) { client in
            let body = ByteBuffer(string: #"{"name": "x", "role": "viewer", "extra": "# + String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100) + "}")
            let response = try await client.execute(uri: "/api/users", method: .post, headers: fixture.headers(.admin), body: body)
            #expect(response.status == .badRequest)
            let issue = try #require((response.json["issues"] as? [[String: String]])?.first)
            #expect(issue["path"] == "extra" + String(repeating: ".a", count: 63))
        }
    }

    @Test func aBodyWithTooManyValuesAnswers413() async throws {
        let fixture = try ServerFixture()
        let recorder = LogRecorder()
        try await withClient(fixture, recorder: recorder) { client in
            let body = ByteBuffer(string: "[" + Array(repeating: "0", count: 300_000).joined(separator: ",") + "]")
            let response = try await client.execute(uri: Self.validate, method: .post, headers: fixture.headers(.viewer), body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.json["code"] as? String == "too-large")
            #expect((response.json["error"] as? String)?.contains("more than 250000 values") == true)
        }
        #expect(recorder.errors.isEmpty)
    }

    @Test(arguments: [validate, "/api/users"])
    func aJSONBodyPastTheUploadLimitAnswers413WithoutLoggingAnError(uri: String) async throws {
        let fixture = try ServerFixture()
        let recorder = LogRecorder()
        try await withClient(fixture, recorder: recorder) { client in
            let body = ByteBuffer(string: #"{"name": ""# + String(repeating: "x", count: 3 * 1024 * 1024) + #""}"#)
            let response = try await client.execute(uri: uri, method: .post, headers: fixture.headers(.admin), body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.json["error"] as? String == "the request body is larger than 2 MiB, the most this route accepts; send a smaller one")
        }
        #expect(recorder.errors.isEmpty, "\(recorder.errors)")
    }

    @Test func aLoginFormPastItsLimitAnswers413InHTMLWithoutLoggingAnError() async throws {
        let fixture = try ServerFixture()
        let recorder = LogRecorder()
        try await withClient(fixture, recorder: recorder) { client in
            let body = ByteBuffer(string: "name=viewer-user&token=" + String(repeating: "x", count: 20_000))
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("the request body is larger than 16 KiB"), "\(response.text)")
        }
        #expect(recorder.errors.isEmpty, "\(recorder.errors)")
    }
}
