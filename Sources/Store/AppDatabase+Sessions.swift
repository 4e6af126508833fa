import Foundation
import GRDB

extension AppDatabase {
    /// Starts a session of user `name` whose cookie value hashes to `idHash` (SHA-256, lowercase hex),
    /// valid for `lifetime` seconds; sessions that have expired are deleted on the way. Audited.
    /// Refused (`invalid`) when no user has that name.
    @discardableResult
    public func startSession(idHash: String, user name: String, lifetime: TimeInterval) throws(StoreError) -> Session {
        guard idHash.wholeMatch(of: /[0-9a-f]{64}/) != nil else {
            throw .invalid(field: "session.idHash", reason: "is not a SHA-256 in lowercase hex; expected 64 digits 0-9a-f")
        }
        guard lifetime > 0 else { throw .invalid(field: "session.lifetime", reason: "is \(lifetime) s; expected more than 0") }
        return try write { db in
            guard let user = try UserRow.fetchOne(db, key: name) else {
                throw StoreError.invalid(field: "session.user", reason: "no user is named \(String(reflecting: name))")
            }
            let now = Self.now()
            try SessionRow.filter(SessionRow.Columns.expiresAt <= now).deleteAll(db)
            let row = SessionRow(idHash: idHash, userName: name, createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
            try row.insert(db)
            try AuditEntry(at: now, actor: name, action: .sessionStart, detail: "logged in to the web pages as \(user.role.rawValue)").insert(db)
            return Session(idHash: idHash, user: user.user, createdAt: row.createdAt, expiresAt: row.expiresAt)
        }
    }

    /// The session whose cookie value hashes to `idHash`, with its user's current role; nil when
    /// there is none or it expired before `now`.
    public func session(idHash: String, now: Date = Date()) throws(StoreError) -> Session? {
        try read { db in
            guard let row = try SessionRow.filter(key: idHash).filter(SessionRow.Columns.expiresAt > now).fetchOne(db),
                  let user = try UserRow.fetchOne(db, key: row.userName)
            else { return nil }
            return Session(idHash: row.idHash, user: user.user, createdAt: row.createdAt, expiresAt: row.expiresAt)
        }
    }

    /// Ends the session whose cookie value hashes to `idHash` (logout); audited when there was one.
    public func endSession(idHash: String) throws(StoreError) {
        try write { db in
            guard let row = try SessionRow.fetchOne(db, key: idHash) else { return }
            try row.delete(db)
            try AuditEntry(at: Self.now(), actor: row.userName, action: .sessionEnd, detail: "logged out of the web pages").insert(db)
        }
    }
}
