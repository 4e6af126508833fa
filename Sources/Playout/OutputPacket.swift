import Media

/// A packet on the channel's output clock (90 kHz), tagged with its output stream.
struct OutputPacket: Sendable {
    /// The packet, its pts and dts already rewritten to the output clock.
    let packet: Packet
    /// Index into the source's `streams`.
    let stream: Int
    /// Presentation time on the output clock.
    let time: Int64
    /// Whether a segment may start at this packet (a keyframe of the source's primary stream).
    let isCutPoint: Bool
}

/// Where the packets of one timeline entry come from: a media file, the slate, later a live feed.
protocol EntrySource {
    /// Output streams, in the order packets refer to them; stream 0 carries the cut points.
    var streams: [CodecParameters] { get }
    /// The next packet on the output clock, or nil when the source has nothing more for the entry.
    mutating func next() throws(MediaError) -> OutputPacket?
    /// Where the delivered content ends on the output clock (meaningful once `next()` returned nil).
    var contentEnd: Int64 { get }
}
