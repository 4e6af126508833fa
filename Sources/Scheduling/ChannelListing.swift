/// A channel as programme guides and players list it.
public struct ChannelListing: Sendable, Hashable {
    /// The guide id (XMLTV `channel id`, M3U `tvg-id`); usually the channel id of its rundowns.
    public var id: String
    /// The name viewers see.
    public var name: String
    /// The group players file it under (M3U `group-title`), such as "Cancillería".
    public var group: String
    /// Where players fetch the stream (the channel's HLS playlist URL).
    public var streamURL: String

    public init(id: String, name: String, group: String, streamURL: String) {
        self.id = id
        self.name = name
        self.group = group
        self.streamURL = streamURL
    }
}

/// One channel in a programme guide: how it is listed and its resolved timeline over the guide's days.
public struct ChannelGuide: Sendable, Hashable {
    public var channel: ChannelListing
    public var timeline: Timeline

    public init(channel: ChannelListing, timeline: Timeline) {
        self.channel = channel
        self.timeline = timeline
    }
}
