import Foundation
import HLS
import Media

/// Names, writes and lists the segments of a VOD render, in order.
final class Segmenter {
    private let directory: URL
    private let programDateTime: (Int64) -> Date
    private let writer = SegmentWriterQueue()
    private(set) var nextSequence = 0
    /// Segments written so far, in order (each on disk once the `write` that cut it returned).
    private(set) var segments: [MediaSegment] = []

    /// - Parameter programDateTime: the wall-clock instant of an output-clock time.
    init(directory: URL, programDateTime: @escaping (Int64) -> Date) {
        self.directory = directory
        self.programDateTime = programDateTime
    }

    /// Writes every segment `cutter` cuts and waits until they are on disk. A source that fails
    /// (it cannot be read on, or the muxer refuses one of its packets) ends at the last segment
    /// before the failure: that segment and any cut after it are dropped, and the result says
    /// where the source's content on disk ends, for the slate to fill the rest of the slot, as on
    /// a live channel.
    func write<Source: EntrySource>(_ cutter: inout SegmentCutter<Source>, title: String) -> Written {
        let firstSequence = nextSequence
        var starts: [Int64] = []
        var failure: MediaError?
        do {
            while !writer.hasFailed, let piece = try cutter.next() {
                let name = SegmentName.of(sequence: nextSequence)
                writer.write(nextSequence, piece, to: directory.appendingPathComponent(name).path, streams: cutter.source.streams)
                starts.append(piece.start)
                segments.append(MediaSegment(
                    uri: name,
                    duration: Double(piece.end - piece.start) / 90_000,
                    programDateTime: programDateTime(piece.start),
                    discontinuity: piece.opensRun && !segments.isEmpty,
                    title: title
                ))
                nextSequence += 1
            }
        } catch {
            failure = error
        }
        let failed = writer.drain()
        guard let first = failed.keys.min() else { return Written(end: cutter.end, failure: failure) }
        // Drop the failed segment and those cut after it: the source ends where the failed one began.
        for segment in segments.suffix(nextSequence - first) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(segment.uri))
        }
        segments.removeLast(nextSequence - first)
        nextSequence = first
        return Written(end: starts[first - firstSequence], failure: failed[first])
    }

    /// How far a source got: the end of its last segment on disk (the start when none is), and
    /// what ended it early.
    struct Written {
        var end: Int64
        var failure: MediaError?
    }
}

/// The packets of one source that are not yet written, and the keyframe times among them.
struct SegmentRun {
    /// A finished stretch: packets and its exact start and end on the output clock.
    struct Piece {
        let packets: [OutputPacket]
        let start: Int64
        let end: Int64
        /// Whether this is the source's first piece (it opens a discontinuity).
        let opensRun: Bool

        /// The piece cut short at the keyframe at `cut` (a time inside it).
        func ending(at cut: Int64) -> Piece {
            var run = SegmentRun(start: start)
            run.pending = packets
            return Piece(packets: run.take(until: cut).packets, start: start, end: cut, opensRun: opensRun)
        }

        /// The first keyframe inside the piece at or after `time`, where it could be cut short.
        func cutPoint(atOrAfter time: Int64) -> Int64? {
            packets.lazy.filter { $0.isCutPoint && $0.time > start && $0.time >= time }.map(\.time).min()
        }
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
        return Piece(packets: taken, start: start, end: cut, opensRun: start == runStart)
    }
}
