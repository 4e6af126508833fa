import Media

/// Cuts one source's packets into segments at keyframes, one segment per call, reading only as
/// far ahead as the next cut needs (a live channel remuxes just ahead of the clock).
///
/// A segment ends at the farthest keyframe that keeps its duration, rounded, within the target
/// duration (rule R1); when the source's keyframes are further apart than that, at the next
/// keyframe. The source's last segment ends at `plannedEnd` when the content reaches it within
/// `tolerance` ticks, else where the content ends; it is balanced against the one before it so
/// no stub is left at the end of a source.
struct SegmentCutter<Source: EntrySource> {
    private(set) var source: Source
    private var run: SegmentRun
    /// Longest segment that still rounds to the target duration, in 90 kHz ticks.
    private let limit: Int64
    private let plannedEnd: Int64
    private let tolerance: Int64
    private var ready: [SegmentRun.Piece] = []
    private var exhausted = false
    /// End of the last segment handed out (the start while none was).
    private(set) var end: Int64

    init(source: Source, start: Int64, plannedEnd: Int64, tolerance: Int64, targetDuration: Int) {
        self.source = source
        run = SegmentRun(start: start)
        limit = Int64(targetDuration) * 90_000 + 45_000 - 1
        self.plannedEnd = plannedEnd
        self.tolerance = tolerance
        end = start
    }

    /// The next segment's packets with its exact start and end on the output clock, or nil when
    /// the source has no more.
    mutating func next() throws(MediaError) -> SegmentRun.Piece? {
        while ready.isEmpty, !exhausted {
            guard let packet = try source.next() else {
                exhausted = true
                finishRun()
                break
            }
            if packet.isCutPoint, packet.time > run.start {
                while let cut = run.cut(beforeCandidate: packet.time, limit: limit) { ready.append(run.take(until: cut)) }
                if packet.time > run.start { run.candidates.append(packet.time) }
            }
            run.pending.append(packet)
        }
        guard !ready.isEmpty else { return nil }
        let piece = ready.removeFirst()
        end = piece.end
        return piece
    }

    private mutating func finishRun() {
        guard !run.pending.isEmpty else { return }
        let end = plannedEnd - source.contentEnd <= tolerance ? plannedEnd : min(source.contentEnd, plannedEnd)
        while let cut = run.cut(beforeEnd: end, limit: limit), cut < end { ready.append(run.take(until: cut)) }
        ready.append(run.take(until: end))
    }
}
