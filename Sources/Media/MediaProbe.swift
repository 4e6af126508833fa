import CFFmpeg

/// Measures a media file by reading every packet's timing (no decoding): exact duration and keyframes.
public enum MediaProbe {
    /// Probes the file at `path`. Throws when it cannot be opened or has no audio or video.
    public static func probe(_ path: String) throws(MediaError) -> MediaInfo {
        let input = try InputFile(url: path)
        let video = input.firstStream(.video)
        guard let primary = video ?? input.firstStream(.audio) else {
            throw MediaError(.probe, "probing", subject: path, reason: "no audio or video stream")
        }
        var timing = StreamTiming(frameDuration: primary.frameDuration)
        let packet = Packet()
        do {
            while try input.read(into: packet) {
                guard packet.streamIndex == primary.index else { continue }
                timing.add(packet)
            }
        } catch {
            // A damaged tail: what was read before it is what plays.
            if timing.isEmpty { throw error }
        }
        guard let first = timing.firstPTS, let end = timing.endPTS else {
            throw MediaError(.probe, "probing", subject: path, reason: "no packets in the \(primary.parameters.mediaType.rawValue) stream")
        }
        let seconds = { (pts: Int64) in primary.timeBase.rescale(pts - first, to: .mpegTS) }
        return MediaInfo(
            path: path,
            container: input.formatName,
            startTime: Double(primary.timeBase.rescale(first, to: .mpegTS)) / 90_000,
            duration: Double(seconds(end)) / 90_000,
            bitRate: input.bitRate,
            streams: input.streams.map(MediaInfo.Stream.init),
            keyframes: video == nil ? [] : timing.keyframes.map { Double(seconds($0)) / 90_000 },
            hasBFrames: timing.hasReordering,
            incompatibilities: incompatibilities(of: input)
        )
    }

    private static func incompatibilities(of input: InputFile) -> [String] {
        var reasons: [String] = []
        if let video = input.firstStream(.video), !MediaInfo.hlsVideoCodecs.contains(video.parameters.codecName) {
            reasons.append("video codec \(video.parameters.codecName) cannot be carried in HLS without re-encoding (need H.264 or HEVC)")
        }
        if let audio = input.firstStream(.audio), !MediaInfo.hlsAudioCodecs.contains(audio.parameters.codecName) {
            reasons.append("audio codec \(audio.parameters.codecName) cannot be carried in HLS without re-encoding (need AAC, AC-3, E-AC-3 or MP3)")
        }
        return reasons
    }
}

/// Running timing facts of one stream's packets, in the stream's time base.
struct StreamTiming {
    let frameDuration: Int64?
    private(set) var firstPTS: Int64?
    private(set) var endPTS: Int64?
    private(set) var keyframes: [Int64] = []
    private(set) var hasReordering = false
    private var lastPTS: Int64?

    init(frameDuration: Int64?) { self.frameDuration = frameDuration }

    var isEmpty: Bool { firstPTS == nil }

    mutating func add(_ packet: Packet) {
        guard let pts = packet.pts ?? packet.dts else { return }
        if let last = lastPTS, pts < last { hasReordering = true }
        lastPTS = pts
        firstPTS = min(firstPTS ?? pts, pts)
        let length = packet.duration > 0 ? packet.duration : (frameDuration ?? 0)
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
