import Foundation
import Testing
import Scheduling

/// The example rundowns in `Playlists/` are documentation: they must always parse cleanly.
@Suite struct ExamplePlaylistTests {
    static let playlists = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Playlists")

    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: playlists.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func theExamplesAreThere() {
        #expect(Self.files == ["demo.json", "embassy-special.json", "news-day.json"])
    }

    @Test(arguments: files)
    func everyExampleParsesWithoutIssues(_ file: String) throws {
        let data = try Data(contentsOf: Self.playlists.appendingPathComponent(file))
        #expect(throws: Never.self) { try Rundown.parse(data) }
    }

    @Test func theDemoCutsOneOverrunAndFillsOneGapInThreeMinutes() throws {
        let rundown = try Rundown.parse(Data(contentsOf: Self.playlists.appendingPathComponent("demo.json")))
        let lengths: [String: Int64] = [
            "productions/opening.mp4": 20, "productions/interview.mp4": 60,
            "public/canal-once-cultura.mp4": 45, "public/notimex-resumen.ts": 30, "filler/bars.mp4": 10,
        ]
        let timeline = TimelineResolver.resolve(rundown, media: { uri in
            lengths[uri].map { .available(MediaFacts(duration: Ticks($0 * Ticks.perSecond), keyframes: [])) }
        }, liveAllowed: false)
        #expect(timeline.duration == Ticks(180 * Ticks.perSecond))
        #expect(timeline.entries.map(\.trimmed).filter { $0 > .zero } == [Ticks(10 * Ticks.perSecond)])
        #expect(timeline.entries.filter { $0.role == .gap }.count == 2)
    }
}
