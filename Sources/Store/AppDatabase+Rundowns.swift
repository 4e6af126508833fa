import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Saves `rundown` as a new draft version of its channel's day and returns that version.
    ///
    /// `baseVersion` is the version the edit started from (nil for a new rundown). When someone
    /// saved a newer version meanwhile the save is refused with `.conflict`, which names them:
    /// nothing is overwritten. The check and the insert run in one write transaction, so of two
    /// saves from the same base exactly one wins. The channel must exist and the rundown must be
    /// planned in the channel's time zone.
    @discardableResult
    public func saveRundown(_ rundown: Rundown, baseVersion: Int?, actor: String) throws(StoreError) -> Int {
        let actor = try Self.validActor(actor)
        let document = try Self.document(of: rundown)
        return try write { db in
            let channel = try Self.existingChannel(rundown.channel, in: db)
            guard rundown.timeZone.identifier == channel.timeZone.identifier else {
                throw StoreError.invalid(
                    field: "rundown.timezone",
                    reason: "\(rundown.timeZone.identifier) differs from channel \(channel.id)'s \(channel.timeZone.identifier); expected \(channel.timeZone.identifier)"
                )
            }
            let latest = try RundownVersion.latest(channel: rundown.channel, date: rundown.date).fetchOne(db)
            try Self.check(base: baseVersion, against: latest, of: rundown)
            let saved = RundownVersion(
                channelId: rundown.channel, date: rundown.date, version: (latest?.version ?? 0) + 1,
                document: document, savedBy: actor, savedAt: Self.now()
            )
            try saved.insert(db)
            try AuditEntry(
                at: saved.savedAt, actor: actor, action: .rundownSave, channel: saved.channelId, date: saved.date,
                oldVersion: latest?.version, newVersion: saved.version, detail: "\(rundown.items.count) items"
            ).insert(db)
            return saved.version
        }
    }

    /// Version `version` of `channel`'s rundown for `date`, or nil when it was never saved.
    public func rundownVersion(channel: String, date: BroadcastDate, version: Int) throws(StoreError) -> SavedRundown? {
        try read { db in
            try SavedRundown.request(where: "v.channelId = \(channel) AND v.date = \(date) AND v.version = \(version)").fetchOne(db)
        }
    }

    /// The newest version (draft or published) of `channel`'s rundown for `date`, or nil when none was saved.
    public func latestRundown(channel: String, date: BroadcastDate) throws(StoreError) -> SavedRundown? {
        try read { db in
            try SavedRundown.request(where: "v.channelId = \(channel) AND v.date = \(date) ORDER BY v.version DESC LIMIT 1").fetchOne(db)
        }
    }

    /// The rundown as stored: sorted-key JSON that `Rundown.parse` accepts, so every stored version reads back.
    private static func document(of rundown: Rundown) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(rundown)
            _ = try Rundown.parse(data)
        } catch {
            throw .invalid(field: "rundown", reason: "\(error)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Refuses a save whose base is not the latest version; no base counts as version 0.
    private static func check(base: Int?, against latest: RundownVersion?, of rundown: Rundown) throws {
        let current = latest?.version ?? 0
        let expected = base ?? 0
        if let latest, expected < current {
            throw StoreError.conflict(
                channel: rundown.channel, date: rundown.date, expected: base, current: current,
                savedBy: latest.savedBy, savedAt: latest.savedAt
            )
        }
        guard expected == current else {
            throw StoreError.notFound(.rundownVersion(channel: rundown.channel, date: rundown.date, version: expected))
        }
    }
}
