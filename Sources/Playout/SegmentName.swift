/// The file name of every segment a channel or a render writes, and the only names the server
/// serves as segments (rule S3): `segment-`, the media sequence number in decimal (zero-padded to
/// six digits, longer once it passes 999999, never signed), `.ts`. Names and the check hold for
/// the life of a channel: the largest sequence number, `Int.max`, has nineteen digits.
public enum SegmentName {
    /// Digits a name has at least (shorter numbers are zero-padded).
    static let minimumDigits = 6
    /// Digits a name has at most: those of `Int.max`.
    static let maximumDigits = String(Int.max).count
    private static let prefix = Array("segment-".utf8)
    private static let suffix = Array(".ts".utf8)

    /// The file name of the segment with media sequence number `sequence` (zero or more).
    public static func of(sequence: Int) -> String {
        precondition(sequence >= 0, "a media sequence number is never negative")
        let digits = String(sequence)
        return "segment-" + String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits + ".ts"
    }

    /// Whether `name` is exactly what `of(sequence:)` gives for some sequence number. Checked on
    /// the name as requested, before anything touches the disk, so `..`, `%2e%2e`, `%2f`,
    /// backslashes and NUL bytes never reach a path.
    public static func isValid(_ name: some StringProtocol) -> Bool { sequence(of: name) != nil }

    /// The media sequence number `name` names, or nil when `name` is not a segment name (wrong
    /// shape, a digit count outside 6...19, a leading zero in a number of more than six digits,
    /// or a number past `Int.max`).
    public static func sequence(of name: some StringProtocol) -> Int? {
        // A byte check, not a regex: this runs on every segment request.
        let bytes = Array(name.utf8)
        let count = bytes.count - prefix.count - suffix.count
        guard (minimumDigits...maximumDigits).contains(count), bytes.starts(with: prefix), bytes.suffix(suffix.count).elementsEqual(suffix) else {
            return nil
        }
        let digits = bytes[prefix.count..<(prefix.count + count)]
        guard count == minimumDigits || digits.first != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflowed, !carried else { return nil }
            value = sum
        }
        return value
    }
}
