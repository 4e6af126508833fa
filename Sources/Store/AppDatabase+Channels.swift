import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Creates a channel; `timeZone` is an IANA name such as `Europe/Zurich`.
    @discardableResult
    public func createChannel(id: String, name: String, timeZone: String, filler: String? = nil, actor: String) throws(StoreError) -> Channel {
        let actor = try Self.validActor(actor)
        guard Channel.isValidID(id) else {
            throw .invalid(field: "channel.id", reason: "\(String(reflecting: id)) is not a valid channel id; expected 1–63 lowercase letters, digits or \"-\", not starting with \"-\"")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .invalid(field: "channel.name", reason: "is empty; expected the channel's display name") }
        guard let zone = TimeZone(checkedName: timeZone) else {
            throw .invalid(field: "channel.timezone", reason: "\(String(reflecting: timeZone)) is not a known time zone; expected an IANA name such as \"America/Mexico_City\"")
        }
        if let filler, let problem = RundownSource.mediaPathProblem(filler) {
            throw .invalid(field: "channel.filler", reason: "\(problem); expected a path under the media root")
        }
        let channel = Channel(id: id, name: name, timeZone: zone, filler: filler, createdAt: Self.now())
        return try write { db in
            guard try !Channel.exists(db, key: id) else { throw StoreError.channelExists(id) }
            try channel.insert(db)
            try AuditEntry(at: channel.createdAt, actor: actor, action: .channelCreate, channel: id, detail: "\(name) (\(timeZone))").insert(db)
            return channel
        }
    }

    /// All channels, by id.
    public func channels() throws(StoreError) -> [Channel] {
        try read { db in try Channel.order(Channel.Columns.id).fetchAll(db) }
    }

    /// The channel `id`, or nil when there is none.
    public func channel(id: String) throws(StoreError) -> Channel? {
        try read { db in try Channel.fetchOne(db, key: id) }
    }
}
