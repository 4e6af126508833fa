import Foundation
import HLS

/// The sliding window of a live playlist (RFC 8216 §6.2.2) and the bookkeeping that keeps its
/// sequence numbers right: segments are only appended at the tail and leave from the head (R3);
/// the media sequence rises by exactly the number that left (R2); the discontinuity sequence
/// rises by one for each discontinuity that left (R4); the window keeps at least `minimumCount`
/// segments and three target durations (R5). Segments that left stay on disk for `retention`
/// before they are deleted (P3).
struct LiveWindow: Codable, Sendable, Equatable {
    /// One published segment.
    struct Entry: Codable, Sendable, Equatable {
        var sequence: Int
        var segment: MediaSegment
    }

    /// A segment file that left the window, and when it may be deleted.
    struct Retired: Codable, Sendable, Equatable {
        var uri: String
        var deleteAfter: Date
    }

    let targetDuration: Int
    let minimumCount: Int
    private(set) var entries: [Entry] = []
    private(set) var retired: [Retired] = []
    /// Sequence number the next published segment gets.
    private(set) var nextSequence = 0
    private(set) var discontinuitySequence = 0

    init(targetDuration: Int, minimumCount: Int) {
        self.targetDuration = targetDuration
        self.minimumCount = max(6, minimumCount)
    }

    /// How long a segment that left stays downloadable: the window's length plus one target duration.
    var retention: TimeInterval { Double(targetDuration) + entries.reduce(0) { $0 + $1.segment.duration } }

    /// Where the newest segment ends on the wall clock.
    var end: Date? { entries.last.map { $0.segment.programDateTime.addingTimeInterval($0.segment.duration) } }

    /// Appends `segment` as the next sequence number, slides the head out, and returns the
    /// sequence number it got.
    mutating func publish(_ segment: MediaSegment, at now: Date) -> Int {
        let sequence = nextSequence
        entries.append(Entry(sequence: sequence, segment: segment))
        nextSequence += 1
        while entries.count > minimumCount,
              entries.dropFirst().reduce(0, { $0 + $1.segment.duration }) >= Double(3 * targetDuration) {
            let head = entries.removeFirst()
            // A discontinuity tag that leaves with its segment is counted (RFC 8216 §6.2.2).
            if head.segment.discontinuity { discontinuitySequence += 1 }
            retired.append(Retired(uri: head.segment.uri, deleteAfter: now.addingTimeInterval(retention)))
        }
        return sequence
    }

    /// Removes and returns the retired segment files whose time has come.
    mutating func expired(at now: Date) -> [String] {
        let due = retired.filter { $0.deleteAfter <= now }.map(\.uri)
        retired.removeAll { $0.deleteAfter <= now }
        return due
    }

    /// Every segment file the window still needs on disk (listed or retained).
    var files: Set<String> { Set(entries.map(\.segment.uri) + retired.map(\.uri)) }

    /// The live playlist: no end, no playlist type (R5).
    func playlist(timeZone: TimeZone) -> MediaPlaylist {
        MediaPlaylist(
            kind: .live, targetDuration: targetDuration, mediaSequence: entries.first?.sequence ?? nextSequence,
            discontinuitySequence: discontinuitySequence, segments: entries.map(\.segment), timeZone: timeZone
        )
    }
}
