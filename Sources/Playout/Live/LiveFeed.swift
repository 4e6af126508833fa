import Foundation
import Logging
import Media
import Scheduling

/// A live source kept open while it is defined, not only while on air: a thread of its own
/// connects (again after every failure), reads packets, keeps the status operators see, keeps
/// the packets since the last video keyframe so a take can start on a clean picture at once,
/// and hands every packet to the subscribed playout. A feed taken by URL is leased instead: it
/// closes itself once nothing has subscribed to it, asked whether it is ready or been scheduled
/// to need it for `LiveFeedSettings.idleRelease` (and `release` agrees).
public final class LiveFeed: @unchecked Sendable {
    public let name: String
    public let source: MediaSource
    public let settings: LiveFeedSettings
    private let logger: Logger
    private let lock = NSLock()
    private var current: LiveFeedStatus
    private var lastPacket: Date?
    /// Packets since the last video keyframe of the current connection (empty before one arrived).
    private var pictureGroup: [Packet] = []
    private var streams: [StreamInfo] = []
    private var subscribers: [LiveSubscription] = []
    private var stopped = false
    private var monitor: InputMonitor?
    private let finished = DispatchSemaphore(value: 0)
    /// Until when the feed is needed; nil for a defined source, which is kept until removed.
    private var wantedUntil: Date?
    /// Asked by the feed's thread once its lease ran out: true when the feed may close now.
    private let release: @Sendable (LiveFeed) -> Bool

    /// How long the feed may deliver nothing before it counts as down: an HLS pull receives whole
    /// segments at a time, so it gets the stall timeout or two HLS reloads, whichever is longer.
    public var stallTimeout: TimeInterval {
        source.isPlaylist ? max(settings.stallTimeout, 4) : settings.stallTimeout
    }

    /// Longest run of packets kept while waiting for the next keyframe.
    private static let pictureGroupLimit = 4000

    /// Starts watching `source`, shown as `name`: until stopped, or (given `release`) until its
    /// lease runs out and `release` agrees.
    public init(name: String, source: MediaSource, settings: LiveFeedSettings, logger: Logger, release: (@Sendable (LiveFeed) -> Bool)? = nil) {
        self.name = name
        self.source = source
        self.settings = settings
        self.release = release ?? { _ in false }
        wantedUntil = release == nil ? nil : Date().addingTimeInterval(settings.idleRelease)
        var logger = logger
        // A feed taken by URL is named by its URL: its secrets never reach the log.
        logger[metadataKey: "source"] = "\(SecretRedaction.redacted(name, quoting: source.url))"
        self.logger = logger
        current = LiveFeedStatus(name: name, url: source.url)
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "sretv.live.\(SecretRedaction.redacted(name, quoting: source.url))"
        thread.start()
    }

    /// Stops the feed's thread (interrupting a blocked open or read) and waits for it to end.
    public func stop() {
        let monitor = lock.withLock {
            stopped = true
            return self.monitor
        }
        monitor?.cancel()
        finished.wait()
    }

    /// The source as an operator sees it now.
    public var status: LiveFeedStatus {
        lock.withLock {
            var status = current
            status.secondsSinceLastPacket = lastPacket.map { Date().timeIntervalSince($0) }
            return status
        }
    }

    /// Whether a take could start now: the feed can air, delivers, and holds a keyframe. Asking
    /// counts as using the feed (a take waiting for it, a live run on slate until it is back).
    public var isReady: Bool {
        lock.withLock {
            renewLease()
            return current.state == .up && current.airable && !pictureGroup.isEmpty
        }
    }

    /// Keeps a leased feed open at least until `date` (a live item scheduled to air it until then).
    func want(until date: Date) {
        lock.withLock {
            renewLease()
            if let wanted = wantedUntil, wanted < date { wantedUntil = date }
        }
    }

    /// Whether the feed is leased and nothing has used it for its lease: no subscriber, no use
    /// since `idleRelease` ago, nothing scheduled. Always false for a defined source.
    var isIdle: Bool {
        lock.withLock { wantedUntil.map { subscribers.isEmpty && $0 <= Date() } ?? false }
    }

    /// Extends a leased feed's lease to `idleRelease` from now (lock held).
    private func renewLease() {
        guard let wanted = wantedUntil else { return }
        wantedUntil = max(wanted, Date().addingTimeInterval(settings.idleRelease))
    }

    /// A JPEG, `width` pixels wide (or the picture's width, if smaller), of the latest keyframe the
    /// feed delivered (at most a GOP old), or nil when it holds none.
    public func still(width: Int = 320) throws(MediaError) -> Data? {
        let latest: (Packet, StreamInfo)? = lock.withLock {
            guard let keyframe = pictureGroup.first, let video = streams.first else { return nil }
            return (Packet(referencing: keyframe), video)
        }
        guard let (keyframe, video) = latest else { return nil }
        return try Thumbnail.jpeg(keyframe: keyframe, of: video, width: min(width, video.parameters.width / 2 * 2))
    }

    /// A reader from the last keyframe on, or nil when the feed is not ready.
    func subscribe() -> LiveSubscription? {
        lock.withLock {
            guard current.state == .up, current.airable, !pictureGroup.isEmpty else { return nil }
            let subscription = LiveSubscription(streams: streams, backlog: pictureGroup.map { Packet(referencing: $0) })
            subscribers.append(subscription)
            renewLease()
            return subscription
        }
    }

    /// Stops handing packets to `subscription` (its live run is over); the lease runs from now.
    func unsubscribe(_ subscription: LiveSubscription) {
        lock.withLock {
            subscribers.removeAll { $0 === subscription }
            renewLease()
        }
    }

    /// Whether the feed's thread should end: it was stopped, or its lease ran out and `release`
    /// took it off the feeds (from then on nobody can find it).
    private var isStopped: Bool {
        if lock.withLock({ stopped }) { return true }
        guard isIdle, release(self) else { return false }
        logger.info("live source closed: nothing used it for \(settings.idleRelease.shortText) s")
        return lock.withLock {
            stopped = true
            return true
        }
    }

    // MARK: - The feed's thread

    private func run() {
        while !isStopped {
            let monitor = InputMonitor(source: source)
            lock.withLock {
                self.monitor = monitor
                current.state = .connecting
            }
            if isStopped { monitor.cancel() }
            do {
                monitor.interrupt(after: Date().addingTimeInterval(settings.openTimeout))
                let input = try InputFile(source: source, monitor: monitor)
                try read(input, monitor: monitor)
            } catch {
                if !isStopped { failed(error.description) }
            }
            endConnection()
            sleep(until: Date().addingTimeInterval(settings.retryDelay))
        }
        lock.withLock { current.state = .down }
    }

    /// Reads the connection's packets until it fails or the feed stops.
    private func read(_ input: InputFile, monitor: InputMonitor) throws(MediaError) {
        guard let video = input.firstStream(.video) else {
            throw MediaError(.probe, "reading", subject: source.url, reason: "no video stream")
        }
        let audio = input.firstStream(.audio)
        let selected = [video] + (audio.map { [$0] } ?? [])
        let meter = audio.flatMap { try? AudioLevelMeter(stream: $0) }
        lock.withLock {
            streams = selected
            current.problems = input.hlsIncompatibilities
            current.airable = current.problems.isEmpty
            current.videoCodec = video.parameters.codecName
            current.audioCodec = audio?.parameters.codecName
            current.width = video.parameters.width
            current.height = video.parameters.height
            current.frameRate = video.frameRate.doubleValue > 0 ? video.frameRate.doubleValue : nil
            current.lastError = nil
        }
        var meterWindow = (start: Date(), bytes: 0)
        let packet = Packet()
        while !isStopped {
            let deadline = Date().addingTimeInterval(stallTimeout)
            monitor.interrupt(after: deadline)
            let more: Bool
            do {
                more = try input.read(into: packet)
            } catch where Date() >= deadline {
                throw MediaError(.read, "reading", subject: source.url, reason: "no packet for \(stallTimeout.shortText) s")
            }
            guard more else { throw MediaError(.read, "reading", subject: source.url, reason: "the feed ended") }
            guard selected.contains(where: { $0.index == packet.streamIndex }) else { continue }
            if packet.streamIndex == audio?.index { try? meter?.add(packet) }
            meterWindow.bytes += packet.size
            let now = Date()
            let elapsed = now.timeIntervalSince(meterWindow.start)
            lock.withLock {
                if current.state != .up {
                    current.state = .up
                    current.upSince = now
                    logger.info("live source up", metadata: ["url": "\(SecretRedaction.redacted(source.url))"])
                }
                lastPacket = now
                if elapsed >= 1 {
                    current.bitRate = Int(Double(meterWindow.bytes * 8) / elapsed)
                    current.audioLevel = meter?.peakDBFS
                }
                distribute(packet, isKeyframe: packet.streamIndex == video.index && packet.isKeyframe)
            }
            if elapsed >= 1 { meterWindow = (now, 0) }
        }
    }

    /// Keeps `packet` in the picture group and hands it to every subscriber (lock held).
    private func distribute(_ packet: Packet, isKeyframe: Bool) {
        if isKeyframe {
            pictureGroup = [Packet(referencing: packet)]
        } else if !pictureGroup.isEmpty, pictureGroup.count < Self.pictureGroupLimit {
            pictureGroup.append(Packet(referencing: packet))
        }
        for subscriber in subscribers { subscriber.deliver(packet) }
    }

    private func failed(_ reason: String) {
        let wasUp = lock.withLock {
            defer { current.lastError = reason }
            return current.state == .up
        }
        let logged = SecretRedaction.redacted(reason, quoting: source.url)
        if wasUp { logger.warning("live source down: \(logged)") } else { logger.debug("live source not reachable: \(logged)") }
    }

    /// Ends every subscription of the connection that just ended and forgets its packets.
    private func endConnection() {
        let ended = lock.withLock {
            defer {
                subscribers = []
                pictureGroup = []
                current.state = .down
                current.upSince = nil
                current.bitRate = nil
                current.audioLevel = nil
            }
            return subscribers
        }
        for subscription in ended { subscription.end() }
    }

    private func sleep(until date: Date) {
        while !isStopped, date.timeIntervalSinceNow > 0 { usleep(20_000) }
    }
}
