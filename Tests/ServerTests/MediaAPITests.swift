import Foundation
import HummingbirdTesting
import Media
@testable import Server
import Store
import TestSupport
import Testing

/// Ingest over the API from a stand-in provider on loopback: jobs, progress, failure and retry,
/// refused sources (also a redirect off the provider's hosts), and deletion guarded by published rundowns.
@Suite(.serialized) struct MediaAPITests {
    let fixture: ServerFixture
    let served: String

    init() throws {
        fixture = try ServerFixture()
        served = fixture.folder.path("served")
        try ProviderMedia.mp4(served + "/clip.mp4", seconds: 6)
        try ProviderMedia.hls(from: served + "/clip.mp4", into: served + "/vod")
        try fixture.database.setProviderHosts("Canal Once", hosts: ["127.0.0.1"], actor: "setup")
    }

    /// `POST /api/media/ingest` as the producer.
    func ingest(_ client: any TestClientProtocol, url: String, provider: String = "Canal Once", title: String = "Clip") async throws -> TestResponse {
        let body = #"{"url": "\#(url)", "provider": "\#(provider)", "title": "\#(title)", "category": "cultura", "tags": ["prueba"]}"#
        return try await client.execute(uri: "/api/media/ingest", method: .post, headers: fixture.headers(.producer), body: .init(string: body))
    }

    /// Polls job `id` until it leaves queued/running, recording the highest progress seen.
    func waitForJob(_ client: any TestClientProtocol, _ id: Int, maxProgress: inout Double) async throws -> [String: Any] {
        for _ in 0..<600 {
            let job = try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: fixture.headers(.viewer)).json
            maxProgress = max(maxProgress, job["progress"] as? Double ?? 0)
            if let state = job["state"] as? String, !["queued", "running"].contains(state) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) did not end within 30 s")
        return [:]
    }

    @Test func anMP4AndAnHLSVODIngestToReadyAssetsWithFactsChecksumAndProgress() async throws {
        let server = try StandInProvider(directory: served)
        let source = try MediaProbe.probe(served + "/clip.mp4")
        try await fixture.withClient { client throws in
            for (url, container) in [(server.url("clip.mp4"), "mov,mp4,m4a,3gp,3g2,mj2"), (server.url("vod/index.m3u8"), "mpegts")] {
                let accepted = try await ingest(client, url: url)
                #expect(accepted.status == .accepted)
                let id = try #require(accepted.json["id"] as? Int)
                #expect(accepted.headers[.location] == "/api/jobs/\(id)")
                var progress = 0.0
                let job = try await waitForJob(client, id, maxProgress: &progress)
                #expect(job["state"] as? String == "done", "\(job)")
                #expect(progress > 0)
                #expect(job["bytes"] as? Int ?? 0 > 0)
                let asset = try await client.execute(uri: "/api/media/\(job["assetId"] as? Int ?? 0)", method: .get, headers: fixture.headers(.viewer)).json
                #expect(asset["status"] as? String == "ready")
                #expect(abs((asset["duration"] as? Double ?? 0) - source.duration) <= 0.04)
                #expect((asset["checksum"] as? String)?.count == 64)
                #expect((asset["facts"] as? [String: Any])?["container"] as? String == container)
                #expect((asset["verdict"] as? [String: Any])?["airable"] as? Bool == true, "\(asset)")
                #expect(((asset["verdict"] as? [String: Any])?["loudness"] as? [String: Any])?["integrated"] is Double)
                let thumbnail = fixture.settings.mediaRoot.appendingPathComponent(asset["thumbnail"] as? String ?? "-").path
                #expect(try FFprobe.streams(of: thumbnail).streams?.first?.codec_name == "mjpeg")
                let file = fixture.settings.mediaRoot.appendingPathComponent(asset["uri"] as? String ?? "").path
                #expect(try FileChecksum.sha256(of: file) == asset["checksum"] as? String)
            }
            let listed = try await client.execute(uri: "/api/media?q=prueba&provider=Canal%20Once&status=ready", method: .get, headers: fixture.headers(.viewer))
            #expect((try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [Any])?.count == 2)
        }
    }

    @Test func aProviderKilledMidTransferFailsTheJobWithNoFileAndARetrySucceeds() async throws {
        let server = try StandInProvider(directory: served, bytesPerSecond: 20_000)
        try await fixture.withClient { client throws in
            let id = try #require(try await ingest(client, url: server.url("vod/index.m3u8")).json["id"] as? Int)
            for _ in 0..<200 {
                let job = try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: fixture.headers(.viewer)).json
                if job["bytes"] as? Int ?? 0 > 0 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            server.kill()
            var progress = 0.0
            let failed = try await waitForJob(client, id, maxProgress: &progress)
            #expect(failed["state"] as? String == "failed")
            #expect((failed["error"] as? String)?.contains("127.0.0.1") == true, "\(failed)")
            let library = fixture.settings.mediaRoot.appendingPathComponent("library")
            let files = FileManager.default.subpaths(atPath: library.path)?.filter { $0.hasSuffix(".ts") || $0.hasSuffix(".partial") } ?? []
            #expect(files == [])

            try server.start()
            let retried = try await client.execute(uri: "/api/jobs/\(id)/retry", method: .post, headers: fixture.headers(.producer))
            #expect(retried.status == .accepted)
            let done = try await waitForJob(client, id, maxProgress: &progress)
            #expect(done["state"] as? String == "done", "\(done)")
            let asset = try await client.execute(uri: "/api/media/\(done["assetId"] as? Int ?? 0)", method: .get, headers: fixture.headers(.viewer)).json
            #expect(asset["status"] as? String == "ready")
            #expect(FileManager.default.fileExists(atPath: fixture.settings.mediaRoot.appendingPathComponent(asset["uri"] as? String ?? "").path))
        }
    }

    @Test func sourcesOffTheProviderListOrNotHTTPAreRefusedAndNothingIsRecorded() async throws {
        try await fixture.withClient { client throws in
            let offList = try await ingest(client, url: "http://192.0.2.7/clip.mp4")
            #expect(offList.status == .forbidden)
            #expect(offList.json["code"] as? String == "host-not-allowed")
            #expect((offList.json["error"] as? String)?.contains("192.0.2.7 is not on the allow list") == true)
            let noHosts = try await ingest(client, url: "http://127.0.0.1/clip.mp4", provider: "SPR")
            #expect(noHosts.status == .forbidden)
            for url in ["file:///etc/passwd", "concat:/etc/passwd|/etc/hosts"] {
                let refused = try await ingest(client, url: url)
                #expect(refused.status == .badRequest, "\(url)")
                #expect(refused.json["code"] as? String == "invalid-url")
            }
            #expect(try await ingest(client, url: "http://127.0.0.1/a.mp4", provider: "Nobody").status == .notFound)
            let viewer = try await client.execute(uri: "/api/media/ingest", method: .post, headers: fixture.headers(.viewer),
                                                  body: .init(string: #"{"url": "http://127.0.0.1/a.mp4", "provider": "Canal Once", "title": "x"}"#))
            #expect(viewer.status == .forbidden)
        }
        #expect(try fixture.database.assets().isEmpty)
    }

    @Test func deletingAnAssetAPublishedRundownUsesIs409WithTheRundownAndDeletesNothing() async throws {
        let server = try StandInProvider(directory: served)
        try await fixture.withClient { client throws in
            let id = try #require(try await ingest(client, url: server.url("clip.mp4")).json["id"] as? Int)
            var progress = 0.0
            let assetID = try await waitForJob(client, id, maxProgress: &progress)["assetId"] as? Int ?? 0
            let uri = try #require(try fixture.database.asset(id: Int64(assetID))?.uri)
            let rundown = """
                {"channel": "news", "date": "\(ServerFixture.day)", "timezone": "America/Mexico_City",
                 "items": [{"id": "clip", "title": "Clip", "source": {"kind": "public", "provider": "Canal Once", "uri": "\(uri)"}}]}
                """
            try await client.execute(uri: "/api/channels/news/rundowns/\(ServerFixture.day)", method: .put, headers: fixture.headers(.producer), body: .init(string: rundown))
            try await client.execute(uri: "/api/channels/news/rundowns/\(ServerFixture.day)/publish", method: .post, headers: fixture.headers(.producer))
            let refused = try await client.execute(uri: "/api/media/\(assetID)", method: .delete, headers: fixture.headers(.producer))
            #expect(refused.status == .conflict)
            let usedBy = refused.json["usedBy"] as? [[String: Any]]
            #expect(usedBy?.first?["channel"] as? String == "news")
            #expect(usedBy?.first?["date"] as? String == ServerFixture.day)
            #expect(try await client.execute(uri: "/api/media/\(assetID)", method: .get, headers: fixture.headers(.viewer)).status == .ok)
            #expect(FileManager.default.fileExists(atPath: fixture.settings.mediaRoot.appendingPathComponent(uri).path))
        }
    }

    @Test func aRedirectOffTheProviderListFailsTheJobNamingTheURLAndFilesNothing() async throws {
        let provider = try RedirectingProvider(directory: served)
        let target = provider.url("clip.mp4", host: "localhost")
        try await fixture.withClient { client throws in
            let id = try #require(try await ingest(client, url: provider.redirect(to: target)).json["id"] as? Int)
            var progress = 0.0
            let job = try await waitForJob(client, id, maxProgress: &progress)
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
