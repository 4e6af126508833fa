import Foundation

/// One IPv4 or IPv6 address, as the resolver returned it (compared by value, never by spelling),
/// with the kind of network it belongs to.
struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6), in network order.
    let bytes: [UInt8]

    /// What part of the address space an address is in, for the rules on where a source may connect.
    enum Scope: String, Sendable {
        /// Anywhere on the internet.
        case global
        /// This machine: 127.0.0.0/8, ::1.
        case loopback
        /// A private network: 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier NAT), fc00::/7.
        case `private`
        /// Link-local, where cloud metadata services answer: 169.254/16, fe80::/10.
        case linkLocal = "link-local"
        /// No single host: 0.0.0.0/8, ::, multicast, broadcast and reserved ranges.
        case unroutable
    }

    /// `text` as an address when it is an IPv4 or IPv6 literal (`inet_pton`'s strict forms).
    init?(literal text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The IPv4 address an IPv6 one carries: IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible
    /// (`::a.b.c.d`) or NAT64 (`64:ff9b::a.b.c.d`); nil for others and for IPv4 addresses.
    var embeddedIPv4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let head = bytes[0..<12]
        let mapped = head.elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])
        let compatible = head.allSatisfy { $0 == 0 } && bytes[12...].contains { $0 != 0 } && !(bytes[12...15].elementsEqual([0, 0, 0, 1]))
        let nat64 = head.elementsEqual([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])
        return mapped || compatible || nat64 ? IPAddress(bytes: Array(bytes[12...])) : nil
    }

    var scope: Scope {
        if let embedded = embeddedIPv4 { return embedded.scope }
        if bytes.count == 4 {
            let (a, b) = (bytes[0], bytes[1])
            switch a {
            case 0, 224...255: return .unroutable
            case 127: return .loopback
            case 10: return .private
            case 169 where b == 254: return .linkLocal
            case 172 where b & 0xf0 == 16, 192 where b == 168, 100 where b & 0xc0 == 64: return .private
            default: return .global
            }
        }
        if bytes.allSatisfy({ $0 == 0 }) || bytes[0] == 0xff { return .unroutable }
        if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 { return .loopback }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return .linkLocal }
        if bytes[0] & 0xfe == 0xfc { return .private }
        return .global
    }

    /// Whether it is a multicast group (224.0.0.0/4, ff00::/8).
    var isMulticast: Bool {
        let address = embeddedIPv4 ?? self
        return address.bytes.count == 4 ? address.bytes[0] & 0xf0 == 0xe0 : address.bytes[0] == 0xff
    }

    /// The address in its usual text form (`inet_ntop`).
    var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address as the host of a URL: IPv6 in brackets.
    var urlHost: String { bytes.count == 4 ? description : "[\(description)]" }

    /// Every address `host` resolves to, asked once (`getaddrinfo`, TCP, any family), in the
    /// resolver's order of preference. Throws `.open` when the name does not resolve.
    static func resolve(_ host: String) throws(MediaError) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            throw MediaError(.open, "resolving", subject: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry = list
        while let current = entry?.pointee {
            entry = current.ai_next
            guard let socketAddress = current.ai_addr else { continue }
            let address: IPAddress
            switch Int32(socketAddress.pointee.sa_family) {
            case AF_INET:
                address = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var raw = pointer.pointee.sin_addr
                    return IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })
                }
            case AF_INET6:
                address = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var raw = pointer.pointee.sin6_addr
                    return IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })
                }
            default: continue
            }
            if !addresses.contains(address) { addresses.append(address) }
        }
        guard !addresses.isEmpty else {
            throw MediaError(.open, "resolving", subject: host, reason: "the name has no IPv4 or IPv6 address")
        }
        return addresses
    }
}
