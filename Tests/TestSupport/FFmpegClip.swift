import Foundation

/// Clips made with the ffmpeg CLI, for what SREtv's own generator does not make: other codecs,
/// other pixel formats, no sound.
public enum FFmpegClip {
    /// Writes `seconds` of the lavfi `source` (a 320x180@25 test pattern unless told) without sound
    /// to `path`, encoded with `videoCodec` and any `options` (e.g. `-pix_fmt yuv444p`); the
    /// container follows the extension.
    public static func write(to path: String, source: String = "testsrc=size=320x180:rate=25", seconds: Int = 2,
                             videoCodec: String, options: [String] = []) throws {
        let result = try ProcessRunner.run("ffmpeg", [
            "-nostdin", "-v", "error", "-f", "lavfi", "-i", source,
            "-t", "\(seconds)", "-c:v", videoCodec,
        ] + options + [path])
        guard result.status == 0 else { throw FFprobe.Failure(description: "ffmpeg -c:v \(videoCodec) \(path): \(result.stderr)") }
    }
}
