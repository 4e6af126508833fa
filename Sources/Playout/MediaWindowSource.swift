import Media

/// Packets of one media file between an in-point (a keyframe) and an out-point, rebased onto the output clock.
///
/// The out-point cut is made without re-encoding: video stops at the last frame group that can be
/// decoded without frames after it (before the next packet whose time is greater than all before it),
/// audio at the last frame ending by the out-point, so the entry's end is exact to an audio frame.
struct MediaWindowSource: EntrySource {
    private let input: InputFile
    private let selected: [StreamInfo]
    private let primary: Int
    /// Window on the source clock (90 kHz): [windowStart, windowEnd).
    private let windowStart: Int64
    private let windowEnd: Int64
    private let outputStart: Int64
    private var tracks: [TrackCut]
    /// A read error that ended the source early, kept for the renderer's warning.
    private(set) var readError: MediaError?

    let streams: [CodecParameters]
    private(set) var contentEnd: Int64

    /// Opens `path` and positions it at `inPoint` (ticks from the file's first frame, `origin`).
    /// A file whose timestamps jump (`seekable` false) is read from its start instead, so its
    /// continuous clock is the one the probe measured.
    init(path: String, origin: Int64, inPoint: Int64, duration: Int64, outputStart: Int64, seekable: Bool) throws(MediaError) {
        input = try InputFile(url: path)
        selected = [input.firstStream(.video), input.firstStream(.audio)].compactMap { $0 }
        guard !selected.isEmpty else { throw MediaError(.probe, "opening", subject: path, reason: "no audio or video stream") }
        primary = 0
        streams = selected.map(\.parameters)
        windowStart = origin + inPoint
        windowEnd = windowStart + duration
        self.outputStart = outputStart
        contentEnd = outputStart
        tracks = selected.map { TrackCut(stream: $0) }
        if inPoint > 0, seekable {
            let first = selected[primary]
            try input.seek(stream: first, toKeyframeAtOrBefore: Rational.mpegTS.rescale(windowStart, to: first.timeBase))
        }
    }

    mutating func next() throws(MediaError) -> OutputPacket? {
        let packet = Packet()
        while tracks.contains(where: { !$0.done }) {
            do throws(MediaError) {
                guard try input.read(into: packet) else { break }
            } catch {
                readError = error
                break
            }
            guard let slot = selected.firstIndex(where: { $0.index == packet.streamIndex }),
                  let time = tracks[slot].accept(packet, window: windowStart..<windowEnd, isPrimary: slot == primary)
            else { continue }
            let shift = outputStart - windowStart
            packet.pts = time.pts + shift
            packet.dts = time.dts.map { $0 + shift }
            packet.duration = selected[slot].timeBase.rescale(packet.duration, to: .mpegTS)
            contentEnd = max(contentEnd, tracks[slot].end + shift)
            return OutputPacket(packet: packet, stream: slot, time: time.pts + shift, isCutPoint: slot == primary && packet.isKeyframe)
        }
        return nil
    }
}

/// The in/out decision for one stream of a media window, on the source's continuous 90 kHz clock.
struct TrackCut {
    let stream: StreamInfo
    private let frameLength: Int64
    private var continuity: TimestampContinuity
    private var started = false
    private var highest: Int64 = .min
    private(set) var done = false
    /// End of the last accepted frame.
    private(set) var end: Int64 = .min

    /// How far timestamps rescaled into 90 kHz may be off what they stand for (1 ms).
    static let roundingTolerance: Int64 = 90

    init(stream: StreamInfo) {
        self.stream = stream
        frameLength = stream.timeBase.rescale(stream.packetLength, to: .mpegTS)
        continuity = stream.continuity()
    }

    /// The packet's presentation and decode times (90 kHz, continuous source clock) when it
    /// belongs in the window, else nil.
    mutating func accept(_ packet: Packet, window: Range<Int64>, isPrimary: Bool) -> (pts: Int64, dts: Int64?)? {
        guard !done else { return nil }
        let corrected = continuity.correct(pts: packet.pts, dts: packet.dts)
        guard let raw = corrected.pts ?? corrected.dts else { return nil }
        let time = stream.timeBase.rescale(raw, to: .mpegTS)
        let length = packet.duration > 0 ? stream.timeBase.rescale(packet.duration, to: .mpegTS) : frameLength
        let tolerance = frameLength / 2
        if !started {
            // Video starts at the in-point's keyframe; audio at the first frame from the in-point on.
            let ready = time >= window.lowerBound - tolerance && (!isPrimary || stream.parameters.mediaType != .video || packet.isKeyframe)
            guard ready else { return nil }
            started = true
        }
        if time < window.lowerBound - tolerance { return nil }
        if time > highest {
            // A frame later than every frame before it opens a group that decodes on its own:
            // the only place the out-point may fall. No frame may run past the out-point, where the
            // next source starts, by more than the rounding of timestamps into 90 kHz ticks.
            guard time + length <= window.upperBound + Self.roundingTolerance else {
                done = true
                return nil
            }
            highest = time
            end = max(end, time + length)
        }
        return (time, corrected.dts.map { stream.timeBase.rescale($0, to: .mpegTS) })
    }
}
