import Foundation

/// A media playlist as a player reads it, for checking what SREtv published.
public struct ParsedPlaylist: Sendable {
    public struct Segment: Sendable {
        public var uri: String
        public var duration: Double
        public var programDateTime: Date?
        public var discontinuity: Bool
        /// The EXTINF title (what airs in it).
        public var title = ""
    }

    public var version: Int?
    public var targetDuration: Int?
    public var mediaSequence = 0
    public var discontinuitySequence: Int?
    public var playlistType: String?
    public var endList = false
    public var segments: [Segment] = []

    /// Parses `text`; throws on anything RFC 8216 does not allow in a media playlist.
    public init(_ text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == "#EXTM3U" else { throw PlaylistParseError("first line is not #EXTM3U") }
        var duration: Double?
        var title = ""
        var date: Date?
        var discontinuity = false
        for line in lines.dropFirst() where !line.isEmpty {
            let (tag, value) = Self.split(line)
            switch tag {
            case "#EXT-X-VERSION": version = Int(value)
            case "#EXT-X-TARGETDURATION": targetDuration = Int(value)
            case "#EXT-X-MEDIA-SEQUENCE": mediaSequence = try Self.int(value, tag)
            case "#EXT-X-DISCONTINUITY-SEQUENCE": discontinuitySequence = try Self.int(value, tag)
            case "#EXT-X-PLAYLIST-TYPE": playlistType = value
            case "#EXT-X-ENDLIST": endList = true
            case "#EXT-X-DISCONTINUITY": discontinuity = true
            case "#EXT-X-INDEPENDENT-SEGMENTS": break
            case "#EXT-X-PROGRAM-DATE-TIME":
                guard let parsed = Self.parseDate(value) else { throw PlaylistParseError("bad program date time \(value)") }
                date = parsed
            case "#EXTINF":
                guard let seconds = Double(value.split(separator: ",", maxSplits: 1).first ?? "") else {
                    throw PlaylistParseError("bad EXTINF \(value)")
                }
                duration = seconds
                title = value.split(separator: ",", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            default:
                if line.hasPrefix("#") { throw PlaylistParseError("unexpected tag \(line)") }
                guard let segmentDuration = duration else { throw PlaylistParseError("URI \(line) without #EXTINF") }
                segments.append(Segment(uri: line, duration: segmentDuration, programDateTime: date, discontinuity: discontinuity, title: title))
                duration = nil
                date = nil
                discontinuity = false
            }
        }
        if duration != nil { throw PlaylistParseError("#EXTINF without URI at the end") }
    }

    private static func split(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":"), line.hasPrefix("#") else { return (line, "") }
        return (String(line[..<colon]), String(line[line.index(after: colon)...]))
    }

    private static func int(_ value: String, _ tag: String) throws -> Int {
        guard let number = Int(value) else { throw PlaylistParseError("bad \(tag) \(value)") }
        return number
    }

    /// ISO 8601 with milliseconds and a zone, as RFC 8216 §4.3.2.6 asks.
    static func parseDate(_ value: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: value)
    }
}

/// The playlist text broke a rule of RFC 8216.
public struct PlaylistParseError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
