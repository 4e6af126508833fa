extension SourceURI {
    /// Whether `host` spells an address in 169.254.0.0/16 or fe80::/10, in any form the C
    /// resolver accepts: IPv4 in one to four parts, each decimal, octal (`0251`) or hex
    /// (`0xa9fe`), as `inet_aton` reads them (`0xa9fea9fe`, `0251.0376.0251.0376`,
    /// `169.254.43518`), and IPv6 including IPv4-mapped and -compatible forms
    /// (`::ffff:169.254.169.254`, `::ffff:a9fe:a9fe`). A name that merely resolves to such an
    /// address cannot be told here; `Media` compares the resolved addresses when it connects.
    static func isLinkLocal(_ host: String) -> Bool {
        if host.contains(":") {
            guard let bytes = ipv6(host) else { return false }
            if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return true }
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) carry an IPv4 address.
            let prefix = bytes[0..<10]
            let embedsIPv4 = prefix.allSatisfy { $0 == 0 } && (bytes[10...11] == [0xff, 0xff] || bytes[10...11] == [0, 0])
            return embedsIPv4 && bytes[12] == 169 && bytes[13] == 254
        }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return ipv4(name).map { $0 >> 16 == 0xa9fe } ?? false
    }

    /// The IPv4 address `host` names as a 32-bit number, read as `inet_aton` does: one to four
    /// parts separated by dots, each decimal, octal (leading `0`) or hex (leading `0x`); the
    /// last part fills the bytes the others leave (`a`, `a.b` with b < 2^24, `a.b.c` with c < 2^16).
    static func ipv4(_ host: String) -> UInt32? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt32] = []
        for part in parts {
            guard let value = inetNumber(part) else { return nil }
            values.append(value)
        }
        let leading = values.dropLast()
        guard leading.allSatisfy({ $0 <= 0xff }) else { return nil }
        let lastBits = 32 - 8 * leading.count
        guard let last = values.last, lastBits == 32 || last >> lastBits == 0 else { return nil }
        return leading.enumerated().reduce(last) { address, part in address | part.element << (24 - 8 * part.offset) }
    }

    /// One part of an `inet_aton` address: `0x…` hex, `0…` octal, else decimal; nil past 32 bits.
    private static func inetNumber(_ part: Substring) -> UInt32? {
        let lower = part.lowercased()
        guard lower.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == "x") }) else { return nil }
        if lower.hasPrefix("0x") { return lower.count > 2 ? UInt32(lower.dropFirst(2), radix: 16) : nil }
        if lower.count > 1, lower.hasPrefix("0") { return UInt32(lower.dropFirst(), radix: 8) }
        return UInt32(lower, radix: 10)
    }

    /// The 16 bytes of an IPv6 address in RFC 4291 text form (groups, one `::`, an optional
    /// dotted IPv4 tail, an optional `%zone`); nil when `host` is not one.
    static func ipv6(_ host: String) -> [UInt8]? {
        let address = host.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ text: String, allowsIPv4Tail: Bool) -> [UInt16]? {
            guard !text.isEmpty else { return [] }
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
            var result: [UInt16] = []
            for (index, piece) in pieces.enumerated() {
                if allowsIPv4Tail, index == pieces.count - 1, piece.contains(".") {
                    let octets = piece.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
                    guard octets.count == 4, piece.split(separator: ".").allSatisfy({ $0.count <= 3 }) else { return nil }
                    result += [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy({ $0.isASCII && $0.isHexDigit }), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        let all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowsIPv4Tail: false), let tail = groups(halves[1], allowsIPv4Tail: true),
                  head.count + tail.count < 8 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let every = groups(halves[0], allowsIPv4Tail: true), every.count == 8 else { return nil }
            all = every
        }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
