/// A time span on the 90 kHz clock that MPEG-TS and HLS use: exact integer arithmetic, no drift.
public struct Ticks: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// Ticks in one second.
    public static let perSecond: Int64 = 90_000

    /// The count of 90 kHz ticks.
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// The nearest tick to a number of seconds.
    public init(seconds: Double) { self.value = Int64((seconds * Double(Ticks.perSecond)).rounded()) }

    /// The span in seconds.
    public var seconds: Double { Double(value) / Double(Ticks.perSecond) }

    public static let zero = Ticks(0)

    public static func + (lhs: Ticks, rhs: Ticks) -> Ticks { Ticks(lhs.value + rhs.value) }
    public static func - (lhs: Ticks, rhs: Ticks) -> Ticks { Ticks(lhs.value - rhs.value) }
    public static func < (lhs: Ticks, rhs: Ticks) -> Bool { lhs.value < rhs.value }

    public var description: String { String(format: "%.3fs", seconds) }
}
