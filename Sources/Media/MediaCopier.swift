import CFFmpeg
import Foundation

/// Copies a source's audio and video into a local file without re-encoding (FFmpeg's `remux.c`:
/// copied codec parameters, codec tag 0, rescaled timestamps, interleaved writes). The file is
/// written under a hidden temporary name beside `path` and renamed into place only when complete:
/// a failed or cancelled copy leaves nothing at `path`.
public enum MediaCopier {
    /// Wall-clock seconds between two progress callbacks.
    static let reportInterval = Duration.milliseconds(250)
    /// How much shorter than its declared length a copy may end before it counts as truncated.
    static let truncationTolerance = 0.5

    /// Copies `source` to `path` (MPEG-TS for `.ts`, MP4 for `.mp4`, `.m4v` and `.mov`), calling
    /// `progress` about four times a second and once at the end; returning false from it cancels.
    /// `monitor` can cancel from another thread; give one made for `source` (reading ahead).
    /// `written` sees every byte of the output file, in order, as it is written (to checksum it
    /// without reading it again); only for MPEG-TS, which is written straight through (an MP4's
    /// index is patched in afterwards).
    /// - Returns: the final progress (bytes read, seconds copied, speed) and the copy, which can
    ///   probe itself from the packets as they were written where the container has no index
    ///   (MPEG-TS), so the file is not read again.
    /// - Throws: `MediaError` with `.cancelled` when cancelled, `.refused` when the source leads to
    ///   a URL its allow list refuses, `.read` for a source that failed or ended early, `.write` for
    ///   the output (disk full, no permission), `.invalidArgument` for `written` with an MP4 output.
    @discardableResult
    public static func copy(
        from source: MediaSource, to path: String, monitor: InputMonitor? = nil,
        written: ((UnsafeRawBufferPointer) -> Void)? = nil, progress: (CopyProgress) -> Bool
    ) throws(MediaError) -> CopiedFile {
        let format = try outputFormat(of: path)
        if written != nil, format != "mpegts" {
            throw MediaError(.invalidArgument, "copying to", subject: path, reason: "only MPEG-TS outputs are written straight through for `written`")
        }
        let monitor = monitor ?? InputMonitor(source: source, readsAhead: true)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
        do throws(MediaError) {
            let (result, timing) = try remux(source, into: temporary, format: format, monitor: monitor, written: written, progress: progress)
            guard rename(temporary, path) == 0 else {
                throw MediaError(.write, "moving the copy into place at", subject: path, reason: String(cString: strerror(errno)))
            }
            return CopiedFile(progress: result, path: path, written: timing)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The muxer name for `path`'s extension.
    private static func outputFormat(of path: String) throws(MediaError) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "ts": "mpegts"
        case "mp4", "m4v", "mov": "mp4"
        case let other: throw MediaError(.invalidArgument, "choosing a container for", subject: path,
                                         reason: "extension \(String(reflecting: other)) is not supported; use .ts or .mp4")
        }
    }

    /// The copy loop; the output (and its file handle) is closed when this returns. Returns the
    /// final progress and the timing of the primary stream's packets as they were written.
    private static func remux(
        _ source: MediaSource, into temporary: String, format: String, monitor: InputMonitor,
        written: ((UnsafeRawBufferPointer) -> Void)?, progress: (CopyProgress) -> Bool
    ) throws(MediaError) -> (CopyProgress, WrittenTiming?) {
        let clock = ContinuousClock()
        let started = clock.now
        var lastReport = started
        let input = try InputFile(source: source, monitor: monitor)
        let copied = input.streams.filter { $0.parameters.mediaType != .other }
        guard !copied.isEmpty else { throw MediaError(.probe, "copying", subject: source.url, reason: "no audio or video stream") }
        let muxer = try ClipMuxer(path: temporary, formatName: format)
        let primary = copied.first { $0.parameters.mediaType == .video } ?? copied.first { $0.parameters.mediaType == .audio }
        var writtenTiming = primary.map(WrittenTiming.init)
        var outputIndex: [Int: Int] = [:]
        for stream in copied { outputIndex[stream.index] = try muxer.addStream(stream.parameters, timeBase: stream.timeBase) }
        try muxer.writeHeader(tap: written)
        var timing = CopyTiming(streams: input.streams)
        func current() -> CopyProgress {
            let elapsed = (clock.now - started) / .seconds(1)
            return CopyProgress(bytesRead: monitor.bytesRead, secondsDone: timing.secondsDone, totalSeconds: input.duration,
                                speed: elapsed > 0 ? timing.secondsDone / elapsed : 0)
        }
        let packet = Packet()
        do {
            while try input.read(into: packet) {
                guard let output = outputIndex[packet.streamIndex] else { continue }
                timing.add(packet)
                if packet.streamIndex == primary?.index { writtenTiming?.timing.add(packet) }
                try muxer.write(packet, to: output)
                if clock.now - lastReport >= reportInterval {
                    lastReport = clock.now
                    guard progress(current()) else { monitor.cancel(); break }
                }
            }
        } catch where monitor.isCancelled {
            // A cancel from another thread interrupts the read: report it as what it is.
        } catch {
            // What a broken segment led to (the muxer refusing the packets after it) is not the cause.
            throw monitor.sourceFailure ?? error
        }
        if monitor.isCancelled { throw MediaError(.cancelled, "copying", subject: source.url, reason: "cancelled") }
        if let failed = monitor.sourceFailure { throw failed }
        let result = current()
        if let total = result.totalSeconds, result.secondsDone < total - truncationTolerance {
            throw MediaError(.read, "copying", subject: source.url, reason: String(
                format: "the source ended after %.2f s of its %.2f s (connection lost or file truncated)", result.secondsDone, total))
        }
        try muxer.finish()
        _ = progress(result)
        return (result, writtenTiming)
    }
}

/// A finished copy: how it went, where it is, and the timing of what was written.
public struct CopiedFile: Sendable {
    /// The final progress: bytes read, seconds copied, speed.
    public let progress: CopyProgress
    /// The file.
    public let path: String
    fileprivate let written: WrittenTiming?

    /// The copy's probe facts, as `MediaProbe.probe` reports them for the file, taken from the
    /// packets as they were written where that holds (MPEG-TS), else by reading the file.
    public func probe() throws(MediaError) -> MediaInfo {
        try MediaProbe.probe(path, written: written)
    }
}

/// Media seconds copied so far: the furthest packet end, from the first timestamp of any stream.
private struct CopyTiming {
    private let timeBases: [Rational]
    private var origin: Double?
    private var end: Double?

    init(streams: [StreamInfo]) {
        timeBases = streams.map(\.timeBase)
    }

    var secondsDone: Double { origin.flatMap { origin in end.map { max(0, $0 - origin) } } ?? 0 }

    mutating func add(_ packet: Packet) {
        guard let timestamp = packet.dts ?? packet.pts else { return }
        let base = timeBases[packet.streamIndex]
        let seconds = { (value: Int64) in Double(value) * Double(base.num) / Double(base.den) }
        origin = min(origin ?? seconds(timestamp), seconds(timestamp))
        end = max(end ?? seconds(timestamp), seconds(timestamp + packet.duration))
    }
}
