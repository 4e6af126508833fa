/// A feed the server holds open: a channel's defined source, or a feed taken by URL.
public struct OpenLiveFeed: Sendable, Codable, Equatable {
    /// The channel that defines the source; nil for a feed taken by URL (any channel may air it).
    public var channel: String?
    /// `source` (defined on `channel`) or `url` (taken by URL, closed once unused).
    public var kind: String
    public var status: LiveFeedStatus

    public init(channel: String?, status: LiveFeedStatus) {
        self.channel = channel
        kind = channel == nil ? "url" : "source"
        self.status = status
    }

    /// The feed as someone who may not see its URL's secrets sees it.
    public var redacted: OpenLiveFeed {
        var feed = self
        feed.status = status.redacted
        return feed
    }
}
