import CFFmpeg

/// One stream of an input: index, codec parameters and timing.
public struct StreamInfo: Sendable {
    /// Index in the container.
    public let index: Int
    /// Codec, picture size, audio rate and extradata (an owned copy).
    public let parameters: CodecParameters
    /// Unit of the stream's packet timestamps.
    public let timeBase: Rational
    /// Average frame rate (video; 0/0 when unknown).
    public let frameRate: Rational

    /// Number of frames the container header declares (0 when unknown).
    public let frameCount: Int64
    /// Presentation time of the stream's first frame in `timeBase`, as the demuxer found it
    /// (nil when unknown).
    public let startTime: Int64?

    init(_ stream: UnsafeMutablePointer<AVStream>, index: Int) {
        frameCount = stream.pointee.nb_frames
        startTime = stream.pointee.start_time == sretv_nopts_value() ? nil : stream.pointee.start_time
        self.index = index
        parameters = CodecParameters(copying: stream.pointee.codecpar)
        timeBase = Rational(stream.pointee.time_base)
        let average = Rational(stream.pointee.avg_frame_rate)
        frameRate = average.num > 0 ? average : Rational(stream.pointee.r_frame_rate)
    }

    /// One frame's duration in `timeBase` (video), or nil when the frame rate is unknown.
    public var frameDuration: Int64? {
        guard frameRate.num > 0, frameRate.den > 0 else { return nil }
        return Rational(frameRate.den, frameRate.num).rescale(1, to: timeBase)
    }

    /// One packet's usual length in `timeBase`: a video frame, an audio frame (the codec's frame
    /// size, else 1024 samples), or 1/25 s when neither is known.
    public var packetLength: Int64 {
        if parameters.mediaType == .video, let frame = frameDuration { return frame }
        if parameters.sampleRate > 0 {
            let samples = parameters.frameSize > 0 ? parameters.frameSize : 1024
            return Rational(Int32(samples), Int32(parameters.sampleRate)).rescale(1, to: timeBase)
        }
        return Rational(1, 25).rescale(1, to: timeBase)
    }

    /// A fresh continuity corrector for this stream: jumps back, or forward by more than two seconds.
    public func continuity() -> TimestampContinuity {
        TimestampContinuity(frameLength: packetLength, threshold: Rational(2, 1).rescale(1, to: timeBase))
    }
}
