import Media

/// The slate for one stretch of air time: the pre-encoded slate GOP repeated (and cut) to the exact
/// number of frames, with silent audio frames, on the output clock.
struct SlateSource: EntrySource {
    private let slate: Slate
    private let start: Int64
    private let end: Int64
    private let frameCount: Int64
    private let audioFrameCount: Int64
    private var nextVideo: Int64 = 0
    private var nextAudio: Int64 = 0

    let streams: [CodecParameters]

    init(slate: Slate, start: Int64, end: Int64) {
        self.slate = slate
        self.start = start
        self.end = end
        streams = [slate.videoParameters, slate.audioParameters]
        let rate = Int64(slate.videoPackets.count)
        frameCount = max(1, ((end - start) * rate + 45_000) / 90_000)
        let samples = Int64(slate.audioTimeBase.den)
        audioFrameCount = max(1, ((end - start) * samples / 90_000 + 512) / 1024)
    }

    var contentEnd: Int64 { end }

    mutating func next() throws(MediaError) -> OutputPacket? {
        let videoTime = start + nextVideo * 90_000 / Int64(slate.videoPackets.count)
        let audioTime = start + nextAudio * 1024 * 90_000 / Int64(slate.audioTimeBase.den)
        let videoLeft = nextVideo < frameCount
        let audioLeft = nextAudio < audioFrameCount
        if videoLeft, !audioLeft || videoTime <= audioTime {
            let index = Int(nextVideo % Int64(slate.videoPackets.count))
            nextVideo += 1
            return stamp(Packet(referencing: slate.videoPackets[index]), stream: 0, time: videoTime, length: 90_000 / Int64(slate.videoPackets.count), cut: index == 0)
        }
        guard audioLeft else { return nil }
        nextAudio += 1
        return stamp(Packet(referencing: slate.audioPacket), stream: 1, time: audioTime, length: 1024 * 90_000 / Int64(slate.audioTimeBase.den), cut: false)
    }

    private func stamp(_ packet: Packet, stream: Int, time: Int64, length: Int64, cut: Bool) -> OutputPacket {
        packet.pts = time
        packet.dts = time
        packet.duration = length
        return OutputPacket(packet: packet, stream: stream, time: time, isCutPoint: cut)
    }
}
