import Foundation

/// One entry of a media playlist: a segment file and the tags that stand before it.
public struct MediaSegment: Sendable, Hashable, Codable {
    /// The segment's URI, relative to the playlist.
    public var uri: String
    /// Exact duration in seconds (written as `#EXTINF`).
    public var duration: Double
    /// The wall-clock instant of the segment's first sample (`#EXT-X-PROGRAM-DATE-TIME`).
    public var programDateTime: Date
    /// Whether `#EXT-X-DISCONTINUITY` stands before the segment (new source, new timestamps or codecs).
    public var discontinuity: Bool
    /// Optional title after the `#EXTINF` comma (the programme item's title).
    public var title: String

    public init(uri: String, duration: Double, programDateTime: Date, discontinuity: Bool, title: String = "") {
        self.uri = uri
        self.duration = duration
        self.programDateTime = programDateTime
        self.discontinuity = discontinuity
        self.title = title
    }
}
