import CFFmpeg

/// Measures a media file by reading every packet's timing (no decoding): exact duration and keyframes.
public enum MediaProbe {
    /// Probes the file at `path`. Throws when it cannot be opened or has no audio or video, and
    /// `.refused` for a container that names other files (`MediaSource.checkSelfContained`).
    public static func probe(_ path: String) throws(MediaError) -> MediaInfo {
        try MediaSource.checkSelfContained(path, named: path)
        return try probe(path, written: nil)
    }

    /// Probes the file at `path`, just written from packets whose timing `written` measured on the
    /// way (`MediaCopier`): where the container has no index, that timing stands in for reading
    /// every packet again, once the file's first GOP shows it holds (same time base, no timestamp
    /// jumps, the same first keyframe after the muxer's constant offset).
    static func probe(_ path: String, written: WrittenTiming?) throws(MediaError) -> MediaInfo {
        let input = try InputFile(url: path)
        let video = input.firstStream(.video)
        guard let primary = video ?? input.firstStream(.audio) else {
            throw MediaError(.probe, "probing", subject: path, reason: "no audio or video stream")
        }
        let timing: StreamTiming
        // Each check reads the input from its start and gives up, at worst, with the input part
        // read: the next one then fails its own check, and the scan reads a new input.
        if let written, let checked = writtenTiming(written, of: input, primary: primary) {
            timing = checked
        } else if let indexed = indexedTiming(of: input, primary: primary) {
            timing = indexed
        } else {
            timing = try scannedTiming(of: InputFile(url: path), primary: primary)
        }
        guard let first = timing.firstPTS, let end = timing.endPTS else {
            throw MediaError(.probe, "probing", subject: path, reason: "no packets in the \(primary.parameters.mediaType.rawValue) stream")
        }
        let seconds = { (pts: Int64) in Double(primary.timeBase.rescale(pts - first, to: .mpegTS)) / 90_000 }
        return MediaInfo(
            path: path,
            container: input.formatName,
            startTime: Double(primary.timeBase.rescale(first, to: .mpegTS)) / 90_000,
            duration: seconds(end),
            bitRate: input.bitRate,
            streams: input.streams.map(MediaInfo.Stream.init),
            keyframes: video == nil ? [] : timing.keyframes.map(seconds),
            hasBFrames: timing.hasReordering,
            timestampJumps: timing.jumps,
            incompatibilities: input.hlsIncompatibilities
        )
    }

    /// Reads every packet of `primary`. A damaged tail ends the scan: what was read before it is what plays.
    private static func scannedTiming(of input: InputFile, primary: StreamInfo) throws(MediaError) -> StreamTiming {
        var timing = StreamTiming(stream: primary)
        do {
            try read(input, primary) { packet in
                timing.add(packet)
                return true
            }
        } catch {
            if timing.isEmpty { throw error }
        }
        return timing
    }

    /// For containers that index every sample (MP4/MOV): keyframe times from the index, without
    /// reading the media. The index holds decode times, so the first GOP is read to learn how far
    /// presentation trails decoding, and the last GOP to measure the exact end and to check that
    /// the index's last keyframe really lands where computed. Nil when any of that does not hold
    /// (the caller then scans every packet).
    private static func indexedTiming(of input: InputFile, primary: StreamInfo) -> StreamTiming? {
        let index = input.indexEntries(of: primary)
        guard Int64(index.count) == primary.frameCount, index.first?.isKeyframe == true, let lastKeyframe = index.last(where: \.isKeyframe) else {
            return nil
        }
        var head = StreamTiming(stream: primary)
        var tail = head
        do {
            try read(input, primary) { packet in
                if packet.isKeyframe, !head.isEmpty { return false }
                head.add(packet)
                return true
            }
            guard let firstKeyframe = head.keyframes.first, let firstDTS = head.firstDTS, firstDTS == index[0].timestamp else { return nil }
            let delay = firstKeyframe - firstDTS
            try input.seek(stream: primary, toKeyframeAtOrBefore: lastKeyframe.timestamp + delay)
            try read(input, primary) { packet in
                tail.add(packet)
                return true
            }
            guard tail.keyframes.first == lastKeyframe.timestamp + delay, let end = tail.endPTS else { return nil }
            return StreamTiming(
                firstPTS: head.firstPTS, endPTS: end,
                keyframes: index.filter(\.isKeyframe).map { $0.timestamp + delay },
                hasReordering: head.hasReordering || tail.hasReordering
            )
        } catch {
            return nil
        }
    }

    /// `written` moved onto the file's clock, when the file's first GOP confirms it: the muxer may
    /// shift every timestamp by one constant but keeps every interval. Nil when it does not hold.
    private static func writtenTiming(_ written: WrittenTiming, of input: InputFile, primary: StreamInfo) -> StreamTiming? {
        guard written.timeBase == primary.timeBase, written.timing.jumps == 0,
              let firstPTS = written.timing.firstPTS, let endPTS = written.timing.endPTS, let firstKeyframe = written.timing.keyframes.first else {
            return nil
        }
        var head = StreamTiming(stream: primary)
        do {
            try read(input, primary) { packet in
                if packet.isKeyframe, !head.isEmpty { return false }
                head.add(packet)
                return true
            }
        } catch {
            return nil
        }
        guard let fileFirstPTS = head.firstPTS, head.jumps == 0 else { return nil }
        let offset = fileFirstPTS - firstPTS
        guard head.keyframes.first == firstKeyframe + offset else { return nil }
        return StreamTiming(
            firstPTS: fileFirstPTS, endPTS: endPTS + offset,
            keyframes: written.timing.keyframes.map { $0 + offset }, hasReordering: written.timing.hasReordering
        )
    }

    /// Feeds `primary`'s packets to `body` until the input ends or `body` returns false.
    private static func read(_ input: InputFile, _ primary: StreamInfo, _ body: (Packet) -> Bool) throws(MediaError) {
        let packet = Packet()
        while try input.read(into: packet) {
            guard packet.streamIndex == primary.index else { continue }
            guard body(packet) else { return }
        }
    }
}

/// The timing of the packets written to a file's primary stream (its first video, else its first
/// audio stream), in the time base they were written in.
struct WrittenTiming: Sendable {
    var timing: StreamTiming
    let timeBase: Rational

    init(stream: StreamInfo) {
        timing = StreamTiming(stream: stream)
        timeBase = stream.timeBase
    }
}

/// Running timing facts of one stream's packets, in the stream's time base, on the continuous
/// clock that `TimestampContinuity` keeps.
struct StreamTiming: Sendable {
    private let packetLength: Int64
    private var continuity: TimestampContinuity
    private(set) var firstPTS: Int64?
    private(set) var firstDTS: Int64?
    private(set) var endPTS: Int64?
    private(set) var keyframes: [Int64] = []
    private(set) var hasReordering = false
    private var lastPTS: Int64?

    init(stream: StreamInfo) {
        packetLength = stream.packetLength
        continuity = stream.continuity()
    }

    /// Timing measured in another way (the container's index).
    init(firstPTS: Int64?, endPTS: Int64, keyframes: [Int64], hasReordering: Bool) {
        packetLength = 0
        continuity = TimestampContinuity(frameLength: 1, threshold: .max)
        self.firstPTS = firstPTS
        self.endPTS = endPTS
        self.keyframes = keyframes
        self.hasReordering = hasReordering
    }

    var isEmpty: Bool { firstPTS == nil }

    /// Timestamp jumps the source had (each smoothed over).
    var jumps: Int { continuity.jumps }

    mutating func add(_ packet: Packet) {
        let corrected = continuity.correct(pts: packet.pts, dts: packet.dts)
        guard let pts = corrected.pts ?? corrected.dts else { return }
        if let last = lastPTS, pts < last { hasReordering = true }
        lastPTS = pts
        firstPTS = min(firstPTS ?? pts, pts)
        if firstDTS == nil { firstDTS = corrected.dts }
        let length = packet.duration > 0 ? packet.duration : packetLength
        endPTS = max(endPTS ?? pts + length, pts + length)
        if packet.isKeyframe { keyframes.append(pts) }
    }
}
extension MediaInfo.Stream {
    init(_ stream: StreamInfo) {
        let p = stream.parameters
        let isVideo = p.mediaType == .video
        let isAudio = p.mediaType == .audio
        self.init(
            index: stream.index, type: p.mediaType, codec: p.codecName,
            width: isVideo ? p.width : nil, height: isVideo ? p.height : nil,
            frameRate: isVideo && stream.frameRate.num > 0 ? stream.frameRate.doubleValue : nil,
            sampleRate: isAudio ? p.sampleRate : nil, channels: isAudio ? p.channels : nil
        )
    }
}
