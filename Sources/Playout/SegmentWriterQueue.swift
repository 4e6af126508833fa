import Dispatch
import Foundation
import Media

/// Muxes and writes segments on threads of their own, so reading and cutting the next segment
/// overlaps with writing the last ones (segments are independent files: the other cores do the
/// MPEG-TS packetising and the I/O, several at once). At most `depth` segments wait in memory;
/// the first write error is kept and thrown to the producer.
final class SegmentWriterQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sretv.segment-writer", attributes: .concurrent)
    private let pending = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: MediaError?

    init(depth: Int = 4) { slots = DispatchSemaphore(value: depth) }

    /// Queues one segment's packets for writing to `path`; throws an earlier write's error.
    func write(path: String, streams: [CodecParameters], packets: [OutputPacket]) throws(MediaError) {
        if let failure = lock.withLock({ failure }) { throw failure }
        slots.wait()
        queue.async(group: pending) { [self] in
            defer { slots.signal() }
            do throws(MediaError) {
                let writer = try SegmentWriter(path: path, streams: streams)
                for packet in packets { try writer.write(packet.packet, stream: packet.stream) }
                try writer.finish()
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Waits until every queued segment is on disk; throws the first write error.
    func drain() throws(MediaError) {
        pending.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
