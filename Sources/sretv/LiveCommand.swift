import ArgumentParser
import Foundation

/// `sretv live`: take a live feed on air, give the air back, and see a channel's sources, on a
/// running server.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Take live feeds on air and give the air back, on a running server (operator token).",
        subcommands: [Take.self, Return.self, Sources.self, Define.self]
    )

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a live source (its name on the channel, or a URL) on air over the schedule.",
            discussion: "The feed airs from the next keyframe once it is ready, until `sretv live return`."
        )

        @OptionGroup var connection: ServerConnection
        @Argument(help: "The channel id.") var channel: String
        @Argument(help: "A source name of the channel, or an srt://, rtmp://, udp://, http(s):// URL.") var source: String
        @Option(name: .customLong("return"), help: "After the breakout: rejoin (the schedule continues where the clock says) or shift (the rest of the day slides).")
        var returnMode = "rejoin"
        @Option(help: "Title shown in the playlist, the guide and the as-run log.") var title: String?

        func run() async throws {
            var body: [String: Any] = ["source": source, "return": returnMode]
            if let title { body["title"] = title }
            let answer = try await connection.send("POST", "/api/channels/\(channel)/breakout", body: body) as? [String: Any]
            print("breakout \(answer?["id"] ?? "?") on \(channel): \(source) goes on air at the next keyframe (return: \(returnMode))")
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give the channel's air back to the schedule.")

        @OptionGroup var connection: ServerConnection
        @Argument(help: "The channel id.") var channel: String

        func run() async throws {
            let answer = try await connection.send("DELETE", "/api/channels/\(channel)/breakout") as? [String: Any]
            print("breakout \(answer?["id"] ?? "?") on \(channel) returned to the schedule")
        }
    }

    struct Define: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Define (or change) a live source of a channel; the server watches it from then on.",
            discussion: "Listening URLs wait for an encoder to push: srt://0.0.0.0:9000?mode=listener, rtmp://0.0.0.0:1935/live/KEY?listen=1."
        )

        @OptionGroup var connection: ServerConnection
        @Argument(help: "The channel id.") var channel: String
        @Argument(help: "The source's name: lowercase letters, digits and -.") var name: String
        @Argument(help: "An srt://, rtmp://, udp:// or http(s):// (MPEG-TS or HLS) URL on the server's live allow list.") var url: String

        func run() async throws {
            _ = try await connection.send("PUT", "/api/channels/\(channel)/sources/\(name)", body: ["url": url])
            print("\(name) on \(channel): \(url) (watched; see `sretv live sources \(channel)`)")
        }
    }

    struct Sources: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the channel's live sources with their state.")

        @OptionGroup var connection: ServerConnection
        @Argument(help: "The channel id.") var channel: String
        @Flag(help: "Print the server's JSON.") var json = false

        func run() async throws {
            let answer = try await connection.send("GET", "/api/channels/\(channel)/sources") as? [[String: Any]] ?? []
            if json {
                print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            for source in answer {
                let field = { (key: String) in source[key].map { "\($0)" } ?? "-" }
                let format = "\(field("videoCodec"))/\(field("audioCodec")) \(field("width"))x\(field("height"))"
                let airable = (source["airable"] as? Bool) == true ? "airable" : "not airable: \((source["problems"] as? [String] ?? []).joined(separator: "; "))"
                print("\(field("name"))\t\(field("state"))\t\(format)\t\(field("bitRate")) b/s\t\(airable)\t\(field("url"))")
            }
        }
    }
}
