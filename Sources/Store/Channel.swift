import Foundation

/// A TV channel: the owner of rundowns, blocks and as-run entries.
public struct Channel: Sendable, Hashable {
    /// Lowercase letters, digits and `-`, starting with a letter or digit, at most 63 characters.
    public var id: String
    public var name: String
    /// The wall clock the channel's rundowns are planned in.
    public var timeZone: TimeZone
    /// Media path looped into gaps on days that air only recurring blocks (slate when nil).
    public var filler: String?
    public var createdAt: Date

    public init(id: String, name: String, timeZone: TimeZone, filler: String? = nil, createdAt: Date) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.filler = filler
        self.createdAt = createdAt
    }

    /// Whether `id` is a valid channel id: `^[a-z0-9][a-z0-9-]{0,62}$`.
    public static func isValidID(_ id: String) -> Bool {
        // A byte check, not a regex: the server runs it on every HLS request.
        let bytes = Array(id.utf8)
        let allowed = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        return (1...63).contains(bytes.count) && allowed(bytes[0]) && bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
    }
}
