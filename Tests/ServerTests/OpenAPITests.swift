import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import Server
import Store
import TestSupport
import Testing

/// `Schemas/openapi.yaml` is valid OpenAPI 3.1 and the router answers every operation it lists,
/// so the spec and the code cannot drift apart.
struct OpenAPITests {
    static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schemas/openapi.yaml").standardized.path

    /// Every `(method, path)` of the spec: paths at two spaces' indent, methods at four.
    static func operations() throws -> [(method: HTTPRequest.Method, path: String)] {
        var path = ""
        var operations: [(HTTPRequest.Method, String)] = []
        for line in try String(contentsOfFile: specPath, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("  /") { path = String(line.dropFirst(2).dropLast()) }
            if line.hasPrefix("    "), !line.hasPrefix("     "), let method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased()),
               ["GET", "PUT", "POST", "DELETE", "PATCH"].contains(method.rawValue) {
                operations.append((method, path))
            }
        }
        return operations
    }

    @Test func specIsValidOpenAPI31() throws {
        let check = "from openapi_spec_validator import validate; from openapi_spec_validator.readers import read_from_filename; validate(read_from_filename(__import__('sys').argv[1])[0])"
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", check, Self.specPath])
        #expect(result.status == 0, "\(result.stderr) (pip install openapi-spec-validator)")
    }

    @Test func routerAnswersEveryOperationOfTheSpec() async throws {
        var fixture = try ServerFixture()
        fixture.settings.eventStreamLifetime = 0
        let operations = try Self.operations()
        #expect(operations.count == 39)
        let ingest = AppDatabase.IngestRequest(sourceURL: "http://192.0.2.7/clip.mp4", provider: "SPR", title: "Clip", fileExtension: "mp4")
        let id = try fixture.database.createIngest(ingest, actor: "setup").job.id
        // A source and a breakout on air, so their routes answer with them rather than "none".
        _ = try fixture.database.saveLiveSource(channel: "news", name: "studio", url: "udp://127.0.0.1:5000", actor: "setup")
        _ = try fixture.database.startBreakout(channel: "news", source: "studio", url: "udp://127.0.0.1:5000", mode: .rejoin, at: Date(), actor: "setup")
        try await fixture.withClient { [fixture] client throws in
            try await client.execute(uri: "/api/channels/news/rundowns/2026-03-02", method: .put, headers: fixture.headers(.admin), body: ServerFixture.rundown("x"))
            for (method, path) in operations {
                let uri = path.replacingOccurrences(of: "{channel}", with: "news").replacingOccurrences(of: "{date}", with: ServerFixture.day)
                    .replacingOccurrences(of: "{segment}", with: ServerFixture.segments[0]).replacingOccurrences(of: "{id}", with: "\(id)").replacingOccurrences(of: "{name}", with: "studio")
                let response = try await client.execute(uri: uri, method: method, headers: fixture.headers(.admin))
                // A 404 of the route itself (an asset without a thumbnail) is an answer; no route is not.
                #expect(response.status != .notFound || !response.text.contains("no such route"), "\(method) \(path): \(response.text)")
            }
        }
    }
}
