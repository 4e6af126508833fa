import ArgumentParser

/// `sretv media …`: the media library.
struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "The media library: ingest, list, and verdicts on whether files can air.",
        subcommands: [MediaIngestCommand.self, MediaListCommand.self, MediaVerdictCommand.self, ProviderCommand.self]
    )
}
