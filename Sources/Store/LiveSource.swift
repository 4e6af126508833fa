import Foundation

/// A channel's named live feed (`studio` → `srt://0.0.0.0:9000?mode=listener`): what operators take to
/// air by name and rundowns' live items name as their `uri`.
public struct LiveSource: Sendable, Hashable, Codable {
    public var channel: String
    /// Unique within the channel: 1–63 lowercase letters, digits or `-`.
    public var name: String
    /// What libavformat opens: an srt, rtmp, udp, http or https URL.
    public var url: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(channel: String, name: String, url: String, createdAt: Date, updatedAt: Date) {
        self.channel = channel
        self.name = name
        self.url = url
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case channel = "channelId"
        case name, url, createdAt, updatedAt
    }
}
