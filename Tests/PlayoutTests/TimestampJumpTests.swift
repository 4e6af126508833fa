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
