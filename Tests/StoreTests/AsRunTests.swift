import Foundation
import Scheduling
import Store
import Testing

struct AsRunTests {
    /// An entry of `news` on the fixture day starting `minute` minutes after a fixed whole second.
    private func entry(_ itemId: String, minute: Double, outcome: AsRunEntry.Outcome = .aired, channel: String = "news", date: BroadcastDate = StoreFixture.day) -> AsRunEntry {
        let start = Date(timeIntervalSince1970: 1_772_460_000 + minute * 60)
        return AsRunEntry(
            channel: channel, date: date, itemId: itemId, title: "Title \(itemId)",
            plannedStart: start, actualStart: start.addingTimeInterval(1), actualEnd: start.addingTimeInterval(59),
            outcome: outcome, note: outcome == .aired ? nil : "media missing"
        )
    }

    @Test func asRunEntriesRoundTripInAirOrder() throws {
        let fixture = try StoreFixture()
        let later = try fixture.database.recordAsRun(entry("b", minute: 1, outcome: .slate))
        let earlier = try fixture.database.recordAsRun(entry("a", minute: 0))
        try fixture.database.recordAsRun(entry("other-day", minute: 0, date: StoreFixture.day.adding(days: 1)))

        #expect(later.id != nil)
        #expect(try fixture.database.asRun(channel: "news", date: StoreFixture.day) == [earlier, later])
        var expected = entry("b", minute: 1, outcome: .slate)
        expected.id = later.id
        #expect(later == expected)
    }

    @Test func asRunOfUnknownChannelOrEndingBeforeItStartsIsRefused() throws {
        let fixture = try StoreFixture()
        #expect(storeError { try fixture.database.recordAsRun(entry("a", minute: 0, channel: "ghost")) } == .notFound(.channel("ghost")))
        var backwards = entry("a", minute: 0)
        backwards.actualEnd = backwards.actualStart.addingTimeInterval(-1)
        #expect(storeError { try fixture.database.recordAsRun(backwards) }?.code == "invalid")
        #expect(try fixture.database.asRun(channel: "news", date: StoreFixture.day).isEmpty)
    }
}
