import Foundation
@testable import Media
import TestSupport
import Testing

/// `MediaCopier` against a real loopback web server (Python's `http.server`) serving generated media.
@Suite(.serialized) struct MediaCopierTests {
    let folder: TemporaryDirectory
    let served: String
    let policy = SourcePolicy(hosts: ["127.0.0.1"])

    init() throws {
        folder = try TemporaryDirectory("sretv-copier")
        served = folder.path("served")
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try ProviderMedia.mp4(served + "/clip.mp4", seconds: 6)
        try ProviderMedia.hls(from: served + "/clip.mp4", into: served + "/vod")
    }

    /// Copies `url` to `name` in the test folder, collecting every progress report.
    func copy(_ url: String, to name: String) throws -> (result: CopyProgress, reports: [CopyProgress], path: String) {
        var reports: [CopyProgress] = []
        let path = folder.path(name)
        let copied = try MediaCopier.copy(from: try policy.source(url), to: path) { reports.append($0); return true }
        #expect(try copied.probe() == (try MediaProbe.probe(path)), "the facts taken while copying are the file's")
        return (copied.progress, reports, path)
    }

    /// Files in the test folder whose name marks an unfinished copy.
    func partialFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".partial") }
    }

    @Test func anMP4OverHTTPIsCopiedIntoMPEGTSWithTheSameStreamsAndLength() throws {
        let server = try StandInProvider(directory: served)
        let (result, reports, path) = try copy(server.url("clip.mp4"), to: "copy.ts")
        let source = try MediaProbe.probe(served + "/clip.mp4")
        let copied = try MediaProbe.probe(path)
        #expect(copied.container == "mpegts")
        #expect(copied.streams.map(\.codec) == source.streams.map(\.codec))
        #expect(abs(copied.duration - source.duration) <= 0.04)
        #expect(result.bytesRead == Int64(try FileManager.default.attributesOfItem(atPath: served + "/clip.mp4")[.size] as! Int))
        #expect(reports.last?.percent ?? 0 > 99)
        #expect(try FFprobe.decodeErrors(path) == "")
        #expect(try partialFiles() == [])
    }

    @Test func anHLSVODPlaylistIsCopiedWholeWithBytesCountedOverItsSegments() throws {
        let server = try StandInProvider(directory: served)
        let (result, _, path) = try copy(server.url("vod/index.m3u8"), to: "vod.mp4")
        let source = try MediaProbe.probe(served + "/clip.mp4")
        let copied = try MediaProbe.probe(path)
        #expect(copied.container.contains("mp4"))
        #expect(abs(copied.duration - source.duration) <= 0.04)
        let segments = try FileManager.default.contentsOfDirectory(atPath: served + "/vod").filter { $0.hasSuffix(".ts") }
        let segmentBytes = try segments.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: served + "/vod/" + $1)[.size] as! Int) }
        #expect(result.bytesRead > Int64(segmentBytes))
        #expect(result.speed > 0)
    }

    @Test func anMPEGTSCopyShowsItsTapExactlyTheFileAndProbesItFromThePacketsWritten() throws {
        let server = try StandInProvider(directory: served)
        let path = folder.path("tapped.ts")
        let seen = TappedBytes()
        let copied = try MediaCopier.copy(from: try policy.source(server.url("vod/index.m3u8")), to: path, written: { seen.append($0) }) { _ in true }
        let facts = try copied.probe()
        #expect(facts == (try MediaProbe.probe(path)), "the facts taken while copying are the file's")
        #expect(facts.keyframes.count >= 3)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(file.count > 100_000)
        #expect(seen.bytes == file)
        #expect(try FFprobe.decodeErrors(path) == "")
    }

    @Test func anHLSVODCopyConnectsTheNextSegmentsAheadAndFetchesEachOnce() throws {
        let server = try StandInProvider(directory: served)
        _ = try copy(server.url("vod/index.m3u8"), to: "ahead.ts")
        let segments = try FileManager.default.contentsOfDirectory(atPath: served + "/vod").filter { $0.hasSuffix(".ts") }.sorted()
        #expect(segments.count >= 3)
        let requests = server.requests
        // The demuxer reads the playlist, and the read-ahead reads it once more to learn the segments.
        #expect(requests.filter { $0 == "/vod/index.m3u8" }.count == 2, "\(requests)")
        #expect(requests.filter { $0.hasSuffix(".ts") }.sorted() == segments.map { "/vod/" + $0 }, "\(requests)")
    }

    @Test func segmentsAreReadAheadOnlyInPlainVODMediaPlaylists() {
        let vod = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nsegment-000.ts\n#EXTINF:2,\nsub/segment-001.ts?x=1\n#EXT-X-ENDLIST\n"
        #expect(SegmentReadAhead.segments(of: vod, at: "http://h/vod/index.m3u8?sig=a")
            == ["http://h/vod/segment-000.ts", "http://h/vod/sub/segment-001.ts?x=1"])
        let live = vod.replacingOccurrences(of: "#EXT-X-ENDLIST\n", with: "")
        let keyed = vod.replacingOccurrences(of: "#EXTINF:2,\nsegment", with: "#EXT-X-KEY:METHOD=AES-128,URI=\"k\"\n#EXTINF:2,\nsegment")
        let master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow.m3u8\n#EXT-X-ENDLIST\n"
        for playlist in [live, keyed, master, "not a playlist"] {
            #expect(SegmentReadAhead.segments(of: playlist, at: "http://h/vod/index.m3u8") == nil, "\(playlist)")
        }
    }

    @Test func fileConcatAndSubfileURLsAndUnlistedHostsAreRefusedBeforeOpening() throws {
        for url in ["file:///etc/passwd", "concat:/etc/passwd|/etc/hosts", "subfile,,start,0,end,10,,:/etc/passwd", "/etc/passwd", "ftp://127.0.0.1/x.mp4"] {
            #expect(throws: MediaError.self, "\(url)") { try policy.source(url) }
            #expect((try? policy.source(url)) == nil)
        }
        let unlisted = #expect(throws: MediaError.self) { try policy.source("http://192.0.2.7/clip.mp4") }
        #expect(unlisted?.code == .refused)
        #expect(unlisted?.reason.contains("192.0.2.7 is not on the allow list") == true)
        #expect(try policy.source("https://127.0.0.1/a.m3u8").protocols == "https,tls,tcp,http,crypto")
        #expect(try policy.source("http://127.0.0.1/a.mp4").protocols == "http,tcp")
    }

    @Test func aPlaylistThatLeadsToAnUnlistedHostIsRefused() throws {
        let server = try StandInProvider(directory: served)
        let playlist = try String(contentsOfFile: served + "/vod/index.m3u8", encoding: .utf8)
            .replacingOccurrences(of: "segment-", with: "http://localhost:\(server.port)/vod/segment-")
        try playlist.write(toFile: served + "/vod/elsewhere.m3u8", atomically: true, encoding: .utf8)
        let error = #expect(throws: MediaError.self) { try copy(server.url("vod/elsewhere.m3u8"), to: "elsewhere.ts") }
        #expect(error?.code == .refused)
        #expect(error?.reason.contains("localhost") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.path("elsewhere.ts")))
        #expect(try partialFiles() == [])
    }

    @Test func aServerKilledMidTransferFailsTheCopyAndLeavesNoFile() throws {
        let server = try StandInProvider(directory: served, bytesPerSecond: 200_000)
        var reports = 0
        let path = folder.path("killed.ts")
        let error = #expect(throws: MediaError.self) {
            try MediaCopier.copy(from: try policy.source(server.url("vod/index.m3u8")), to: path) { progress in
                reports += 1
                if progress.bytesRead > 0 { server.kill() }
                return true
            }
        }
        #expect(reports > 0)
        #expect(error?.code == .read)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try partialFiles() == [])
    }

    @Test func returningFalseFromProgressCancelsAndLeavesNoFile() throws {
        let server = try StandInProvider(directory: served, bytesPerSecond: 200_000)
        let path = folder.path("cancelled.ts")
        let error = #expect(throws: MediaError.self) {
            try MediaCopier.copy(from: try policy.source(server.url("clip.mp4")), to: path) { _ in false }
        }
        #expect(error?.code == .cancelled)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try partialFiles() == [])
    }
}

/// The bytes a copy's tap was shown, appended on the writer's thread and read after the copy.
private final class TappedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ bytes: UnsafeRawBufferPointer) { lock.withLock { data.append(contentsOf: bytes) } }
    var bytes: Data { lock.withLock { data } }
}
