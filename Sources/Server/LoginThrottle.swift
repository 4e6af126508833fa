import Foundation
import Store

/// Failed web logins: each is audited (one row per user name, address and minute, counted), and
/// after `limit` of them within `window` for a user name or from an address, logins with that
/// name or from that address are answered 429 until the oldest of them leaves the window, without
/// the token being looked at. Counted in the store, so every server sharing it counts the same.
struct LoginThrottle: Sendable {
    static let limit = 10
    static let window: TimeInterval = 600
    /// A user name as audited: what was typed, cut to the longest valid name.
    static func actor(_ name: String) -> String { String(name.prefix(64)) }

    let database: AppDatabase

    /// Seconds until `user` from `address` may try again; nil when they may now.
    func retryAfter(user: String, address: String?, now: Date = Date()) throws(StoreError) -> Int? {
        let counts = try database.refusals(.loginRefused, actor: Self.actor(user), address: address, since: now.addingTimeInterval(-Self.window))
        let blocked = [(counts.byActor, counts.byActorSince), (counts.byAddress, counts.byAddressSince)].compactMap { count, since in
            count >= Self.limit ? since?.addingTimeInterval(Self.window) : nil
        }
        return blocked.max().map { max(1, Int($0.timeIntervalSince(now).rounded(.up))) }
    }

    /// Audits a login refused for a wrong name or token (`.loginRefused`) or for too many of those (`.loginThrottled`).
    func record(_ action: AuditEntry.Action, user: String, address: String?) throws(StoreError) {
        let detail = action == .loginThrottled ? "web login answered 429: too many refused logins" : "web login refused: wrong user name or token"
        try database.recordRefusal(action, actor: Self.actor(user), address: address, detail: detail)
    }
}
