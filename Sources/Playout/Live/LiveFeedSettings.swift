import Foundation

/// How live feeds are watched and when they count as failed.
public struct LiveFeedSettings: Sendable {
    /// A feed that delivers no packet for this long is down (and a feed on air fails over to slate).
    public var stallTimeout: TimeInterval
    /// How long opening a URL may take (a listening URL waits this long for an encoder, then retries).
    public var openTimeout: TimeInterval
    /// Pause between connection attempts.
    public var retryDelay: TimeInterval
    /// After a failover, how long the slate stays on air at least before a feed that delivers again
    /// goes back on air: a flapping feed is not switched back and forth faster than this.
    public var holdTime: TimeInterval
    /// A feed taken by URL (not a defined source) is closed once nothing has used it for this
    /// long: no take or live item reads it, waits for it or is scheduled to.
    public var idleRelease: TimeInterval

    public init(stallTimeout: TimeInterval = 1, openTimeout: TimeInterval = 10, retryDelay: TimeInterval = 0.5, holdTime: TimeInterval = 4,
                idleRelease: TimeInterval = 10) {
        self.stallTimeout = stallTimeout
        self.openTimeout = openTimeout
        self.retryDelay = retryDelay
        self.holdTime = holdTime
        self.idleRelease = idleRelease
    }
}
