import Foundation

/// An HLS media playlist (RFC 8216 §4.3.3), for a finished render (VOD) or a live window.
public struct MediaPlaylist: Sendable, Hashable {
    /// Live windows slide and never end; VOD playlists list everything and end.
    public enum Kind: Sendable, Hashable {
        case live
        case vod
    }

    public var kind: Kind
    /// `#EXT-X-TARGETDURATION`: at least every segment's duration rounded to the nearest second.
    public var targetDuration: Int
    /// `#EXT-X-MEDIA-SEQUENCE`: the sequence number of the first listed segment.
    public var mediaSequence: Int
    /// `#EXT-X-DISCONTINUITY-SEQUENCE`: discontinuities that have left the head of the window.
    public var discontinuitySequence: Int
    public var segments: [MediaSegment]
    /// Zone the program-date-times are written in (the channel's, for readable local times).
    public var timeZone: TimeZone

    public init(
        kind: Kind, targetDuration: Int, mediaSequence: Int = 0, discontinuitySequence: Int = 0,
        segments: [MediaSegment], timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.kind = kind
        self.targetDuration = targetDuration
        self.mediaSequence = mediaSequence
        self.discontinuitySequence = discontinuitySequence
        self.segments = segments
        self.timeZone = timeZone
    }

    /// The smallest target duration that holds every segment (R1): the longest, rounded to the nearest second.
    public static func targetDuration(for durations: [Double]) -> Int {
        max(1, durations.map { Int($0.rounded()) }.max() ?? 1)
    }

    /// The playlist as text, ready to publish.
    public func render() -> String {
        var lines = [
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            "#EXT-X-TARGETDURATION:\(targetDuration)",
            "#EXT-X-MEDIA-SEQUENCE:\(mediaSequence)",
            "#EXT-X-DISCONTINUITY-SEQUENCE:\(discontinuitySequence)",
            "#EXT-X-INDEPENDENT-SEGMENTS",
        ]
        if kind == .vod { lines.append("#EXT-X-PLAYLIST-TYPE:VOD") }
        let formatter = ProgramDateTimeFormatter(timeZone: timeZone)
        for segment in segments {
            if segment.discontinuity { lines.append("#EXT-X-DISCONTINUITY") }
            lines.append("#EXT-X-PROGRAM-DATE-TIME:\(formatter.string(from: segment.programDateTime))")
            lines.append("#EXTINF:\(String(format: "%.6f", segment.duration)),\(segment.title.replacingOccurrences(of: "\n", with: " "))")
            lines.append(segment.uri)
        }
        if kind == .vod { lines.append("#EXT-X-ENDLIST") }
        return lines.joined(separator: "\n") + "\n"
    }
}
