import Foundation
import Media
@testable import Playout
import Scheduling
import TestSupport
import Testing

/// Two recordings concatenated into one file: the second one's timestamps start again from zero.
private func concatenatedRecording(in fixture: RenderFixture) throws -> String {
    try fixture.clip("first.ts", seconds: 4, gop: 25, bFrames: 2)
    try fixture.clip("second.ts", seconds: 3, gop: 25, bFrames: 2)
    var joined = try Data(contentsOf: fixture.mediaRoot.appendingPathComponent("first.ts"))
    joined.append(try Data(contentsOf: fixture.mediaRoot.appendingPathComponent("second.ts")))
    try joined.write(to: fixture.mediaRoot.appendingPathComponent("joined.ts"))
    return "joined.ts"
}

@Test func probeSmoothsATimestampJumpIntoOneContinuousClip() throws {
    let fixture = try RenderFixture()
    let uri = try concatenatedRecording(in: fixture)
    let info = try MediaProbe.probe(fixture.mediaRoot.appendingPathComponent(uri).path)
    #expect(info.timestampJumps == 1)
    #expect(abs(info.duration - 7) <= HLSRules.frame)
    // One keyframe a second in each part; the second part continues where the first ended.
    #expect(info.keyframes.count == 7)
    #expect(zip(info.keyframes, [0, 1, 2, 3, 4, 5, 6]).allSatisfy { abs($0 - $1) <= HLSRules.frame })
}

@Test func renderOfAJumpingSourceKeepsOutputTimestampsMonotonic() throws {
    let fixture = try RenderFixture()
    let uri = try concatenatedRecording(in: fixture)
    let info = try MediaProbe.probe(fixture.mediaRoot.appendingPathComponent(uri).path)
    // The whole file, then again from a keyframe after the jump (read from the start, not seeked).
    let afterJump = try #require(info.keyframes.last)
    let timeline = fixture.timeline([
        (.media(uri: uri, inPoint: .zero), info.duration),
        (.media(uri: uri, inPoint: Ticks(seconds: afterJump)), info.duration - afterJump),
    ])
    let (report, playlist) = try fixture.render(timeline)

    #expect(report.warnings == [])
    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(try FFprobe.decodeErrors(report.playlist.path) == "")
    let total = info.duration + info.duration - afterJump
    let measured = try #require(try FFprobe.format(of: report.playlist.path).durationSeconds)
    #expect(abs(measured - total) <= HLSRules.frame)
}

/// Fault test 4's other half: a transport stream whose 33-bit timestamps wrap round inside it
/// (recorded about 26.5 hours into a PCR clock) airs as one clip with monotonic output timestamps.
@Test func renderOfASourceWhoseTimestampsWrapAt33BitsKeepsOutputTimestampsMonotonic() throws {
    let fixture = try RenderFixture()
    try fixture.clip("good.mp4", seconds: 2)
    // 2^33 ticks of 90 kHz are 95443.717 s: starting at 95441 s, the wrap falls inside the clip.
    try FFmpegClip.write(to: fixture.mediaRoot.appendingPathComponent("wrap.ts").path, source: "testsrc=size=320x180:rate=25", seconds: 6,
                         videoCodec: "libx264", options: ["-g", "25", "-bf", "0", "-pix_fmt", "yuv420p", "-output_ts_offset", "95441"])
    // The raw timestamps, without the demuxer's wrap correction: they fall back to near zero.
    let probe = try ProcessRunner.run("ffprobe", ["-v", "error", "-correct_ts_overflow", "0", "-select_streams", "v:0", "-show_entries", "packet=pts",
                                                  "-of", "csv=p=0", fixture.mediaRoot.appendingPathComponent("wrap.ts").path])
    let raw = probe.stdout.split(whereSeparator: \.isNewline).compactMap { Int64($0.filter(\.isNumber)) }
    #expect(zip(raw, raw.dropFirst()).contains { $1 < $0 - 90_000 }, "the generated clip does not wrap: \(raw.prefix(3)) … \(raw.suffix(3))")
    let info = try MediaProbe.probe(fixture.mediaRoot.appendingPathComponent("wrap.ts").path)
    #expect(abs(info.duration - 6) <= HLSRules.frame)
    let timeline = fixture.timeline([
        (.media(uri: "good.mp4", inPoint: .zero), 2),
        (.media(uri: "wrap.ts", inPoint: .zero), info.duration),
        (.media(uri: "wrap.ts", inPoint: Ticks(seconds: 4)), info.duration - 4),
    ])
    let (report, playlist) = try fixture.render(timeline)

    #expect(report.warnings == [])
    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(try FFprobe.decodeErrors(report.playlist.path) == "")
    let measured = try #require(try FFprobe.format(of: report.playlist.path).durationSeconds)
    #expect(abs(measured - (2 + info.duration + info.duration - 4)) <= HLSRules.frame)
}
