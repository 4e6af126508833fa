/// Text like `06:30:00` or `2026-12-01`: numbers of exact widths (ASCII digits, zero-padded, no signs) between separators.
enum FixedWidthFields {
    /// The numbers between `separator`s, when `text` has exactly one field per width, each all digits.
    static func numbers(in text: String, separator: Character, widths: [Int]) -> [Int]? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == widths.count else { return nil }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.count == width, part.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(part) else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// The inverse of `numbers(in:separator:widths:)`: each number zero-padded to its width.
    static func text(of numbers: [Int], separator: Character, widths: [Int]) -> String {
        zip(numbers, widths).map { number, width in
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }.joined(separator: String(separator))
    }
}
