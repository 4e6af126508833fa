import Foundation
import HLS
import Media

/// Cuts the packets of consecutive sources into MPEG-TS segments at keyframes and writes them.
///
/// A segment ends at the farthest keyframe that keeps its duration, rounded, within the target
/// duration (rule R1); when a source's keyframes are further apart than that, at the next keyframe.
/// Every source starts a new segment, marked as a discontinuity (rule R4).
final class Segmenter {
    private let directory: URL
    /// Longest segment that still rounds to the target duration, in 90 kHz ticks.
    private let limit: Int64
    private let programDateTime: (Int64) -> Date
    private let writer = SegmentWriterQueue()
    private(set) var nextSequence: Int
    /// Waits until every segment listed in `segments` is complete on disk (rule P1: only then may a
    /// playlist name them); throws the first write error.
    func finish() throws(MediaError) { try writer.drain() }

    /// Segments cut so far, in order (on disk once `finish()` returned).
    private(set) var segments: [MediaSegment] = []
    /// Output-clock end of the last segment written.
    private(set) var end: Int64?

    /// - Parameters:
    ///   - targetDuration: the target segment duration in seconds.
    ///   - programDateTime: the wall-clock instant of an output-clock time.
    init(directory: URL, targetDuration: Int, firstSequence: Int = 0, programDateTime: @escaping (Int64) -> Date) {
        self.directory = directory
        limit = Int64(targetDuration) * 90_000 + 45_000 - 1
        nextSequence = firstSequence
        self.programDateTime = programDateTime
    }

    /// Writes `source` from output time `start` as new segments.
    ///
    /// The last segment ends at `plannedEnd` when the content reaches it within `tolerance`
    /// ticks, else where the content ends. Returns that end.
    func write<Source: EntrySource>(
        _ source: inout Source, start: Int64, plannedEnd: Int64, tolerance: Int64, title: String
    ) throws(MediaError) -> Int64 {
        var run = SegmentRun(start: start)
        while let packet = try source.next() {
            if packet.isCutPoint, packet.time > run.start {
                while let cut = run.cut(beforeCandidate: packet.time, limit: limit) {
                    try flush(run.take(until: cut), source: source, title: title)
                }
                if packet.time > run.start { run.candidates.append(packet.time) }
            }
            run.pending.append(packet)
        }
        let end = plannedEnd - source.contentEnd <= tolerance ? plannedEnd : min(source.contentEnd, plannedEnd)
        guard !run.pending.isEmpty else { return run.start }
        while let cut = run.cut(beforeEnd: end, limit: limit), cut < end {
            try flush(run.take(until: cut), source: source, title: title)
        }
        try flush(run.take(until: end), source: source, title: title)
        return end
    }

    private func flush<Source: EntrySource>(_ piece: SegmentRun.Piece, source: Source, title: String) throws(MediaError) {
        let name = String(format: "segment-%06d.ts", nextSequence)
        try writer.write(path: directory.appendingPathComponent(name).path, streams: source.streams, packets: piece.packets)
        segments.append(MediaSegment(
            uri: name,
            duration: Double(piece.end - piece.start) / 90_000,
            programDateTime: programDateTime(piece.start),
            discontinuity: piece.start == piece.runStart && !segments.isEmpty,
            title: title
        ))
        nextSequence += 1
        end = piece.end
    }
}

/// The packets of one source that are not yet written, and the keyframe times among them.
struct SegmentRun {
    /// A finished stretch: packets and its exact start and end on the output clock.
    struct Piece {
        let packets: [OutputPacket]
        let start: Int64
        let end: Int64
        /// Start of the source's first segment (a piece starting there opens a discontinuity).
        let runStart: Int64
    }

    let runStart: Int64
    /// Start of the segment being gathered.
    private(set) var start: Int64
    var pending: [OutputPacket] = []
    /// Keyframe times after `start` among `pending`: where the current segment may end.
    var candidates: [Int64] = []

    init(start: Int64) {
        runStart = start
        self.start = start
    }

    /// Where to end the current segment before a new keyframe at `time` joins it, or nil to keep going:
    /// the farthest earlier keyframe within `limit`, or `time` itself when no earlier one fits.
    func cut(beforeCandidate time: Int64, limit: Int64) -> Int64? {
        guard time - start > limit else { return nil }
        return candidates.last { $0 - start <= limit } ?? (candidates.first ?? time)
    }

    /// Where to cut when the source ends at `end` and the rest is longer than `limit`: of the
    /// keyframes that keep both parts within `limit`, the one that leaves the shorter part longest
    /// (no stub segment at the end of a source); else as `cut(beforeCandidate:limit:)`.
    func cut(beforeEnd end: Int64, limit: Int64) -> Int64? {
        guard end - start > limit else { return nil }
        let balanced = candidates.filter { $0 - start <= limit && end - $0 <= limit }
        return balanced.max { min($0 - start, end - $0) < min($1 - start, end - $1) }
            ?? cut(beforeCandidate: end, limit: limit)
    }

    /// Removes and returns everything before `cut`: primary-stream (stream 0) packets before the
    /// keyframe at `cut` (in decode order), other streams' packets presented before `cut`.
    mutating func take(until cut: Int64) -> Piece {
        let keyframe = pending.firstIndex { $0.isCutPoint && $0.time == cut } ?? pending.endIndex
        var taken: [OutputPacket] = []
        var kept: [OutputPacket] = []
        for (index, packet) in pending.enumerated() {
            let before = packet.stream == 0 ? index < keyframe : packet.time < cut
            if before { taken.append(packet) } else { kept.append(packet) }
        }
        pending = kept
        candidates.removeAll { $0 <= cut }
        defer { start = cut }
        return Piece(packets: taken, start: start, end: cut, runStart: runStart)
    }
}
