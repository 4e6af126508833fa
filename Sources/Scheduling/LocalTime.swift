/// A time of day on a local wall clock, to the second, written `HH:MM:SS` (00:00:00–23:59:59).
public struct LocalTime: Sendable, Hashable, Comparable, TextRepresentable {
    public let hour: Int
    public let minute: Int
    public let second: Int

    static let noun = "a time of day"
    static let expected = "expected HH:MM:SS (00:00:00–23:59:59)"

    /// Fails unless the fields form a time of day (hour 0–23, minute and second 0–59).
    public init?(hour: Int, minute: Int, second: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `HH:MM:SS` (two digits each); anything else fails.
    public init?(_ text: String) {
        guard let fields = FixedWidthFields.numbers(in: text, separator: ":", widths: Self.widths) else { return nil }
        self.init(hour: fields[0], minute: fields[1], second: fields[2])
    }

    private static let widths = [2, 2, 2]

    /// Seconds since local midnight.
    public var secondsSinceMidnight: Int { (hour * 60 + minute) * 60 + second }

    public var description: String {
        FixedWidthFields.text(of: [hour, minute, second], separator: ":", widths: Self.widths)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.secondsSinceMidnight < rhs.secondsSinceMidnight }
}
