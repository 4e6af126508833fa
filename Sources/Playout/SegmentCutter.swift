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
    /// The first segment's limit, until it is cut (a live switch lists its first segment sooner).
    private var firstLimit: Int64?
    /// Shortest segment that rounds to the target duration, for cutting eagerly.
    private let eagerLength: Int64?
    /// Live sources: the keyframe chosen as the next cut, waiting for every stream to reach it.
    private var liveCut: Int64?
    /// Live sources: the latest packet time seen on each stream.
    private var latest: [Int: Int64] = [:]
    private let plannedEnd: Int64
    private let tolerance: Int64
    private var ready: [SegmentRun.Piece] = []
    private var exhausted = false
    /// End of the last segment handed out (the start while none was).
    private(set) var end: Int64

    /// - Parameter firstSegmentLimit: when given, the first segment ends at the first keyframe past
    ///   this many ticks instead of filling the target duration.
    ///   - cutsEagerly: end a segment at the first keyframe that makes it the target duration long,
    ///     without reading on to the next one (a live feed delivers in real time: waiting would
    ///     publish segments late).
    init(source: Source, start: Int64, plannedEnd: Int64, tolerance: Int64, targetDuration: Int, firstSegmentLimit: Int64? = nil,
         cutsEagerly: Bool = false) {
        self.source = source
        run = SegmentRun(start: start)
        limit = Int64(targetDuration) * 90_000 + 45_000 - 1
        firstLimit = firstSegmentLimit
        eagerLength = cutsEagerly ? Int64(targetDuration) * 90_000 - 45_000 : nil
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
            if let eagerLength { acceptLive(packet, length: eagerLength) } else { accept(packet) }
        }
        guard !ready.isEmpty else { return nil }
        let piece = ready.removeFirst()
        end = piece.end
        return piece
    }

    /// File sources: a keyframe that would make the segment too long cuts it at the farthest
    /// keyframe before that still fits.
    private mutating func accept(_ packet: OutputPacket) {
        if packet.isCutPoint, packet.time > run.start {
            while let cut = run.cut(beforeCandidate: packet.time, limit: firstLimit ?? limit) {
                ready.append(run.take(until: cut))
                firstLimit = nil
            }
            if packet.time > run.start { run.candidates.append(packet.time) }
        }
        run.pending.append(packet)
    }

    /// Live sources: the first keyframe that makes the segment `length` long (any keyframe, for a
    /// short first segment) is the cut, made as soon as every stream has delivered up to it (audio
    /// arrives after the video it goes with; a stream silent for a second is not waited for).
    private mutating func acceptLive(_ packet: OutputPacket, length: Int64) {
        if packet.isCutPoint, packet.time > run.start {
            run.candidates.append(packet.time)
            if liveCut == nil, packet.time - run.start >= firstLimit ?? length {
                liveCut = packet.time
                firstLimit = nil
            }
        }
        run.pending.append(packet)
        latest[packet.stream] = max(latest[packet.stream] ?? .min, packet.time)
        guard let cut = liveCut else { return }
        let primaryAhead = (latest[0] ?? .min) >= cut + 90_000
        if primaryAhead || source.streams.indices.allSatisfy({ (latest[$0] ?? .min) >= cut }) {
            ready.append(run.take(until: cut))
            liveCut = nil
        }
    }

    private mutating func finishRun() {
        guard !run.pending.isEmpty else { return }
        let end = plannedEnd - source.contentEnd <= tolerance ? plannedEnd : min(source.contentEnd, plannedEnd)
        while let cut = run.cut(beforeEnd: end, limit: limit), cut < end { ready.append(run.take(until: cut)) }
        ready.append(run.take(until: end))
    }
}
