import Foundation
import Scheduling
import Store
import Testing

struct RundownVersionTests {
    let fixture: StoreFixture
    var database: AppDatabase { fixture.database }
    let day = StoreFixture.day

    init() throws {
        fixture = try StoreFixture()
    }

    @Test func savingFromTheLatestVersionCreatesTheNextOne() throws {
        #expect(try database.saveRundown(StoreFixture.rundown("First"), baseVersion: nil, actor: "ana") == 1)
        #expect(try database.saveRundown(StoreFixture.rundown("Second"), baseVersion: 1, actor: "bob") == 2)
        let latest = try #require(try database.latestRundown(channel: "news", date: day))
        #expect(latest.version == 2)
        #expect(latest.rundown == StoreFixture.rundown("Second"))
        #expect(latest.savedBy == "bob")
        #expect(!latest.isPublished)
        #expect(try database.rundownVersion(channel: "news", date: day, version: 1)?.rundown.items.first?.title == "First")
        #expect(try database.rundownVersion(channel: "news", date: day, version: 3) == nil)
    }

    @Test func staleSaveIsRefusedNamingWhoSavedTheNewerVersionAndWhen() throws {
        try database.saveRundown(StoreFixture.rundown("Ana's"), baseVersion: nil, actor: "ana")
        try database.saveRundown(StoreFixture.rundown("Bob's"), baseVersion: 1, actor: "bob")
        let bobs = try #require(try database.latestRundown(channel: "news", date: day))

        let error = storeError { try database.saveRundown(StoreFixture.rundown("Carla's"), baseVersion: 1, actor: "carla") }

        #expect(error == .conflict(channel: "news", date: day, expected: 1, current: 2, savedBy: "bob", savedAt: bobs.savedAt))
        #expect(error?.code == "conflict")
        #expect(error?.description.contains("by bob") == true)
        // Nothing lost, nothing overwritten.
        #expect(try database.rundownVersion(channel: "news", date: day, version: 1)?.rundown.items.first?.title == "Ana's")
        #expect(try database.rundownVersion(channel: "news", date: day, version: 2)?.rundown.items.first?.title == "Bob's")
        #expect(try database.latestRundown(channel: "news", date: day)?.version == 2)
    }

    @Test func everySaveIsAuditedWithOldAndNewVersions() throws {
        try database.saveRundown(StoreFixture.rundown("A"), baseVersion: nil, actor: "ana")
        try database.saveRundown(StoreFixture.rundown("B"), baseVersion: 1, actor: "bob")
        _ = storeError { try database.saveRundown(StoreFixture.rundown("C"), baseVersion: 1, actor: "carla") }

        let audit = try database.auditEntries(channel: "news")
        #expect(audit.map(\.action) == [.rundownSave, .rundownSave, .channelCreate])
        #expect(audit.map(\.actor) == ["bob", "ana", "admin"])
        #expect(audit.map(\.oldVersion) == [1, nil, nil])
        #expect(audit.map(\.newVersion) == [2, 1, nil])
        #expect(audit.first?.date == day)
        #expect(try database.auditEntries(limit: 1).count == 1)
    }

    @Test func newRundownWhereOneExistsIsAConflict() throws {
        try database.saveRundown(StoreFixture.rundown("A"), baseVersion: nil, actor: "ana")
        let error = storeError { try database.saveRundown(StoreFixture.rundown("B"), baseVersion: nil, actor: "bob") }
        guard case .conflict(_, _, let expected, let current, let savedBy, _) = error else {
            Issue.record("expected .conflict, got \(String(describing: error))")
            return
        }
        #expect(expected == nil)
        #expect(current == 1)
        #expect(savedBy == "ana")
    }

    @Test func baseVersionNeverSavedIsNotFound() throws {
        let error = storeError { try database.saveRundown(StoreFixture.rundown("A"), baseVersion: 4, actor: "ana") }
        #expect(error == .notFound(.rundownVersion(channel: "news", date: day, version: 4)))
        #expect(try database.latestRundown(channel: "news", date: day) == nil)
    }

    @Test func invalidRundownIsRefusedBeforeStoring() throws {
        var rundown = StoreFixture.rundown("A")
        rundown.items = []
        let error = storeError { try database.saveRundown(rundown, baseVersion: nil, actor: "ana") }
        #expect(error?.code == "invalid")
        #expect(error?.description.contains("items") == true)
        #expect(try database.auditEntries(channel: "news").count == 1)
    }

    @Test func daysAndChannelsHaveTheirOwnVersions() throws {
        try database.createChannel(id: "sports", name: "Deportes", timeZone: "America/Mexico_City", actor: "admin")
        try database.saveRundown(StoreFixture.rundown("A"), baseVersion: nil, actor: "ana")
        #expect(try database.saveRundown(StoreFixture.rundown("B", date: day.adding(days: 1)), baseVersion: nil, actor: "ana") == 1)
        #expect(try database.saveRundown(StoreFixture.rundown("C", channel: "sports"), baseVersion: nil, actor: "ana") == 1)
    }
}
