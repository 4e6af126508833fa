import GRDB

extension AppDatabase {
    /// Migration `v4-media-library`: the media library (`mediaAsset` rebuilt with title, category,
    /// tags, duration, checksum and the ingest states), content providers with their allowed
    /// hosts (`provider`, predefined with empty lists) and background work (`job`).
    static func createMediaLibrary(_ db: Database) throws {
        try db.create(table: "provider") { t in
            t.primaryKey("name", .text).check(sql: "length(trim(name)) > 0")
            t.column("hosts", .jsonText).notNull().defaults(to: "[]").check(sql: "json_valid(hosts) AND json_type(hosts) = 'array'")
            t.column("updatedAt", .datetime).notNull()
        }
        for name in Provider.predefined {
            try db.execute(sql: "INSERT INTO provider (name, hosts, updatedAt) VALUES (?, '[]', ?)", arguments: [name, now()])
        }
        // SQLite cannot change a CHECK constraint in place: build the new table and move the rows over.
        try db.create(table: "mediaAssetV4") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('production', 'public')")
            t.column("provider", .text).indexed()
            t.column("category", .text)
            t.column("tags", .jsonText).notNull().defaults(to: "[]").check(sql: "json_valid(tags) AND json_type(tags) = 'array'")
            t.column("uri", .text).notNull().unique()
            t.column("sourceURL", .text)
            t.column("duration", .double)
            t.column("facts", .jsonText).check(sql: "facts IS NULL OR json_valid(facts)")
            t.column("checksum", .text).check(sql: "checksum IS NULL OR (length(checksum) = 64 AND checksum NOT GLOB '*[^0-9a-f]*')")
            t.column("status", .text).notNull().defaults(to: "ingesting")
                .check(sql: "status IN ('ingesting', 'ready', 'failed', 'not-airable')").indexed()
            t.column("error", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.execute(sql: """
            INSERT INTO mediaAssetV4 (id, title, kind, provider, uri, facts, status, error, createdAt, updatedAt)
            SELECT id, uri, kind, provider, uri, facts, CASE status WHEN 'pending' THEN 'ingesting' ELSE status END, error, createdAt, updatedAt
            FROM mediaAsset
            """)
        try db.drop(table: "mediaAsset")
        try db.rename(table: "mediaAssetV4", to: "mediaAsset")
        try db.create(table: "job") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check(sql: "kind IN ('ingest')")
            t.column("sourceURL", .text).notNull()
            t.column("provider", .text).notNull().references("provider", onDelete: .restrict)
            t.column("assetId", .integer).references("mediaAsset", onDelete: .setNull).indexed()
            t.column("state", .text).notNull().check(sql: "state IN ('queued', 'running', 'done', 'failed', 'cancelled')")
            t.column("progress", .double).notNull().defaults(to: 0).check(sql: "progress BETWEEN 0 AND 100")
            t.column("bytes", .integer).notNull().defaults(to: 0)
            t.column("speed", .double)
            t.column("error", .text)
            t.column("createdBy", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
    }
}
