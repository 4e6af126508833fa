/// The picture and sound a channel shows when it has nothing to play: colour bars with the channel
/// title and "PROGRAMME WILL RESUME SHORTLY", pre-encoded once as one closed GOP of H.264 (1 s) and
/// one frame of silent AAC. Repeating the GOP (or any prefix of it, there are no B-frames) and the
/// audio frame with shifted timestamps gives a valid stream of any length, without encoding again.
///
/// The packets are shared: use `videoPacket(forFrame:)` and `audioPacket(atSample:)` for copies to
/// stamp and write, never change the timestamps of `videoPackets` or `audioPacket` in place.
public struct Slate: Sendable {
    /// The line under the title.
    public static let message = "SREtv · PROGRAMME WILL RESUME SHORTLY"
    /// libx264 preset for the slate: encoded once, so it can afford better compression than clips.
    static let preset = "veryfast"
    /// Which AAC packet of encoded silence to keep: the first ones carry the encoder's priming.
    static let steadyStateAudioPacket = 3

    /// Picture size and frame rate; the GOP is `video.frameRate` frames long.
    public let video: VideoFormat
    /// Audio sample rate and channels.
    public let audio: AudioFormat
    /// Channel title shown on the slate.
    public let title: String
    /// H.264 stream parameters (no extradata: SPS/PPS are in-band in the keyframe).
    public let videoParameters: CodecParameters
    /// AAC stream parameters (with the AudioSpecificConfig as extradata).
    public let audioParameters: CodecParameters
    /// One closed GOP in decode order: an IDR keyframe then P-frames, pts = dts = frame index.
    public let videoPackets: [Packet]
    /// One frame of silence, pts = dts = 0, duration `audioFrameSamples`.
    public let audioPacket: Packet

    /// Time base of `videoPackets`: one frame.
    public var videoTimeBase: Rational { video.frameTimeBase }
    /// Time base of `audioPacket`: one sample.
    public var audioTimeBase: Rational { audio.sampleTimeBase }
    /// Samples per channel in `audioPacket` (1024 for AAC-LC).
    public var audioFrameSamples: Int64 { audioPacket.duration }

    /// Draws and encodes the slate for `title`; blocks for a fraction of a second.
    public init(video: VideoFormat, audio: AudioFormat, title: String) throws(MediaError) {
        try video.validate()
        try audio.validate()
        self.video = video
        self.audio = audio
        self.title = title
        let videoEncoder = try Encoder(h264: video, settings: H264Settings(
            gopLength: video.frameRate, bFrames: 0, bitRate: nil, preset: Slate.preset, globalHeader: false),
            subject: "slate \(title)")
        videoPackets = try Slate.encodeGOP(of: Slate.picture(video, title: title), with: videoEncoder, format: video)
        videoParameters = videoEncoder.parameters
        let audioEncoder = try Encoder(aac: audio, globalHeader: false, subject: "slate \(title)")
        audioPacket = try Slate.encodeSilence(with: audioEncoder, format: audio)
        audioParameters = audioEncoder.parameters
    }

    /// A copy of the GOP packet for frame `index` of an endless slate, stamped pts = dts = `index`
    /// in `videoTimeBase` (frame 0 and every `video.frameRate`-th frame after it is the keyframe).
    public func videoPacket(forFrame index: Int64) -> Packet {
        let packet = Packet(referencing: videoPackets[Int(index % Int64(videoPackets.count))])
        packet.pts = index
        packet.dts = index
        return packet
    }

    /// A copy of the silent audio packet stamped pts = dts = `sample` in `audioTimeBase`.
    public func audioPacket(atSample sample: Int64) -> Packet {
        let packet = Packet(referencing: audioPacket)
        packet.pts = sample
        packet.dts = sample
        return packet
    }

    /// Bars on the upper two thirds, title and message on black below.
    private static func picture(_ format: VideoFormat, title: String) throws(MediaError) -> Frame {
        let frame = try Frame(picture: format)
        frame.fill(x: 0, y: 0, width: format.width, height: format.height, color: .black)
        frame.drawColourBars(height: format.height * 2 / 3)
        frame.drawCaption(title, y: format.height * 17 / 24, maximumScale: max(1, format.height / 60))
        frame.drawCaption(message, y: format.height * 7 / 8, maximumScale: max(1, format.height / 90))
        return frame
    }

    /// Encodes `picture` `format.frameRate` times as one GOP and flushes, so every frame comes out.
    private static func encodeGOP(of picture: Frame, with encoder: Encoder,
                                  format: VideoFormat) throws(MediaError) -> [Packet] {
        var packets: [Packet] = []
        for index in 0..<format.frameRate {
            picture.pts = Int64(index)
            packets += try encoder.encode(picture)
        }
        packets += try encoder.encode(nil)
        guard packets.count == format.frameRate, packets.first?.isKeyframe == true,
              !packets.dropFirst().contains(where: \.isKeyframe)
        else {
            throw MediaError(.codec, "encoding slate GOP", subject: format.description,
                             reason: "libx264 returned \(packets.count) packets, expected \(format.frameRate) with one keyframe first")
        }
        for (index, packet) in packets.enumerated() {
            packet.pts = Int64(index)
            packet.dts = Int64(index)
        }
        return packets
    }

    /// Encodes silence until the encoder is past its priming and returns one steady-state packet, at pts 0.
    private static func encodeSilence(with encoder: Encoder, format: AudioFormat) throws(MediaError) -> Packet {
        var silence = ToneGenerator(frequency: 0, amplitude: 0, format: format)
        let frame = try Frame(samples: encoder.frameSize, format: format)
        var packets: [Packet] = []
        while packets.count <= steadyStateAudioPacket {
            try silence.fill(frame)
            packets += try encoder.encode(frame)
        }
        let packet = packets[steadyStateAudioPacket]
        packet.pts = 0
        packet.dts = 0
        packet.duration = Int64(encoder.frameSize)
        return packet
    }
}
