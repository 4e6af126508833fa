import GRDB

extension AppDatabase {
    /// The schema's history. A migration that has shipped is never edited: change the schema
    /// by registering a new one after it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2-channel-filler") { db in
            try db.alter(table: "channel") { t in t.add(column: "filler", .text) }
        }
        migrator.registerMigration("v3-users", migrate: createUsers)
        migrator.registerMigration("v4-media-library", migrate: createMediaLibrary)
        migrator.registerMigration("v5-media-verdicts") { db in
            // What an asset's examination found: its verdict (JSON) and its thumbnail's path.
            try db.alter(table: "mediaAsset") { t in
                t.add(column: "verdict", .jsonText).check(sql: "verdict IS NULL OR json_valid(verdict)")
                t.add(column: "thumbnail", .text)
            }
        }
        migrator.registerMigration("v6-live", migrate: createLive)
        migrator.registerMigration("v7-sessions", migrate: createSessions)
        migrator.registerMigration("v8-audit-refusals") { db in
            // Refused attempts are audited too, counted per minute, with the address they came from;
            // failed logins are counted back over a window, by action and time.
            try db.alter(table: "auditLog") { t in
                t.add(column: "address", .text)
                t.add(column: "count", .integer).notNull().defaults(to: 1).check(sql: "count >= 1")
            }
            try db.create(index: "auditLogByAction", on: "auditLog", columns: ["action", "at"])
        }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.create(table: "channel") { t in
            t.primaryKey("id", .text)
                .check(sql: "length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'")
            t.column("name", .text).notNull()
            t.column("timeZone", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "mediaAsset") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("channel", onDelete: .restrict)
            t.column("uri", .text).notNull().unique()
            t.column("kind", .text).notNull().check(sql: "kind IN ('production', 'public')")
            t.column("provider", .text)
            t.column("facts", .jsonText).check(sql: "facts IS NULL OR json_valid(facts)")
            t.column("status", .text).notNull().defaults(to: "pending").check(sql: "status IN ('pending', 'ready', 'failed')")
            t.column("error", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "rundownVersion") { t in
            t.primaryKey {
                t.belongsTo("channel", onDelete: .restrict)
                t.column("date", .text).check(sql: Self.isDate("date"))
                t.column("version", .integer).check(sql: "version >= 1")
            }
            t.column("document", .jsonText).notNull()
            t.column("savedBy", .text).notNull()
            t.column("savedAt", .datetime).notNull()
            // The document is the key's rundown: same channel, same day.
            t.check(sql: "json_valid(document) AND json_extract(document, '$.channel') = channelId AND json_extract(document, '$.date') = date")
        }
        try db.create(table: "rundownPublication") { t in
            t.primaryKey {
                t.column("channelId", .text)
                t.column("date", .text)
            }
            t.column("publishedVersion", .integer).notNull()
            t.column("publishedBy", .text).notNull()
            t.column("publishedAt", .datetime).notNull()
            t.foreignKey(["channelId", "date", "publishedVersion"], references: "rundownVersion", onDelete: .restrict)
        }
        try db.create(table: "auditLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            // No foreign key: the log records facts and outlives what it names.
            t.column("channelId", .text).indexed()
            t.column("date", .text)
            t.column("oldVersion", .integer)
            t.column("newVersion", .integer)
            t.column("detail", .text)
        }
        try db.create(table: "asRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("channel", onDelete: .restrict, indexed: false).notNull() // asRunByDay covers it
            t.column("date", .text).notNull().check(sql: Self.isDate("date"))
            t.column("itemId", .text).notNull()
            t.column("title", .text).notNull()
            t.column("plannedStart", .datetime).notNull()
            t.column("actualStart", .datetime).notNull()
            t.column("actualEnd", .datetime).notNull()
            t.column("outcome", .text).notNull().check(sql: "outcome IN ('aired', 'trimmed', 'slate', 'interrupted')")
            t.column("note", .text)
            t.check(sql: "actualEnd >= actualStart")
        }
        try db.create(index: "asRunByDay", on: "asRun", columns: ["channelId", "date", "actualStart"])
        try db.create(table: "recurringBlock") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("channel", onDelete: .restrict).notNull()
            t.column("title", .text).notNull()
            t.column("definition", .jsonText).notNull().check(sql: "json_valid(definition)")
            t.column("createdAt", .datetime).notNull()
        }
    }

    /// SQL that holds when `column` looks like `YYYY-MM-DD`.
    static func isDate(_ column: String) -> String {
        "\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    }
}
