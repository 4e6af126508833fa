import Foundation
import Testing
@testable import Scheduling

@Suite struct TimelineResolverTests {
    private func rundown(_ items: [RundownItem], filler: String? = nil) -> Rundown {
        Rundown(channel: "sretv-demo", date: BroadcastDate(year: 2026, month: 12, day: 1)!, filler: filler, items: items)
    }

    private func library(_ files: [String: Int64]) -> MediaLibrary {
        var library = MediaLibrary()
        for (id, length) in files { library.add("productions/\(id).mp4", length: length) }
        return library
    }

    @Test func itemsWithoutHardStartsAirBackToBackFromLocalMidnight() {
        let timeline = library(["opening": 20, "interview": 60]).resolve(rundown([.production("opening"), .production("interview")]))
        #expect(timeline.layout == ["0s opening 20s", "20s interview 60s"])
        #expect(timeline.entries.map(\.playback) == [.media(uri: "productions/opening.mp4", inPoint: .zero), .media(uri: "productions/interview.mp4", inPoint: .zero)])
        #expect(timeline.entries.map(\.title) == ["Title of opening", "Title of interview"])
        #expect(timeline.start == utc("2026-12-01T06:00:00Z"))
        #expect(timeline.duration == seconds(80))
        #expect(timeline.warnings.isEmpty)
    }

    @Test func aHardStartCutsTheOverrunningItemAndAirsExactlyOnTime() throws {
        let timeline = library(["a": 60, "b": 60, "c": 30]).resolve(rundown([.production("a", start: "10:00:00"), .production("b"), .production("c", start: "10:01:30")]))
        #expect(timeline.start == utc("2026-12-01T16:00:00Z"))
        let c = try #require(timeline.entries.last)
        #expect(c.itemID == "c")
        #expect(c.offset == Ticks(90 * 90_000))
        #expect(timeline.entries[1].duration == seconds(30))
        #expect(timeline.entries[1].trimmed == seconds(30))
        #expect(timeline.warnings == [TimelineWarning(itemID: "b", message: "cut by 30.000s for the hard start of c at 10:01:30")])
        #expect(timeline.isContiguous)
    }

    @Test func softItemsThatWouldStartAfterAHardStartAreDropped() {
        let timeline = library(["a": 100, "b": 10, "c": 10]).resolve(rundown([.production("a", start: "10:00:00"), .production("b"), .production("c", start: "10:01:00")]))
        #expect(timeline.layout == ["0s a 60s", "60s c 10s"])
        #expect(timeline.entries[0].trimmed == seconds(40))
        #expect(timeline.warnings.map(\.itemID) == ["a", "b"])
        #expect(timeline.warnings[1].message.hasPrefix("dropped"))
    }

    @Test func anUnderrunIsFilledWithFillerLoopsTheLastOneCut() {
        var media = library(["a": 20, "b": 10])
        media.add("filler/bars.mp4", length: 10)
        let timeline = media.resolve(rundown([.production("a", start: "10:00:00"), .production("b", start: "10:00:45")], filler: "filler/bars.mp4"))
        #expect(timeline.layout == ["0s a 20s", "20s gap 10s", "30s gap 10s", "40s gap 5s", "45s b 10s"])
        #expect(timeline.entries[1...3].allSatisfy { $0.playback == .media(uri: "filler/bars.mp4", inPoint: .zero) && $0.title == "Filler" && $0.role == .gap })
        #expect(timeline.warnings == [TimelineWarning(itemID: "b", message: "underrun: 25.000s gap before its hard start, filled with filler")])
    }

    @Test func withoutFillerAGapIsOneSlate() {
        let timeline = library(["a": 20, "b": 10]).resolve(rundown([.production("a", start: "10:00:00"), .production("b", start: "10:00:45")]))
        #expect(timeline.layout == ["0s a 20s", "20s gap 25s", "45s b 10s"])
        #expect(timeline.entries[1].playback == .slate)
        #expect(timeline.entries[1].title == "Slate")
    }

    @Test func aMissingFillerFallsBackToSlateWithAWarning() {
        let timeline = library(["a": 20, "b": 10]).resolve(rundown([.production("a", start: "10:00:00"), .production("b", start: "10:00:45")], filler: "filler/gone.mp4"))
        #expect(timeline.entries[1].playback == .slate)
        #expect(timeline.warnings.first == TimelineWarning(itemID: nil, message: "filler filler/gone.mp4 was not found; gaps air slate"))
    }

    @Test func aGapUnderOneMillisecondIsAbsorbedByThePreviousEntry() {
        var media = library(["b": 10])
        media.files["productions/a.mp4"] = .available(MediaFacts(duration: seconds(60) - Ticks(45), keyframes: []))
        let timeline = media.resolve(rundown([.production("a", start: "10:00:00"), .production("b", start: "10:01:00")]))
        #expect(timeline.entries.map(\.itemID) == ["a", "b"])
        #expect(timeline.entries[0].duration == seconds(60))
        #expect(timeline.entries[1].offset == seconds(60))
    }

    @Test func theInPointSnapsToTheKeyframeAtOrBeforeIt() {
        var media = MediaLibrary()
        media.add("productions/a.mp4", length: 60, keyframeInterval: 2)
        var outItem = RundownItem.production("a")
        outItem.inPoint = 5.5
        outItem.outPoint = 20
        var durationItem = outItem
        durationItem.id = "b"
        durationItem.outPoint = nil
        durationItem.duration = 10
        let timeline = media.resolve(rundown([outItem, durationItem]))
        #expect(timeline.entries.map(\.playback) == [.media(uri: "productions/a.mp4", inPoint: seconds(4)), .media(uri: "productions/a.mp4", inPoint: seconds(4))])
        #expect(timeline.entries.map(\.duration) == [seconds(16), Ticks(11 * 90_000 + 45_000)])
    }

    @Test func anOutPointPastTheEndIsClampedToTheMedia() {
        var item = RundownItem.production("a")
        item.outPoint = 90
        let timeline = library(["a": 60]).resolve(rundown([item]))
        #expect(timeline.entries.map(\.duration) == [seconds(60)])
        #expect(timeline.warnings.count == 1)
    }

    @Test func missingMediaAirsSlateForItsPlannedLengthWithTheReason() {
        var media = library([:])
        media.files["productions/b.mp4"] = .unavailable(reason: "codec hevc needs re-encoding")
        let timeline = media.resolve(rundown([.production("a", duration: 30), .production("b", duration: 15)]))
        #expect(timeline.layout == ["0s a 30s", "30s b 15s"])
        #expect(timeline.entries.map(\.playback) == [.slate, .slate])
        #expect(timeline.entries.map(\.title) == ["Title of a", "Title of b"])
        #expect(timeline.warnings == [
            TimelineWarning(itemID: "a", message: "media productions/a.mp4 not found; airs slate"),
            TimelineWarning(itemID: "b", message: "media productions/b.mp4 unavailable: codec hevc needs re-encoding; airs slate"),
        ])
    }

    @Test func missingMediaOfUnknownLengthFillsUpToAFollowingHardStartOrIsSkipped() {
        let timeline = library(["a": 60, "c": 10]).resolve(rundown([.production("a", start: "10:00:00"), .production("b"), .production("c", start: "10:05:00"), .production("d")]))
        #expect(timeline.layout == ["0s a 60s", "60s b 240s", "300s c 10s"])
        #expect(timeline.entries[1].playback == .slate)
        #expect(timeline.warnings == [
            TimelineWarning(itemID: "b", message: "media productions/b.mp4 not found; airs slate"),
            TimelineWarning(itemID: "d", message: "media productions/d.mp4 not found; skipped: its length is unknown and the next item has no hard start to end it"),
        ])
    }

    @Test func anInPointBeyondTheEndAirsSlate() {
        var item = RundownItem.production("a", duration: 10)
        item.inPoint = 75
        let timeline = library(["a": 60]).resolve(rundown([item]))
        #expect(timeline.entries.map(\.playback) == [.slate])
        #expect(timeline.entries.map(\.duration) == [seconds(10)])
        #expect(timeline.warnings.first?.message.contains("beyond the end") == true)
    }

    @Test func aLiveItemInARenderAirsSlateForItsDuration() {
        let live = RundownItem(id: "studio", title: "Estudio", source: RundownSource(kind: .live, uri: "srt://studio.example:9000"), duration: 120)
        let render = MediaLibrary().resolve(rundown([live]), liveAllowed: false)
        #expect(render.entries.map(\.playback) == [.slate])
        #expect(render.entries.map(\.duration) == [seconds(120)])
        #expect(render.warnings == [TimelineWarning(itemID: "studio", message: "live item cannot be rendered; airs slate")])
        let onAir = MediaLibrary().resolve(rundown([live]), liveAllowed: true)
        #expect(onAir.entries.map(\.playback) == [.live(uri: "srt://studio.example:9000")])
        #expect(onAir.warnings.isEmpty)
    }

    @Test func aLiveItemWithoutDurationRunsToTheNextHardStart() {
        let live = RundownItem(id: "studio", title: "Estudio", source: RundownSource(kind: .live, uri: "srt://studio.example:9000"), start: LocalTime("20:00:00"))
        let timeline = library(["news": 30]).resolve(rundown([live, .production("news", start: "20:30:00")]))
        #expect(timeline.layout == ["0s studio 1800s", "1800s news 30s"])
    }

    @Test func aPublicURLNotYetIngestedAirsSlate() {
        let item = RundownItem(id: "cultura", title: "Cultura", source: RundownSource(kind: .public, uri: "https://canalonce.example/cultura.mp4", provider: "Canal Once"), duration: 45)
        let timeline = MediaLibrary().resolve(rundown([item]))
        #expect(timeline.entries.map(\.playback) == [.slate])
        #expect(timeline.warnings.first?.message.contains("not ingested") == true)
    }

    @Test func anIngestedPublicItemPlaysItsFile() {
        var media = MediaLibrary()
        media.add("public/notimex-resumen.ts", length: 30)
        let item = RundownItem(id: "resumen", title: "Resumen", source: RundownSource(kind: .public, uri: "public/notimex-resumen.ts", provider: "Notimex"))
        #expect(media.resolve(rundown([item])).entries.map(\.playback) == [.media(uri: "public/notimex-resumen.ts", inPoint: .zero)])
    }
}

/// The instant an ISO 8601 UTC timestamp names.
func utc(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
}
