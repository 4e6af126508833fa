import Foundation
import Testing
@testable import Scheduling

/// One continuous timeline over several broadcast days: midnight, producers' rundowns against blocks, DST.
@Suite struct ScheduleResolverTests {
    private let media: MediaLibrary = {
        var media = MediaLibrary()
        for (id, length) in ["late": 1200, "after": 300, "early": 600, "midnight": 3600, "night": 600, "special": 1800] as [String: Int64] {
            media.add("productions/\(id).mp4", length: length)
        }
        media.add("public/notimex.ts", length: 900)
        media.add("filler/bars.mp4", length: 600)
        return media
    }()

    private func schedule(zone: String = "America/Mexico_City", _ rundowns: [String: [RundownItem]] = [:], blocks: [RecurringBlock] = [], filler: String? = nil) -> ChannelSchedule {
        let timeZone = TimeZone(identifier: zone)!
        let days = rundowns.map { date, items in
            (BroadcastDate(date)!, Rundown(channel: "sretv-demo", date: BroadcastDate(date)!, timeZone: timeZone, items: items))
        }
        return ChannelSchedule(channel: "sretv-demo", timeZone: timeZone, rundowns: Dictionary(uniqueKeysWithValues: days), blocks: blocks, filler: filler)
    }

    /// The air instants of the entries of items, by id.
    private func instants(_ timeline: Timeline) -> [String: Date] {
        Dictionary(timeline.entries.compactMap { entry in entry.itemID.map { ($0, timeline.date(at: entry.offset)) } }) { first, _ in first }
    }

    @Test func anItemRunsPastMidnightUntilTheNextDaysFirstHardStart() {
        let timeline = media.resolve(schedule([
            "2026-12-01": [.production("late", start: "23:50:00"), .production("after")],
            "2026-12-02": [.production("early", start: "00:30:00")],
        ]), from: "2026-12-01", through: "2026-12-02")
        #expect(timeline.start == utc("2026-12-01T06:00:00Z"))
        #expect(timeline.layout == ["0s gap 85800s", "85800s late 1200s", "87000s after 300s", "87300s gap 900s", "88200s early 600s", "88800s gap 84000s"])
        #expect(timeline.entries.allSatisfy { $0.trimmed == .zero })
        #expect(instants(timeline)["early"] == utc("2026-12-02T06:30:00Z"))
        #expect(timeline.duration == seconds(48 * 3600))
        #expect(timeline.isContiguous)
    }

    @Test(arguments: [("midnight", "00:00:00"), ("midnight", nil)])
    func theNextDaysFirstItemCutsAnOverrunAtMidnight(id: String, start: String?) {
        let timeline = media.resolve(schedule([
            "2026-12-01": [.production("late", start: "23:50:00")],
            "2026-12-02": [.production(id, start: start)],
        ]), from: "2026-12-01", through: "2026-12-02")
        #expect(timeline.layout == ["0s gap 85800s", "85800s late 600s", "86400s midnight 3600s", "90000s gap 82800s"])
        #expect(timeline.entries[1].trimmed == seconds(600))
        #expect(timeline.warnings.contains(TimelineWarning(itemID: "late", message: "cut by 600.000s for the hard start of midnight at 00:00:00")))
    }

    @Test func theNextDaysFirstHardStartHoldsAgainstAHardStartTheDayBeforeRanInto() {
        let timeline = media.resolve(schedule([
            "2026-12-01": [.production("late", start: "23:50:00"), .production("night", start: "00:15:00")],
            "2026-12-02": [.production("midnight", start: "00:00:00")],
        ]), from: "2026-12-01", through: "2026-12-02")
        #expect(timeline.layout == ["0s gap 85800s", "85800s late 600s", "86400s midnight 3600s", "90000s gap 82800s"])
        #expect(timeline.warnings.filter { $0.itemID != nil } == [
            TimelineWarning(itemID: "late", message: "underrun: 85800.000s gap before its hard start, filled with slate"),
            TimelineWarning(itemID: "late", message: "cut by 600.000s for the hard start of midnight at 00:00:00"),
            TimelineWarning(itemID: "night", message: "dropped: no air time left before the hard start of midnight at 00:00:00"),
        ])
    }

    @Test func theProducersRundownWinsOverTheBlocksOnItsDayAndBlocksFillTheOthers() throws {
        let timeline = media.resolve(schedule(["2026-12-01": [.production("special", start: "08:00:00")]], blocks: [.notimex], filler: "filler/bars.mp4"), from: "2026-12-01", through: "2026-12-02")
        #expect(timeline.entries.compactMap(\.itemID) == ["special", "block-notimex-0800", "block-notimex-1400", "block-notimex-2000"])
        let airs = instants(timeline)
        #expect(airs["special"] == utc("2026-12-01T14:00:00Z"))
        #expect(airs["block-notimex-0800"] == utc("2026-12-02T14:00:00Z"))
        #expect(airs["block-notimex-2000"] == utc("2026-12-03T02:00:00Z"))
        // Gaps air the filler of the day they end in: slate on the producer's day (it names none), bars on the blocks day.
        let special = try #require(timeline.entries.firstIndex { $0.itemID == "special" })
        #expect(timeline.entries[..<special].map(\.playback) == [.slate])
        #expect(timeline.entries[special + 1].playback == .media(uri: "filler/bars.mp4", inPoint: .zero))
        #expect(timeline.entries.first { $0.itemID == "block-notimex-0800" }?.details == TimelineEntry.Details(category: "Noticias"))
        #expect(timeline.duration == seconds(48 * 3600))
    }

    @Test func aDayWithoutRundownOrBlocksAirsTheFillerAllDay() {
        let timeline = media.resolve(schedule(filler: "filler/bars.mp4"), from: "2026-12-01", through: "2026-12-01")
        #expect(timeline.entries.count == 144)
        #expect(timeline.entries.allSatisfy { $0.role == .gap && $0.playback == .media(uri: "filler/bars.mp4", inPoint: .zero) && $0.duration == seconds(600) })
        #expect(timeline.duration == seconds(24 * 3600))
        #expect(timeline.warnings == [TimelineWarning(itemID: nil, message: "underrun: 86400.000s gap before the end of 2026-12-01, filled with filler")])
    }

    @Test(arguments: [
        ("Europe/Madrid", "2026-03-29", 23, "2026-03-28T23:00:00Z", "2026-03-29T06:00:00Z"),
        ("Europe/Madrid", "2026-10-25", 25, "2026-10-24T22:00:00Z", "2026-10-25T07:00:00Z"),
        ("America/Tijuana", "2026-03-08", 23, "2026-03-08T08:00:00Z", "2026-03-08T15:00:00Z"),
        ("America/Tijuana", "2026-11-01", 25, "2026-11-01T07:00:00Z", "2026-11-01T16:00:00Z"),
        ("America/Mexico_City", "2026-04-05", 24, "2026-04-05T06:00:00Z", "2026-04-05T14:00:00Z"),
    ])
    func aDayLastsAsLongAsItsClocksSayAndBlocksAirAtLocalTime(zone: String, date: String, hours: Int64, midnight: String, news: String) {
        let timeline = media.resolve(schedule(zone: zone, blocks: [.notimex]), from: date, through: date)
        #expect(timeline.start == utc(midnight))
        #expect(timeline.duration == seconds(hours * 3600))
        #expect(instants(timeline)["block-notimex-0800"] == utc(news))
        #expect(timeline.isContiguous)
    }

    @Test func springForwardInTheMiddleOfARangeShortensOnlyThatDay() {
        let timeline = media.resolve(schedule(zone: "Europe/Madrid", blocks: [.notimex]), from: "2026-03-28", through: "2026-03-30")
        let news = timeline.entries.filter { $0.itemID == "block-notimex-0800" }.map { timeline.date(at: $0.offset) }
        #expect(news == [utc("2026-03-28T07:00:00Z"), utc("2026-03-29T06:00:00Z"), utc("2026-03-30T06:00:00Z")])
        #expect(timeline.duration == seconds(71 * 3600))
    }
}
