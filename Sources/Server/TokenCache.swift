import Foundation
import Store

/// Users by bearer token, remembered for a few seconds so a player polling every two seconds
/// does not cost a database read per request. A replaced token stops working within `lifetime`.
final class TokenCache: @unchecked Sendable {
    private let lifetime: TimeInterval
    private let lock = NSLock()
    private var entries: [Substring: (user: User, until: Date)] = [:]

    init(lifetime: TimeInterval = 5) { self.lifetime = lifetime }

    /// The user of `token`, from the cache or else from `lookup` (unknown tokens are not cached).
    func user(forToken token: Substring, now: Date = Date(), lookup: (Substring) throws(StoreError) -> User?) throws(StoreError) -> User? {
        if let cached = lock.withLock({ entries[token] }), cached.until > now { return cached.user }
        guard let user = try lookup(token) else { return nil }
        lock.withLock {
            if entries.count > 10_000 { entries.removeAll() }
            entries[token] = (user, now.addingTimeInterval(lifetime))
        }
        return user
    }
}
