import Foundation
import Store
import Synchronization

/// Values read from the store, remembered for `lifetime` seconds so a request path that runs many
/// times a second (a player's segments, its polled playlist) costs one database read per key per
/// lifetime. What changes in the store shows within `lifetime`, or at once where the writer calls `set`.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let lifetime: TimeInterval
    private let entries = Mutex<[Key: (value: Value, until: Date)]>([:])
    /// Past this many keys the cache starts afresh, so made-up keys cannot grow it without bound.
    private let capacity = 10_000

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// The value of `key`, from the cache or else from `lookup` (nil answers are not cached).
    func value(for key: Key, now: Date = Date(), lookup: (Key) throws(StoreError) -> Value?) throws(StoreError) -> Value? {
        if let cached = entries.withLock({ $0[key] }), cached.until > now { return cached.value }
        guard let value = try lookup(key) else { return nil }
        set(value, for: key, now: now)
        return value
    }

    /// Remembers `value` as `key`'s, read from the store at `now`.
    func set(_ value: Value, for key: Key, now: Date = Date()) {
        entries.withLock { entries in
            if entries.count > capacity { entries.removeAll() }
            entries[key] = (value, now.addingTimeInterval(lifetime))
        }
    }
}
