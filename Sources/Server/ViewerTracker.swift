import Foundation

/// Who is watching: a viewer is a user whose player fetched a channel's playlist within the last
/// `window` seconds (players poll it every target duration). Safe from any task.
final class ViewerTracker: @unchecked Sendable {
    private let window: TimeInterval
    private let lock = NSLock()
    private var lastSeen: [String: [String: Date]] = [:]

    init(window: TimeInterval = 10) { self.window = window }

    /// Records that `viewer` fetched `channel`'s playlist at `now`; returns the channel's viewers.
    func saw(_ viewer: String, on channel: String, at now: Date = Date()) -> Int {
        lock.withLock {
            var seen = lastSeen[channel, default: [:]]
            seen[viewer] = now
            seen = seen.filter { now.timeIntervalSince($0.value) <= window }
            lastSeen[channel] = seen
            return seen.count
        }
    }
}
