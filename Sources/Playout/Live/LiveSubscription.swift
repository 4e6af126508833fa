import Foundation
import Media

/// One reader of a live feed's packets, from the last keyframe the feed had when it subscribed on.
/// The feed's thread appends; the playout's thread takes them in order. It ends when the feed's
/// connection ends (the next connection may carry other streams, so it needs a new subscription).
final class LiveSubscription: @unchecked Sendable {
    /// The connection's selected streams: video first, then audio when there is one.
    let streams: [StreamInfo]
    private let condition = NSCondition()
    private var queue: [Packet] = []
    private var head = 0
    private var ended = false

    init(streams: [StreamInfo], backlog: [Packet]) {
        self.streams = streams
        queue = backlog
    }

    /// Adds a packet the feed received (the subscription keeps its own reference).
    func deliver(_ packet: Packet) {
        condition.withLock { queue.append(Packet(referencing: packet)) }
        condition.signal()
    }

    /// Marks the end of the connection: `next` returns what is queued, then `.ended`.
    func end() {
        condition.withLock { ended = true }
        condition.broadcast()
    }

    /// What `next(waitingUntil:)` found.
    enum Delivery {
        case packet(Packet)
        /// Nothing arrived by the deadline.
        case timedOut
        /// The connection ended and every packet was taken.
        case ended
    }

    /// The next packet, waiting for one until `deadline`.
    func next(waitingUntil deadline: Date) -> Delivery {
        condition.withLock {
            while head == queue.count, !ended {
                guard condition.wait(until: deadline) else { return .timedOut }
            }
            guard head < queue.count else { return .ended }
            let packet = queue[head]
            head += 1
            if head > 256 {
                queue.removeFirst(head)
                head = 0
            }
            return .packet(packet)
        }
    }
}
