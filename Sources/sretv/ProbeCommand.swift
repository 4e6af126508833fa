import ArgumentParser
import Foundation
import Media

/// `sretv probe FILE`: a media file's facts as JSON.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Print a media file's container, streams, exact duration and keyframe times as JSON.",
        discussion: "Reads every packet's timing without decoding. Exit 1 when the file cannot be read."
    )

    @Argument(help: "The media file to probe.")
    var file: String

    func run() throws {
        let info: MediaInfo
        do {
            info = try MediaProbe.probe(file)
        } catch {
            throw CLIError("cannot probe \(file): \(error.reason). Check that the file exists and is a complete audio/video file.")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(info), as: UTF8.self))
    }
}
