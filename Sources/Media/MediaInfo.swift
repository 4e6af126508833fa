/// What probing a media file found: container, streams, exact duration and keyframe times.
public struct MediaInfo: Sendable, Codable, Equatable {
    /// One stream as `sretv probe` reports it.
    public struct Stream: Sendable, Codable, Equatable {
        public var index: Int
        public var type: MediaType
        public var codec: String
        public var width: Int?
        public var height: Int?
        /// Frames per second (video).
        public var frameRate: Double?
        /// Samples per second (audio).
        public var sampleRate: Int?
        public var channels: Int?
    }

    /// The probed path.
    public var path: String
    /// The container's short name.
    public var container: String
    /// Time of the first presented frame on the container's clock, in seconds: the origin that
    /// in-points and keyframe times count from.
    public var startTime: Double
    /// Playable length in seconds: from the first presented frame to the end of the last one.
    public var duration: Double
    /// Overall bit rate in bits per second (0 when unknown).
    public var bitRate: Int
    public var streams: [Stream]
    /// Keyframe times of the first video stream, in seconds from the first presented frame.
    public var keyframes: [Double]
    /// Whether the video has frames that are decoded before they are shown (B-frames).
    public var hasBFrames: Bool
    /// Times the source's timestamps jumped (concatenated recordings, resets). They are smoothed
    /// over, and such a file is read from its start rather than seeked in.
    public var timestampJumps: Int
    /// Reasons the file cannot be copied into HLS as it is (empty when it can).
    public var incompatibilities: [String]

    /// Codecs HLS (MPEG-TS segments) carries without re-encoding.
    static let hlsVideoCodecs: Set = ["h264", "hevc"]
    static let hlsAudioCodecs: Set = ["aac", "ac3", "eac3", "mp3", "mp2"]
}
