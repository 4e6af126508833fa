/// Rules for the URIs a rundown may name (live items may also name a channel's live source), so that no document can make the player read
/// an arbitrary file (`file:`, `../`), use an FFmpeg pseudo-protocol (`concat:`, `subfile:`, `data:`)
/// or reach link-local services such as cloud metadata endpoints (169.254.169.254).
enum SourceURI {
    /// URL schemes each source kind may use; production sources allow none (files only).
    static func allowedSchemes(for kind: SourceKind) -> [String] {
        switch kind {
        case .production: []
        case .public: ["http", "https"]
        case .live: ["srt", "rtmp", "udp", "http", "https"]
        }
    }

    /// Whether `name` can name one of a channel's live sources: lowercase letters, digits and `-`, at most 63.
    static func isSourceName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// Whether `uri` is a plain relative path rather than anything with a scheme.
    static func isRelativePath(_ uri: String) -> Bool { scheme(of: uri) == nil }

    /// Why `uri` is not acceptable for a source of `kind` (nil when it is).
    static func problem(with uri: String, kind: SourceKind) -> String? {
        let schemes = allowedSchemes(for: kind)
        let expected = schemes.isEmpty
            ? "expected a relative path under the media root"
            : kind == .live
                ? "expected a URL with scheme \(schemes.joined(separator: ", "))"
                : "expected a relative path under the media root or a URL with scheme \(schemes.joined(separator: ", "))"
        guard let scheme = scheme(of: uri) else {
            if kind == .live {
                return isSourceName(uri) ? nil : "\(String(reflecting: uri)) is neither a URL nor a live source name; \(expected), or a source name (lowercase letters, digits, \"-\")"
            }
            return relativePathProblem(uri).map { "\($0); \(expected)" }
        }
        guard schemes.contains(scheme.lowercased()) else {
            return "\(String(reflecting: uri)) uses scheme \"\(scheme):\", which is not allowed for \(kind.rawValue) sources; \(expected)"
        }
        return urlProblem(uri).map { "\($0); \(expected)" }
    }

    /// Why `path` is not a safe path relative to the media root (nil when it is).
    static func relativePathProblem(_ path: String) -> String? {
        let quoted = String(reflecting: path)
        if path.isEmpty { return "the path is empty" }
        if path.contains("\0") { return "\(quoted) contains a NUL character" }
        if path.contains("\\") { return "\(quoted) contains a backslash" }
        if path.hasPrefix("/") { return "\(quoted) is an absolute path" }
        if scheme(of: path) != nil { return "\(quoted) is a URL, not a path" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "\(quoted) has a \"..\" segment that leaves the media root"
        }
        return nil
    }

    /// The scheme of `uri` (`scheme:` at its start, RFC 3986 syntax), nil for a relative path.
    static func scheme(of uri: String) -> Substring? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let candidate = uri[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate
    }

    /// Why a URL with an allowed scheme is still unacceptable: no host, or a link-local host.
    private static func urlProblem(_ uri: String) -> String? {
        let quoted = String(reflecting: uri)
        guard let host = host(of: uri), !host.isEmpty else { return "\(quoted) has no host" }
        if isLinkLocal(host) { return "\(quoted) points at the link-local address \(host)" }
        return nil
    }

    /// The host part of `scheme://[userinfo@]host[:port]/…`, without IPv6 brackets; nil without `//`.
    static func host(of uri: String) -> String? {
        guard let start = uri.range(of: "://")?.upperBound else { return nil }
        let authority = uri[start...].prefix { !"/?#".contains($0) }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            return String(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close])
        }
        return String(hostAndPort.prefix { $0 != ":" })
    }
}
