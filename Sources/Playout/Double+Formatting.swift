import Foundation

extension Double {
    /// The number with at most two decimals and no trailing zeros: `25`, `29.97`, `-23`.
    var shortText: String {
        let hundredths = (self * 100).rounded()
        return hundredths.truncatingRemainder(dividingBy: 100) == 0
            ? String(Int(hundredths / 100)) : String(hundredths / 100)
    }

    /// The number with one decimal, as meters show levels: `-10.2`, `10.0`.
    var oneDecimal: String { String(format: "%.1f", self) }
}
