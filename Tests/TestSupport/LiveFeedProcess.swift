import Foundation

/// A live feed as an encoder sends it: the `ffmpeg` program playing a clip in a loop at its own
/// speed (`-re`) and pushing it, without re-encoding unless told, to a URL on loopback.
public final class LiveFeedProcess: @unchecked Sendable {
    private let process = Process()

    /// Starts sending `clip` to `url` as `format` (`mpegts` for UDP and SRT, `flv` for RTMP, `hls`
    /// for a live playlist written to a folder), coded with `codecs` (copied by default), with
    /// `extra` output options.
    public init(clip: URL, to url: String, format: String = "mpegts", codecs: [String] = ["-c", "copy"], extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = ["-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip.path]
            + codecs + ["-f", format] + extra + [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.start()
    }

    deinit { stop() }

    /// Whether the sender still runs.
    public var isRunning: Bool { process.isRunning }

    /// Kills the sender at once, as a dropped line or a crashed encoder would.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
