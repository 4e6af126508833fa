import Foundation
import HLS
@testable import Playout
import Testing

private let t0 = Date(timeIntervalSince1970: 1_796_126_400)

private func segment(_ index: Int, discontinuity: Bool = false) -> MediaSegment {
    MediaSegment(uri: String(format: "segment-%06d.ts", index), duration: 2, programDateTime: t0.addingTimeInterval(Double(index) * 2), discontinuity: discontinuity)
}

@Test func windowSlidesFromTheHeadAndCountsDiscontinuitiesThatLeave() {
    var window = LiveWindow(targetDuration: 2, minimumCount: 6)
    for index in 0..<10 {
        #expect(window.publish(segment(index, discontinuity: index == 2 || index == 3), at: t0.addingTimeInterval(Double(index) * 2 + 2)) == index)
    }
    let playlist = window.playlist(timeZone: TimeZone(identifier: "UTC")!)
    #expect(playlist.segments.count == 6)
    #expect(playlist.mediaSequence == 4)
    // Segments 2 and 3 carried discontinuities and left the head.
    #expect(playlist.discontinuitySequence == 2)
    #expect(window.end == t0.addingTimeInterval(20))
}

@Test func segmentsThatLeftStayForTheWindowPlusOneTargetDurationThenExpire() {
    var window = LiveWindow(targetDuration: 2, minimumCount: 6)
    for index in 0..<7 { _ = window.publish(segment(index), at: t0.addingTimeInterval(Double(index) * 2 + 2)) }
    // segment 0 left at t0+14; it must stay downloadable for 12 s (window) + 2 s (target) at least.
    #expect(window.files.contains("segment-000000.ts"))
    #expect(window.expired(at: t0.addingTimeInterval(14 + 13.9)) == [])
    #expect(window.expired(at: t0.addingTimeInterval(14 + 60)) == ["segment-000000.ts"])
    #expect(!window.files.contains("segment-000000.ts"))
}

@Test func shortSegmentsKeepAtLeastThreeTargetDurationsListed() {
    var window = LiveWindow(targetDuration: 2, minimumCount: 6)
    for index in 0..<20 {
        let short = MediaSegment(uri: "segment-\(index).ts", duration: 0.5, programDateTime: t0.addingTimeInterval(Double(index) / 2), discontinuity: false)
        _ = window.publish(short, at: t0)
    }
    #expect(window.playlist(timeZone: TimeZone(identifier: "UTC")!).segments.count == 12)
}
