import ArgumentParser
import Foundation
import Playout
import Scheduling

/// `sretv validate RUNDOWN [--media-root DIR]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a rundown: exit 0 when valid, else one line per problem with its JSON path.",
        discussion: "With --media-root, also check that every file it names exists and can be carried in HLS."
    )

    @Argument(help: "The rundown JSON file.")
    var rundown: String

    @Option(help: "Folder the rundown's media paths are relative to.")
    var mediaRoot: String?

    func run() throws {
        let parsed = try RundownFile.load(rundown)
        if let mediaRoot {
            let catalog = MediaCatalog(root: URL(fileURLWithPath: mediaRoot), uris: parsed.mediaPaths)
            let issues = mediaIssues(parsed, catalog: catalog)
            guard issues.isEmpty else { throw ValidationFailure(file: rundown, issues: issues) }
        }
        print("\(rundown): valid rundown for \(parsed.channel) on \(parsed.date), \(parsed.items.count) items")
    }

    private func mediaIssues(_ rundown: Rundown, catalog: MediaCatalog) -> [ValidationIssue] {
        let items = rundown.items.enumerated().compactMap { index, item in
            issue(at: "items[\(index)].source.uri", catalog.availability(item.source.uri))
        }
        return items + (rundown.filler.flatMap { issue(at: "filler", catalog.availability($0)) }.map { [$0] } ?? [])
    }

    private func issue(at path: String, _ availability: MediaAvailability?) -> ValidationIssue? {
        guard case .unavailable(let reason) = availability else { return nil }
        return ValidationIssue(path: path, message: "\(reason) (under --media-root \(mediaRoot ?? ""))")
    }
}
