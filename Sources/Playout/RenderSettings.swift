import Foundation
import Media

/// How `sretv render` writes a programme: where, with which segment length and slate format.
public struct RenderSettings: Sendable {
    /// Folder that receives `index.m3u8` and the segments (created if missing).
    public var outputDirectory: URL
    /// Target segment duration in seconds.
    public var segmentDuration: Int
    /// Picture format of the slate (the channel's output format).
    public var video: VideoFormat
    /// Sound format of the slate.
    public var audio: AudioFormat
    /// Name shown on the slate card.
    public var channelTitle: String

    public init(outputDirectory: URL, segmentDuration: Int = 4, video: VideoFormat, audio: AudioFormat, channelTitle: String) {
        self.outputDirectory = outputDirectory
        self.segmentDuration = segmentDuration
        self.video = video
        self.audio = audio
        self.channelTitle = channelTitle
    }
}
