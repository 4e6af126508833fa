import Foundation

extension TimeZone {
    /// The zone named `name` when it is a time zone name Foundation knows (`America/Mexico_City`,
    /// `UTC`) written only with the characters such names use: ASCII letters and digits, `/`, `_`,
    /// `+` and `-`, at most 64 of them. `TimeZone(identifier:)` alone accepts some names with a NUL
    /// and anything after it (`"UTC\0junk"`), which would then be stored and shown as given.
    public init?(checkedName name: String) {
        let allowed = { (byte: UInt8) in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "/_+-".utf8.contains(byte)
        }
        guard (1...64).contains(name.utf8.count), name.utf8.allSatisfy(allowed), let zone = TimeZone(identifier: name) else { return nil }
        self = zone
    }
}
