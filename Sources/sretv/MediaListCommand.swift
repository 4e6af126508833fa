import ArgumentParser
import Foundation
import Store

/// `sretv media list [--json]`.
struct MediaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the media library, newest first.")

    @Option(help: "Only assets whose title, tags or provider contain this text.")
    var query: String?

    @Option(help: "Only this provider's assets.")
    var provider: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let assets: [MediaAsset]
        do { assets = try data.open().assets(matching: query, provider: provider) } catch { throw CLIError("cannot list media: \(error)") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(assets), as: UTF8.self))
            return
        }
        for asset in assets {
            let duration = asset.duration.map { String(format: "%.3f s", $0) } ?? "-"
            print([String(asset.id), asset.status.rawValue, asset.provider ?? "-", duration, asset.title, asset.uri].joined(separator: "\t"))
        }
    }
}
