/// What `ClipGenerator` should encode: a moving test pattern with a labelled frame counter and a tone.
public struct ClipSpec: Sendable, Hashable {
    /// How long a clip runs.
    public enum Duration: Sendable, Hashable {
        /// Exactly this many video frames.
        case frames(Int)
        /// This many seconds, rounded to the nearest whole frame.
        case seconds(Double)
    }

    /// Picture size and frame rate.
    public var video: VideoFormat
    /// Clip length.
    public var duration: Duration
    /// Frames from one keyframe to the next (closed GOPs; the first frame is always a keyframe).
    public var gopLength: Int
    /// Consecutive B-frames between reference frames (0 for none).
    public var bFrames: Int
    /// Average video bit rate in bits per second.
    public var videoBitRate: Int
    /// Audio sample rate and channel count.
    public var audio: AudioFormat
    /// Pitch of the sine tone in Hz.
    public var toneFrequency: Double
    /// Peak level of the sine tone, 0...1 of full scale, the same in every channel. A stereo tone
    /// measures about 20·log10(amplitude) LUFS: the default 0.25 is about -12 LUFS, 0.0708 about -23.
    public var toneAmplitude: Double
    /// Text burned into the picture above the frame counter (drawn in uppercase).
    public var label: String
    /// Whether a band of moving film grain is drawn, so the encoder must really spend the bit rate
    /// (benchmarks); plain patterns compress to a fraction of it.
    public var grain: Bool

    public init(video: VideoFormat, duration: Duration, gopLength: Int? = nil, bFrames: Int = 0,
                videoBitRate: Int = 2_000_000, audio: AudioFormat = .stereo48k,
                toneFrequency: Double = 1_000, toneAmplitude: Double = 0.25, label: String = "SREtv TEST", grain: Bool = false) {
        self.video = video
        self.duration = duration
        self.gopLength = gopLength ?? 2 * video.frameRate
        self.bFrames = bFrames
        self.videoBitRate = videoBitRate
        self.audio = audio
        self.toneFrequency = toneFrequency
        self.toneAmplitude = toneAmplitude
        self.label = label
        self.grain = grain
    }

    /// Number of video frames the clip has.
    public var frameCount: Int {
        switch duration {
        case .frames(let count): count
        case .seconds(let seconds): Int((seconds * Double(video.frameRate)).rounded())
        }
    }

    /// Audio samples per channel: exactly as long as the video, rounded to the nearest sample.
    var sampleCount: Int64 { samples(atFrame: frameCount) }

    /// The sample that starts at the same time as video frame `frame` (rounded to the nearest).
    func samples(atFrame frame: Int) -> Int64 {
        video.frameTimeBase.rescale(Int64(frame), to: audio.sampleTimeBase)
    }

    /// Throws `.invalidArgument` naming the first setting libx264 or AAC could not honour.
    func validate() throws(MediaError) {
        try video.validate()
        try audio.validate()
        let reason: String? =
            if frameCount < 1 { "duration must be at least one frame" }
            else if gopLength < 1 { "GOP length must be at least one frame" }
            else if !(0...16).contains(bFrames) { "B-frames must be 0...16" }
            else if videoBitRate < 10_000 { "video bit rate must be at least 10000 bit/s" }
            else if !(0...20_000).contains(toneFrequency) { "tone frequency must be 0...20000 Hz" }
            else if !(0...1).contains(toneAmplitude) { "tone amplitude must be 0...1 of full scale" }
            else { nil }
        if let reason {
            throw MediaError(.invalidArgument, "checking clip spec", subject: "\(video) \(label)", reason: reason)
        }
    }
}
