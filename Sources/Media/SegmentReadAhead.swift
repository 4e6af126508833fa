import CFFmpeg
import Foundation

/// Opens the next segments of an HLS VOD playlist while the demuxer reads the current one, so
/// each request's round trip and the server's answer overlap with demuxing instead of waiting
/// in line (an ingest from a provider asks for one segment every few hundred kilobytes).
///
/// It reads each VOD media playlist the input opens once more, on its own thread, to learn the
/// segment URLs; then, whenever the demuxer opens segment N, it connects to the `depth` segments
/// after it (each checked against the allow list) and hands over those connections when the
/// demuxer asks for them. Playlists with byte ranges, keys or init sections, live playlists and
/// master playlists are left to the demuxer. Owns the thread and every connection not handed over.
final class SegmentReadAhead: @unchecked Sendable {
    /// Segments connected ahead of the one the demuxer reads.
    static let depth = 4

    private enum Opening {
        case pending
        case ready(UnsafeMutablePointer<AVIOContext>)
        case failed
    }

    private let protocols: String
    private let opener: SourceOpener
    private let shouldInterrupt: @Sendable () -> Bool
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var playlists: [[String]] = []
    /// Where each known segment is: which playlist, which place in it.
    private var positions: [String: (playlist: Int, index: Int)] = [:]
    private var openings: [String: Opening] = [:]
    private var work: [Work] = []
    private var lastRequested: String?
    private var stopped = false
    private var started = false

    private enum Work {
        case learn(playlist: String)
        case open(segment: String)
    }

    /// A read-ahead for an input opened with `protocols`, opening URLs through `opener`. Its
    /// connections give up their blocking calls once it is stopped or `shouldInterrupt` says so;
    /// it must outlive the connections it handed over.
    init(protocols: String, opener: SourceOpener, shouldInterrupt: @escaping @Sendable () -> Bool) {
        self.protocols = protocols
        self.opener = opener
        self.shouldInterrupt = shouldInterrupt
    }

    /// The demuxer opened playlist `url` itself: learn its segments in the background.
    func openedPlaylist(_ url: String) {
        schedule(.learn(playlist: url))
    }

    /// The demuxer wants `url`: the connection opened ahead for it, waiting for one on its way,
    /// or nil when there is none (the caller opens it). Starts connecting the segments after it.
    func take(_ url: String) -> UnsafeMutablePointer<AVIOContext>? {
        condition.lock()
        defer { condition.unlock() }
        lastRequested = url
        queueFollowers(of: url)
        while case .pending = openings[url], !stopped { condition.wait() }
        guard case .ready(let context) = openings.removeValue(forKey: url) else { return nil }
        return context
    }

    /// Ends the thread and closes every connection not handed over; call when the input closes.
    func stop() {
        let left: [UnsafeMutablePointer<AVIOContext>] = condition.withLock {
            stopped = true
            condition.broadcast()
            let ready = openings.values.compactMap { opening -> UnsafeMutablePointer<AVIOContext>? in
                if case .ready(let context) = opening { return context }
                return nil
            }
            openings.removeAll()
            return ready
        }
        for context in left { Self.close(context) }
    }

    private func schedule(_ item: Work) {
        condition.withLock {
            guard !stopped else { return }
            work.append(item)
            if !started {
                started = true
                let thread = Thread { [self] in run() }
                thread.name = "sretv-read-ahead"
                thread.start()
            }
            condition.broadcast()
        }
    }

    /// Queues connections to the segments after `url` in its playlist, when it is a known one.
    /// Holds the lock.
    private func queueFollowers(of url: String) {
        guard let (playlist, index) = positions[url] else { return }
        for next in playlists[playlist].dropFirst(index + 1).prefix(Self.depth) where openings[next] == nil {
            openings[next] = .pending
            work.append(.open(segment: next))
        }
        condition.broadcast()
    }

    private func run() {
        while let item = next() {
            switch item {
            case .learn(let playlist): learn(playlist)
            case .open(let segment): connect(segment)
            }
        }
    }

    /// The next piece of work; nil once stopped.
    private func next() -> Work? {
        condition.lock()
        defer { condition.unlock() }
        while work.isEmpty, !stopped { condition.wait() }
        return stopped ? nil : work.removeFirst()
    }

    /// Reads `playlist` and, for a plain VOD media playlist, adds its segments.
    private func learn(_ playlist: String) {
        guard let text = fetch(playlist), let found = Self.segments(of: text, at: playlist) else { return }
        condition.withLock {
            guard !found.contains(where: { positions[$0] != nil }) else { return }
            for (index, segment) in found.enumerated() { positions[segment] = (playlists.count, index) }
            playlists.append(found)
            if let lastRequested { queueFollowers(of: lastRequested) }
        }
    }

    /// Connects to `segment` (when the allow list takes it) and keeps the connection for `take`.
    private func connect(_ segment: String) {
        let context = open(segment)
        let kept = condition.withLock {
            defer { condition.broadcast() }
            guard !stopped, case .pending = openings[segment] else { return false }
            openings[segment] = context.map(Opening.ready) ?? .failed
            return true
        }
        if !kept, let context { Self.close(context) }
    }

    /// Opens `url` for reading with the input's protocols, through the input's opener (allow
    /// list, checked address, redirects within the list); nil when refused or unreachable (the
    /// demuxer then opens it itself and learns why). Its blocking calls give up once this
    /// read-ahead is stopped or the input is interrupted.
    private func open(_ url: String) -> UnsafeMutablePointer<AVIOContext>? {
        var context: UnsafeMutablePointer<AVIOContext>?
        var callback = AVIOInterruptCB(
            callback: { opaque in
                guard let opaque else { return 0 }
                let readAhead = Unmanaged<SegmentReadAhead>.fromOpaque(opaque).takeUnretainedValue()
                return readAhead.condition.withLock { readAhead.stopped } || readAhead.shouldInterrupt() ? 1 : 0
            },
            opaque: Unmanaged.passUnretained(self).toOpaque()
        )
        let opened = opener.open(url, listening: false, interrupt: callback) { target, extra in
            var options: OpaquePointer?
            av_dict_set(&options, "protocol_whitelist", protocols, 0)
            for (key, value) in extra { av_dict_set(&options, key, value, 0) }
            defer { av_dict_free(&options) }
            return avio_open2(&context, target, AVIO_FLAG_READ, &callback, &options)
        }
        return opened.result >= 0 ? context : nil
    }

    private static func close(_ context: UnsafeMutablePointer<AVIOContext>) {
        var context: UnsafeMutablePointer<AVIOContext>? = context
        avio_closep(&context)
    }

    /// The whole body at `url` as text (playlists are small), or nil when it cannot be read.
    private func fetch(_ url: String) -> String? {
        guard let context = open(url) else { return nil }
        defer { Self.close(context) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < 1 << 24 {
            let count = chunk.withUnsafeMutableBufferPointer { avio_read(context, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { return String(decoding: data, as: UTF8.self) }
            data.append(contentsOf: chunk[..<Int(count)])
        }
        return nil
    }

    /// The absolute segment URLs of a VOD media playlist read from `url`; nil for a master or
    /// live playlist, or one with byte ranges, keys or an init section.
    static func segments(of playlist: String, at url: String) -> [String]? {
        let lines = playlist.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "#EXTM3U", lines.contains("#EXT-X-ENDLIST"), let base = URL(string: url) else { return nil }
        let unsupported = ["#EXT-X-STREAM-INF", "#EXT-X-BYTERANGE", "#EXT-X-KEY", "#EXT-X-MAP", "#EXT-X-SESSION-KEY"]
        guard !lines.contains(where: { line in unsupported.contains { line.hasPrefix($0) } }) else { return nil }
        return lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.compactMap { URL(string: $0, relativeTo: base)?.absoluteString }
    }
}
