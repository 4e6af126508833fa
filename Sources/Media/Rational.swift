import CFFmpeg

/// A time base or rate as FFmpeg keeps it (numerator / denominator).
public struct Rational: Sendable, Hashable, Codable, CustomStringConvertible {
    public var num: Int32
    public var den: Int32

    public init(_ num: Int32, _ den: Int32) {
        self.num = num
        self.den = den
    }

    init(_ value: AVRational) { self.init(value.num, value.den) }

    var av: AVRational { AVRational(num: num, den: den) }

    /// The value as a floating-point number (0 when the denominator is 0).
    public var doubleValue: Double { den == 0 ? 0 : Double(num) / Double(den) }

    public var description: String { "\(num)/\(den)" }

    /// MPEG-TS's 90 kHz clock.
    public static let mpegTS = Rational(1, 90_000)

    /// Rescales `value` from this time base to `other`, rounding to the nearest tick.
    public func rescale(_ value: Int64, to other: Rational) -> Int64 {
        av_rescale_q_rnd(value, av, other.av, AVRounding(rawValue: AV_ROUND_NEAR_INF.rawValue | AV_ROUND_PASS_MINMAX.rawValue))
    }
}
