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
        do {
            let written = try DemoMedia.write(to: root, format: video)
            print(written.isEmpty ? "all demo media already in \(root.path)" : written.map { "wrote \($0)" }.joined(separator: "\n"))
        } catch {
            throw CLIError("cannot generate the demo media in \(root.path): \(error)")
        }
    }
}
