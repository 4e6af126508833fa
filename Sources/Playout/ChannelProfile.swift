import Media

/// What a channel airs: its HLS segment length, picture format and loudness standard. Media is
/// judged against it (`MediaVerdict`).
public struct ChannelProfile: Sendable, Codable, Equatable {
    /// Target HLS segment length in seconds.
    public var segmentDuration: Int
    /// Picture width in pixels.
    public var width: Int
    /// Picture height in pixels.
    public var height: Int
    /// Frames per second.
    public var frameRate: Double
    /// Integrated loudness the channel airs at, in LUFS (EBU R128: -23).
    public var loudnessTarget: Double
    /// How far, in LU, a programme may be from `loudnessTarget` (EBU R128: ±1).
    public var loudnessTolerance: Double
    /// Highest true peak allowed, in dBTP (EBU R128: -1).
    public var truePeakMax: Double

    public init(segmentDuration: Int = 2, width: Int = 1280, height: Int = 720, frameRate: Double = 25,
                loudnessTarget: Double = -23, loudnessTolerance: Double = 1, truePeakMax: Double = -1) {
        self.segmentDuration = segmentDuration
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.loudnessTarget = loudnessTarget
        self.loudnessTolerance = loudnessTolerance
        self.truePeakMax = truePeakMax
    }

    /// A channel of `video`'s picture format with `segmentDuration`-second segments, at the EBU R128
    /// loudness standard unless `loudnessTarget` says otherwise.
    public init(segmentDuration: Int, video: VideoFormat, loudnessTarget: Double = -23) {
        self.init(segmentDuration: segmentDuration, width: video.width, height: video.height,
                  frameRate: Double(video.frameRate), loudnessTarget: loudnessTarget)
    }

    /// `WIDTHxHEIGHT@FPS`, e.g. `1280x720@25`.
    public var format: String { "\(width)x\(height)@\(frameRate.shortText)" }
}
