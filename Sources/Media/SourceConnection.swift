import Foundation

/// How one URL of a remote source is to be opened once its host was resolved and the resolved
/// address checked: the URL libavformat gets (the host replaced by that address where the
/// protocol allows, so no second lookup can lead elsewhere) and the protocol options that hold
/// the connection to the checked name (no redirects followed by libavformat, `Host` header,
/// certificate verification).
struct SourceConnection: Sendable, Equatable {
    /// The URL as the source names it, host by name.
    let url: String
    /// The scheme, lowercase.
    let scheme: String
    /// The host as the URL names it, lowercase, without IPv6 brackets.
    let host: String
    /// The port the URL names or its scheme's default (nil for schemes without one here).
    let port: Int?
    /// The checked address connected to; nil for listening sources, whose host is a local address.
    let address: IPAddress?
    /// What libavformat opens.
    let target: String
    /// Protocol options for the open.
    let options: [String: String]

    /// Whether it is an HTTP(S) request (whose redirects SREtv follows itself).
    var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// The `Host` header value: the name, with the port when the URL names one.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return URLComponents(string: url)?.port.map { "\(name):\($0)" } ?? name
    }
}

extension SourcePolicy {
    /// Most redirects one open follows (each is checked like the first URL).
    static let maxRedirects = 5

    /// Resolves `url`'s host once, checks every address it resolves to, and says how to open it:
    /// one connection for each address, in the resolver's order, to try in turn.
    ///
    /// Addresses: link-local (169.254/16, fe80::/10, also IPv4-mapped), unspecified, multicast
    /// and reserved ones are always refused for a source that connects out; loopback and
    /// private-network addresses only when the allow list names the address itself or
    /// `localhost` (a name on the list that resolves there is refused, so a provider's DNS
    /// cannot point SREtv at this machine or its network). Listening sources (UDP, an RTMP
    /// server, an SRT listener) only bind, so their host is not resolved here.
    ///
    /// The connection is held to the checked address: `http`, `srt` and `rtmp` URLs get the
    /// address in place of the name (with `Host: name` for HTTP, and the RTMP `tcUrl` by name).
    /// `https` keeps the name, because FFmpeg's TLS sends no SNI to an address and CDNs need
    /// it; the certificate is verified against the name instead (`tls_verify`), so a second
    /// lookup that led elsewhere fails the handshake.
    /// HTTP(S) opens never follow redirects inside libavformat (`max_redirects=0`).
    /// - Parameter listening: whether the open waits for a sender (RTMP `listen=1`).
    func connections(to url: String, listening: Bool = false) throws(MediaError) -> [SourceConnection] {
        let (scheme, host) = try check(url)
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let components = URLComponents(string: url)
        let port = components?.port ?? ["http": 80, "https": 443][scheme]
        let listens = listening || scheme == "udp"
            || (scheme == "srt" && components?.queryItems?.contains { $0.name == "mode" && $0.value == "listener" } == true)
        guard !listens else {
            return [SourceConnection(url: url, scheme: scheme, host: bare, port: port, address: nil, target: url, options: [:])]
        }
        let addresses = try checkedAddresses(of: bare, in: url)
        let named = SourceConnection(url: url, scheme: scheme, host: bare, port: port, address: addresses[0], target: url, options: [:])
        let hostHeader = "Host: \(named.hostHeader)\r\n"
        switch scheme {
        case "http", "srt":
            let options = scheme == "http" ? ["max_redirects": "0", "headers": hostHeader] : [:]
            return addresses.map { address in
                SourceConnection(url: url, scheme: scheme, host: bare, port: port, address: address,
                                 target: Self.replacingHost(of: url, with: address.urlHost), options: options)
            }
        case "https":
            let options = ["max_redirects": "0", "headers": hostHeader, "tls_verify": "1"]
            return [SourceConnection(url: url, scheme: scheme, host: bare, port: port, address: addresses[0], target: url, options: options)]
        case "rtmp":
            // The server still sees the name in the tcUrl, as libavformat would have sent it.
            let name = bare.contains(":") ? "[\(bare)]" : bare
            let tcURL = "rtmp://\(name):\(port ?? 1935)/\(Self.rtmpApplication(path: (components?.percentEncodedPath ?? "") + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")))"
            return addresses.map { address in
                SourceConnection(url: url, scheme: scheme, host: bare, port: port, address: address,
                                 target: Self.replacingHost(of: url, with: address.urlHost), options: ["rtmp_tcurl": tcURL])
            }
        default:
            return [named]
        }
    }

    /// Every address `host` resolves to, when all pass the rules above.
    func checkedAddresses(of host: String, in url: String) throws(MediaError) -> [IPAddress] {
        let addresses: [IPAddress]
        do {
            addresses = try IPAddress.resolve(host)
        } catch {
            throw MediaError(.open, "resolving the host of", subject: url, reason: error.reason)
        }
        try Self.checkAddresses(addresses, of: host, in: url)
        return addresses
    }

    /// Refuses `addresses` (what `host` resolved to) when any is one a source may not reach.
    static func checkAddresses(_ addresses: [IPAddress], of host: String, in url: String) throws(MediaError) {
        let namedExplicitly = host == "localhost" || IPAddress(literal: host) != nil
        for address in addresses {
            switch address.scope {
            case .global:
                continue
            case .loopback, .private:
                if namedExplicitly { continue }
                throw MediaError(.refused, "checking the address of", subject: url, reason:
                    "host \(host) resolves to \(address), a \(address.scope.rawValue) address; sources may reach this machine or a private network only when the allow list names the address itself (or localhost)")
            case .linkLocal, .unroutable:
                throw MediaError(.refused, "checking the address of", subject: url, reason:
                    "host \(host) resolves to \(address), a \(address.scope.rawValue) address, which sources may never reach")
            }
        }
    }

    /// The RTMP application of a URL's path and query (as `av_url_split` gives them), as
    /// libavformat 5.1's `rtmp` protocol derives it for the `tcUrl`: `ondemand` for
    /// `/ondemand/…`; else the first segment, or the first two when a third follows
    /// (`/app/instance/stream`) unless a `:` comes before that third (`/app/mp4:a/b`).
    static func rtmpApplication(path: String) -> String {
        if path.hasPrefix("/ondemand/") { return "ondemand" }
        let next = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        guard let slash = next.firstIndex(of: "/") else { return String(next) }
        let rest = next[next.index(after: slash)...]
        guard let stream = rest.firstIndex(of: "/") else { return String(next[..<slash]) }
        if let colon = rest.firstIndex(of: ":"), colon < stream { return String(next[..<slash]) }
        return String(next[..<stream])
    }

    /// `url` with its host (the part `URLComponents` reports, brackets included) replaced by `host`.
    static func replacingHost(of url: String, with host: String) -> String {
        guard let range = URLComponents(string: url)?.rangeOfHost else { return url }
        var lower = range.lowerBound
        var upper = range.upperBound
        if lower > url.startIndex, url[url.index(before: lower)] == "[", upper < url.endIndex, url[upper] == "]" {
            lower = url.index(before: lower)
            upper = url.index(after: upper)
        }
        return url.replacingCharacters(in: lower..<upper, with: host)
    }
}
