import Foundation
import Testing
@testable import Scheduling

/// Breakouts on the resolved timeline: rejoin lays the feed over the schedule, shift slides the schedule
/// until a hard start absorbs it. All times are in Mexico City (UTC-6), where 2026-12-01 starts at 06:00Z.
@Suite struct BreakoutTests {
    private static let day = "2026-12-01"
    private static let midnight = utc("2026-12-01T06:00:00Z")!

    private let media: MediaLibrary = {
        var media = MediaLibrary()
        for (id, length) in ["a": 600, "b": 300, "c": 600, "e": 120, "d": 600, "late": 600, "early": 600, "next": 600] as [String: Int64] {
            media.add("productions/\(id).mp4", length: length, keyframeInterval: 4)
        }
        media.add("filler/bars.mp4", length: 60)
        return media
    }()

    /// `items` on the first day (and `nextDay` on the one after), with `breakouts`.
    private func schedule(_ items: [RundownItem], nextDay: [RundownItem] = [], filler: String? = nil, _ breakouts: Breakout...) -> ChannelSchedule {
        let zone = TimeZone(identifier: "America/Mexico_City")!
        let first = BroadcastDate(Self.day)!
        var rundowns = [first: Rundown(channel: "sretv-demo", date: first, timeZone: zone, filler: filler, items: items)]
        if !nextDay.isEmpty { rundowns[first.adding(days: 1)] = Rundown(channel: "sretv-demo", date: first.adding(days: 1), timeZone: zone, items: nextDay) }
        return ChannelSchedule(channel: "sretv-demo", timeZone: zone, rundowns: rundowns, breakouts: breakouts)
    }

    /// A breakout from `start` seconds after local midnight of the first day, lasting `length` seconds.
    private func breakout(_ id: Int64, at start: Double, for length: Double, _ mode: ReturnMode, title: String = "Conferencia de prensa") -> Breakout {
        let from = Self.midnight.addingTimeInterval(start)
        return Breakout(id: id, title: title, source: "studio", start: from, end: from.addingTimeInterval(length), mode: mode)
    }

    private func resolve(_ schedule: ChannelSchedule, days: Int = 1, liveAllowed: Bool = true) -> Timeline {
        let first = BroadcastDate(Self.day)!
        return media.resolve(schedule, from: Self.day, through: first.adding(days: days - 1).description, liveAllowed: liveAllowed)
    }

    /// `seconds` after local midnight of the first day, as an instant.
    private func local(_ seconds: Double) -> Date { Self.midnight.addingTimeInterval(seconds) }

    private func ticks(_ seconds: Double) -> Ticks { Ticks(seconds: seconds) }

    private func interruption(_ id: Int64, _ item: String, _ start: Double, _ end: Double, _ kind: Interruption.Kind) -> Interruption {
        Interruption(breakoutID: id, itemID: item, title: "Title of \(item)", plannedStart: local(start), plannedEnd: local(end), kind: kind)
    }

    private func entry(_ timeline: Timeline, _ name: String) throws -> TimelineEntry {
        try #require(timeline.entries.first { $0.itemID == name || $0.breakoutID.map { "breakout-\($0)" } == name })
    }

    @Test func rejoinCutsTheItemOnAirSkipsThoseWithinAndResumesTheOneOnAirAtTheReturnToTheTick() throws {
        var c = RundownItem.production("c")
        c.inPoint = 20
        // a 10:00–10:10, b 10:10–10:15, c (from 20 s in) 10:15–10:24:40, d at 11:00; the breakout airs 10:05:00.25–10:16:40.5.
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), c, .production("d", start: "11:00:00")]
        let timeline = resolve(schedule(items, breakout(7, at: 36_300.25, for: 700.25, .rejoin)))

        #expect(timeline.layout == ["0s gap 36000s", "36000s a 300s", "36300s breakout-7 700s", "37000s c 479s", "37480s gap 2120s", "39600s d 600s", "40200s gap 46200s"])
        let a = try entry(timeline, "a")
        #expect(a.duration == ticks(300.25) && a.trimmed == ticks(299.75) && a.playback == .media(uri: "productions/a.mp4", inPoint: .zero))
        let live = try entry(timeline, "breakout-7")
        #expect(live.offset == ticks(36_300.25) && live.duration == ticks(700.25))
        #expect(live.playback == .live(uri: "studio") && live.title == "Conferencia de prensa" && live.role == .breakout(id: 7))
        let resumed = try entry(timeline, "c")
        #expect(resumed.offset == ticks(37_000.5) && resumed.duration == ticks(479.5) && resumed.trimmed == .zero)
        #expect(resumed.playback == .media(uri: "productions/c.mp4", inPoint: ticks(120.5)))
        #expect(timeline.entries.first { $0.itemID == "b" } == nil)
        #expect(timeline.date(at: try entry(timeline, "d").offset) == local(39_600))
        #expect(timeline.isContiguous)
        #expect(timeline.interruptions == [
            interruption(7, "a", 36_000, 36_600, .cut),
            interruption(7, "b", 36_600, 36_900, .skipped),
            interruption(7, "c", 36_900, 37_480, .resumed),
        ])
    }

    @Test func rejoinWithinOneItemCutsAndResumesIt() throws {
        let timeline = resolve(schedule([.production("a", start: "10:00:00")], breakout(1, at: 36_100, for: 200, .rejoin, title: "")))
        #expect(timeline.layout == ["0s gap 36000s", "36000s a 100s", "36100s breakout-1 200s", "36300s a 300s", "36600s gap 49800s"])
        #expect(timeline.entries[3].playback == .media(uri: "productions/a.mp4", inPoint: ticks(300)))
        #expect(try entry(timeline, "breakout-1").title == "Live: studio")
        #expect(timeline.interruptions.map(\.kind) == [.cut, .resumed])
    }

    @Test func shiftIsAbsorbedByTheFillerBeforeTheNextHardStart() throws {
        // a 10:00–10:10, b 10:10–10:15, filler to d at 11:00; the breakout airs 10:05–10:07:30.
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), .production("d", start: "11:00:00")]
        let before = resolve(schedule(items, filler: "filler/bars.mp4"))
        let timeline = resolve(schedule(items, filler: "filler/bars.mp4", breakout(3, at: 36_300, for: 150, .shift)))

        let aired = timeline.entries.filter { $0.role != .gap }
        #expect(aired.map { "\($0.offset.seconds) \($0.itemID ?? "live") \($0.duration.seconds)" } == [
            "36000.0 a 300.0", "36300.0 live 150.0", "36450.0 a 300.0", "36750.0 b 300.0", "39600.0 d 600.0",
        ])
        #expect(aired.map(\.playback) == [
            .media(uri: "productions/a.mp4", inPoint: .zero), .live(uri: "studio"), .media(uri: "productions/a.mp4", inPoint: ticks(300)),
            .media(uri: "productions/b.mp4", inPoint: .zero), .media(uri: "productions/d.mp4", inPoint: .zero),
        ])
        #expect(aired.allSatisfy { $0.trimmed == .zero })
        // b moved by exactly the breakout's length; d kept its hard start; the filler before d lost as much.
        #expect(try entry(timeline, "b").offset - entry(before, "b").offset == ticks(150))
        #expect(try entry(timeline, "d").offset == entry(before, "d").offset)
        let filler = { (timeline: Timeline) in
            timeline.entries.filter { $0.role == .gap && $0.offset >= ticks(36_000) && $0.end <= ticks(39_600) }.reduce(Ticks.zero) { $0 + $1.duration }
        }
        #expect(filler(before) - filler(timeline) == ticks(150))
        #expect(timeline.isContiguous && timeline.duration == before.duration)
        #expect(timeline.interruptions == [interruption(3, "a", 36_000, 36_600, .cut), interruption(3, "a", 36_000, 36_600, .resumed)])
    }

    @Test func shiftLongerThanTheGapTrimsAndDropsWhatNoLongerFitsBeforeTheHardStart() {
        // a 10:00–10:10, b –10:15, c –10:25, e –10:27, slate to d at 10:30; the breakout airs 10:05–10:15.
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), .production("c"), .production("e"), .production("d", start: "10:30:00")]
        let timeline = resolve(schedule(items, breakout(4, at: 36_300, for: 600, .shift)))

        #expect(timeline.layout == ["0s gap 36000s", "36000s a 300s", "36300s breakout-4 600s", "36900s a 300s", "37200s b 300s", "37500s c 300s", "37800s d 600s", "38400s gap 48000s"])
        #expect(timeline.entries[5].trimmed == ticks(300))
        #expect(timeline.warnings.contains(TimelineWarning(itemID: "c", message: "cut by 300.000s for the hard start of d at 10:30:00")))
        #expect(timeline.warnings.contains(TimelineWarning(itemID: "e", message: "dropped: no air time left before the hard start of d at 10:30:00")))
        #expect(timeline.interruptions == [
            interruption(4, "a", 36_000, 36_600, .cut),
            interruption(4, "a", 36_000, 36_600, .resumed),
            interruption(4, "e", 37_500, 37_620, .skipped),
        ])
    }

    @Test func shiftAcrossMidnightSplitsTheLastItemAndTheNextDayFollowsTheBreakout() {
        // late 23:50–00:00, early from midnight (soft first item), next at 01:00; the breakout airs 23:58–00:03.
        let timeline = resolve(schedule(
            [.production("late", start: "23:50:00")], nextDay: [.production("early"), .production("next", start: "01:00:00")],
            breakout(5, at: 86_280, for: 300, .shift)
        ), days: 2)
        #expect(timeline.layout == ["0s gap 85800s", "85800s late 480s", "86280s breakout-5 300s", "86580s late 120s", "86700s early 600s", "87300s gap 2700s", "90000s next 600s", "90600s gap 82200s"])
        #expect(timeline.entries[3].playback == .media(uri: "productions/late.mp4", inPoint: ticks(480)))
        #expect(timeline.date(at: timeline.entries[4].offset) == utc("2026-12-02T06:05:00Z"))
        #expect(timeline.interruptions.map(\.kind) == [.cut, .resumed])
    }

    @Test func rejoinAcrossMidnightCutsTheLastItemAndJoinsTheNextDaysFirstInProgress() {
        let timeline = resolve(schedule(
            [.production("late", start: "23:50:00")], nextDay: [.production("early"), .production("next", start: "01:00:00")],
            breakout(6, at: 86_280, for: 300, .rejoin)
        ), days: 2)
        #expect(timeline.layout == ["0s gap 85800s", "85800s late 480s", "86280s breakout-6 300s", "86580s early 420s", "87000s gap 3000s", "90000s next 600s", "90600s gap 82200s"])
        #expect(timeline.entries[1].trimmed == ticks(120))
        #expect(timeline.entries[3].playback == .media(uri: "productions/early.mp4", inPoint: ticks(180)))
        #expect(timeline.interruptions == [
            interruption(6, "late", 85_800, 86_400, .cut),
            interruption(6, "early", 86_400, 87_000, .resumed),
        ])
    }

    @Test func aShiftBreakoutInAGapShortensItAndLiftsAHardStartItAirsOver() {
        // Slate until a at 10:00; the breakout airs 09:50–10:05, so a follows it instead of airing at 10:00.
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), .production("d", start: "11:00:00")]
        let timeline = resolve(schedule(items, breakout(8, at: 35_400, for: 900, .shift)))
        #expect(timeline.layout == ["0s gap 35400s", "35400s breakout-8 900s", "36300s a 600s", "36900s b 300s", "37200s gap 2400s", "39600s d 600s", "40200s gap 46200s"])
        #expect(timeline.interruptions.isEmpty)
    }

    @Test func breakoutsInOneScheduleListTheirInterruptionsInAirOrder() {
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), .production("c"), .production("d", start: "11:00:00")]
        let timeline = resolve(schedule(items, breakout(10, at: 36_900, for: 60, .rejoin), breakout(9, at: 36_300, for: 60, .shift)))
        #expect(timeline.layout == ["0s gap 36000s", "36000s a 300s", "36300s breakout-9 60s", "36360s a 300s", "36660s b 240s", "36900s breakout-10 60s", "36960s c 600s", "37560s gap 2040s", "39600s d 600s", "40200s gap 46200s"])
        #expect(timeline.interruptions.map { "\($0.breakoutID) \($0.itemID) \($0.kind)" } == ["9 a cut", "9 a resumed", "10 b cut"])
    }

    @Test func aBreakoutInARenderAirsSlateWithAWarning() {
        let timeline = resolve(schedule([.production("a", start: "10:00:00")], breakout(2, at: 36_100, for: 200, .rejoin)), liveAllowed: false)
        #expect(timeline.entries[2].playback == .slate && timeline.entries[2].role == .breakout(id: 2))
        #expect(timeline.warnings.contains(TimelineWarning(itemID: nil, message: "breakout 2 (Conferencia de prensa) cannot be rendered: its live feed was not recorded; airs slate")))
    }

    @Test func anOpenEndedLiveItemNamingASourceLastsUntilTheNextHardStart() throws {
        let document = RundownFixtures.document(items: [
            RundownFixtures.item("foro", ["source": ["kind": "live", "uri": "studio-a"], "start": "10:00:00"]),
            RundownFixtures.item("news", ["start": "11:30:00"]),
        ])
        let rundown = try Rundown.parse(document)
        #expect(rundown.mediaPaths == ["productions/news.mp4"])
        var library = MediaLibrary()
        library.add("productions/news.mp4", length: 600)
        let timeline = library.resolve(rundown)
        #expect(timeline.layout == ["0s foro 5400s", "5400s news 600s"])
        #expect(timeline.entries[0].playback == .live(uri: "studio-a"))
    }

    @Test func aLiveItemWithoutDurationNeedsAHardStartRightAfterIt() {
        let live = RundownFixtures.item("foro", ["source": ["kind": "live", "uri": "studio-a"]])
        #expect(RundownFixtures.paths(RundownFixtures.document(items: [live])) == ["items[0].duration"])
        #expect(RundownFixtures.paths(RundownFixtures.document(items: [live, RundownFixtures.item("news")])) == ["items[0].duration"])
        let bad = RundownFixtures.item("foro", ["source": ["kind": "live", "uri": "Studio A"], "duration": 60])
        let issues = RundownFixtures.issues(RundownFixtures.document(items: [bad]))
        #expect(issues.map(\.path) == ["items[0].source.uri"])
        #expect(issues.first?.message.contains("neither a URL nor a live source name") == true)
    }

    @Test func theGuideShowsABreakoutAsAProgrammeWithItsTitleAndTimes() {
        let items: [RundownItem] = [.production("a", start: "10:00:00"), .production("b"), .production("d", start: "11:00:00")]
        let timeline = resolve(schedule(items, breakout(3, at: 36_300, for: 150, .shift)))
        let listing = ChannelListing(id: "sretv-demo", name: "SRE", group: "Cancillería", streamURL: "https://tv.example/sretv-demo/index.m3u8")
        let xml = XMLTV.document([ChannelGuide(channel: listing, timeline: timeline)])
        #expect(xml.contains("""
              <programme start="20261201100500 -0600" stop="20261201100730 -0600" channel="sretv-demo">
                <title lang="es">Conferencia de prensa</title>
                <category lang="es">Live</category>
              </programme>
            """))
        #expect(xml.contains("<programme start=\"20261201101230 -0600\" stop=\"20261201101730 -0600\" channel=\"sretv-demo\">\n    <title lang=\"es\">Title of b</title>"))
    }
}
