import Foundation

/// The generated clips that `Playlists/demo.json` and the demo channel use: own productions,
/// stand-ins for Canal Once and Notimex material, and a filler loop. No binaries live in git.
public enum DemoMedia {
    /// Each clip's path under the media root and how it is generated, in `format`.
    public static func clips(format: VideoFormat = format) -> [(path: String, spec: ClipSpec)] {
        func spec(seconds: Double, label: String, tone: Double, bFrames: Int = 0, sampleRate: Int = 48_000) -> ClipSpec {
            ClipSpec(video: format, duration: .seconds(seconds), gopLength: 2 * format.frameRate, bFrames: bFrames,
                     videoBitRate: format.width * format.height * 3 / 2, audio: AudioFormat(sampleRate: sampleRate, channels: 2),
                     toneFrequency: tone, label: label)
        }
        return [
            ("productions/opening.mp4", spec(seconds: 20, label: "SRETV APERTURA", tone: 440)),
            ("productions/interview.mp4", spec(seconds: 60, label: "ENTREVISTA", tone: 523, bFrames: 2)),
            ("public/canal-once-cultura.mp4", spec(seconds: 45, label: "CANAL ONCE", tone: 659, sampleRate: 44_100)),
            ("public/notimex-resumen.ts", spec(seconds: 30, label: "NOTIMEX", tone: 784, bFrames: 1)),
            ("filler/bars.mp4", spec(seconds: 10, label: "SRETV", tone: 1_000)),
        ]
    }

    /// The demo channel's picture format.
    public static let format = VideoFormat(width: 1280, height: 720, frameRate: 25)

    /// Writes the clips missing under `root` in `format`; returns the paths it wrote.
    @discardableResult
    public static func write(to root: URL, format: VideoFormat = format) throws(MediaError) -> [String] {
        var written: [String] = []
        for clip in clips(format: format) {
            let url = root.appendingPathComponent(clip.path)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw MediaError(.write, "creating", subject: url.deletingLastPathComponent().path, reason: error.localizedDescription)
            }
            try ClipGenerator.write(clip.spec, to: url.path)
            written.append(url.path)
        }
        return written
    }
}
