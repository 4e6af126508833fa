import Foundation
import Media

/// The packets of a live feed on the output clock, from the keyframe the subscription starts
/// with: it ends when the feed stops delivering for the stall timeout or its connection ends
/// (failover), when the entry's planned end is reached, or when `shouldStop` says so (a return).
///
/// Packets are handed on at most `lead` seconds before their air time: a feed that delivers in
/// bursts (HLS pulls receive whole segments) is paced, so a return never waits for a backlog to air.
struct LiveFeedSource: EntrySource {
    /// Why the source ended.
    enum Ending {
        /// The feed stopped delivering: the channel fails over to slate.
        case stalled
        /// The entry's planned end was reached.
        case plannedEnd
        /// The channel asked it to stop (a return, or the channel stopping).
        case stopped
    }

    private let subscription: LiveSubscription
    private let outputStart: Int64
    private let plannedEnd: Int64
    private let stallTimeout: TimeInterval
    private let shouldStop: () -> Bool
    private var continuity: [TimestampContinuity]
    /// The continuous source time (90 kHz) of the first keyframe, which airs at `outputStart`.
    private var base: Int64?
    private var lastArrival = Date()
    /// When `outputStart` airs.
    private let airStart: Date
    private let lead: TimeInterval
    /// A packet rebased but not yet due, and where its content ends.
    private var held: (packet: OutputPacket, end: Int64)?
    private(set) var ending: Ending?

    let streams: [CodecParameters]
    private(set) var contentEnd: Int64

    init(subscription: LiveSubscription, outputStart: Int64, airStart: Date, plannedEnd: Int64, stallTimeout: TimeInterval,
         lead: TimeInterval = 0.5, shouldStop: @escaping () -> Bool) {
        self.subscription = subscription
        self.airStart = airStart
        self.lead = lead
        self.outputStart = outputStart
        self.plannedEnd = plannedEnd
        self.stallTimeout = stallTimeout
        self.shouldStop = shouldStop
        streams = subscription.streams.map(\.parameters)
        continuity = subscription.streams.map { $0.continuity() }
        contentEnd = outputStart
    }

    mutating func next() throws(MediaError) -> OutputPacket? {
        while ending == nil {
            if shouldStop() {
                ending = .stopped
                break
            }
            if let (packet, end) = held {
                let due = airStart.addingTimeInterval(Double(packet.time - outputStart) / 90_000 - lead)
                guard due.timeIntervalSinceNow > 0 else {
                    held = nil
                    // Only what is handed on counts: a packet still held when the source stops never airs.
                    contentEnd = max(contentEnd, end)
                    return packet
                }
                usleep(useconds_t(min(due.timeIntervalSinceNow, 0.02) * 1_000_000))
                lastArrival = Date()
                continue
            }
            switch subscription.next(waitingUntil: min(Date().addingTimeInterval(0.05), lastArrival.addingTimeInterval(stallTimeout))) {
            case .ended:
                ending = .stalled
            case .timedOut:
                if Date().timeIntervalSince(lastArrival) >= stallTimeout { ending = .stalled }
            case .packet(let packet):
                lastArrival = Date()
                held = rebase(packet)
            }
        }
        return nil
    }

    /// `packet` moved onto the output clock with the end of its content, or nil when it falls
    /// before the first picture or (ending the source) at or past the planned end.
    private mutating func rebase(_ packet: Packet) -> (packet: OutputPacket, end: Int64)? {
        guard let slot = subscription.streams.firstIndex(where: { $0.index == packet.streamIndex }) else { return nil }
        let stream = subscription.streams[slot]
        let corrected = continuity[slot].correct(pts: packet.pts, dts: packet.dts)
        guard let raw = corrected.pts ?? corrected.dts else { return nil }
        let time = stream.timeBase.rescale(raw, to: .mpegTS)
        let base = self.base ?? time
        self.base = base
        let output = outputStart + time - base
        guard output >= outputStart else { return nil }
        guard output < plannedEnd else {
            ending = .plannedEnd
            return nil
        }
        let length = stream.timeBase.rescale(packet.duration > 0 ? packet.duration : stream.packetLength, to: .mpegTS)
        packet.pts = output
        packet.dts = corrected.dts.map { outputStart + stream.timeBase.rescale($0, to: .mpegTS) - base }
        packet.duration = length
        return (OutputPacket(packet: packet, stream: slot, time: output, isCutPoint: slot == 0 && packet.isKeyframe), output + length)
    }
}
