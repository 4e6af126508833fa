import Foundation
import Media
import Scheduling

/// The media files a rundown names, each probed once, under one media root.
public struct MediaCatalog: Sendable {
    /// The folder rundown paths are relative to.
    public let root: URL
    private var probes: [String: Result<MediaInfo, MediaError>] = [:]

    public init(root: URL) { self.root = root }

    /// Probes every file path among `uris` (URLs are left alone), through `cache` when given.
    /// Failures are kept as reasons.
    public init(root: URL, uris: some Sequence<String>, cache: ProbeCache = ProbeCache()) {
        self.init(root: root)
        for uri in uris where !uri.contains("://") && probes[uri] == nil {
            probes[uri] = cache.probe(path(of: uri))
        }
    }

    /// The full path of a rundown path under the root.
    public func path(of uri: String) -> String { root.appendingPathComponent(uri).path }

    /// The probe of `uri`, when it was probed and could be read.
    public func info(_ uri: String) -> MediaInfo? { try? probes[uri]?.get() }

    /// What the schedule engine needs to know of `uri`; nil for URIs that are not files.
    public func availability(_ uri: String) -> MediaAvailability? {
        switch probes[uri] {
        case nil: nil
        case .failure(let error): .unavailable(reason: error.code == .open ? "cannot open \(uri): \(error.reason)" : error.relative(to: root).description)
        case .success(let info) where !info.incompatibilities.isEmpty:
            .unavailable(reason: info.incompatibilities.joined(separator: "; "))
        case .success(let info):
            .available(MediaFacts(
                duration: Ticks(seconds: info.duration),
                keyframes: info.keyframes.map { Ticks(seconds: $0) },
                incompatibilities: info.incompatibilities
            ))
        }
    }
}
