import Foundation
import GRDB

extension AppDatabase {
    /// The newest `limit` audit entries, newest first; only `channel`'s when given, only those older
    /// than entry `before` (its id) when given, which pages through the log.
    public func auditEntries(channel: String? = nil, before: Int64? = nil, limit: Int = 100) throws(StoreError) -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(AuditEntry.Columns.id.desc).limit(limit)
            if let channel { request = request.filter(AuditEntry.Columns.channel == channel) }
            if let before { request = request.filter(AuditEntry.Columns.id < before) }
            return try request.fetchAll(db)
        }
    }

    /// `actor` without surrounding blanks; refused when that leaves nothing, since every change needs an author.
    static func validActor(_ actor: String) throws(StoreError) -> String {
        let trimmed = actor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid(field: "actor", reason: "is empty; expected who makes the change") }
        return trimmed
    }

    /// The channel `id`, or `notFound` when there is none.
    static func existingChannel(_ id: String, in db: Database) throws -> Channel {
        guard let channel = try Channel.fetchOne(db, key: id) else { throw StoreError.notFound(.channel(id)) }
        return channel
    }
}
