import Foundation
import Store

/// Users by bearer token, remembered for a few seconds so a player polling every two seconds
/// does not cost a database read per request. A replaced token stops working within `lifetime`.
final class TokenCache: Sendable {
    private let cache: ExpiringCache<Substring, User>

    init(lifetime: TimeInterval = 5) { cache = ExpiringCache(lifetime: lifetime) }

    /// The user of `token`, from the cache or else from `lookup` (unknown tokens are not cached).
    func user(forToken token: Substring, now: Date = Date(), lookup: (Substring) throws(StoreError) -> User?) throws(StoreError) -> User? {
        try cache.value(for: token, now: now, lookup: lookup)
    }
}
