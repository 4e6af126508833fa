import Foundation
import Media
@testable import Playout
import Scheduling
import TestSupport

/// A media root of generated clips and an output folder, with a renderer for hand-made timelines.
struct RenderFixture {
    let folder: TemporaryDirectory
    var mediaRoot: URL { folder.url.appendingPathComponent("media") }
    var output: URL { folder.url.appendingPathComponent("out") }
    static let channelFormat = VideoFormat(width: 320, height: 180, frameRate: 25)
    static let start = Date(timeIntervalSince1970: 1_796_126_400) // 2026-12-01T12:00:00Z

    init() throws {
        folder = try TemporaryDirectory("sretv-render")
        try FileManager.default.createDirectory(at: mediaRoot, withIntermediateDirectories: true)
    }

    /// Writes a generated clip under the media root.
    func clip(_ name: String, seconds: Double, video: VideoFormat = channelFormat, gop: Int = 25, bFrames: Int = 0,
              sampleRate: Int = 48_000) throws {
        let spec = ClipSpec(video: video, duration: .seconds(seconds), gopLength: gop, bFrames: bFrames,
                            videoBitRate: 200_000, audio: AudioFormat(sampleRate: sampleRate, channels: 2), label: name)
        try ClipGenerator.write(spec, to: mediaRoot.appendingPathComponent(name).path)
    }

    /// A timeline of back-to-back entries of the given lengths.
    func timeline(_ entries: [(TimelineEntry.Playback, Double)]) -> Timeline {
        var offset = Ticks.zero
        var built: [TimelineEntry] = []
        for (index, (playback, seconds)) in entries.enumerated() {
            let duration = Ticks(seconds: seconds)
            built.append(TimelineEntry(offset: offset, duration: duration, role: .item(id: "item-\(index)"), playback: playback, title: "Item \(index)"))
            offset = offset + duration
        }
        return Timeline(channel: "test", timeZone: TimeZone(identifier: "America/Mexico_City")!, start: RenderFixture.start, entries: built, warnings: [])
    }

    /// Renders `timeline` with 2-second segments and returns the report and the parsed playlist.
    func render(_ timeline: Timeline, segmentDuration: Int = 2) throws -> (RenderReport, ParsedPlaylist) {
        let uris = timeline.entries.compactMap { entry -> String? in
            if case .media(let uri, _) = entry.playback { return uri }
            return nil
        }
        let settings = RenderSettings(outputDirectory: output, segmentDuration: segmentDuration, video: RenderFixture.channelFormat,
                                      audio: .stereo48k, channelTitle: "SREtv Test")
        let renderer = Renderer(settings: settings, catalog: MediaCatalog(root: mediaRoot, uris: uris))
        let report = try renderer.render(timeline)
        return (report, try ParsedPlaylist(String(contentsOf: report.playlist, encoding: .utf8)))
    }
}
