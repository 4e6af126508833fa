import Scheduling

/// A published rundown that names a media file (so the file must not be deleted).
public struct MediaUsage: Sendable, Hashable, Codable, CustomStringConvertible {
    public var channel: String
    public var date: BroadcastDate
    public var version: Int

    public var description: String { "\(channel) \(date) (version \(version))" }
}
