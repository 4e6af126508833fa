import Foundation
import TestSupport
import Testing

/// Runs `sretv`, expecting success.
@discardableResult
private func sretv(_ arguments: String...) throws -> ProcessResult {
    let result = try SREtvBinary.run(arguments)
    #expect(result.status == 0, "sretv \(arguments.joined(separator: " ")): \(result.stderr)")
    return result
}

private func playlist(in folder: URL) throws -> ParsedPlaylist {
    try ParsedPlaylist(String(contentsOf: folder.appendingPathComponent("index.m3u8"), encoding: .utf8))
}

@Test func renderAirsHardStartsOnTimeAndSlateForMissingAndTruncatedMedia() throws {
    let folder = try TemporaryDirectory()
    let media = folder.url.appendingPathComponent("media")
    let out = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try sretv("test-clip", media.appendingPathComponent("bframes.mp4").path, "--format", "320x180@25", "--seconds", "12", "--gop", "12", "--b-frames", "3")
    try sretv("test-clip", media.appendingPathComponent("other.ts").path, "--format", "480x270@30", "--seconds", "5", "--sample-rate", "44100")
    try sretv("test-clip", media.appendingPathComponent("whole.mp4").path, "--format", "320x180@25", "--seconds", "4")
    let whole = try Data(contentsOf: media.appendingPathComponent("whole.mp4"))
    try whole.prefix(whole.count / 2).write(to: media.appendingPathComponent("truncated.mp4"))
    // 12 s of B-frame clip cut at 10 s by a hard start; a missing file and a truncated mp4 (its
    // index is gone) air slate for their 3 s each.
    let file = folder.path("rundown.json")
    try """
        {"channel": "sretv-test", "date": "2026-12-01", "timezone": "America/Mexico_City",
         "items": [
           {"id": "long", "title": "Long", "start": "08:00:00", "source": {"kind": "production", "uri": "bframes.mp4"}},
           {"id": "missing", "title": "Missing", "start": "08:00:10", "duration": 3, "source": {"kind": "production", "uri": "gone.mp4"}},
           {"id": "truncated", "title": "Truncated", "duration": 3, "source": {"kind": "production", "uri": "truncated.mp4"}},
           {"id": "other", "title": "Other", "in": 1, "source": {"kind": "public", "provider": "Notimex", "uri": "other.ts"}},
           {"id": "last", "title": "Last", "start": "08:00:22", "out": 2, "source": {"kind": "production", "uri": "bframes.mp4"}}
         ]}
        """.write(toFile: file, atomically: true, encoding: .utf8)

    let result = try sretv("render", file, "--media-root", media.path, "--out", out.path, "--segment-duration", "2", "--format", "320x180@25")
    #expect(result.stdout.contains("gone.mp4"))
    #expect(result.stdout.contains("truncated.mp4"))
    let parsed = try playlist(in: out)
    #expect(try HLSRules.checkVOD(parsed, directory: out) == [])
    #expect(try FFprobe.decodeErrors(out.appendingPathComponent("index.m3u8").path) == "")
    // 08:00:00 to 08:00:24 local (UTC-6).
    let start = try #require(parsed.segments.first?.programDateTime)
    #expect(start == ISO8601DateFormatter().date(from: "2026-12-01T14:00:00Z"))
    #expect(abs(parsed.segments.reduce(0) { $0 + $1.duration } - 24) < 0.000_01)
    let measured = try #require(try FFprobe.format(of: out.appendingPathComponent("index.m3u8").path).durationSeconds)
    #expect(abs(measured - 24) <= HLSRules.frame)
    // Each source starts on its schedule: the hard starts at +10 s and +22 s, the others back to back.
    // "other" asks for in = 1 s; its keyframes are 2 s apart, so it airs from 0 for all its 5 s
    // (16 to 21 s), and the slate fills the 1 s gap before the last hard start.
    let sourceStarts = parsed.segments.filter(\.discontinuity).compactMap { $0.programDateTime?.timeIntervalSince(start) }
    #expect(sourceStarts.map { ($0 * 1000).rounded() / 1000 } == [10, 13, 16, 21, 22])
}

/// Issue 13 item 10: a damaged MP4 whose sample index promises more than the file holds ends its
/// item where the muxer refuses a packet; the slate fills its slot and the render finishes.
@Test func renderOfAnMP4WhoseIndexPromisesMoreThanTheFileHoldsFinishesWithSlateAndAWarning() throws {
    let folder = try TemporaryDirectory()
    let media = folder.url.appendingPathComponent("media")
    let out = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try DamagedMedia.writeClip(to: folder.path("whole.mp4"), seconds: 6, indexFirst: true)
    try DamagedMedia.write(.cut(keeping: 0.3), of: folder.path("whole.mp4"), to: media.appendingPathComponent("damaged.mp4").path)
    try sretv("test-clip", media.appendingPathComponent("good.mp4").path, "--format", "320x180@25", "--seconds", "2")
    let file = folder.path("rundown.json")
    try """
        {"channel": "sretv-test", "date": "2026-12-01", "timezone": "America/Mexico_City",
         "items": [
           {"id": "damaged", "title": "Damaged", "start": "08:00:00", "source": {"kind": "production", "uri": "damaged.mp4"}},
           {"id": "good", "title": "Good", "start": "08:00:04", "source": {"kind": "production", "uri": "good.mp4"}}
         ]}
        """.write(toFile: file, atomically: true, encoding: .utf8)

    let result = try sretv("render", file, "--media-root", media.path, "--out", out.path, "--segment-duration", "2", "--format", "320x180@25")
    #expect(result.stdout.contains("damaged.mp4") && result.stdout.contains("slate"), "\(result.stdout)")
    let parsed = try playlist(in: out)
    #expect(try HLSRules.checkVOD(parsed, directory: out) == [])
    #expect(try FFprobe.decodeErrors(out.appendingPathComponent("index.m3u8").path) == "")
    // The next item starts on time.
    #expect(abs(parsed.segments.reduce(0) { $0 + $1.duration } - 6) < 0.000_01)
    let start = try #require(parsed.segments.first?.programDateTime)
    #expect(parsed.segments.last { $0.discontinuity }?.programDateTime?.timeIntervalSince(start) == 4)
}

@Test func demoRundownRendersFromGeneratedDemoMedia() throws {
    let folder = try TemporaryDirectory()
    let media = folder.url.appendingPathComponent("media").path
    let out = folder.url.appendingPathComponent("out")
    try sretv("demo-media", media)
    let demo = SREtvBinary.repositoryRoot.appendingPathComponent("Playlists/demo.json").path
    try sretv("validate", demo, "--media-root", media)
    try sretv("render", demo, "--media-root", media, "--out", out.path)
    let parsed = try playlist(in: out)
    #expect(try HLSRules.checkVOD(parsed, directory: out) == [])
    #expect(try FFprobe.decodeErrors(out.appendingPathComponent("index.m3u8").path) == "")
    #expect(parsed.targetDuration == 4)
    #expect(abs(parsed.segments.reduce(0) { $0 + $1.duration } - 180) < 0.000_01)
}

@Test func probePrintsExactDurationKeyframesAndStreams() throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.mp4")
    try sretv("test-clip", clip, "--format", "320x180@25", "--seconds", "3", "--gop", "25", "--b-frames", "2", "--sample-rate", "44100")
    let result = try sretv("probe", clip)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["duration"] as? Double == 3)
    #expect(json["keyframes"] as? [Double] == [0, 1, 2])
    #expect(json["hasBFrames"] as? Bool == true)
    let streams = try #require(json["streams"] as? [[String: Any]])
    #expect(streams.map { $0["codec"] as? String } == ["h264", "aac"])
    #expect(streams.first?["width"] as? Int == 320)
    #expect(streams.last?["sampleRate"] as? Int == 44_100)
    #expect(try SREtvBinary.run(["probe", folder.path("nothing.mp4")]).status == 1)
}
