import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fault test 8 of shared/design/hls-rules.md: a reader that polls a live playlist a hundred
/// times a second during rotation and fetches the oldest listed segment each time (the one about
/// to leave). It must never see a playlist it cannot parse, nor a 404 for a listed segment.
public final class PlaylistHammer: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    private var polls = 0

    public init() {}

    /// Hammers `playlistURL` for `seconds` (blocking). Segment URIs resolve against the playlist URL.
    public func run(_ playlistURL: URL, for seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let started = Date()
            check(playlistURL)
            let rest = 0.01 - Date().timeIntervalSince(started)
            if rest > 0 { usleep(useconds_t(rest * 1_000_000)) }
        }
    }

    /// Every failure seen, and how many times the playlist was read.
    public var result: (failures: [String], polls: Int) { lock.withLock { (failures, polls) } }

    private func check(_ playlistURL: URL) {
        guard let (status, body) = Self.get(playlistURL), status == 200 else { return record("playlist fetch failed") }
        do {
            let playlist = try ParsedPlaylist(String(decoding: body, as: UTF8.self))
            lock.withLock { polls += 1 }
            guard let oldest = playlist.segments.first, let url = URL(string: oldest.uri, relativeTo: playlistURL) else { return }
            if let (segmentStatus, _) = Self.get(url), segmentStatus != 200 { record("listed segment \(oldest.uri) answered \(segmentStatus)") }
        } catch {
            record("unparsable playlist: \(error)")
        }
    }

    private func record(_ failure: String) { lock.withLock { failures.append(failure) } }

    /// One GET, waited for.
    private static func get(_ url: URL) -> (Int, Data)? {
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, response, _ in
            box.value = (response as? HTTPURLResponse).map { ($0.statusCode, data ?? Data()) }
            done.signal()
        }.resume()
        done.wait()
        return box.value
    }
}

private final class ResponseBox: @unchecked Sendable {
    var value: (Int, Data)?
}
