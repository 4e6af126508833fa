import Foundation

/// Which remote sources may be opened (rule S4): URLs whose scheme and host are on the allow
/// lists. Checked before anything is opened, and again for every URL a source opens on its own
/// (HLS playlists, segments and keys, redirects), so neither a playlist nor a server can lead
/// the reader elsewhere; the addresses a host resolves to are checked too (`connections(to:)`).
public struct SourcePolicy: Sendable, Hashable {
    /// Host names (lowercase) that may be contacted, or bound to when listening.
    public let hosts: Set<String>
    /// URL schemes that may be used; a subset of `SourcePolicy.knownSchemes`.
    public let schemes: Set<String>

    /// A policy that allows `hosts` (compared without case) over `schemes` (by default the file
    /// transfers a provider offers: http and https); an empty host list allows nothing.
    public init(hosts: some Sequence<String>, schemes: some Sequence<String> = ["http", "https"]) {
        self.hosts = Set(hosts.map { $0.lowercased() })
        self.schemes = Set(schemes.map { $0.lowercased() }).intersection(Self.knownSchemes)
    }

    /// The protocols libavformat may use for each scheme: never `file`, `concat` or `subfile`.
    /// HLS playlists also need `crypto` for AES-128 segments, which nests another allowed protocol.
    static let protocols: [String: String] = [
        "http": "http,tcp", "https": "https,tls,tcp,http", "srt": "srt", "rtmp": "rtmp,tcp", "udp": "udp",
    ]

    /// Every scheme a policy can allow: HTTP(S) files and HLS, and live SRT, RTMP and MPEG-TS over UDP.
    public static let knownSchemes = Set(protocols.keys)

    /// `url` as a source to open, with the exact protocol whitelist its scheme needs.
    /// An `rtmp` URL ending in `?listen=1` waits for an encoder to push to it; an `srt` URL
    /// carries its own `mode=listener`.
    /// Throws `MediaError` saying what was wrong: `.invalidArgument` for anything but an absolute
    /// URL of an allowed scheme with a host (`file:`, `concat:`, `subfile:`, relative paths),
    /// `.refused` for a host that is not on the allow list.
    public func source(_ url: String) throws(MediaError) -> MediaSource {
        let (scheme, host) = try check(url)
        var protocols = Self.protocols[scheme] ?? ""
        if Self.isPlaylist(url) { protocols += ",crypto" }
        var components = URLComponents(string: url)
        if scheme == "rtmp", components?.queryItems?.contains(where: { $0.name == "listen" && $0.value == "1" }) == true {
            components?.query = nil
            return MediaSource(url: components?.string ?? url, protocols: protocols, policy: self, host: host, options: ["listen": "1"])
        }
        if scheme == "udp" {
            return MediaSource(url: url, protocols: protocols, policy: self, host: host, options: Self.udpOptions(host: host))
        }
        return MediaSource(url: url, protocols: protocols, policy: self, host: host)
    }

    /// A UDP source receives on the address its URL names, not on every interface: `localaddr`
    /// binds the socket to exactly that host (`0.0.0.0` still means every interface, when that
    /// is what the URL says). A multicast group is left to libavformat, which binds the group
    /// address and joins it.
    static func udpOptions(host: String) -> [String: String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let address = IPAddress(literal: bare), address.isMulticast { return [:] }
        return ["localaddr": bare]
    }

    /// The scheme and host of `url` when both are allowed (by name: where the name leads is
    /// checked when it is opened, `connections(to:)`).
    func check(_ url: String) throws(MediaError) -> (scheme: String, host: String) {
        let expected = schemes.sorted().map { "\($0)://host/…" }.joined(separator: " or ")
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "not an absolute URL; expected \(expected)")
        }
        guard schemes.contains(scheme) else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "scheme \(scheme) is not allowed for sources; expected \(expected)")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "names no host; expected \(scheme)://host/…")
        }
        guard hosts.contains(host) else {
            let allowed = hosts.isEmpty ? "no host is allowed yet" : "allowed: \(hosts.sorted().joined(separator: ", "))"
            throw MediaError(.refused, "checking the source URL", subject: url, reason: "host \(host) is not on the allow list (\(allowed))")
        }
        return (scheme, host)
    }

    /// Whether `url`'s path names an HLS playlist.
    static func isPlaylist(_ url: String) -> Bool {
        let path = URLComponents(string: url)?.path.lowercased() ?? ""
        return path.hasSuffix(".m3u8") || path.hasSuffix(".m3u")
    }
}

/// A media source checked for opening: a local file, or a remote URL an allow list accepted.
public struct MediaSource: Sendable, Hashable {
    /// The path or URL libavformat opens.
    public let url: String
    /// The explicit `protocol_whitelist` it is opened with.
    public let protocols: String
    /// For remote sources: the allow list that every nested URL is checked against too.
    let policy: SourcePolicy?
    /// For remote sources: the host, lowercase.
    public let host: String?
    /// Protocol options it is opened with (`listen` for an RTMP server waiting for a push).
    let options: [String: String]

    init(url: String, protocols: String, policy: SourcePolicy?, host: String?, options: [String: String] = [:]) {
        self.url = url
        self.protocols = protocols
        self.policy = policy
        self.host = host
        self.options = options
    }

    /// Whether the URL names an HLS playlist (its reader receives whole segments at a time).
    public var isPlaylist: Bool { SourcePolicy.isPlaylist(url) }
}
