import GRDB

extension AppDatabase {
    /// Migration `v3-users`: who may use the server (`user`) and server-wide secrets (`setting`).
    static func createUsers(_ db: Database) throws {
        try db.create(table: "user") { t in
            t.primaryKey("name", .text).check(sql: "length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^A-Za-z0-9._@-]*'")
            t.column("role", .text).notNull().check(sql: "role IN ('viewer', 'producer', 'operator', 'admin')")
            // SHA-256 of the token, 64 lowercase hex digits; a token is looked up by its hash.
            t.column("tokenHash", .text).notNull().unique()
                .check(sql: "length(tokenHash) = 64 AND tokenHash NOT GLOB '*[^0-9a-f]*'")
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .blob).notNull()
            t.column("createdAt", .datetime).notNull()
        }
    }
}
