import Foundation
import Scheduling
import Store
import Testing

private let news = RecurringBlock(
    id: "notimex", title: "Noticiero Notimex",
    source: RundownSource(kind: .public, uri: "public/notimex.ts", provider: "Notimex"),
    starts: [LocalTime(hour: 8, minute: 0, second: 0)!, LocalTime(hour: 20, minute: 0, second: 0)!],
    duration: 900
)

struct BlockTests {
    @Test func blocksRoundTripAndAreAudited() throws {
        let fixture = try StoreFixture()
        let saved = try fixture.database.saveBlock(news, channel: "news", actor: "ana")
        #expect(try fixture.database.blocks(channel: "news") == [saved])
        #expect(saved.block == news)
        #expect(try fixture.database.blocks(channel: "sports").isEmpty)
        let audit = try #require(try fixture.database.auditEntries(channel: "news").first)
        #expect(audit.action == .blockSave)
        #expect(audit.detail == "block notimex added: Noticiero Notimex")
    }

    @Test func savingABlockWithTheSameIDReplacesIt() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveBlock(news, channel: "news", actor: "ana")
        var later = news
        later.duration = 600
        try fixture.database.saveBlock(later, channel: "news", actor: "luis")
        #expect(try fixture.database.blocks(channel: "news").map(\.block) == [later])
        #expect(try fixture.database.auditEntries(channel: "news").first?.detail == "block notimex replaced: Noticiero Notimex")
    }

    @Test func blockNeedsAnExistingChannel() throws {
        let fixture = try StoreFixture()
        let ghost = storeError { try fixture.database.saveBlock(news, channel: "ghost", actor: "ana") }
        #expect(ghost == .notFound(.channel("ghost")))
    }

    @Test func scheduleHoldsPublishedRundownsAndBlocks() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveBlock(news, channel: "news", actor: "ana")
        let schedule = try fixture.database.schedule(channel: "news", from: BroadcastDate("2026-12-01")!, through: BroadcastDate("2026-12-02")!)
        #expect(schedule.blocks == [news])
        #expect(schedule.rundowns.isEmpty)
        // A day without a rundown airs its blocks.
        #expect(schedule.rundown(on: BroadcastDate("2026-12-02")!).items.map(\.id) == ["block-notimex-0800", "block-notimex-2000"])
    }
}
