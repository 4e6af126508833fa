import ArgumentParser

/// The `sretv` command: schedule engine and playout of the SREtv internal channels.
@main
struct SREtv: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sretv",
        abstract: "SREtv: rundowns, schedule engine and HLS playout for internal TV channels.",
        subcommands: [ProbeCommand.self]
    )
}
