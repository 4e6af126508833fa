import Foundation

/// Which remote sources may be opened (rule S4): only `http` and `https` URLs whose host is on the
/// allow list. Checked before anything is opened, and again for every URL a source opens on its
/// own (HLS playlists, segments and keys), so a playlist cannot lead the reader elsewhere.
public struct SourcePolicy: Sendable, Hashable {
    /// Host names (lowercase) that may be contacted.
    public let hosts: Set<String>

    /// A policy that allows `hosts` (compared without case); an empty list allows nothing.
    public init(hosts: some Sequence<String>) {
        self.hosts = Set(hosts.map { $0.lowercased() })
    }

    /// The protocols libavformat may use for each allowed scheme: never `file`, `concat` or `subfile`.
    /// HLS playlists also need `crypto` for AES-128 segments, which nests another allowed protocol.
    static let protocols: [String: String] = ["http": "http,tcp", "https": "https,tls,tcp,http"]

    /// `url` as a source to open, with the exact protocol whitelist its scheme needs.
    /// Throws `MediaError` saying what was wrong: `.invalidArgument` for anything but an absolute
    /// http(s) URL with a host (`file:`, `concat:`, `subfile:`, relative paths), `.refused` for a
    /// host that is not on the allow list.
    public func source(_ url: String) throws(MediaError) -> MediaSource {
        let (scheme, host) = try check(url)
        var protocols = Self.protocols[scheme] ?? ""
        if Self.isPlaylist(url) { protocols += ",crypto" }
        return MediaSource(url: url, protocols: protocols, policy: self, host: host)
    }

    /// The scheme and host of `url` when both are allowed.
    func check(_ url: String) throws(MediaError) -> (scheme: String, host: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "not an absolute URL; expected http://host/path or https://host/path")
        }
        guard Self.protocols[scheme] != nil else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "scheme \(scheme) is not allowed for sources; expected http or https")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            throw MediaError(.invalidArgument, "checking the source URL", subject: url, reason: "names no host; expected \(scheme)://host/path")
        }
        guard hosts.contains(host) else {
            let allowed = hosts.isEmpty ? "no host is allowed yet" : "allowed: \(hosts.sorted().joined(separator: ", "))"
            throw MediaError(.refused, "checking the source URL", subject: url, reason: "host \(host) is not on the allow list (\(allowed)); add it to the provider's hosts")
        }
        return (scheme, host)
    }

    /// Checks a URL libavformat opens while reading a source, such as an HLS segment; a `crypto+`
    /// or `crypto:` prefix (AES-128 segments) is looked through to the URL it wraps.
    func checkNested(_ url: String) throws(MediaError) {
        for prefix in ["crypto+", "crypto:"] where url.hasPrefix(prefix) {
            return try checkNested(String(url.dropFirst(prefix.count)))
        }
        _ = try check(url)
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

    init(url: String, protocols: String, policy: SourcePolicy?, host: String?) {
        self.url = url
        self.protocols = protocols
        self.policy = policy
        self.host = host
    }

    /// A file on this machine, opened with the `file` protocol only.
    public static func local(_ path: String) -> MediaSource {
        MediaSource(url: path, protocols: "file", policy: nil, host: nil)
    }
}
