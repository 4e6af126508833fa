import ArgumentParser
import Foundation
import Scheduling
import Server
import Store

/// `sretv timeline CHANNEL --from DATE [--to DATE] [--json]`.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print a channel's resolved timeline over days: published rundowns, blocks on days without one, gaps filled.",
        discussion: "Times are the channel's local times with their UTC offset, DST-correct."
    )

    @Argument(help: "Channel id.")
    var channel: String

    @OptionGroup var range: DateRange

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let timeline: Timeline
        do {
            timeline = try range.schedule(data).timeline(channel: channel, from: range.from, through: range.through).timeline
        } catch let error as StoreError {
            throw CLIError("cannot read the schedule of \(channel): \(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(TimelineDocument(timeline)), as: UTF8.self))
        } else {
            print(TimelineTable(timeline).text)
            timeline.warnings.forEach { print("  warning: \($0)") }
        }
    }
}
