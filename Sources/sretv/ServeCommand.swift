import ArgumentParser
import Foundation
import Logging
import Media
import Playout
import Server
import ServiceLifecycle
import Store

/// `sretv serve`: the channels on air and the HTTP server, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Put every channel on air and serve HLS, the REST API and the guide over HTTP.",
        discussion: """
            With --demo on an empty data folder it first creates a demo channel: generated media, a rundown
            that starts now, and an admin user whose API token is printed once. On a folder that already has
            data it just serves it. Stop with Ctrl-C (or SIGTERM): channels finish the segment in hand and
            save their sequence numbers, so a restart continues them.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Folder rundown media paths are relative to (default: DATA/media).")
    var mediaRoot: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Base URL viewers reach the server at, for the links it prints and hands out (default: http://HOST:PORT).")
    var publicURL: String?

    @Option(help: "Target segment duration in seconds (fixed for the life of a channel).")
    var segmentDuration = 2

    @Option(help: "Picture format of the slate and of the demo media, WIDTHxHEIGHT@FPS.")
    var format = DemoMedia.format.description

    @Option(help: "The largest file POST /api/media accepts, in bytes; larger uploads are refused with 413 (default: 4 GiB).")
    var uploadLimit: Int64 = ServerSettings.defaultMaxUploadBytes

    @Flag(help: "On an empty data folder, create a demo channel with generated media and an admin user.")
    var demo = false

    @Option(help: "Hosts live sources may use, comma-separated (for listening URLs: the address to bind).")
    var liveHosts = "127.0.0.1,localhost"

    @Option(help: "URL schemes live sources may use, comma-separated, of srt, rtmp, udp, http, https.")
    var liveSchemes = "srt,rtmp,udp,http,https"

    @Option(help: "Seconds without a packet after which a live feed counts as down and, on air, fails over to slate.")
    var liveStallTimeout = 1.0

    @Option(help: "Seconds a feed that failed over stays off air at least before it goes back on (hold time).")
    var liveHold = 4.0

    func validate() throws {
        guard uploadLimit >= 1 else { throw ValidationError("--upload-limit must be at least 1 byte, not \(uploadLimit)") }
    }

    func run() async throws {
        let logger = Logger(label: "sretv")
        let database = try data.open()
        let media = URL(fileURLWithPath: mediaRoot ?? data.mediaDirectory)
        let video: VideoFormat
        do { video = try VideoFormat(parsing: format) } catch { throw CLIError("--format: \(error.reason)") }
        let settings = ServerSettings(host: host, port: port, mediaRoot: media, publicBaseURL: publicURL, maxUploadBytes: uploadLimit,
                                      channelProfile: ChannelProfile(segmentDuration: segmentDuration, video: video))
        let adminToken = demo ? try DemoChannel.prepare(database: database, mediaRoot: media, format: video, logger: logger) : nil
        let metrics = ServerMetrics()
        let probes = ProbeCache()
        let schedule = StoredSchedule(database: database, mediaRoot: media, cache: probes)
        let feeds = LiveFeeds(policy: SourcePolicy(hosts: Self.list(liveHosts), schemes: Self.list(liveSchemes)),
                              settings: LiveFeedSettings(stallTimeout: liveStallTimeout, holdTime: liveHold), logger: logger)
        defer { feeds.stopAll() }
        try feeds.watchStoredSources(of: database, logger: logger)
        let playout = try PlayoutService(channels: channels(database: database, schedule: schedule, video: video, metrics: metrics, feeds: feeds, logger: logger))
        let app = try buildApplication(settings: settings, database: database, live: playout, metrics: metrics, probes: probes,
                                       liveFeeds: feeds, switcher: playout, logger: logger)
        let watch = WatchFolder(ingest: MediaIngest(database: database, mediaRoot: media, profile: settings.channelProfile), logger: logger)
        try printBanner(settings: settings, database: database, adminToken: adminToken)
        let services = ServiceGroup(configuration: .init(
            services: [.init(service: playout), .init(service: app), .init(service: watch)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        try await services.run()
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every channel's playout, with the take that was on air when the server stopped back on air.
    private func channels(
        database: AppDatabase, schedule: StoredSchedule, video: VideoFormat, metrics: ServerMetrics, feeds: LiveFeeds, logger: Logger
    ) throws -> [ChannelPlayout] {
        let hls = URL(fileURLWithPath: data.directory).appendingPathComponent("hls")
        let breakouts = BreakoutRecorder(database: database, logger: logger)
        return try database.channels().map { channel in
            let playout = ChannelPlayout(
                channel: channel.id,
                settings: PlayoutSettings(outputDirectory: hls.appendingPathComponent(channel.id), segmentDuration: segmentDuration,
                                          video: video, channelTitle: channel.name),
                logger: logger,
                schedule: schedule.lookup(channel: channel.id, timeZone: channel.timeZone, logger: logger),
                asRun: { entry in
                    do { try database.recordAsRun(entry) } catch { logger.error("as-run not recorded: \(error)") }
                },
                published: metrics.record,
                liveFeeds: feeds,
                liveEvent: { breakouts.record($0, channel: channel.id) }
            )
            if let open = try database.openBreakout(channel: channel.id) { playout.take(LiveTake(open)) }
            return playout
        }
    }

    private func printBanner(settings: ServerSettings, database: AppDatabase, adminToken: String?) throws {
        let signer = try URLSigner(settings: settings, database: database)
        var lines = ["SREtv is on air at \(settings.publicBaseURL) (data: \(data.directory))"]
        for channel in try database.channels() {
            let url = try signer.signedPlaylistURL(channel: channel.id, user: "admin").url
            lines += ["  \(channel.name) — play with ffplay, VLC or mpv (signed URL, valid 12 h):", "    \(url)"]
        }
        if let adminToken {
            lines += [
                "  admin API token (shown only now):", "    \(adminToken)",
                "  try: curl -H 'Authorization: Bearer \(adminToken)' \(settings.publicBaseURL)/api/channels/\(DemoRundown.channel)/now",
            ]
        }
        lines.append("Stop with Ctrl-C.")
        // Written at once (not buffered): whoever started the server reads it now.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
