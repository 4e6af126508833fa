import Foundation

/// What an operator sees of a live source: whether it delivers, in which format, and whether it can air.
public struct LiveFeedStatus: Sendable, Codable, Equatable {
    /// Where a source stands.
    public enum State: String, Sendable, Codable {
        /// Not delivering; the feed retries after a pause.
        case down
        /// Opening the URL (or, for a listening URL, waiting for an encoder to push).
        case connecting
        /// Packets are arriving.
        case up
    }

    /// The source's name on its channel, or its URL for a feed taken by URL.
    public var name: String
    public var url: String
    public var state: State
    /// Whether it can be aired by remuxing (H.264/HEVC video with AAC/AC-3/E-AC-3/MP3 audio or none).
    public var airable: Bool
    /// Why it cannot air, when `airable` is false.
    public var problems: [String]
    public var videoCodec: String?
    public var audioCodec: String?
    public var width: Int?
    public var height: Int?
    public var frameRate: Double?
    /// Bits per second over the last second.
    public var bitRate: Int?
    /// Audio sample peak of the last second in dBFS (nil without audio or before it was measured).
    public var audioLevel: Double?
    public var lastError: String?
    /// Seconds since the last packet arrived; nil when none ever did.
    public var secondsSinceLastPacket: Double?
    /// When the current connection delivered its first packet.
    public var upSince: Date?

    /// A source that was never opened.
    init(name: String, url: String) {
        self.name = name
        self.url = url
        state = .connecting
        airable = false
        problems = []
    }

    /// A defined source nothing watches (live feeds are off, or its URL is no longer allowed).
    public init(unwatched name: String, url: String) {
        self.init(name: name, url: url)
        state = .down
        lastError = "not watched: this server airs no live sources, or the URL is not on the live allow list"
    }
}
