import Dispatch
import Foundation
import Media

/// Muxes and writes segments on threads of their own, so reading and cutting the next segment
/// overlaps with writing the last ones (segments are independent files: the other cores do the
/// MPEG-TS packetising and the I/O, several at once). At most `depth` segments wait in memory.
/// A failed write is kept under the segment's sequence number, so the producer learns which
/// segment failed, not merely that one did.
final class SegmentWriterQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sretv.segment-writer", attributes: .concurrent)
    private let pending = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failures: [Int: MediaError] = [:]

    init(depth: Int = 4) { slots = DispatchSemaphore(value: depth) }

    /// Queues segment `sequence`, `piece` with `streams`, for writing to `path`.
    func write(_ sequence: Int, _ piece: SegmentRun.Piece, to path: String, streams: [CodecParameters]) {
        slots.wait()
        queue.async(group: pending) { [self] in
            defer { slots.signal() }
            do throws(MediaError) {
                try piece.write(to: path, streams: streams)
            } catch {
                lock.withLock { failures[sequence] = error }
            }
        }
    }

    /// Whether a write has failed since the last `drain()` (without waiting for the ones under way).
    var hasFailed: Bool { lock.withLock { !failures.isEmpty } }

    /// Waits until every queued segment is on disk; returns the writes that failed since the
    /// last drain, by sequence number.
    func drain() -> [Int: MediaError] {
        pending.wait()
        return lock.withLock {
            defer { failures = [:] }
            return failures
        }
    }
}
