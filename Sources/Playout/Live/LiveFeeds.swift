import Foundation
import Logging
import Media

/// Every live feed of the server: the sources defined on each channel, watched all the time, and
/// feeds taken by URL, opened when first needed. Every URL passes the live allow list (rule S4).
public final class LiveFeeds: @unchecked Sendable {
    /// Schemes and hosts live sources may use.
    public let policy: SourcePolicy
    public let settings: LiveFeedSettings
    private let logger: Logger
    private let lock = NSLock()
    private var named: [String: [String: LiveFeed]] = [:]
    private var byURL: [String: LiveFeed] = [:]

    public init(policy: SourcePolicy, settings: LiveFeedSettings, logger: Logger) {
        self.policy = policy
        self.settings = settings
        self.logger = logger
    }

    /// Starts watching source `name` of `channel` at `url` (replacing a source of that name).
    /// Throws `MediaError` when the URL is not allowed.
    public func define(channel: String, name: String, url: String) throws(MediaError) {
        let feed = LiveFeed(name: name, source: try policy.source(url), settings: settings, logger: logger)
        let replaced = lock.withLock {
            defer { named[channel, default: [:]][name] = feed }
            return named[channel]?[name]
        }
        replaced?.stop()
    }

    /// Stops watching source `name` of `channel`.
    public func remove(channel: String, name: String) {
        lock.withLock { named[channel]?.removeValue(forKey: name) }?.stop()
    }

    /// The sources of `channel`, by name.
    public func statuses(channel: String) -> [LiveFeedStatus] {
        (statusesByChannel().first { $0.channel == channel }?.statuses ?? []).sorted { $0.name < $1.name }
    }

    /// Source `name` of `channel`, if it is watched.
    public func source(channel: String, name: String) -> LiveFeed? {
        lock.withLock { named[channel]?[name] }
    }

    /// The sources of every channel, by channel.
    public func statusesByChannel() -> [(channel: String, statuses: [LiveFeedStatus])] {
        lock.withLock { named.map { ($0.key, $0.value.values.map(\.status)) } }.sorted { $0.channel < $1.channel }
    }

    /// The feed a live entry or take names: a source of `channel` by name, else a URL (opened and
    /// then watched from now on). Throws `MediaError` for a URL the allow list refuses.
    public func feed(channel: String, uri: String) throws(MediaError) -> LiveFeed {
        if let feed = lock.withLock({ named[channel]?[uri] ?? byURL[uri] }) { return feed }
        let source = try policy.source(uri)
        return lock.withLock {
            if let feed = byURL[uri] { return feed }
            let feed = LiveFeed(name: uri, source: source, settings: settings, logger: logger)
            byURL[uri] = feed
            return feed
        }
    }

    /// Stops every feed.
    public func stopAll() {
        let feeds = lock.withLock {
            defer { (named, byURL) = ([:], [:]) }
            return named.values.flatMap(\.values) + byURL.values
        }
        for feed in feeds { feed.stop() }
    }
}
