import Foundation
import HummingbirdTesting
import Hummingbird
import Media
@testable import Server
import Store
import TestSupport
import Testing

/// Verdicts of uploaded clips made to fail (loud audio, a 10-second GOP, MPEG-2 video), stored with
/// the asset, served as JSON with a thumbnail, and shown where a rundown names the asset.
@Suite(.serialized) struct MediaVerdictAPITests {
    let fixture: ServerFixture

    init() throws {
        fixture = try ServerFixture()
    }

    /// Uploads the file at `path` as `filename` and returns the asset as the API answered it.
    func upload(_ client: any TestClientProtocol, _ path: String, filename: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: "/api/media?title=\(filename)&provider=SPR&filename=\(filename)", method: .post,
                                                headers: fixture.headers(.producer), body: ByteBuffer(data: try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(response.status == .created, "\(response.text)")
        return response.json
    }

    /// Generates a 320x180@25 clip of `seconds` with a tone of `toneAmplitude` and GOPs of `gopLength` frames.
    func clip(_ name: String, seconds: Double = 3, gopLength: Int? = nil, toneAmplitude: Double = 0.0708) throws -> String {
        let path = fixture.folder.path(name)
        try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 320, height: 180, frameRate: 25), duration: .seconds(seconds),
                                         gopLength: gopLength, toneAmplitude: toneAmplitude), to: path)
        return path
    }

    /// A rundown of channel news naming `uris` as items, as JSON.
    func rundown(_ uris: [String]) -> ByteBuffer {
        let items = uris.enumerated().map { index, uri in
            #"{"id": "item\#(index)", "title": "Item \#(index)", "source": {"kind": "public", "provider": "SPR", "uri": "\#(uri)"}}"#
        }
        return ByteBuffer(string: #"{"channel": "news", "date": "\#(ServerFixture.day)", "timezone": "America/Mexico_City", "items": [\#(items.joined(separator: ", "))]}"#)
    }

    @Test func aLoudClipIsReadyWithALoudnessWarningNamingTheMeasuredValueAndAThumbnail() async throws {
        let loud = try clip("loud.mp4", toneAmplitude: 0.316)
        try await fixture.withClient { [fixture] client throws in
            let asset = try await upload(client, loud, filename: "loud.mp4")
            #expect(asset["status"] as? String == "ready", "\(asset)")
            let verdict = try #require(asset["verdict"] as? [String: Any])
            #expect(verdict["airable"] as? Bool == true && verdict["problems"] as? [String] == [])
            #expect(verdict["longestGOP"] as? Double == 2)
            let integrated = try #require((verdict["loudness"] as? [String: Any])?["integrated"] as? Double)
            #expect(abs(integrated - -10) <= 0.5)
            #expect((verdict["loudness"] as? [String: Any])?["truePeak"] is Double)
            let expected = String(format: "integrated loudness %.1f LUFS is %.1f LU above the channel's -23 LUFS target", integrated, integrated + 23)
            #expect((verdict["warnings"] as? [String])?.contains { $0.hasPrefix(expected) } == true, "\(verdict)")

            let id = try #require(asset["id"] as? Int)
            let thumbnail = try #require(asset["thumbnail"] as? String)
            #expect(thumbnail == (asset["uri"] as? String ?? "").replacingOccurrences(of: ".mp4", with: ".jpg"))
            let jpeg = try await client.execute(uri: "/api/media/\(id)/thumbnail", method: .get, headers: fixture.headers(.viewer))
            #expect(jpeg.status == .ok && jpeg.headers[.contentType] == "image/jpeg")
            let served = fixture.folder.path("served.jpg")
            try Data(buffer: jpeg.body).write(to: URL(fileURLWithPath: served))
            let picture = try #require(FFprobe.streams(of: served).streams?.first)
            #expect(picture.codec_name == "mjpeg" && picture.width == 320 && picture.height == 180)

            #expect(try await client.execute(uri: "/api/media/\(id)", method: .delete, headers: fixture.headers(.producer)).status == .noContent)
            #expect(!FileManager.default.fileExists(atPath: fixture.settings.mediaRoot.appendingPathComponent(thumbnail).path))
            #expect(try await client.execute(uri: "/api/media/\(id)/thumbnail", method: .get, headers: fixture.headers(.viewer)).status == .notFound)
        }
    }

    @Test func aTenSecondGOPGetsASegmentOvershootWarning() async throws {
        let sparse = try clip("sparse.mp4", seconds: 12, gopLength: 250)
        try await fixture.withClient { client throws in
            let verdict = try #require(try await upload(client, sparse, filename: "sparse.mp4")["verdict"] as? [String: Any])
            #expect(verdict["longestGOP"] as? Double == 10)
            #expect(verdict["warnings"] as? [String] == [
                "longest GOP is 10.0 s, longer than the channel's 2 s segments: segments can only be cut at keyframes, "
                    + "so some will last 10.0 s and overshoot the target duration; re-encode with a keyframe at least every 2 s",
                "320x180@25 differs from the channel's 1280x720@25: a discontinuity and a size change on air; transcode to 1280x720@25 to air seamlessly",
            ])
        }
    }

    @Test func anMPEG2ClipIsNotAirableAndARundownNamingItIsSavedWithTheVerdictsAsWarnings() async throws {
        let mpeg2 = fixture.folder.path("old.ts")
        try FFmpegClip.write(to: mpeg2, videoCodec: "mpeg2video")
        let loud = try clip("loud.mp4", toneAmplitude: 0.316)
        try await fixture.withClient { [fixture] client throws in
            let old = try await upload(client, mpeg2, filename: "old.ts")
            #expect(old["status"] as? String == "not-airable")
            let problem = "video codec mpeg2video cannot be carried in HLS without re-encoding (need H.264 or HEVC)"
            #expect((old["verdict"] as? [String: Any])?["problems"] as? [String] == [problem])
            #expect((old["verdict"] as? [String: Any])?["airable"] as? Bool == false)
            #expect(old["error"] as? String == problem)
            let loudAsset = try await upload(client, loud, filename: "loud.mp4")
            let integrated = try #require(((loudAsset["verdict"] as? [String: Any])?["loudness"] as? [String: Any])?["integrated"] as? Double)
            let uris = ["news/opening.mp4", old["uri"] as? String ?? "", loudAsset["uri"] as? String ?? ""]

            let uri = "/api/channels/news/rundowns/\(ServerFixture.day)"
            let validated = try await client.execute(uri: uri + "/validate", method: .post, headers: fixture.headers(.viewer), body: rundown(uris))
            let saved = try await client.execute(uri: uri, method: .put, headers: fixture.headers(.producer), body: rundown(uris))
            #expect(validated.status == .ok && saved.status == .created, "\(validated.text) \(saved.text)")
            #expect(saved.json["version"] as? Int == 1)
            for answer in [validated.json, saved.json] {
                let warnings = try #require(answer["warnings"] as? [[String: String]])
                #expect(warnings.filter { $0["path"] == "items[0].source.uri" } == [])
                #expect(warnings.contains { $0["path"] == "items[1].source.uri" && $0["message"]?.hasSuffix("cannot air as it is (its slot airs the slate): \(problem)") == true })
                let loudness = String(format: "integrated loudness %.1f LUFS is %.1f LU above", integrated, integrated + 23)
                #expect(warnings.contains { $0["path"] == "items[2].source.uri" && $0["message"]?.hasPrefix(loudness) == true }, "\(warnings)")
            }
            let invalid = try await client.execute(uri: uri + "/validate", method: .post, headers: fixture.headers(.viewer),
                                                   body: ByteBuffer(string: #"{"channel": "news", "date": "\#(ServerFixture.day)", "timezone": "America/Mexico_City", "items": [{"id": "a"}]}"#))
            #expect(invalid.status == .badRequest && (invalid.json["issues"] as? [[String: String]])?.first?["path"]?.hasPrefix("items[0]") == true)
        }
    }

    @Test func aFailedUploadsJobCannotBeRetriedAnd409SaysWhy() async throws {
        try await fixture.withClient { [fixture] client throws in
            let garbage = try await client.execute(uri: "/api/media?title=Broken&provider=SPR&filename=broken.mp4", method: .post,
                                                   headers: fixture.headers(.producer), body: ByteBuffer(string: String(repeating: "not media ", count: 100)))
            #expect(garbage.json["status"] as? String == "failed")
            let job = try #require(try fixture.database.jobs(in: .failed).first)
            let refused = try await client.execute(uri: "/api/jobs/\(job.id)/retry", method: .post, headers: fixture.headers(.producer))
            #expect(refused.status == .conflict)
            #expect(refused.json["code"] as? String == "wrong-state")
            #expect((refused.json["error"] as? String)?.contains("upload:broken.mp4, a file that was not kept once the job ended, so it cannot be retried") == true, "\(refused.text)")
            #expect(try fixture.database.job(id: job.id)?.state == .failed)
        }
    }
}
