import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Adds live source `name` to `channel`, or points it at a new `url`, audited; returns it as saved.
    /// The name is 1–63 lowercase letters, digits or `-`; the URL an srt, rtmp, udp, http or https URL
    /// with a host that is not link-local (which schemes and hosts may air is the server's configuration).
    @discardableResult
    public func saveLiveSource(channel: String, name: String, url: String, actor: String) throws(StoreError) -> LiveSource {
        let actor = try Self.validActor(actor)
        guard RundownSource.isLiveSourceName(name) else {
            throw .invalid(field: "source.name", reason: "\(String(reflecting: name)) is not a valid source name; expected 1–63 lowercase letters, digits or \"-\", such as \"studio-a\"")
        }
        if let problem = RundownSource.liveURLProblem(url) { throw .invalid(field: "source.url", reason: problem) }
        return try write { db in
            _ = try Self.existingChannel(channel, in: db)
            let now = Self.now()
            let old = try Self.liveSource(channel: channel, name: name, in: db)
            let source = LiveSource(channel: channel, name: name, url: url, createdAt: old?.createdAt ?? now, updatedAt: now)
            try source.save(db)
            let detail = old.map { "live source \(name): \($0.url) → \(url)" } ?? "live source \(name) added: \(url)"
            try AuditEntry(at: now, actor: actor, action: .liveSourceSave, channel: channel, detail: detail).insert(db)
            return source
        }
    }

    /// `channel`'s live sources, by name; `notFound` for an unknown channel.
    public func liveSources(channel: String) throws(StoreError) -> [LiveSource] {
        try read { db in
            _ = try Self.existingChannel(channel, in: db)
            return try LiveSource.filter(LiveSource.Columns.channel == channel).order(LiveSource.Columns.name).fetchAll(db)
        }
    }

    /// `channel`'s live source `name`, or nil.
    public func liveSource(channel: String, name: String) throws(StoreError) -> LiveSource? {
        try read { db in try Self.liveSource(channel: channel, name: name, in: db) }
    }

    /// Removes live source `name` from `channel`, audited; a breakout taken from it keeps the URL it had.
    public func deleteLiveSource(channel: String, name: String, actor: String) throws(StoreError) {
        let actor = try Self.validActor(actor)
        try write { db in
            _ = try Self.existingChannel(channel, in: db)
            guard let old = try Self.liveSource(channel: channel, name: name, in: db) else {
                throw StoreError.notFound(.liveSource(channel: channel, name: name))
            }
            try old.delete(db)
            try AuditEntry(at: Self.now(), actor: actor, action: .liveSourceDelete, channel: channel, detail: "live source \(name) removed (was \(old.url))").insert(db)
        }
    }

    private static func liveSource(channel: String, name: String, in db: Database) throws -> LiveSource? {
        try LiveSource.fetchOne(db, key: [LiveSource.Columns.channel.name: channel, LiveSource.Columns.name.name: name])
    }
}
