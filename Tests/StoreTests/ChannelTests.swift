import Foundation
import GRDB
import Scheduling
@testable import Store
import Testing

struct ChannelTests {
    @Test func createdChannelReadsBackAndIsAudited() throws {
        let fixture = try StoreFixture()
        let created = try fixture.database.createChannel(id: "culture-2", name: "  Cultura  ", timeZone: "Europe/Zurich", actor: "ana")
        #expect(created.name == "Cultura")
        #expect(try fixture.database.channel(id: "culture-2") == created)
        #expect(try fixture.database.channel(id: "missing") == nil)
        #expect(try fixture.database.channels().map(\.id) == ["culture-2", "news"])
        let audit = try #require(try fixture.database.auditEntries(channel: "culture-2").first)
        #expect(audit.action == .channelCreate)
        #expect(audit.actor == "ana")
    }

    @Test func duplicateChannelIsRefused() throws {
        let fixture = try StoreFixture()
        let error = storeError { try fixture.database.createChannel(id: "news", name: "Again", timeZone: "UTC", actor: "ana") }
        #expect(error == .channelExists("news"))
        #expect(try fixture.database.channel(id: "news")?.name == "Noticias")
    }

    @Test(arguments: [
        ("News", "Name", "UTC", "ana", "channel.id"),
        ("-news", "Name", "UTC", "ana", "channel.id"),
        (String(repeating: "a", count: 64), "Name", "UTC", "ana", "channel.id"),
        ("ok", " ", "UTC", "ana", "channel.name"),
        ("ok", "Name", "Mars/Olympus", "ana", "channel.timezone"),
        ("ok", "Name", "UTC", "  ", "actor"),
    ])
    func invalidChannelIsRefusedNamingTheField(id: String, name: String, timeZone: String, actor: String, field: String) throws {
        let fixture = try StoreFixture()
        let error = storeError { try fixture.database.createChannel(id: id, name: name, timeZone: timeZone, actor: actor) }
        guard case .invalid(let refused, _) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(refused == field)
        #expect(try fixture.database.channels().count == 1)
    }

    @Test func longestValidChannelIDIsAccepted() throws {
        let fixture = try StoreFixture()
        let id = "0" + String(repeating: "-", count: 62)
        try fixture.database.createChannel(id: id, name: "Edge", timeZone: "UTC", actor: "ana")
        #expect(try fixture.database.channel(id: id)?.id == id)
    }

    @Test func savingForUnknownChannelIsNotFound() throws {
        let fixture = try StoreFixture()
        let error = storeError { try fixture.database.saveRundown(StoreFixture.rundown("A", channel: "ghost"), baseVersion: nil, actor: "ana") }
        #expect(error == .notFound(.channel("ghost")))
    }

    @Test func rundownInAnotherTimeZoneThanItsChannelIsRefused() throws {
        let fixture = try StoreFixture()
        let rundown = StoreFixture.rundown("A", timeZone: TimeZone(identifier: "Europe/Zurich")!)
        let error = storeError { try fixture.database.saveRundown(rundown, baseVersion: nil, actor: "ana") }
        guard case .invalid(let field, let reason) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(field == "rundown.timezone")
        #expect(reason.contains("America/Mexico_City"))
        #expect(try fixture.database.latestRundown(channel: "news", date: StoreFixture.day) == nil)
    }

    @Test func databaseRefusesDocumentOfAnotherChannelOrDay() throws {
        let fixture = try StoreFixture()
        try fixture.database.createChannel(id: "sports", name: "Deportes", timeZone: "America/Mexico_City", actor: "admin")
        for (channel, date) in [("sports", "2026-03-02"), ("news", "2026-03-03")] {
            let error = #expect(throws: DatabaseError.self) {
                try fixture.database.writer.write { db in
                    try db.execute(
                        sql: "INSERT INTO rundownVersion (channelId, date, version, document, savedBy, savedAt) VALUES (?, ?, 1, ?, 'x', '2026-01-01')",
                        arguments: [channel, date, #"{"channel":"news","date":"2026-03-02","items":[]}"#]
                    )
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        }
    }

    @Test func foreignKeysRefuseRowsOfUnknownChannel() throws {
        let fixture = try StoreFixture()
        let error = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO asRun (channelId, date, itemId, title, plannedStart, actualStart, actualEnd, outcome)
                    VALUES ('ghost', '2026-03-02', 'a', 'A', '2026-03-02 10:00:00', '2026-03-02 10:00:00', '2026-03-02 10:01:00', 'aired')
                    """)
            }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
    }

    @Test func databaseRefusesInvalidChannelID() throws {
        let fixture = try StoreFixture()
        let error = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in
                try db.execute(sql: "INSERT INTO channel (id, name, timeZone, createdAt) VALUES ('Bad id', 'x', 'UTC', '2026-01-01')")
            }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }
}
