import Foundation

/// What the HTTP server reads from the channels on air: each one's current live playlist, the
/// folder its segments are in, and what it is airing.
public protocol LiveOutput: Sendable {
    /// The channel's current live media playlist text, or nil when it has none yet (or no such channel).
    func playlist(channel: String) -> String?
    /// The folder holding the channel's published segment files (the only folder its segments may come from).
    func segmentDirectory(channel: String) -> URL?
    /// What the channel is airing now, or nil when it is not on air.
    func nowPlaying(channel: String) -> NowPlaying?
}

/// What a channel airs at this moment, for `GET /api/channels/{channel}/now`.
public struct NowPlaying: Sendable, Codable, Equatable {
    /// An entry of the timeline as the API shows it.
    public struct Slot: Sendable, Codable, Equatable {
        public var title: String
        /// The rundown item id, nil for filler or slate in a gap.
        public var itemID: String?
        public var start: Date
        public var end: Date

        public init(title: String, itemID: String?, start: Date, end: Date) {
            self.title = title
            self.itemID = itemID
            self.start = start
            self.end = end
        }
    }

    public var channel: String
    public var onAir: Slot
    public var next: Slot?
    /// Seconds into `onAir`.
    public var position: Double
    /// Media sequence number of the newest published segment.
    public var mediaSequence: Int

    public init(channel: String, onAir: Slot, next: Slot?, position: Double, mediaSequence: Int) {
        self.channel = channel
        self.onAir = onAir
        self.next = next
        self.position = position
        self.mediaSequence = mediaSequence
    }
}
