import ArgumentParser
import Foundation
import Media

/// `sretv demo-media DIR`.
struct DemoMediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-media",
        abstract: "Generate the clips the example rundowns use (own productions, Canal Once and Notimex stand-ins, filler).",
        discussion: "Clips that already exist are kept, so running it again is cheap."
    )

    @Argument(help: "The media root to write into (created if missing).")
    var directory: String

    @Option(help: "Picture format, WIDTHxHEIGHT@FPS (smaller is quicker to generate).")
    var format: String = DemoMedia.format.description

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let video: VideoFormat
        do { video = try VideoFormat(parsing: format) } catch { throw CLIError("--format: \(error.reason)") }
        for clip in DemoMedia.clips(format: video) {
            let url = root.appendingPathComponent(clip.path)
            if FileManager.default.fileExists(atPath: url.path) {
                print("kept \(url.path)")
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try ClipGenerator.write(clip.spec, to: url.path)
            } catch {
                throw CLIError("cannot generate \(url.path): \(error)")
            }
            print("wrote \(url.path) (\(clip.spec.video), \(clip.spec.frameCount) frames)")
        }
    }
}
