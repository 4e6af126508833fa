import Foundation
import HummingbirdTesting
import Media
@testable import Server
import Store
import TestSupport
import Testing

/// Ingest over the API from a provider whose server redirects: a redirect off the provider's
/// host list fails the job, naming the refused URL, and files nothing a viewer could download.
@Suite(.serialized) struct IngestRedirectTests {
    let fixture: ServerFixture
    let served: String

    init() throws {
        fixture = try ServerFixture()
        served = fixture.folder.path("served")
        try ProviderMedia.mp4(served + "/clip.mp4", seconds: 3)
        try fixture.database.setProviderHosts("Canal Once", hosts: ["127.0.0.1"], actor: "setup")
    }

    /// Ingests `url` from Canal Once as the producer and waits for the job to end.
    func ingestAndWait(_ client: any TestClientProtocol, url: String) async throws -> [String: Any] {
        let body = #"{"url": "\#(url)", "provider": "Canal Once", "title": "Clip", "category": "cultura", "tags": []}"#
        let accepted = try await client.execute(uri: "/api/media/ingest", method: .post, headers: fixture.headers(.producer), body: .init(string: body))
        #expect(accepted.status == .accepted, "\(accepted.text)")
        let id = try #require(accepted.json["id"] as? Int)
        for _ in 0..<600 {
            let job = try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: fixture.headers(.viewer)).json
            if let state = job["state"] as? String, !["queued", "running"].contains(state) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) did not end within 30 s")
        return [:]
    }

    @Test func aRedirectOffTheProviderListFailsTheJobNamingTheURLAndFilesNothing() async throws {
        let provider = try RedirectingProvider(directory: served)
        let target = provider.url("clip.mp4", host: "localhost")
        try await fixture.withClient { client throws in
            let job = try await ingestAndWait(client, url: provider.redirect(to: target))
            #expect(job["state"] as? String == "failed", "\(job)")
            #expect((job["error"] as? String)?.contains(target) == true, "\(job)")
            #expect((job["error"] as? String)?.contains("not on the allow list") == true, "\(job)")
            let asset = try await client.execute(uri: "/api/media/\(job["assetId"] as? Int ?? 0)", method: .get, headers: fixture.headers(.viewer)).json
            #expect(asset["status"] as? String != "ready", "\(asset)")
        }
        #expect(!provider.requests.contains("/clip.mp4"), "\(provider.requests)")
        let library = fixture.settings.mediaRoot.appendingPathComponent("library")
        #expect((FileManager.default.subpaths(atPath: library.path) ?? []).filter { $0.hasSuffix(".ts") || $0.hasSuffix(".mp4") } == [])
    }
}
