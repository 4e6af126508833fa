import Foundation
import Logging
import Media
@testable import Playout
import Scheduling
import TestSupport
import Testing

/// A damaged clip, as the render and live tests use it.
struct DamagedClip: Sendable, CustomTestStringConvertible {
    let damage: DamagedMedia.Damage
    /// Whether the clip's sample index comes before its media data (`+faststart`).
    let indexFirst: Bool
    /// Whether the damage necessarily ends the clip early (garbage may land where nothing checks it).
    let endsEarly: Bool

    var name: String { "damaged-\(indexFirst ? "first" : "last")-\(damage.description.filter(\.isLetter))-\(Int(fraction * 100)).mp4" }
    private var fraction: Double {
        switch damage {
        case .cut(let keeping): keeping
        case .garbage(let at, _): at
        case .brokenNALSize(let packet): Double(packet) / 100
        }
    }
    var testDescription: String { "\(damage), index \(indexFirst ? "first" : "last")" }

    /// Writes the clip, damaged, as `name` under `root` (six seconds of media before the damage).
    func write(under root: URL) throws {
        let clean = root.appendingPathComponent("clean-\(name)").path
        try DamagedMedia.writeClip(to: clean, seconds: 6, indexFirst: indexFirst)
        try DamagedMedia.write(damage, of: clean, to: root.appendingPathComponent(name).path)
        try FileManager.default.removeItem(atPath: clean)
    }

    /// Every kind of damage the suite meets.
    static let all: [DamagedClip] = [
        // The sample index promises more than the file holds: the muxer refuses the cut packet.
        DamagedClip(damage: .cut(keeping: 0.6), indexFirst: true, endsEarly: true),
        DamagedClip(damage: .cut(keeping: 0.3), indexFirst: true, endsEarly: true),
        // The index is gone: the file does not open.
        DamagedClip(damage: .cut(keeping: 0.6), indexFirst: false, endsEarly: true),
        DamagedClip(damage: .garbage(at: 0.5, count: 4096), indexFirst: true, endsEarly: false),
        DamagedClip(damage: .garbage(at: 0.5, count: 4096), indexFirst: false, endsEarly: false),
        DamagedClip(damage: .brokenNALSize(packet: 80), indexFirst: true, endsEarly: true),
        DamagedClip(damage: .brokenNALSize(packet: 80), indexFirst: false, endsEarly: true),
    ]
}

@Test(arguments: DamagedClip.all)
func renderOfDamagedMediaEndsTheItemThereAndAirsSlateForTheRestOfItsSlot(_ clip: DamagedClip) throws {
    let fixture = try RenderFixture()
    try fixture.clip("good.mp4", seconds: 2)
    try clip.write(under: fixture.mediaRoot)
    let timeline = fixture.timeline([
        (.media(uri: "good.mp4", inPoint: .zero), 2),
        (.media(uri: clip.name, inPoint: .zero), 6),
        (.media(uri: "good.mp4", inPoint: .zero), 2),
    ])
    let (report, playlist) = try fixture.render(timeline)

    #expect(try HLSRules.checkVOD(playlist, directory: fixture.output) == [])
    #expect(abs(playlist.segments.reduce(0) { $0 + $1.duration } - 10) < 0.000_01)
    // The next item starts on time, behind a discontinuity.
    let last = try #require(playlist.segments.last { $0.discontinuity }?.programDateTime)
    #expect(abs(last.timeIntervalSince(RenderFixture.start) - 8) <= 0.001)
    // What aired of the damaged item is followed by the slate, which fills its slot.
    let slot = playlist.segments.filter { $0.programDateTime! >= RenderFixture.start.addingTimeInterval(2) && $0.programDateTime! < RenderFixture.start.addingTimeInterval(8) }
    #expect(abs(slot.reduce(0) { $0 + $1.duration } - 6) < 0.000_01)
    if clip.endsEarly {
        #expect(report.warnings.contains { $0.contains(clip.name) && $0.contains("slate") }, "\(report.warnings)")
    }
    // Only the listed segments are on disk, none of them partial.
    let files = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path).filter { $0 != "index.m3u8" }
    #expect(Set(files) == Set(playlist.segments.map(\.uri)))
}

@Test func liveChannelAirsWhatDamagedMediaHoldsThenSlateAndKeepsItsTimes() throws {
    let fixture = try RenderFixture()
    try fixture.clip("good.mp4", seconds: 2)
    let clips = [
        DamagedClip(damage: .cut(keeping: 0.3), indexFirst: true, endsEarly: true),
        DamagedClip(damage: .brokenNALSize(packet: 40), indexFirst: true, endsEarly: true),
        DamagedClip(damage: .garbage(at: 0.3, count: 4096), indexFirst: false, endsEarly: false),
        DamagedClip(damage: .cut(keeping: 0.6), indexFirst: false, endsEarly: true),
    ]
    for clip in clips { try clip.write(under: fixture.mediaRoot) }
    var timeline = fixture.timeline(clips.map { (.media(uri: $0.name, inPoint: .zero), 3) } + [
        (.media(uri: "good.mp4", inPoint: .zero), 2),
        (.slate, 3600),
    ])
    timeline.start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 1).rounded(.up))
    let catalog = MediaCatalog(root: fixture.mediaRoot, uris: clips.map(\.name) + ["good.mp4"])
    let output = fixture.folder.url.appendingPathComponent("live")
    let channel = ChannelPlayout(
        channel: "test", settings: PlayoutSettings(outputDirectory: output, video: RenderFixture.channelFormat, channelTitle: "SREtv Test"),
        logger: Logger(label: "test"), schedule: { [timeline] _ in (timeline, catalog) }, asRun: { _ in }
    )
    try channel.start()
    var observer = LivePlaylistObserver()
    let end = timeline.start.addingTimeInterval(17)
    while Date() < end {
        if let text = channel.playlist { observer.observe(text) }
        usleep(250_000)
    }
    channel.stop()

    #expect(observer.problems == [])
    // Every item, damaged or not, starts at its planned time behind a discontinuity.
    let starts = Set(observer.segments.filter(\.discontinuity).compactMap { $0.programDateTime?.timeIntervalSince(timeline.start) }.map { ($0 * 1000).rounded() / 1000 })
    #expect([0, 3, 6, 9, 12, 14].allSatisfy(starts.contains), "sources started at \(starts.sorted())")
    // Air time has no hole: each segment starts where the one before it ended.
    let aired = observer.segments.filter { $0.programDateTime! >= timeline.start }
    for (earlier, later) in zip(aired, aired.dropFirst()) {
        #expect(abs(later.programDateTime!.timeIntervalSince(earlier.programDateTime!) - earlier.duration) < 0.041, "\(earlier.uri) → \(later.uri)")
    }
    let window = try ParsedPlaylist(try #require(channel.playlist))
    #expect(try HLSRules.checkSegments(window, directory: output) == [])
}
