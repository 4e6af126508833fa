import Foundation
import GRDB

extension AppDatabase {
    /// Audits a refused attempt: counted into the row of the same `action`, `actor`, `address` and
    /// `detail` whose first attempt was in the same minute as `at`, else a new row. A flood of
    /// refusals adds one row a minute per kind and source, not one per attempt.
    public func recordRefusal(
        _ action: AuditEntry.Action, actor: String, address: String?, channel: String? = nil, detail: String, at: Date? = nil
    ) throws(StoreError) {
        let at = at ?? Self.now()
        let minute = Date(timeIntervalSince1970: (at.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let actor = actor.isEmpty ? "(none)" : actor
        try write { db in
            let columns = AuditEntry.Columns.self
            var same = AuditEntry.filter(columns.action == action.rawValue && columns.actor == actor && columns.detail == detail)
                .filter(columns.at >= minute && columns.at < minute.addingTimeInterval(60))
            same = address.map { same.filter(columns.address == $0) } ?? same.filter(columns.address == nil)
            if let existing = try same.fetchOne(db), let id = existing.id {
                try AuditEntry.filter(columns.id == id).updateAll(db, columns.count += 1)
            } else {
                try AuditEntry(at: at, actor: actor, action: action, channel: channel, detail: detail, address: address).insert(db)
            }
        }
    }

    /// How many `action` attempts (e.g. refused logins) were audited since `since`: those by `actor`,
    /// those from `address`, and when the oldest counted one of each began (nil when none).
    public func refusals(
        _ action: AuditEntry.Action, actor: String, address: String?, since: Date
    ) throws(StoreError) -> (byActor: Int, byActorSince: Date?, byAddress: Int, byAddressSince: Date?) {
        try read { db in
            let columns = AuditEntry.Columns.self
            let recent = AuditEntry.filter(columns.action == action.rawValue && columns.at >= since)
            let mine = try recent.filter(columns.actor == actor).fetchAll(db)
            let theirs = try address.map { try recent.filter(columns.address == $0).fetchAll(db) } ?? []
            return (mine.reduce(0) { $0 + $1.count }, mine.map(\.at).min(), theirs.reduce(0) { $0 + $1.count }, theirs.map(\.at).min())
        }
    }
}
