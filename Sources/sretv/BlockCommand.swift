import ArgumentParser
import Foundation
import Scheduling
import Store

/// `sretv block import|list`.
struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Recurring blocks: programmes a channel airs at fixed local times on chosen weekdays.",
        subcommands: [Import.self, List.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save the blocks in a JSON file (one block or an array); a block with an existing id replaces it.",
            discussion: #"""
                A block: {"id": "notimex", "title": "Noticiero Notimex", "starts": ["08:00:00", "14:00:00", "20:00:00"],
                "duration": 900, "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                "source": {"kind": "public", "provider": "Notimex", "uri": "public/notimex.ts"}}
                """#
        )

        @Argument(help: "Channel id.")
        var channel: String

        @Argument(help: "JSON file with one block or an array of blocks.")
        var file: String

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let blocks = try Self.load(file)
            let database = try data.open()
            for block in blocks {
                do { try database.saveBlock(block, channel: channel, actor: actor.name) } catch { throw CLIError("block \(block.id) was not saved: \(error)") }
                print("saved block \(block.id) (\(block.title)) for \(channel)")
            }
        }

        private static func load(_ file: String) throws -> [RecurringBlock] {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("cannot read \(file): \(error.localizedDescription)") }
            do {
                return try JSONDecoder().decode([RecurringBlock].self, from: data)
            } catch {
                do { return [try JSONDecoder().decode(RecurringBlock.self, from: data)] } catch { throw CLIError("\(file) holds no valid block: \(DecodingFailure(error))") }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a channel's blocks.")

        @Argument(help: "Channel id.")
        var channel: String

        @OptionGroup var data: DataOptions

        func run() throws {
            let blocks: [SavedBlock]
            do { blocks = try data.open().blocks(channel: channel) } catch { throw CLIError("cannot list blocks: \(error)") }
            for saved in blocks {
                let block = saved.block
                print("\(block.id)\t\(block.title)\t\(block.starts.map(\.description).joined(separator: ","))\t\(Int(block.duration)) s\t\(block.days.days.map(\.rawValue).joined(separator: ","))")
            }
        }
    }
}

/// A decoding error as one readable line: the JSON path and what was wrong there.
struct DecodingFailure: CustomStringConvertible {
    let error: any Error
    init(_ error: any Error) { self.error = error }

    var description: String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "$" : "$" + path): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }
}
