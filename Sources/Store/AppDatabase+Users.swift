import Foundation
import GRDB

extension AppDatabase {
    /// Stores user `name` with `role` and `tokenHash`, the SHA-256 (64 lowercase hex digits) of their
    /// new API token, and returns the user. An existing user of that name gets the new role and token
    /// (the old token and the user's web sessions stop working) and keeps its creation time. Audited either way.
    @discardableResult
    public func saveUser(name: String, role: User.Role, tokenHash: String, actor: String) throws(StoreError) -> User {
        let actor = try Self.validActor(actor)
        guard User.isValidName(name) else {
            throw .invalid(field: "user.name", reason: "\(String(reflecting: name)) is not a valid user name; expected 1–64 letters, digits, \".\", \"_\", \"@\" or \"-\"")
        }
        guard tokenHash.wholeMatch(of: /[0-9a-f]{64}/) != nil else {
            throw .invalid(field: "user.tokenHash", reason: "is not a SHA-256 in lowercase hex; expected 64 digits 0-9a-f")
        }
        return try write { db in
            let existing = try UserRow.fetchOne(db, key: name)
            let row = UserRow(name: name, role: role, tokenHash: tokenHash, createdAt: existing?.createdAt ?? Self.now())
            try row.save(db)
            if existing != nil { try SessionRow.filter(SessionRow.Columns.userName == name).deleteAll(db) }
            let detail = existing.map { "token replaced, role \($0.role.rawValue) → \(role.rawValue)" } ?? "added as \(role.rawValue)"
            try AuditEntry(at: Self.now(), actor: actor, action: .userSave, detail: "user \(name) \(detail)").insert(db)
            return row.user
        }
    }

    /// The user whose token hashes to `tokenHash`, or nil when no user has that token.
    public func user(tokenHash: String) throws(StoreError) -> User? {
        try read { db in try UserRow.filter(UserRow.Columns.tokenHash == tokenHash).fetchOne(db)?.user }
    }

    /// All users, by name.
    public func users() throws(StoreError) -> [User] {
        try read { db in try UserRow.order(UserRow.Columns.name).fetchAll(db).map(\.user) }
    }
}
