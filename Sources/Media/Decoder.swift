import CFFmpeg

/// An opened libavcodec decoder for one input stream; owns its `AVCodecContext` and frees it exactly once.
/// Packets go in with `decode(_:)`; frames come out with timestamps in the stream's time base.
final class Decoder {
    private let context: UnsafeMutablePointer<AVCodecContext>
    /// The input the stream comes from, for error messages.
    let subject: String

    /// Opens the decoder for `stream`'s codec with the stream's parameters (extradata, size, layout).
    init(stream: StreamInfo, subject: String) throws(MediaError) {
        let name = stream.parameters.codecName
        guard let codec = avcodec_find_decoder(stream.parameters.pointer.pointee.codec_id) else {
            throw MediaError(.codec, "finding a \(name) decoder", subject: subject,
                             reason: "this FFmpeg build cannot decode \(name)")
        }
        guard let context = avcodec_alloc_context3(codec) else { fatalError("avcodec_alloc_context3: out of memory") }
        self.context = context
        self.subject = subject
        try avcodec_parameters_to_context(context, stream.parameters.pointer)
            .check(.codec, "configuring the \(name) decoder for", subject: subject)
        context.pointee.pkt_timebase = stream.timeBase.av
        try avcodec_open2(context, codec, nil).check(.codec, "opening the \(name) decoder for", subject: subject)
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
    }

    /// Feeds `packet` (nil flushes, once: the decoder then returns every frame it still holds) and
    /// returns the frames that became ready, in presentation order. The packet keeps its payload.
    func decode(_ packet: Packet?) throws(MediaError) -> [Frame] {
        try avcodec_send_packet(context, packet?.pointer).check(.codec, "decoding", subject: subject)
        return try Frame.receiveAll("decoding", subject: subject) { avcodec_receive_frame(context, $0) }
    }
}
