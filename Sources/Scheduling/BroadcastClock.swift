import Foundation

/// Turns local wall times of a broadcast day into instants (whole seconds since 1970), DST-safe:
/// a local time can occur once, never (skipped when clocks jump forward) or twice (when they fall back).
struct BroadcastClock {
    let timeZone: TimeZone
    let date: BroadcastDate

    /// Where a hard start lands.
    enum Placement: Hashable {
        /// The instant it airs.
        case instant(Int64)
        /// Clocks jump over that time on `day`, so it never happens.
        case nonexistent(day: BroadcastDate)
    }

    private static let secondsPerDay: Int64 = 86_400

    /// The first instant of the broadcast day: local midnight, or the end of a DST jump over it.
    var startOfDay: Int64 {
        if let midnight = instants(of: 0, dayOffset: 0).first { return midnight }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let noon = wallClock(dayOffset: 0) + Self.secondsPerDay / 2
        let nearNoon = date(of: noon - offset(at: noon))
        return Int64(calendar.startOfDay(for: nearNoon).timeIntervalSince1970)
    }

    /// Places hard starts in air order (nil for items without one). Each lands on the earliest instant
    /// not before the previous placed one (or the start of the day) that shows its local time, so a rundown
    /// runs on past midnight into the next day and a repeated fall-back hour is taken in air order.
    func place(_ starts: [LocalTime?]) -> [Placement?] {
        var previous = startOfDay
        return starts.map { start in
            guard let start else { return nil }
            let placement = place(start, notBefore: previous)
            if case .instant(let instant) = placement { previous = instant }
            return placement
        }
    }

    private func place(_ time: LocalTime, notBefore previous: Int64) -> Placement {
        let previousWallClock = previous + offset(at: previous)
        var dayOffset = Int(Self.floorDivide(previousWallClock, Self.secondsPerDay)) - date.daysSince1970
        while true {
            let candidates = instants(of: time.secondsSinceMidnight, dayOffset: dayOffset)
            if let instant = candidates.first(where: { $0 >= previous }) { return .instant(instant) }
            if candidates.isEmpty && wallClock(dayOffset: dayOffset) + Int64(time.secondsSinceMidnight) >= previousWallClock {
                return .nonexistent(day: date.adding(days: dayOffset))
            }
            dayOffset += 1
        }
    }

    /// The instants, ascending, at which local clocks show `secondsSinceMidnight` on the day `dayOffset` after `date`.
    func instants(of secondsSinceMidnight: Int, dayOffset: Int) -> [Int64] {
        let wallClock = wallClock(dayOffset: dayOffset) + Int64(secondsSinceMidnight)
        // Every UTC offset in force within 15 hours either side (no zone is further from UTC than 14 h).
        let offsets = Set((-15...15).map { offset(at: wallClock + Int64($0) * 3600) })
        return offsets.map { wallClock - $0 }.filter { offset(at: $0) == wallClock - $0 }.sorted()
    }

    /// Local midnight of the day `dayOffset` after `date`, as if the zone were UTC.
    private func wallClock(dayOffset: Int) -> Int64 {
        Int64(date.daysSince1970 + dayOffset) * Self.secondsPerDay
    }

    /// `instant` (seconds since 1970) as a `Date`.
    func date(of instant: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant))
    }

    /// The zone's UTC offset, in seconds, at `instant`.
    private func offset(at instant: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: date(of: instant)))
    }

    /// `a / b` rounded towards minus infinity (`b` > 0).
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
