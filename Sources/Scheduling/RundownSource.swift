/// Where an item's picture comes from, which decides what its `uri` may be.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Our own production: a file, as a path relative to the media root.
    case production
    /// Material from a public broadcaster or agency (Canal Once, Notimex): an ingested file, or a URL not yet ingested.
    case `public`
    /// A live feed relayed as it happens: an `srt`, `rtmp`, `udp`, `http` or `https` URL.
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

    /// Whether the source is a file under the media root (as opposed to a URL).
    public var isFile: Bool { SourceURI.isRelativePath(uri) }
}

extension RundownSource {
    /// Why `path` is not a safe path under the media root (absolute, `..`, a URL, NUL, backslash);
    /// nil when it is one.
    public static func mediaPathProblem(_ path: String) -> String? { SourceURI.relativePathProblem(path) }
}
