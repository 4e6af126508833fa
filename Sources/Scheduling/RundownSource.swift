/// Where an item's picture comes from, which decides what its `uri` may be.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Our own production: a file, as a path relative to the media root.
    case production
    /// Material from a public broadcaster or agency (Canal Once, Notimex): an ingested file, or a URL not yet ingested.
    case `public`
    /// A live feed relayed as it happens: an `srt`, `rtmp`, `udp`, `http` or `https` URL, or the name of
    /// one of the channel's live sources (`studio-a`).
    case live
}

/// An item's source: its kind, where to find it and who supplied it.
public struct RundownSource: Sendable, Hashable, Codable {
    public var kind: SourceKind
    /// A path relative to the media root, or a URL; `SourceURI` says which the kind allows.
    public var uri: String
    /// Who supplied the material ("Canal Once", "Notimex"); required for public sources.
    public var provider: String?

    public init(kind: SourceKind, uri: String, provider: String? = nil) {
        self.kind = kind
        self.uri = uri
        self.provider = provider
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, uri, provider
    }

    /// Decodes through the same checks as `Rundown.parse(_:)`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decoded(by: decoder)
    }

    /// Whether the source is a file under the media root (as opposed to a URL or a live source's name).
    public var isFile: Bool { kind != .live && SourceURI.isRelativePath(uri) }
}

extension RundownSource {
    /// Why `path` is not a safe path under the media root (absolute, `..`, a URL, NUL, backslash);
    /// nil when it is one.
    public static func mediaPathProblem(_ path: String) -> String? { SourceURI.relativePathProblem(path) }

    /// Why `url` cannot be a live feed's URL (a scheme other than srt, rtmp, udp, http, https; no host;
    /// a link-local host); nil when it can.
    public static func liveURLProblem(_ url: String) -> String? {
        SourceURI.scheme(of: url) == nil
            ? "\(String(reflecting: url)) is not a URL; expected a URL with scheme \(SourceURI.allowedSchemes(for: .live).joined(separator: ", "))"
            : SourceURI.problem(with: url, kind: .live)
    }

    /// Whether `name` can name one of a channel's live sources: 1–63 lowercase letters, digits or `-`.
    public static func isLiveSourceName(_ name: String) -> Bool { SourceURI.isSourceName(name) }
}
