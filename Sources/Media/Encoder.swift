import CFFmpeg

/// An opened libavcodec encoder; owns its `AVCodecContext` and frees it exactly once.
/// Frames go in with `encode(_:)`, compressed packets come out in the encoder's `timeBase`.
final class Encoder {
    let context: UnsafeMutablePointer<AVCodecContext>
    /// What the encoder is for (output path or "slate"), for error messages.
    let subject: String

    /// Finds encoder `codecName`, lets `configure` set the context's fields, then opens it with the
    /// codec-private `options` (e.g. `preset`); an option the encoder does not know is an error.
    init(codecName: String, subject: String, options: [String: String] = [:],
         configure: (UnsafeMutablePointer<AVCodecContext>) -> Void) throws(MediaError) {
        guard let codec = avcodec_find_encoder_by_name(codecName) else {
            throw MediaError(.codec, "finding encoder \(codecName)", subject: subject,
                             reason: "this FFmpeg build has no \(codecName) encoder")
        }
        guard let context = avcodec_alloc_context3(codec) else { fatalError("avcodec_alloc_context3: out of memory") }
        self.context = context
        self.subject = subject
        configure(context)

        var dictionary: OpaquePointer?
        for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
        defer { av_dict_free(&dictionary) }
        try avcodec_open2(context, codec, &dictionary).check(.codec, "opening encoder \(codecName)", subject: subject)
        if let unused = av_dict_get(dictionary, "", nil, AV_DICT_IGNORE_SUFFIX) {
            throw MediaError(.codec, "opening encoder \(codecName)", subject: subject,
                             reason: "unknown option \(String(cString: unused.pointee.key))")
        }
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
    }

    /// Time base of the frames going in and the packets coming out.
    var timeBase: Rational { Rational(context.pointee.time_base) }

    /// Samples per channel every audio frame must carry (except a short last one).
    var frameSize: Int { Int(context.pointee.frame_size) }

    /// One video frame in `timeBase` (0 for audio, whose encoders stamp each packet's duration).
    /// libx264 leaves packet durations at 0; mp4 then has no length for the last frame and drops it.
    private var frameDuration: Int64 {
        let rate = context.pointee.framerate
        return rate.num > 0 ? av_rescale_q(1, AVRational(num: rate.den, den: rate.num), context.pointee.time_base) : 0
    }

    /// The stream parameters a muxer needs for this encoder's output (codec, size, extradata).
    var parameters: CodecParameters { CodecParameters(encoder: context) }

    /// Feeds `frame` (nil flushes: the encoder then returns everything it still holds) and returns
    /// the packets that became ready, in decode order.
    func encode(_ frame: Frame?) throws(MediaError) -> [Packet] {
        try avcodec_send_frame(context, frame?.pointer).check(.codec, "encoding", subject: subject)
        var packets: [Packet] = []
        while true {
            let packet = Packet()
            let result = avcodec_receive_packet(context, packet.pointer)
            if result == sretv_averror_eagain() || result == sretv_averror_eof() { return packets }
            try result.check(.codec, "encoding", subject: subject)
            if packet.duration == 0 { packet.duration = frameDuration }
            packets.append(packet)
        }
    }
}
