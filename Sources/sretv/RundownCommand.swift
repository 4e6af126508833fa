import ArgumentParser
import Foundation
import Scheduling
import Store

/// `sretv rundown import|publish|show`.
struct RundownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rundown",
        abstract: "Store rundowns as versioned drafts and publish the version that airs.",
        subcommands: [Import.self, Publish.self, Show.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a rundown file and save it as a new draft version.",
            discussion: """
                When the channel already has a rundown for that date, name the version your edit is based on
                with --base-version: if someone saved a newer one meanwhile, the import is refused and says
                who and when, so nobody's work is overwritten.
                """
        )

        @Argument(help: "The rundown JSON file.")
        var file: String

        @Option(help: "The stored version this edit is based on (omit for a new rundown).")
        var baseVersion: Int?

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let rundown = try RundownFile.load(file)
            let version: Int
            do {
                version = try data.open().saveRundown(rundown, baseVersion: baseVersion, actor: actor.name)
            } catch {
                throw CLIError("\(file) was not saved: \(error)")
            }
            print("saved \(rundown.channel) \(rundown.date) as draft version \(version)")
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish a stored version (default: the latest): the one that airs.")

        @Argument(help: "Channel id.")
        var channel: String

        @Argument(help: "Broadcast date, YYYY-MM-DD.")
        var date: BroadcastDateArgument

        @Option(help: "The version to publish (default: the latest).")
        var version: Int?

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let published: Int
            do {
                published = try data.open().publish(channel: channel, date: date.value, version: version, actor: actor.name)
            } catch {
                throw CLIError("cannot publish: \(error)")
            }
            print("published version \(published) of \(channel) \(date.value)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a stored rundown (default: the latest version) as JSON.")

        @Argument(help: "Channel id.")
        var channel: String

        @Argument(help: "Broadcast date, YYYY-MM-DD.")
        var date: BroadcastDateArgument

        @Option(help: "The version to show (default: the latest).")
        var version: Int?

        @OptionGroup var data: DataOptions

        func run() throws {
            let database = try data.open()
            let saved: SavedRundown?
            do {
                saved = try version.map { try database.rundownVersion(channel: channel, date: date.value, version: $0) }
                    ?? database.latestRundown(channel: channel, date: date.value)
            } catch {
                throw CLIError("cannot read the rundown: \(error)")
            }
            guard let saved else { throw CLIError("no rundown of \(channel) for \(date.value)\(version.map { " at version \($0)" } ?? "")") }
            FileHandle.standardError.write(Data("version \(saved.version) saved by \(saved.savedBy) at \(saved.savedAt)\(saved.isPublished ? ", published" : ", draft")\n".utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(saved.rundown), as: UTF8.self))
        }
    }
}

/// A `YYYY-MM-DD` command-line argument.
struct BroadcastDateArgument: ExpressibleByArgument {
    let value: BroadcastDate

    init?(argument: String) {
        guard let date = BroadcastDate(argument) else { return nil }
        value = date
    }
}
