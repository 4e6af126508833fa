import Foundation
import Testing
@testable import Scheduling

/// Hard starts are local wall times: these pin them to real instants across midnight and DST changes.
@Suite struct HardStartTimeTests {
    private func resolve(date: String, zone: String, _ items: [RundownItem]) -> Timeline {
        let rundown = Rundown(channel: "sretv-demo", date: BroadcastDate(date)!, timeZone: TimeZone(identifier: zone)!, items: items)
        var media = MediaLibrary()
        for item in items { media.add(item.source.uri, length: 600) }
        return media.resolve(rundown)
    }

    /// The air instant of each item's entry.
    private func instants(_ timeline: Timeline) -> [Date] {
        timeline.entries.filter { $0.itemID != nil }.map { timeline.date(at: $0.offset) }
    }

    @Test func aRundownRunsPastMidnightIntoTheNextDay() {
        let timeline = resolve(date: "2026-12-01", zone: "America/Mexico_City", [.production("late", start: "23:50:00"), .production("night", start: "00:15:00")])
        #expect(instants(timeline) == [utc("2026-12-02T05:50:00Z"), utc("2026-12-02T06:15:00Z")])
        #expect(timeline.entries.last?.offset == seconds(25 * 60))
    }

    @Test func fallBackRepeatsAnHourAndHardStartsTakeItInAirOrder() throws {
        // America/Tijuana, 2026-11-01: 02:00 PDT (UTC-7) falls back to 01:00 PST (UTC-8).
        let items: [RundownItem] = [
            .production("a", start: "00:30:00"), .production("b", start: "01:30:00"),
            .production("c", start: "01:15:00"), .production("d", start: "03:00:00"),
        ]
        let timeline = resolve(date: "2026-11-01", zone: "America/Tijuana", items)
        #expect(instants(timeline) == [utc("2026-11-01T07:30:00Z"), utc("2026-11-01T08:30:00Z"), utc("2026-11-01T09:15:00Z"), utc("2026-11-01T11:00:00Z")])
        #expect(timeline.entries.filter { $0.itemID != nil }.map(\.offset) == [seconds(0), seconds(3600), seconds(6300), seconds(12600)])
        let document = try JSONEncoder().encode(Rundown(channel: "sretv-demo", date: BroadcastDate("2026-11-01")!, timeZone: TimeZone(identifier: "America/Tijuana")!, items: items))
        #expect(RundownFixtures.issues(document).isEmpty)
    }

    @Test func springForwardShortensTheNightInRealTime() {
        // Europe/Madrid, 2026-03-29: 02:00 CET (UTC+1) jumps to 03:00 CEST (UTC+2).
        let timeline = resolve(date: "2026-03-29", zone: "Europe/Madrid", [.production("a", start: "01:00:00"), .production("b", start: "03:30:00")])
        #expect(instants(timeline) == [utc("2026-03-29T00:00:00Z"), utc("2026-03-29T01:30:00Z")])
        #expect(timeline.entries.last?.offset == seconds(90 * 60))
    }

    @Test func aSoftFirstItemStartsAtLocalMidnight() {
        let timeline = resolve(date: "2026-03-29", zone: "Europe/Madrid", [.production("a")])
        #expect(timeline.start == utc("2026-03-28T23:00:00Z"))
    }

    @Test func aNonexistentHardStartBuiltInCodeAirsBackToBackWithAWarning() {
        let timeline = resolve(date: "2026-03-08", zone: "America/Tijuana", [.production("a", start: "01:00:00"), .production("b", start: "02:30:00")])
        #expect(timeline.layout == ["0s a 600s", "600s b 600s"])
        #expect(timeline.warnings.map(\.itemID) == ["b"])
    }

    @Test func mexicoCityStaysAtMinusSixAllYearSince2022() throws {
        // Mexico abolished DST in 2022: the first Sunday of April no longer changes the clocks.
        let timeline = resolve(date: "2026-04-05", zone: "America/Mexico_City", [.production("a", start: "00:00:00"), .production("b", start: "12:00:00")])
        #expect(timeline.start == utc("2026-04-05T06:00:00Z"))
        #expect(timeline.entries.last?.offset == seconds(12 * 3600))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeline.timeZone
        #expect(instants(timeline).map(formatter.string(from:)) == ["2026-04-05T00:00:00-06:00", "2026-04-05T12:00:00-06:00"])
        let july = try #require(utc("2026-07-01T12:00:00Z"))
        #expect(timeline.timeZone.secondsFromGMT(for: july) == -6 * 3600)
    }
}
