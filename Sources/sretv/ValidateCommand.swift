import ArgumentParser
import Foundation
import Playout
import Scheduling
import Server
import Store

/// `sretv validate RUNDOWN [--media-root DIR] [--data DIR]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a rundown: exit 0 when valid, else one line per problem with its JSON path.",
        discussion: """
            With --media-root, also check that every file it names exists and can be carried in HLS.
            With --data, items naming a media library asset get its verdict (codecs, GOP length, picture
            format, loudness) as warning lines with their JSON paths; warnings do not make the rundown invalid.
            """
    )

    @Argument(help: "The rundown JSON file.")
    var rundown: String

    @Option(help: "Folder the rundown's media paths are relative to.")
    var mediaRoot: String?

    @Option(name: .customLong("data"), help: "Data folder whose media library verdicts are checked (it must hold sretv.sqlite).")
    var data: String?

    func run() throws {
        let parsed = try RundownFile.load(rundown)
        if let mediaRoot {
            let catalog = MediaCatalog(root: URL(fileURLWithPath: mediaRoot), uris: parsed.mediaPaths)
            let issues = parsed.mediaReferences.compactMap { issue(at: $0.path, catalog.availability($0.uri)) }
            guard issues.isEmpty else { throw ValidationFailure(file: rundown, issues: issues) }
        }
        let warnings = try data.map { try verdictWarnings(parsed, data: $0) } ?? []
        for warning in warnings { print("warning: \(warning)") }
        print("\(rundown): valid rundown for \(parsed.channel) on \(parsed.date), \(parsed.items.count) items"
              + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"))
    }

    private func issue(at path: String, _ availability: MediaAvailability?) -> ValidationIssue? {
        guard case .unavailable(let reason) = availability else { return nil }
        return ValidationIssue(path: path, message: "\(reason) (under --media-root \(mediaRoot ?? ""))")
    }

    /// The verdicts of the library assets `rundown` names, from the database in `data`.
    private func verdictWarnings(_ rundown: Rundown, data: String) throws -> [ValidationIssue] {
        let path = DataOptions.databasePath(in: data)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("--data \(data): no database at \(path); give the data folder sretv serve uses")
        }
        do {
            return try rundown.verdictWarnings(in: try AppDatabase.open(at: path))
        } catch {
            throw CLIError("cannot read the media library in \(path): \(error)")
        }
    }
}
