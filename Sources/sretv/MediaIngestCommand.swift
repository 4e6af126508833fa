import ArgumentParser
import Foundation
import Media
import Playout
import Server
import Store

/// `sretv media ingest URL --provider NAME --title TITLE`.
struct MediaIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Copy a provider's file (MP4, MPEG-TS or HLS VOD over http/https) into the media library, without re-encoding.",
        discussion: """
            The URL's host must be on the provider's list (sretv media provider set). The copy is written under a
            temporary name and appears in the library only when complete; it is then probed, checksummed and
            judged (codecs, GOP length, picture format, loudness against -23 LUFS), and its verdict's warnings printed.
            Exit status 0 when the asset is ready to air; 1 with the reason when the ingest failed or the file
            cannot be carried in HLS as it is (the asset is then kept as not-airable).
            """
    )

    @Argument(help: "The source: an http(s) URL of an MP4 or MPEG-TS file or an HLS VOD playlist.")
    var url: String

    @Option(help: "The provider, e.g. \"Canal Once\", \"Notimex\", \"SPR\".")
    var provider: String

    @Option(help: "The asset's title.")
    var title: String

    @Option(help: "The asset's category.")
    var category: String?

    @Option(help: "Comma-separated tags.")
    var tags: String?

    @Option(help: "Media root the library lies under (default: DATA/media).")
    var mediaRoot: String?

    @Flag(help: "Print how long each phase took (copy, then verdict beside probe, checksum and thumbnail) to standard error.")
    var timings = false

    @OptionGroup var data: DataOptions
    @OptionGroup var actor: ActorOption

    func run() throws {
        FFmpegLog.showErrorsOnly()
        var ingest = MediaIngest(database: try data.open(), mediaRoot: URL(fileURLWithPath: mediaRoot ?? data.mediaDirectory))
        if timings {
            ingest.timing = { phase, duration in
                FileHandle.standardError.write(Data(String(format: "\ntiming: %@ %.3f s", phase.rawValue, duration / .seconds(1)).utf8))
            }
        }
        let order = MediaIngest.Order(url: url, provider: provider, title: title, category: category, tags: tags?.split(separator: ",").map(String.init) ?? [])
        let job: Job
        do {
            let submitted = try ingest.submit(order, actor: actor.name)
            job = try ingest.run(job: submitted.job.id, progress: Self.show)
        } catch {
            throw CLIError("cannot ingest \(url): \(error)")
        }
        FileHandle.standardError.write(Data("\n".utf8))
        guard job.state == .done, let asset = try ingest.database.asset(id: job.assetId ?? -1) else {
            throw CLIError("ingest of \(url) failed (job \(job.id)): \(job.error ?? job.state.rawValue)")
        }
        print("asset \(asset.id) \(asset.status.rawValue): \(asset.uri) (\(String(format: "%.3f", asset.duration ?? 0)) s, sha256 \(asset.checksum ?? "-"))")
        for warning in asset.mediaVerdict?.warnings ?? [] { print("warning: \(warning)") }
        if asset.status != .ready { throw CLIError("asset \(asset.id) cannot air as it is: \(asset.error ?? "not airable")") }
    }

    /// One progress line, rewritten in place on standard error.
    private static func show(_ progress: CopyProgress) {
        let percent = progress.percent.map { String(format: "%5.1f %%", $0) } ?? String(format: "%.1f s", progress.secondsDone)
        let line = String(format: "\r%@  %.1f MB  %.1fx ", percent, Double(progress.bytesRead) / 1_000_000, progress.speed)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
