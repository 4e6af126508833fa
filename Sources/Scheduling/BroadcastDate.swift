/// A calendar day (proleptic Gregorian) as the rundown names its broadcast day: `YYYY-MM-DD`.
public struct BroadcastDate: Sendable, Hashable, Comparable, TextRepresentable {
    public let year: Int
    public let month: Int
    public let day: Int

    static let noun = "a date"
    static let expected = "expected a real date as YYYY-MM-DD"

    /// Fails unless the fields name a day that exists (so no February 30th; leap years counted).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; anything else, or a day that does not exist, fails.
    public init?(_ text: String) {
        guard let fields = FixedWidthFields.numbers(in: text, separator: "-", widths: Self.widths) else { return nil }
        self.init(year: fields[0], month: fields[1], day: fields[2])
    }

    private static let widths = [4, 2, 2]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1970-01-01, the day `daysSince1970` counts from.
    public static let epoch = BroadcastDate(uncheckedYear: 1970, month: 1, day: 1)

    /// Days from 1970-01-01 to this day (negative before it); exact integer math.
    public var daysSince1970: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after this one (before it when negative).
    public func adding(days: Int) -> BroadcastDate {
        // Howard Hinnant's civil_from_days.
        let z = daysSince1970 + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return BroadcastDate(uncheckedYear: year, month: month, day: day)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        FixedWidthFields.text(of: [year, month, day], separator: "-", widths: Self.widths)
    }

    public static func < (lhs: BroadcastDate, rhs: BroadcastDate) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }
}
