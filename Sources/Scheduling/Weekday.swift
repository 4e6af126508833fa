/// A day of the week, written in JSON by its three-letter English abbreviation.
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The weekday of a calendar day (the same in every zone: a broadcast date is already local).
    public init(of date: BroadcastDate) {
        // 1970-01-01 was a Thursday, index 3 counting from Monday.
        let index = ((date.daysSince1970 % 7) + 7 + 3) % 7
        self = Self.allCases[index]
    }
}

/// A set of weekdays, in JSON an array of their names in week order: `["mon", "tue", "wed"]`.
public struct Weekdays: OptionSet, Sendable, Hashable, Codable {
    /// Bit 0 is Monday, bit 6 Sunday.
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The set holding just `day`.
    public init(_ day: Weekday) {
        self.rawValue = 1 << UInt8(Weekday.allCases.firstIndex(of: day)!)
    }

    /// The set holding `days`.
    public init(_ days: [Weekday]) {
        self = days.reduce(into: []) { $0.insert(Weekdays($1)) }
    }

    public static let everyDay = Weekdays(rawValue: 0b111_1111)
    /// Monday to Friday.
    public static let mondayToFriday = Weekdays([.mon, .tue, .wed, .thu, .fri])
    public static let weekend = Weekdays([.sat, .sun])

    /// Whether `day` is in the set.
    public func contains(_ day: Weekday) -> Bool { contains(Weekdays(day)) }

    /// The days in the set, Monday first.
    public var days: [Weekday] { Weekday.allCases.filter(contains) }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var days: [Weekday] = []
        while !container.isAtEnd {
            let name = try container.decode(String.self)
            guard let day = Weekday(rawValue: name) else {
                let names = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(String(reflecting: name)) is not a weekday; expected one of \(names)")
            }
            days.append(day)
        }
        self.init(days)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: days.map(\.rawValue))
    }
}
