import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

struct SchemaTests {
    @Test func migrationFromEmptyCreatesEveryTable() throws {
        let fixture = try StoreFixture()
        let (tables, migrations) = try fixture.database.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(tables == ["asRun", "auditLog", "breakout", "channel", "grdb_migrations", "job", "liveSource", "mediaAsset", "provider", "recurringBlock", "rundownPublication", "rundownVersion", "session", "setting", "user"])
        #expect(migrations == ["v1", "v2-channel-filler", "v3-users", "v4-media-library", "v5-media-verdicts", "v6-live", "v7-sessions", "v8-audit-refusals"])
    }

    @Test func fileDatabaseIsWALWithForeignKeysFullSyncAndBusyTimeout() throws {
        let fixture = try StoreFixture()
        // Reopening runs the migrator again on a migrated file and applies the settings again.
        for database in [fixture.database, try AppDatabase.open(at: fixture.path)] {
            let pragmas = try database.writer.writeWithoutTransaction { db in
                [
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try String.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try String.fetchOne(db, sql: "PRAGMA synchronous"),
                    try String.fetchOne(db, sql: "PRAGMA busy_timeout"),
                ]
            }
            #expect(pragmas == ["wal", "1", "2", "5000"])
            #expect(try database.channels().map(\.id) == ["news"])
        }
        #expect(FileManager.default.fileExists(atPath: fixture.path + "-wal"))
    }

    @Test func inMemoryDatabaseHasTheSchemaAndEnforcesForeignKeys() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.channels().isEmpty)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO recurringBlock (channelId, title, definition, createdAt) VALUES ('ghost', 't', '{}', '2026-01-01')")
            }
        }
        #expect(try database.integrityCheck() == "ok")
    }
}

struct ChannelFillerTests {
    @Test func channelFillerIsStoredAndMustBeAMediaPath() throws {
        let fixture = try StoreFixture()
        let channel = try fixture.database.createChannel(id: "culture", name: "Cultura", timeZone: "America/Mexico_City", filler: "filler/bars.mp4", actor: "ana")
        #expect(try fixture.database.channel(id: "culture") == channel)
        #expect(try fixture.database.schedule(channel: "culture", from: StoreFixture.day, through: StoreFixture.day).filler == "filler/bars.mp4")
        let hostile = storeError { try fixture.database.createChannel(id: "bad", name: "Bad", timeZone: "UTC", filler: "../etc/passwd", actor: "ana") }
        guard case .invalid(let field, _) = hostile else {
            Issue.record("expected .invalid, got \(String(describing: hostile))")
            return
        }
        #expect(field == "channel.filler")
    }
}
