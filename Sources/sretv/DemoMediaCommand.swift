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

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        for clip in DemoMedia.clips {
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
