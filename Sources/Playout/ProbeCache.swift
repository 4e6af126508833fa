import Foundation
import Media

/// Probe results shared across resolutions: a file is probed again only when its size or
/// modification time changed. A live channel resolves its schedule at every item boundary.
public final class ProbeCache: @unchecked Sendable {
    private struct Stamp: Equatable {
        let size: Int
        let modified: Date
    }

    private let lock = NSLock()
    private var results: [String: (Stamp?, Result<MediaInfo, MediaError>)] = [:]

    public init() {}

    /// The probe of `path`, from the cache when the file is unchanged.
    func probe(_ path: String) -> Result<MediaInfo, MediaError> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let stamp = (attributes?[.size] as? Int).flatMap { size in
            (attributes?[.modificationDate] as? Date).map { Stamp(size: size, modified: $0) }
        }
        if let stamp, let cached = lock.withLock({ results[path] }), cached.0 == stamp { return cached.1 }
        let result = Result { () throws(MediaError) in try MediaProbe.probe(path) }
        lock.withLock { results[path] = (stamp, result) }
        return result
    }
}
