import Foundation
import Media
import Scheduling
import Store

/// How a live stretch went.
struct LiveAired {
    /// The end of its last published segment.
    var reached: Date
    /// Whether any of it was the live feed (else slate aired throughout).
    var wentLive: Bool
}

extension ChannelPlayout {
    /// Whether the take waiting for air can start now: its feed holds a keyframe.
    func takeIsReady() -> Bool {
        guard let take = currentTake, let feed = try? liveFeeds?.feed(channel: channel, uri: take.source) else { return false }
        return feed.isReady
    }

    /// Airs `take` from `position` until it is given back (or replaced), with failover, and tells
    /// the store and the as-run log. Returns where it got to.
    func airTake(_ take: LiveTake, from position: Date, window: inout LiveWindow, timeZone: TimeZone) -> Date {
        liveEvent(.onAir(take, at: position))
        logger.info("take on air", metadata: ["breakout": "\(take.id)", "source": "\(SecretRedaction.redacted(take.source))"])
        let nowPlaying = { [channel] (sequence: Int) in
            NowPlaying(channel: channel, onAir: .init(title: take.title, itemID: nil, start: position, end: Date()), next: nil,
                       position: Date().timeIntervalSince(position), mediaSequence: sequence)
        }
        let end = take.until.map { max($0, position) } ?? position.addingTimeInterval(24 * 3600)
        let aired = airLive(take.source, from: position, until: end, title: take.title,
                            window: &window, nowPlaying: nowPlaying) { [self] in currentTake != take }
        if take.until != nil, aired.reached >= end.addingTimeInterval(-0.001) { giveBack(take) }
        if currentTake != take, aired.reached > position {
            liveEvent(.offAir(take, at: aired.reached))
            logger.info("take given back", metadata: ["breakout": "\(take.id)"])
            asRun(AsRunEntry(channel: channel, date: BroadcastDate(of: position, in: timeZone), itemId: "breakout-\(take.id)", title: take.title,
                             plannedStart: position, actualStart: position, actualEnd: aired.reached,
                             outcome: aired.wentLive ? .live : .slate, note: "breakout from \(SecretRedaction.redacted(take.source))"))
            recordSkipped(by: take, at: aired.reached)
        }
        return aired.reached
    }

    /// Logs the items the returned take kept off the air entirely (rejoin skips what the clock passed).
    private func recordSkipped(by take: LiveTake, at end: Date) {
        let timeline = schedule(end).timeline
        for skipped in timeline.interruptions where skipped.breakoutID == take.id && skipped.kind == .skipped {
            asRun(AsRunEntry(channel: channel, date: BroadcastDate(of: skipped.plannedStart, in: timeline.timeZone), itemId: skipped.itemID,
                             title: skipped.title, plannedStart: skipped.plannedStart, actualStart: end, actualEnd: end,
                             outcome: .skipped, note: "not aired: breakout \(take.id) from \(SecretRedaction.redacted(take.source)) took the air"))
        }
    }

    /// Airs live source `uri` (a source name of the channel, or a URL) from `start` until `end` or
    /// until `stop` says so. When the feed is not ready, or stops delivering, slate airs; the feed
    /// goes (back) on air at the slate's next keyframe once it delivers again and, after a
    /// failure, once the hold time has passed (a flapping feed is not switched back and forth).
    func airLive(_ uri: String, from start: Date, until end: Date, title: String, window: inout LiveWindow,
                 nowPlaying: @escaping (Int) -> NowPlaying?, stop: @escaping () -> Bool) -> LiveAired {
        var position = start
        var wentLive = false
        var failedAt: Date?
        let feed: LiveFeed?
        do {
            guard let liveFeeds else { throw MediaError(.refused, "taking", subject: uri, reason: "this server airs no live sources") }
            feed = try liveFeeds.feed(channel: channel, uri: uri)
        } catch {
            logger.error("slate for \(title): \(SecretRedaction.redacted("\(error)", quoting: uri))")
            feed = nil
        }
        let hold = liveFeeds?.settings.holdTime ?? 0
        let canAir = { feed?.isReady == true && (failedAt.map { Date().timeIntervalSince($0) >= hold } ?? true) }
        while !isStopping, !stop(), position < end.addingTimeInterval(-0.001) {
            let duration = Int64((end.timeIntervalSince(position) * 90_000).rounded())
            if canAir(), let feed, let subscription = feed.subscribe() {
                let source = LiveFeedSource(subscription: subscription, outputStart: Self.runOrigin, airStart: position, plannedEnd: Self.runOrigin + duration,
                                            stallTimeout: feed.stallTimeout) { [self] in stop() || isStopping }
                let aired = air(source, from: position, duration: duration, title: title, isSlate: false, window: &window,
                                nowPlaying: nowPlaying, firstSegmentLimit: 0, isLive: true)
                feed.unsubscribe(subscription)
                wentLive = wentLive || aired.reached > position
                if !stop(), !isStopping, aired.reached < end.addingTimeInterval(-0.001) {
                    failedAt = Date()
                    logger.warning("live source \(SecretRedaction.redacted(uri)) stopped delivering: slate until it is back", metadata: ["title": "\(title)"])
                }
                position = max(position, aired.reached)
            } else {
                let aired = airSlate(from: position, duration: duration, title: title, window: &window, nowPlaying: nowPlaying,
                                     interrupt: { canAir() || stop() }, firstSegmentLimit: failedAt == nil ? nil : 0)
                position = aired.reached > position ? aired.reached : stalled(at: position)
            }
        }
        // Less than a millisecond short of the end is the end: the caller must move on.
        if !stop(), !isStopping, position >= end.addingTimeInterval(-0.001) { position = max(position, end) }
        return LiveAired(reached: position, wentLive: wentLive)
    }
}
