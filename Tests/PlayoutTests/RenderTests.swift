import Foundation
import Media
@testable import Playout
import Scheduling
import TestSupport
import Testing

@Test func renderOfMixedClipsFollowsTheHLSRulesAndDecodesCleanly() throws {
    let fixture = try RenderFixture()
    try fixture.clip("bframes.mp4", seconds: 6, gop: 12, bFrames: 3)
    try fixture.clip("long-gop.ts", seconds: 5, gop: 50, sampleRate: 44_100)
    try fixture.clip("wide.mkv", seconds: 4, video: VideoFormat(width: 480, height: 270, frameRate: 30), gop: 15, bFrames: 2)
    let timeline = fixture.timeline([
        (.media(uri: "bframes.mp4", inPoint: .zero), 6),
        (.slate, 1.5),
        (.media(uri: "long-gop.ts", inPoint: .zero), 5),
        (.media(uri: "wide.mkv", inPoint: Ticks(seconds: 1)), 2.5),
    ])
    let (report, playlist) = try fixture.render(timeline)

    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(try FFprobe.decodeErrors(report.playlist.path) == "")
    let total = playlist.segments.reduce(0) { $0 + $1.duration }
    #expect(abs(total - 15) < 0.000_01)
    let measured = try #require(try FFprobe.format(of: report.playlist.path).durationSeconds)
    #expect(abs(measured - 15) <= HLSRules.frame)
    // A discontinuity before the first segment of every source but the first.
    #expect(playlist.segments.filter(\.discontinuity).count == 3)
    #expect(playlist.segments.first?.programDateTime == RenderFixture.start)
}

@Test func entryStartsOnItsScheduledTimeAfterACutOverrun() throws {
    let fixture = try RenderFixture()
    try fixture.clip("long.mp4", seconds: 8, gop: 10, bFrames: 2)
    try fixture.clip("next.mp4", seconds: 3)
    // The first clip is cut at 4.3 s (mid-GOP, mid B-frame group): the next entry must start at 4.3 s.
    let timeline = fixture.timeline([(.media(uri: "long.mp4", inPoint: .zero), 4.3), (.media(uri: "next.mp4", inPoint: .zero), 3)])
    let (_, playlist) = try fixture.render(timeline)

    let next = try #require(playlist.segments.first { $0.discontinuity })
    let date = try #require(next.programDateTime)
    #expect(abs(date.timeIntervalSince(RenderFixture.start) - 4.3) <= 0.001)
    let firstPacket = try #require(try FFprobe.packets(of: fixture.output.appendingPathComponent(next.uri).path).first?.pts)
    #expect(abs(firstPacket - (Double(Renderer.clockOrigin) / 90_000 + 4.3)) <= HLSRules.frame)
    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(try FFprobe.decodeErrors(fixture.output.appendingPathComponent("index.m3u8").path) == "")
}

@Test func noFrameOfAnItemCutForTheNextOneRunsPastItsStart() throws {
    let fixture = try RenderFixture()
    try fixture.clip("long.mp4", seconds: 6)
    try fixture.clip("next.mp4", seconds: 2)
    // Cut at 3.03 s: the frame at 3.00 s would show until 3.04 s, 10 ms into the next entry.
    let timeline = fixture.timeline([(.media(uri: "long.mp4", inPoint: .zero), 3.03), (.media(uri: "next.mp4", inPoint: .zero), 2)])
    let (_, playlist) = try fixture.render(timeline)
    let nextStart = Double(Renderer.clockOrigin) / 90_000 + 3.03
    var frames: [Double] = []
    for segment in playlist.segments {
        frames += try FFprobe.packets(of: fixture.output.appendingPathComponent(segment.uri).path).compactMap(\.pts)
    }
    frames.sort()
    let outgoing = frames.filter { $0 < nextStart - 0.001 }
    #expect(!outgoing.isEmpty && outgoing.allSatisfy { $0 + 0.04 <= nextStart + 0.001 }, "last outgoing frame at \(outgoing.last ?? 0)")
    #expect(zip(frames, frames.dropFirst()).allSatisfy { $1 - $0 >= 0.04 - 0.001 }, "two frames closer than a frame apart")
    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
}

@Test func missingAndTruncatedMediaAirSlateForTheirWholeSlot() throws {
    let fixture = try RenderFixture()
    try fixture.clip("good.mp4", seconds: 2)
    try fixture.clip("whole.ts", seconds: 6)
    // Keep the first 40% of a transport stream: it opens, but ends long before its slot does.
    let whole = try Data(contentsOf: fixture.mediaRoot.appendingPathComponent("whole.ts"))
    try whole.prefix(whole.count * 4 / 10).write(to: fixture.mediaRoot.appendingPathComponent("truncated.ts"))
    try FileManager.default.removeItem(at: fixture.mediaRoot.appendingPathComponent("whole.ts"))
    let timeline = fixture.timeline([
        (.media(uri: "good.mp4", inPoint: .zero), 2),
        (.media(uri: "missing.mp4", inPoint: .zero), 3),
        (.media(uri: "truncated.ts", inPoint: .zero), 6),
        (.media(uri: "good.mp4", inPoint: .zero), 2),
    ])
    let (report, playlist) = try fixture.render(timeline)

    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(try FFprobe.decodeErrors(report.playlist.path) == "")
    let last = try #require(playlist.segments.last { $0.discontinuity }?.programDateTime)
    #expect(abs(last.timeIntervalSince(RenderFixture.start) - 11) <= 0.001)
    #expect(abs(playlist.segments.reduce(0) { $0 + $1.duration } - 13) < 0.000_01)
    #expect(report.warnings.contains { $0.contains("missing.mp4") })
    // The truncated file plays what it has, then the slate fills the rest of its slot.
    let truncatedRun = playlist.segments.filter { $0.programDateTime! >= RenderFixture.start.addingTimeInterval(5) && $0.programDateTime! < RenderFixture.start.addingTimeInterval(11) }
    #expect(truncatedRun.filter(\.discontinuity).count == 2)
}
