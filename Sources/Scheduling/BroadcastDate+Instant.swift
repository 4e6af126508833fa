import Foundation

extension BroadcastDate {
    /// The local calendar date of `instant` in `timeZone`.
    public init(of instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: instant)
        self = BroadcastDate(year: day.year ?? 1970, month: day.month ?? 1, day: day.day ?? 1) ?? .epoch
    }
}
