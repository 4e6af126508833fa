import ArgumentParser
import Foundation
import Scheduling
import Store

/// `sretv rundown import|publish|show`.
struct RundownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rundown",
        abstract: "Store rundowns as versioned drafts and publish the version that airs.",
        subcommands: [New.self, Import.self, Publish.self, Show.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a day's rundown from the channel's recurring blocks, saved as draft version 1.",
            discussion: """
                The blocks that air that weekday are laid in as hard-start items, with the channel's filler.
                Edit the draft (sretv rundown show CHANNEL DATE > day.json) and save it back with
                sretv rundown import day.json --base-version 1.
                """
        )

        @OptionGroup var day: ChannelDay
        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let database = try data.open()
            do {
                let schedule = try database.schedule(channel: day.channel, from: day.date, through: day.date)
                let rundown = Rundown.fromBlocks(
                    channel: day.channel, date: day.date, timeZone: schedule.timeZone, filler: schedule.filler, blocks: schedule.blocks
                )
                guard !rundown.items.isEmpty else { throw CLIError("no recurring block of \(day.channel) airs on \(day.date); write the rundown and import it") }
                let version = try database.saveRundown(rundown, baseVersion: nil, actor: actor.name)
                print("saved \(day.channel) \(day.date) from \(rundown.items.count) block airings as draft version \(version)")
            } catch let error as StoreError {
                throw CLIError("cannot start the rundown: \(error)")
            }
        }
    }

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

        @OptionGroup var day: ChannelDay

        @Option(help: "The version to publish (default: the latest).")
        var version: Int?

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let published: Int
            do {
                published = try data.open().publish(channel: day.channel, date: day.date, version: version, actor: actor.name)
            } catch {
                throw CLIError("cannot publish: \(error)")
            }
            print("published version \(published) of \(day.channel) \(day.date)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a stored rundown (default: the latest version) as JSON.")

        @OptionGroup var day: ChannelDay

        @Option(help: "The version to show (default: the latest).")
        var version: Int?

        @OptionGroup var data: DataOptions

        func run() throws {
            let database = try data.open()
            let saved: SavedRundown?
            do {
                saved = try version.map { try database.rundownVersion(channel: day.channel, date: day.date, version: $0) }
                    ?? database.latestRundown(channel: day.channel, date: day.date)
            } catch {
                throw CLIError("cannot read the rundown: \(error)")
            }
            guard let saved else { throw CLIError("no rundown of \(day.channel) for \(day.date)\(version.map { " at version \($0)" } ?? "")") }
            FileHandle.standardError.write(Data("version \(saved.version) saved by \(saved.savedBy) at \(saved.savedAt)\(saved.isPublished ? ", published" : ", draft")\n".utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(saved.rundown), as: UTF8.self))
        }
    }
}

/// The channel and broadcast day a rundown command is about.
struct ChannelDay: ParsableArguments {
    @Argument(help: "Channel id.")
    var channel: String

    @Argument(help: "Broadcast date, YYYY-MM-DD.", transform: ChannelDay.parseDate)
    var date: BroadcastDate

    /// Reads a `YYYY-MM-DD` argument.
    static func parseDate(_ text: String) throws -> BroadcastDate {
        guard let date = BroadcastDate(text) else { throw ValidationError("\(text) is not a date; expected YYYY-MM-DD") }
        return date
    }
}
