import Foundation
import HLS
import TestSupport
import Testing

private let start = Date(timeIntervalSince1970: 1_796_126_400) // 2026-12-01T12:00:00Z

private func segment(_ index: Int, _ duration: Double, at offset: Double, discontinuity: Bool = false) -> MediaSegment {
    MediaSegment(uri: "segment-\(index).ts", duration: duration, programDateTime: start.addingTimeInterval(offset),
                 discontinuity: discontinuity, title: "Item \(index)")
}

@Test func vodPlaylistListsEverySegmentAndEnds() throws {
    let playlist = MediaPlaylist(kind: .vod, targetDuration: 4, segments: [
        segment(0, 4, at: 0), segment(1, 2.48, at: 4), segment(2, 4, at: 6.48, discontinuity: true),
    ], timeZone: TimeZone(identifier: "America/Mexico_City")!)
    let text = playlist.render()
    let parsed = try ParsedPlaylist(text)
    #expect(parsed.playlistType == "VOD")
    #expect(parsed.endList)
    #expect(parsed.targetDuration == 4)
    #expect(parsed.discontinuitySequence == 0)
    #expect(parsed.segments.map(\.uri) == ["segment-0.ts", "segment-1.ts", "segment-2.ts"])
    #expect(parsed.segments.map(\.discontinuity) == [false, false, true])
    #expect(parsed.segments[1].duration == 2.48)
    #expect(parsed.segments[2].programDateTime == start.addingTimeInterval(6.48))
    #expect(text.contains("#EXT-X-PROGRAM-DATE-TIME:2026-12-01T06:00:04.000-06:00\n"))
    #expect(HLSRules.checkPlaylist(parsed) == [])
}

@Test func livePlaylistHasNoEndAndNoPlaylistType() throws {
    let playlist = MediaPlaylist(kind: .live, targetDuration: 2, mediaSequence: 41, discontinuitySequence: 3,
                                 segments: (0..<6).map { segment($0, 2, at: Double($0) * 2) })
    let parsed = try ParsedPlaylist(playlist.render())
    #expect(!parsed.endList)
    #expect(parsed.playlistType == nil)
    #expect(parsed.mediaSequence == 41)
    #expect(parsed.discontinuitySequence == 3)
}

@Test func targetDurationIsTheLongestSegmentRounded() {
    #expect(MediaPlaylist.targetDuration(for: [2, 4.49, 3]) == 4)
    #expect(MediaPlaylist.targetDuration(for: [2, 4.5]) == 5)
    #expect(MediaPlaylist.targetDuration(for: []) == 1)
}

@Test func programDateTimeCarriesMillisecondsAndTheZoneOffsetOfThatInstant() {
    let madrid = ProgramDateTimeFormatter(timeZone: TimeZone(identifier: "Europe/Madrid")!)
    // 2026-03-29 01:59:59.999 UTC+1, one millisecond later clocks jump to 03:00 UTC+2.
    let beforeJump = Date(timeIntervalSince1970: 1_774_745_999.999)
    #expect(madrid.string(from: beforeJump) == "2026-03-29T01:59:59.999+01:00")
    #expect(madrid.string(from: beforeJump.addingTimeInterval(0.001)) == "2026-03-29T03:00:00.000+02:00")
    #expect(ProgramDateTimeFormatter(timeZone: TimeZone(identifier: "UTC")!).string(from: start) == "2026-12-01T12:00:00.000Z")
}
