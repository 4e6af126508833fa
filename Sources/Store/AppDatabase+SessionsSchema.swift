import GRDB

extension AppDatabase {
    /// Migration `v7-sessions`: browser logins (`session`), each kept as the SHA-256 of its cookie
    /// value until it expires or its user logs out; a user's sessions go with the user.
    static func createSessions(_ db: Database) throws {
        try db.create(table: "session") { t in
            t.primaryKey("idHash", .text).check(sql: "length(idHash) = 64 AND idHash NOT GLOB '*[^0-9a-f]*'")
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull().indexed()
            t.check(sql: "expiresAt > createdAt")
        }
    }
}
