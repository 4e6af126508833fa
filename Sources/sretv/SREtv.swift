import ArgumentParser

/// The `sretv` command: schedule engine and playout of the SREtv internal channels.
struct SREtv: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sretv",
        abstract: "SREtv: rundowns, schedule engine and HLS playout for internal TV channels.",
        subcommands: [
            ServeCommand.self, ValidateCommand.self, RenderCommand.self, ProbeCommand.self, DemoMediaCommand.self, TestClipCommand.self,
            ChannelCommand.self, RundownCommand.self, BlockCommand.self, TimelineCommand.self, EPGCommand.self, DatabaseCommand.self,
            MediaCommand.self, UserCommand.self, LiveCommand.self,
        ]
    )
}
