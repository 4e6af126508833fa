import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Makes `version` (default: the latest) of `channel`'s rundown for `date` the one that airs,
    /// and returns it. Publishing an older version rolls back; drafts never air until published.
    @discardableResult
    public func publish(channel: String, date: BroadcastDate, version: Int? = nil, actor: String) throws(StoreError) -> Int {
        let actor = try Self.validActor(actor)
        return try write { db in
            let target = try Self.savedVersion(version, channel: channel, date: date, in: db)
            let previous = try RundownPublication.fetchOne(db, key: ["channelId": channel, "date": date])
            let publication = RundownPublication(channelId: channel, date: date, publishedVersion: target, publishedBy: actor, publishedAt: Self.now())
            try publication.save(db)
            try AuditEntry(
                at: publication.publishedAt, actor: actor, action: .rundownPublish, channel: channel, date: date,
                oldVersion: previous?.publishedVersion, newVersion: target
            ).insert(db)
            return target
        }
    }

    /// The published version of `channel`'s rundown for `date`, or nil when none is published.
    public func publishedRundown(channel: String, date: BroadcastDate) throws(StoreError) -> SavedRundown? {
        try publishedRundowns(channel: channel, from: date, to: date).first
    }

    /// The published rundowns of `channel` from `start` through `end` (both included), by date;
    /// days with nothing published are left out.
    public func publishedRundowns(channel: String, from start: BroadcastDate, to end: BroadcastDate) throws(StoreError) -> [SavedRundown] {
        try read { db in
            try SavedRundown.request(where: """
                v.channelId = \(channel) AND v.date BETWEEN \(start) AND \(end) AND v.version = p.publishedVersion
                ORDER BY v.date
                """).fetchAll(db)
        }
    }

    /// `version` when it was saved, else the latest saved version; `notFound` when there is none.
    private static func savedVersion(_ version: Int?, channel: String, date: BroadcastDate, in db: Database) throws -> Int {
        guard let version else {
            guard let latest = try RundownVersion.latest(channel: channel, date: date).fetchOne(db) else {
                throw StoreError.notFound(.rundown(channel: channel, date: date))
            }
            return latest.version
        }
        guard try RundownVersion.exists(db, key: ["channelId": channel, "date": date, "version": version]) else {
            throw StoreError.notFound(.rundownVersion(channel: channel, date: date, version: version))
        }
        return version
    }
}
