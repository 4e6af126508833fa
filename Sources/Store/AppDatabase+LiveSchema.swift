import GRDB

extension AppDatabase {
    /// Migration `v6-live`: channels' named live feeds (`liveSource`), operators' breakouts (`breakout`, at
    /// most one open per channel) and the as-run outcomes `live` and `skipped` (`asRun` rebuilt, since
    /// SQLite cannot change a CHECK constraint in place).
    static func createLive(_ db: Database) throws {
        try db.create(table: "liveSource") { t in
            t.primaryKey {
                t.belongsTo("channel", onDelete: .restrict)
                t.column("name", .text).check(sql: "length(name) BETWEEN 1 AND 63 AND name NOT GLOB '*[^a-z0-9-]*'")
            }
            t.column("url", .text).notNull().check(sql: "length(url) > 0")
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "breakout") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("channel", onDelete: .restrict, indexed: false).notNull() // breakoutByStart covers it
            t.column("source", .text).notNull().check(sql: "length(source) > 0")
            t.column("url", .text).notNull().check(sql: "length(url) > 0")
            t.column("title", .text).notNull().defaults(to: "")
            t.column("mode", .text).notNull().check(sql: "mode IN ('rejoin', 'shift')")
            t.column("startedAt", .datetime).notNull()
            t.column("plannedEnd", .datetime)
            t.column("endedAt", .datetime)
            t.column("createdBy", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.check(sql: "plannedEnd IS NULL OR plannedEnd > startedAt")
            t.check(sql: "endedAt IS NULL OR endedAt >= startedAt")
        }
        try db.create(index: "breakoutByStart", on: "breakout", columns: ["channelId", "startedAt"])
        try db.create(index: "breakoutOpen", on: "breakout", columns: ["channelId"], options: .unique, condition: Column("endedAt") == nil)
        try db.create(table: "asRunV6") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("channel", onDelete: .restrict, indexed: false).notNull() // asRunByDay covers it
            t.column("date", .text).notNull().check(sql: isDate("date"))
            t.column("itemId", .text).notNull()
            t.column("title", .text).notNull()
            t.column("plannedStart", .datetime).notNull()
            t.column("actualStart", .datetime).notNull()
            t.column("actualEnd", .datetime).notNull()
            t.column("outcome", .text).notNull().check(sql: "outcome IN ('aired', 'trimmed', 'slate', 'interrupted', 'live', 'skipped')")
            t.column("note", .text)
            t.check(sql: "actualEnd >= actualStart")
        }
        try db.execute(sql: "INSERT INTO asRunV6 SELECT id, channelId, date, itemId, title, plannedStart, actualStart, actualEnd, outcome, note FROM asRun")
        try db.drop(table: "asRun")
        try db.rename(table: "asRunV6", to: "asRun")
        try db.create(index: "asRunByDay", on: "asRun", columns: ["channelId", "date", "actualStart"])
    }
}
