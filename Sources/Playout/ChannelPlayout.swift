import Foundation
import HLS
import Logging
import Media
import Scheduling
import Store

/// One channel on air. It follows the resolved schedule on the wall clock, remuxes one segment
/// ahead of it on a thread of its own, and publishes each segment into the live window once the
/// segment's air time has passed, so every program-date-time is the wall-clock time the segment
/// airs (R6) and a new playlist version appears every segment duration (P2).
///
/// Restarts (rule P5): the window, media and discontinuity sequences are saved after every
/// published segment; a restarted channel reloads them, deletes segment files that were written
/// but never listed, and rejoins the schedule at the wall clock (at the next keyframe of the item
/// on air) behind a discontinuity. A rundown published on air takes effect at the next item
/// boundary, where the schedule is resolved again. Media that is missing, unreadable or ends
/// early airs slate for the rest of its slot; the channel keeps its times.
public final class ChannelPlayout: @unchecked Sendable {
    /// The channel's timeline around an instant, and its media facts.
    public typealias ScheduleLookup = @Sendable (Date) -> (timeline: Timeline, catalog: MediaCatalog)

    public let channel: String
    let settings: PlayoutSettings
    let schedule: ScheduleLookup
    let asRun: @Sendable (AsRunEntry) -> Void
    let published: @Sendable (PublishedSegment) -> Void
    /// The live feeds the channel may air (nil: none; live items air slate).
    let liveFeeds: LiveFeeds?
    let liveEvent: @Sendable (LiveEvent) -> Void
    let logger: Logger
    private let lock = NSLock()
    private var snapshot: (playlist: String?, now: NowPlaying?) = (nil, nil)
    private var stopping = false
    private var take: LiveTake?
    private let stopped = DispatchSemaphore(value: 0)
    private var running = false
    /// The slate card, encoded once when first needed (worker thread only).
    var slate: Slate?

    /// - Parameters:
    ///   - asRun: hears every item as it finishes airing (for the as-run log).
    ///   - published: hears every segment as it is published (for metrics).
    ///   - liveFeeds: the feeds live items and takes air (nil: live items air slate).
    ///   - liveEvent: hears when a take goes on and off air (for the store).
    public init(
        channel: String, settings: PlayoutSettings, logger: Logger, schedule: @escaping ScheduleLookup,
        asRun: @escaping @Sendable (AsRunEntry) -> Void, published: @escaping @Sendable (PublishedSegment) -> Void = { _ in },
        liveFeeds: LiveFeeds? = nil, liveEvent: @escaping @Sendable (LiveEvent) -> Void = { _ in }
    ) {
        self.channel = channel
        self.settings = settings
        self.schedule = schedule
        self.asRun = asRun
        self.published = published
        self.liveFeeds = liveFeeds
        self.liveEvent = liveEvent
        var logger = logger
        logger[metadataKey: "channel"] = "\(channel)"
        self.logger = logger
    }

    /// Starts the channel's thread.
    public func start() throws {
        try FileManager.default.createDirectory(at: settings.outputDirectory, withIntermediateDirectories: true)
        lock.withLock { running = true }
        let thread = Thread { [self] in
            work()
            stopped.signal()
        }
        thread.name = "sretv.playout.\(channel)"
        thread.start()
    }

    /// Stops after the segment in hand and waits for the thread to end.
    public func stop() {
        let wasRunning = lock.withLock {
            stopping = true
            return running
        }
        if wasRunning { stopped.wait() }
    }

    /// The current live playlist text.
    public var playlist: String? { lock.withLock { snapshot.playlist } }

    /// What is on air.
    public var nowPlaying: NowPlaying? { lock.withLock { snapshot.now } }

    var isStopping: Bool { lock.withLock { stopping } }

    /// Puts `take` on air over the schedule (replacing a take on air): as soon as its feed holds a
    /// keyframe, the segment waiting for air is cut at its next keyframe and the feed follows.
    public func take(_ take: LiveTake) { lock.withLock { self.take = take } }

    /// Gives the air back to the schedule: the take's live run ends with what has arrived, and
    /// the schedule continues from there.
    public func giveBack() { lock.withLock { take = nil } }

    /// Gives the air back when `take` is still the one on air (its planned end came).
    func giveBack(_ ended: LiveTake) {
        lock.withLock { if take == ended { take = nil } }
    }

    /// The take on air or waiting for its feed.
    public var currentTake: LiveTake? { lock.withLock { take } }

    // MARK: - The worker thread

    private func work() {
        let directory = settings.outputDirectory
        var window = PlayoutState.load(from: directory)?.window
            ?? LiveWindow(targetDuration: settings.segmentDuration, minimumCount: settings.windowSegments)
        removeStrayFiles(keeping: window.files)
        publish(window)
        var position = max(Date(), window.end ?? .distantPast)
        logger.info("on air", metadata: ["mediaSequence": "\(window.nextSequence)", "join": "\(position)"])
        var failedUntil: Date?
        var takeOnAir: LiveTake?
        // Only the first join follows a restart; later mid-item joins come back from a take.
        var restarting = true
        while !isStopping {
            defer { restarting = false }
            let (timeline, catalog) = schedule(position)
            // A take goes on air once its feed is ready (or at once when it already is on air).
            if let take = currentTake, take == takeOnAir || takeIsReady() {
                takeOnAir = take
                position = airTake(take, from: position, window: &window, timeZone: timeline.timeZone)
                failedUntil = nil
                continue
            }
            takeOnAir = nil
            let takeReady: Interrupt = { [self] in takeIsReady() }
            guard let index = timeline.entryIndex(at: position) else {
                // Before the schedule starts: slate until it does. Past its end: slate, one segment at a time.
                let until = position < timeline.start ? timeline.start : position.addingTimeInterval(Double(settings.segmentDuration))
                if position >= timeline.start { logger.error("no schedule covers \(position); slate") }
                let reached = play(.slate, from: position, until: until, title: "Slate", window: &window, interrupt: takeReady).reached
                position = reached > position ? reached : stalled(at: position)
                continue
            }
            let entry = timeline.entries[index]
            let entryStart = timeline.date(at: entry.offset)
            let entryEnd = timeline.date(at: entry.end)
            // Long slates and fillers are aired in runs of at most six hours (each its own source).
            let until = min(entryEnd, position.addingTimeInterval(6 * 3600))
            // A live item taken by URL connects while the entry before it airs, so it is ready at its
            // start, and stays open until its end at least.
            if timeline.entries.indices.contains(index + 1), case .live(let next) = timeline.entries[index + 1].playback {
                _ = try? liveFeeds?.feed(channel: channel, uri: next, wantedUntil: timeline.date(at: timeline.entries[index + 1].end))
            }
            // A breakout the store has closed airs only through its take: what is left of its entry
            // (rounding leaves slivers; a crash during one leaves more) is skipped or airs slate.
            if case .breakout = entry.role {
                let frame = 1 / Double(settings.video.frameRate)
                let reached = until.timeIntervalSince(position) < frame ? until
                    : play(.slate, from: position, until: until, title: "Slate", window: &window, interrupt: takeReady).reached
                position = reached > position ? reached : stalled(at: position)
                continue
            }
            if case .live(let uri) = entry.playback {
                let aired = airLive(uri, from: position, until: until, title: entry.title, window: &window,
                                    nowPlaying: nowPlaying((timeline, index))) { [self] in takeIsReady() }
                let outcome: AsRunEntry.Outcome = currentTake != nil && aired.reached < until ? .interrupted : aired.wentLive ? .live : .slate
                recordAsRun(entry, plannedStart: entryStart, actualStart: position, actualEnd: aired.reached, outcome: outcome, timeZone: timeline.timeZone)
                position = aired.reached
                continue
            }
            let recovering = failedUntil.map { $0 > position } == true
            let plan = recovering ? .slate : joinPlan(entry, entryStart: entryStart, at: position, catalog: catalog, seamless: !restarting)
            if plan.start == nil, case .media(let uri, _) = entry.playback, !recovering {
                logger.warning("slate for \(entry.title): \(uri) cannot be played (\(catalog.availability(uri).map { "\($0)" } ?? "not probed"))", metadata: itemMetadata(entry))
            }
            let started = plan.start ?? position
            let aired = play(plan, from: started, until: until, title: entry.title, window: &window, on: (timeline, index), interrupt: takeReady)
            let reached = aired.reached
            guard !isStopping else { break }
            if aired.interrupted {
                recordAsRun(entry, plannedStart: entryStart, actualStart: started, actualEnd: reached, outcome: .interrupted, timeZone: timeline.timeZone)
                position = reached
                failedUntil = nil
                continue
            }
            if case .slate = plan, reached <= started {
                position = stalled(at: position)
                failedUntil = nil
                continue
            }
            failedUntil = reached < until.addingTimeInterval(-0.001) ? until : nil
            if let failedUntil { logger.warning("\(entry.title) ended early at \(reached); slate until \(failedUntil)", metadata: itemMetadata(entry)) }
            if reached >= entryEnd.addingTimeInterval(-0.001) || failedUntil != nil {
                recordAsRun(entry, plannedStart: entryStart, actualStart: started, actualEnd: reached, outcome: outcome(of: plan, entry: entry, until: reached, plannedStart: entryStart), timeZone: timeline.timeZone)
            }
            position = reached
        }
        logger.info("off air", metadata: ["mediaSequence": "\(window.nextSequence)"])
    }

    /// Not even the slate could be published (the disk is full or the folder is gone): the last
    /// good playlist stays served, and after a segment duration the channel tries again, rejoining
    /// the schedule at the wall clock (fault test 7). Returns where to rejoin.
    func stalled(at position: Date) -> Date {
        logger.error("cannot publish segments to \(settings.outputDirectory.path); the last good playlist stays on air, retrying in \(settings.segmentDuration) s")
        _ = wait(until: Date().addingTimeInterval(Double(settings.segmentDuration)))
        return max(position, Date())
    }

    func itemMetadata(_ entry: TimelineEntry) -> Logger.Metadata {
        entry.itemID.map { ["item": "\($0)"] } ?? [:]
    }

    /// Deletes segment files the saved window does not know: written ahead but never published
    /// before a stop or crash, and partial files (rule P1: none of them was ever listed).
    private func removeStrayFiles(keeping files: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.outputDirectory.path)) ?? []
        for name in names where (name.hasPrefix("segment-") && !files.contains(name)) || name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(at: settings.outputDirectory.appendingPathComponent(name))
        }
    }

    /// Makes `window` the published state: saved, and its playlist served.
    func publish(_ window: LiveWindow, now: NowPlaying? = nil) {
        do {
            try PlayoutState(window: window).save(to: settings.outputDirectory)
        } catch {
            logger.error("cannot save the playout state: \(error); the last good state stays on disk")
        }
        let text = window.entries.isEmpty ? nil : window.playlist(timeZone: TimeZone(identifier: "UTC")!).render()
        lock.withLock { snapshot = (text, now ?? snapshot.now) }
    }

    /// How a media or slate plan aired until `actualEnd`.
    private func outcome(of plan: JoinPlan, entry: TimelineEntry, until actualEnd: Date, plannedStart: Date) -> AsRunEntry.Outcome {
        switch plan {
        case .slate: .slate
        case .media where entry.trimmed > .zero || actualEnd < plannedStart.addingTimeInterval(entry.duration.seconds - 0.05): .trimmed
        case .media: .aired
        }
    }

    private func recordAsRun(_ entry: TimelineEntry, plannedStart: Date, actualStart: Date, actualEnd: Date, outcome: AsRunEntry.Outcome, timeZone: TimeZone) {
        guard let item = entry.itemID, actualEnd > actualStart else { return }
        let note = actualStart > plannedStart.addingTimeInterval(0.05) ? "joined \(String(format: "%.3f", actualStart.timeIntervalSince(plannedStart))) s late" : nil
        asRun(AsRunEntry(channel: channel, date: BroadcastDate(of: plannedStart, in: timeZone), itemId: item, title: entry.title, plannedStart: plannedStart,
                         actualStart: actualStart, actualEnd: actualEnd, outcome: outcome, note: outcome == .interrupted ? "interrupted by a live take" : note))
    }
}

/// A segment a channel just published, for metrics.
public struct PublishedSegment: Sendable {
    public var channel: String
    public var sequence: Int
    /// The title of what aired in it (the item's, or the take's).
    public var title: String
    public var programDateTime: Date
    public var duration: Double
    /// Whether the slate aired in it.
    public var isSlate: Bool
    /// Seconds after its air time that it was published (over half a target duration is late).
    public var lateness: Double
    public var isLate: Bool
}
