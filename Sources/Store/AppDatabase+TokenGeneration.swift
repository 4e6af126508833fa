import GRDB

extension AppDatabase {
    /// The SHA-256 of user `name`'s current API token, or nil when there is no such user. Signed
    /// player URLs are bound to it, so replacing a user's token ends the URLs signed for them.
    public func tokenHash(ofUser name: String) throws(StoreError) -> String? {
        try read { db in try UserRow.fetchOne(db, key: name)?.tokenHash }
    }
}
