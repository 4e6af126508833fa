import Foundation
import Logging
import Media

/// Every live feed of the server: the sources defined on each channel, watched all the time, and
/// feeds taken by URL, opened when first needed and closed once nothing uses them (their take
/// ended, no live item is scheduled on them: `LiveFeedSettings.idleRelease`). Every URL passes
/// the live allow list (rule S4).
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

    /// The feed a live entry or take names: a source of `channel` by name, else a URL (opened if
    /// it is not open, and kept open while it is used, and at least until `wantedUntil`: the end
    /// of a live item scheduled on it). Throws `MediaError` for a URL the allow list refuses.
    public func feed(channel: String, uri: String, wantedUntil: Date? = nil) throws(MediaError) -> LiveFeed {
        let found: LiveFeed? = lock.withLock {
            if let feed = named[channel]?[uri] { return feed }
            guard let feed = byURL[uri] else { return nil }
            // Under the lock: a feed whose lease ran out is released under it too, so it is never handed out.
            feed.want(until: wantedUntil ?? .distantPast)
            return feed
        }
        if let found { return found }
        let source = try policy.source(uri)
        return lock.withLock {
            if let feed = byURL[uri] {
                feed.want(until: wantedUntil ?? .distantPast)
                return feed
            }
            let feed = LiveFeed(name: uri, source: source, settings: settings, logger: logger) { [weak self] feed in
                self?.release(feed) ?? true
            }
            feed.want(until: wantedUntil ?? .distantPast)
            byURL[uri] = feed
            return feed
        }
    }

    /// Takes `feed` (taken by URL) off the open feeds when it is still idle: true when it was.
    private func release(_ feed: LiveFeed) -> Bool {
        lock.withLock {
            guard feed.isIdle else { return false }
            if byURL[feed.name] === feed { byURL.removeValue(forKey: feed.name) }
            return true
        }
    }

    /// Every open feed: each channel's defined sources, then the feeds taken by URL, each with its status.
    public func openFeeds() -> [OpenLiveFeed] {
        let (sources, urls) = lock.withLock { (named.flatMap { channel, feeds in feeds.values.map { (channel, $0) } }, Array(byURL.values)) }
        return sources.map { OpenLiveFeed(channel: $0.0, status: $0.1.status) }.sorted { ($0.channel ?? "", $0.status.name) < ($1.channel ?? "", $1.status.name) }
            + urls.map { OpenLiveFeed(channel: nil, status: $0.status) }.sorted { $0.status.name < $1.status.name }
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
