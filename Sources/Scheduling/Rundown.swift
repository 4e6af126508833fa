import Foundation

/// A channel's plan for one broadcast day: items in air order, some with hard start times.
/// Read one with `Rundown.parse(_:)`, which checks everything; resolve it with `TimelineResolver`.
public struct Rundown: Sendable, Hashable, Codable {
    /// The zone a rundown's times are in when it names none.
    public static let defaultTimeZone = TimeZone(identifier: "America/Mexico_City")!

    /// Channel id: lowercase letters, digits and `-`, starting with a letter or digit, at most 63 characters.
    public var channel: String
    /// The local broadcast day the hard starts belong to.
    public var date: BroadcastDate
    /// The zone (JSON `timezone`, an IANA name) the hard starts are local times in.
    public var timeZone: TimeZone
    /// Media looped into gaps; without it gaps air slate.
    public var filler: String?
    public var items: [RundownItem]

    public init(channel: String, date: BroadcastDate, timeZone: TimeZone = Rundown.defaultTimeZone, filler: String? = nil, items: [RundownItem]) {
        self.channel = channel
        self.date = date
        self.timeZone = timeZone
        self.filler = filler
        self.items = items
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case channel, date
        case timeZone = "timezone"
        case filler, items
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(date, forKey: .date)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encodeIfPresent(filler, forKey: .filler)
        try container.encode(items, forKey: .items)
    }

    /// Decodes through the same checks as `parse(_:)`, so a decoded rundown is always valid.
    public init(from decoder: any Decoder) throws {
        self = try Self.decoded(by: decoder)
    }
}
