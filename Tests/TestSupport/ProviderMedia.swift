import Foundation
import Media

/// Files a stand-in provider publishes: a generated clip as a web-ready MP4 (index first, since
/// `http.server` cannot answer range requests) and the same clip as an HLS VOD playlist.
public enum ProviderMedia {
    /// Writes a `seconds`-long generated 640x360@25 clip (H.264 + AAC) to `path`, with its index first.
    public static func mp4(_ path: String, seconds: Double, format: String = "640x360@25", grain: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let raw = path + ".raw.mp4"
        defer { try? FileManager.default.removeItem(atPath: raw) }
        let spec = ClipSpec(video: try VideoFormat(parsing: format), duration: .seconds(seconds), label: "PROVIDER", grain: grain)
        try ClipGenerator.write(spec, to: raw)
        try ffmpeg(["-i", raw, "-c", "copy", "-movflags", "+faststart", path])
    }

    /// Writes `source` as an HLS VOD playlist `index.m3u8` with 2-second segments into `folder`.
    public static func hls(from source: String, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try ffmpeg(["-i", source, "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                    "-hls_segment_filename", folder + "/segment-%03d.ts", folder + "/index.m3u8"])
    }

    private static func ffmpeg(_ arguments: [String]) throws {
        let result = try ProcessRunner.run("ffmpeg", ["-nostdin", "-v", "error", "-y"] + arguments)
        guard result.status == 0 else { throw ServerProcessError("ffmpeg \(arguments.joined(separator: " ")): \(result.stderr)") }
    }
}
