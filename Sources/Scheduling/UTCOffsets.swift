import Foundation

/// A zone's UTC offsets for ascending instants, asking the zone again only after each transition.
struct UTCOffsets {
    let timeZone: TimeZone
    private var offset = 0
    private var validFrom = Int64.max
    private var validUntil = Int64.min

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The offset, in seconds, in force at `instant` (seconds since 1970).
    mutating func offset(at instant: Int64) -> Int {
        if instant >= validFrom && instant < validUntil { return offset }
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        offset = timeZone.secondsFromGMT(for: date)
        validFrom = instant
        validUntil = timeZone.nextDaylightSavingTimeTransition(after: date).map { Int64($0.timeIntervalSince1970.rounded(.up)) } ?? .max
        return offset
    }
}
