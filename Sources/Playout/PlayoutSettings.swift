import Foundation
import Media

/// How a live channel publishes: where, with which segment length and window, and the slate format.
public struct PlayoutSettings: Sendable {
    /// The channel's folder: segments, and `state.json` with the persisted sequence numbers.
    public var outputDirectory: URL
    /// Target segment duration in seconds (fixed for the life of the channel, R1).
    public var segmentDuration: Int
    /// Segments listed in the live playlist (at least 6, R5).
    public var windowSegments: Int
    /// Picture format of the slate.
    public var video: VideoFormat
    public var audio: AudioFormat
    /// Name shown on the slate.
    public var channelTitle: String

    public init(outputDirectory: URL, segmentDuration: Int = 2, windowSegments: Int = 6, video: VideoFormat, audio: AudioFormat = .stereo48k, channelTitle: String) {
        self.outputDirectory = outputDirectory
        self.segmentDuration = segmentDuration
        self.windowSegments = windowSegments
        self.video = video
        self.audio = audio
        self.channelTitle = channelTitle
    }
}
