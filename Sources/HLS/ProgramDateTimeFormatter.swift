import Foundation

/// Writes `#EXT-X-PROGRAM-DATE-TIME` values: ISO 8601 with milliseconds and the zone's offset
/// (e.g. `2026-11-24T08:00:00.000-06:00`).
public struct ProgramDateTimeFormatter: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let millisecondsSinceEpoch = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Date(timeIntervalSince1970: (millisecondsSinceEpoch / 1000).rounded(.down))
        let milliseconds = Int(millisecondsSinceEpoch - (millisecondsSinceEpoch / 1000).rounded(.down) * 1000)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let offset = timeZone.secondsFromGMT(for: whole)
        let zone = offset == 0
            ? "Z"
            : String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d%@",
            c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, milliseconds, zone
        )
    }
}
