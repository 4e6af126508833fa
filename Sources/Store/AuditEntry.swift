import Foundation
import Scheduling

/// One state change, who made it and when; written in the transaction that made the change.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What kind of change an audit entry records.
    public enum Action: String, Sendable, Hashable, Codable {
        case channelCreate = "channel.create"
        case rundownSave = "rundown.save"
        case rundownPublish = "rundown.publish"
        case blockSave = "block.save"
        case userSave = "user.save"
        case signingKeyCreate = "signing-key.create"
        case providerSave = "provider.save"
        case mediaIngest = "media.ingest"
        case mediaDelete = "media.delete"
        case jobCancel = "job.cancel"
        case jobRetry = "job.retry"
        case liveSourceSave = "live-source.save"
        case liveSourceDelete = "live-source.delete"
        case breakoutStart = "breakout.start"
        case breakoutEnd = "breakout.end"
        case sessionStart = "session.start"
        case sessionEnd = "session.end"
        /// A login with a wrong user name or token (one row per user, address and minute, counted).
        case loginRefused = "login.refused"
        /// A login answered 429 because of too many refused ones, without looking at the token.
        case loginThrottled = "login.throttled"
        /// A state-changing request refused: 401, 403 (a role too small, a CSRF token missing, a
        /// URL off the allow list) or 409 (a version conflict); the detail says which.
        case requestRefused = "request.refused"
    }

    /// Assigned by the database, rising in the order the changes were made.
    public var id: Int64?
    public var at: Date
    public var actor: String
    public var action: Action
    public var channel: String?
    public var date: BroadcastDate?
    /// The rundown version before the change (the base of a save, the previously published one).
    public var oldVersion: Int?
    /// The rundown version after the change (the one saved or published).
    public var newVersion: Int?
    public var detail: String?
    /// The network address a refused attempt came from (nil for changes).
    public var address: String?
    /// How many times this happened: refused attempts of the same kind, actor, address and detail
    /// within one minute share a row (from `at`, the first), so a flood cannot fill the log. 1 for changes.
    public var count: Int

    public init(
        id: Int64? = nil, at: Date, actor: String, action: Action, channel: String? = nil, date: BroadcastDate? = nil,
        oldVersion: Int? = nil, newVersion: Int? = nil, detail: String? = nil, address: String? = nil, count: Int = 1
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.channel = channel
        self.date = date
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.detail = detail
        self.address = address
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action
        case channel = "channelId"
        case date, oldVersion, newVersion, detail, address, count
    }
}
