import ArgumentParser
import Foundation
import Logging
import Media
import Playout
import Scheduling

/// `sretv render RUNDOWN --media-root DIR --out DIR`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a rundown into a VOD HLS programme (index.m3u8 and MPEG-TS segments).",
        discussion: """
            Resolves the rundown against the probed media, prints the timeline, then remuxes every item
            (no re-encoding) between its in and out points. Gaps, missing or unreadable media and live
            items air the slate for their slot, with a warning; the programme always keeps its times.
            """
    )

    @Argument(help: "The rundown JSON file.")
    var rundown: String

    @Option(help: "Folder the rundown's media paths are relative to.")
    var mediaRoot: String

    @Option(help: "Output folder for index.m3u8 and the segments (created if missing).")
    var out: String

    @Option(help: "Target segment duration in seconds.")
    var segmentDuration: Int = 4

    @Option(help: "Picture format of the slate, WIDTHxHEIGHT@FPS (the channel's output format).")
    var format: String = "1280x720@25"

    func validate() throws {
        guard (1...30).contains(segmentDuration) else {
            throw ValidationError("--segment-duration must be between 1 and 30 seconds, not \(segmentDuration)")
        }
    }

    func run() throws {
        let parsed = try RundownFile.load(rundown)
        let video: VideoFormat
        do { video = try VideoFormat(parsing: format) } catch { throw CLIError("--format: \(error.reason)") }
        let catalog = MediaCatalog(root: URL(fileURLWithPath: mediaRoot), uris: parsed.mediaPaths)
        let timeline = TimelineResolver.resolve(parsed, media: catalog.availability, liveAllowed: false)
        print(TimelineTable(timeline).text)
        let settings = RenderSettings(
            outputDirectory: URL(fileURLWithPath: out), segmentDuration: segmentDuration,
            video: video, audio: .stereo48k, channelTitle: parsed.channel
        )
        let renderer = Renderer(settings: settings, catalog: catalog)
        let report: RenderReport
        do {
            let logger = Logger(label: "sretv.render")
            report = try renderer.render(timeline) { logger.info("\($0)") }
        } catch {
            throw CLIError("render failed: \(error). Check that \(out) is writable and has free space.")
        }
        print("Wrote \(report.playlist.path): \(report.segmentCount) segments, \(TimelineTable.clock(report.duration)).")
        if !report.warnings.isEmpty {
            print("\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s"):")
            report.warnings.forEach { print("  - \($0)") }
        }
    }
}
