import Foundation
import Playout

/// Counts the segments every channel publishes; fed from the channels' threads.
final class SegmentTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (published: 0, late: 0, slate: 0)
    private var worstLateness = 0.0

    /// The `published:` hook of a `ChannelPlayout`.
    func record(_ segment: PublishedSegment) {
        lock.withLock {
            counts.published += 1
            if segment.isLate { counts.late += 1 }
            if segment.isSlate { counts.slate += 1 }
            worstLateness = max(worstLateness, segment.lateness)
        }
    }

    /// Segments published, how many of them late and how many slate, and the greatest lateness in seconds.
    var totals: (published: Int, late: Int, slate: Int, worstLateness: Double) {
        lock.withLock { (counts.published, counts.late, counts.slate, worstLateness) }
    }
}
