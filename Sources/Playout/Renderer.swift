import Foundation
import HLS
import Media
import Scheduling

/// Renders a resolved timeline into a VOD HLS programme (rule R9): each entry's media remuxed
/// between its in and out points, slate wherever media is missing, unreadable or ends early.
public struct Renderer {
    /// The output clock's value at the programme start: room for decode times before the first frame.
    static let clockOrigin: Int64 = 10 * 90_000

    private let settings: RenderSettings
    private let catalog: MediaCatalog

    public init(settings: RenderSettings, catalog: MediaCatalog) {
        self.settings = settings
        self.catalog = catalog
    }

    /// Writes the programme; `progress` hears one line per entry. Problems with single entries
    /// become warnings in the report (slate airs), never a failed render.
    public func render(_ timeline: Timeline, progress: (String) -> Void = { _ in }) throws(MediaError) -> RenderReport {
        try createDirectory(settings.outputDirectory)
        var slate: Slate?
        let segmenter = Segmenter(directory: settings.outputDirectory) {
            timeline.date(at: Ticks($0 - Renderer.clockOrigin))
        }
        let frame = Int64(90_000 / settings.video.frameRate)
        var warnings = timeline.warnings.map(\.description)
        for (number, entry) in timeline.entries.enumerated() {
            progress("[\(number + 1)/\(timeline.entries.count)] \(entry.title) \(entry.duration)")
            let start = Renderer.clockOrigin + entry.offset.value
            let end = start + entry.duration.value
            var reached = start
            if case .media(let uri, let inPoint) = entry.playback {
                reached = remux(uri, from: inPoint, for: entry, start: start, segmenter: segmenter, tolerance: frame, warnings: &warnings)
            }
            if reached < end {
                let card: Slate
                if let encoded = slate {
                    card = encoded
                } else {
                    card = try Slate(video: settings.video, audio: settings.audio, title: settings.channelTitle)
                    slate = card
                }
                var cutter = cutter(SlateSource(slate: card, start: reached, end: end), start: reached, end: end, tolerance: 0)
                // The slate cannot fail as media can: a write that fails here (a full disk) fails the render.
                if let failure = segmenter.write(&cutter, title: entry.title).failure { throw failure }
            }
        }
        let playlist = MediaPlaylist(
            kind: .vod,
            targetDuration: MediaPlaylist.targetDuration(for: segmenter.segments.map(\.duration)),
            segments: segmenter.segments,
            timeZone: timeline.timeZone
        )
        let playlistURL = settings.outputDirectory.appendingPathComponent("index.m3u8")
        do {
            try Data(playlist.render().utf8).write(to: playlistURL, options: .atomic)
        } catch {
            throw MediaError(.write, "writing", subject: playlistURL.path, reason: error.localizedDescription)
        }
        return RenderReport(playlist: playlistURL, segmentCount: playlist.segments.count, duration: timeline.duration, warnings: warnings)
    }

    /// Remuxes the entry's media into segments from output time `start`; returns where its content
    /// ended (`start` when nothing could be read), adding a warning for whatever did not air.
    private func remux(
        _ uri: String, from inPoint: Ticks, for entry: TimelineEntry, start: Int64, segmenter: Segmenter, tolerance: Int64,
        warnings: inout [String]
    ) -> Int64 {
        guard let info = catalog.info(uri) else {
            let reason = catalog.availability(uri).map { "\($0)" } ?? "not probed"
            warnings.append("\(entry.title): \(uri) cannot be played (\(reason)); slate airs instead")
            return start
        }
        let source: MediaWindowSource
        do {
            source = try MediaWindowSource(
                path: catalog.path(of: uri), origin: Ticks(seconds: info.startTime).value,
                inPoint: inPoint.value, duration: entry.duration.value, outputStart: start, seekable: info.timestampJumps == 0
            )
        } catch {
            warnings.append("\(entry.title): \(error); slate airs instead")
            return start
        }
        var cutter = cutter(source, start: start, end: start + entry.duration.value, tolerance: tolerance)
        let written = segmenter.write(&cutter, title: entry.title)
        if written.end < start + entry.duration.value {
            let cause = (written.failure ?? cutter.source.readError).map { "\($0)" } ?? "its content ends there"
            warnings.append("\(entry.title): \(uri) stops \(Ticks(written.end - start)) into its slot (\(cause)); slate airs for the rest")
        }
        return written.end
    }

    private func cutter<Source: EntrySource>(_ source: Source, start: Int64, end: Int64, tolerance: Int64) -> SegmentCutter<Source> {
        SegmentCutter(source: source, start: start, plannedEnd: end, tolerance: tolerance, targetDuration: settings.segmentDuration)
    }

    private func createDirectory(_ url: URL) throws(MediaError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw MediaError(.write, "creating", subject: url.path, reason: error.localizedDescription)
        }
    }
}

/// What a render produced.
public struct RenderReport: Sendable {
    /// The written `index.m3u8`.
    public var playlist: URL
    public var segmentCount: Int
    /// The programme's length.
    public var duration: Ticks
    /// Everything that did not air as planned, with what aired instead.
    public var warnings: [String]
}
