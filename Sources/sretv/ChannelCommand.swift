import ArgumentParser
import Foundation
import Scheduling
import Store

/// `sretv channel add|list`.
struct ChannelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "Create and list channels.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a channel.")

        @Argument(help: "Channel id: lowercase letters, digits and '-', e.g. sretv-1.")
        var id: String

        @Option(help: "Name shown to viewers and in the EPG.")
        var name: String

        @Option(help: "IANA time zone of the channel's rundowns.")
        var timezone: String = Rundown.defaultTimeZone.identifier

        @Option(help: "Media path looped into gaps on days that air only recurring blocks (default: slate).")
        var filler: String?

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let database = try data.open()
            do {
                try database.createChannel(id: id, name: name, timeZone: timezone, filler: filler, actor: actor.name)
            } catch {
                throw CLIError("cannot create channel \(id): \(error)")
            }
            print("created channel \(id) (\(name), \(timezone))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the channels.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let channels: [Channel]
            do { channels = try data.open().channels() } catch { throw CLIError("cannot list channels: \(error)") }
            for channel in channels { print("\(channel.id)\t\(channel.name)\t\(channel.timeZone.identifier)") }
        }
    }
}
