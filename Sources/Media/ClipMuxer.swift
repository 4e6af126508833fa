import CFFmpeg

/// Writes encoded packets into one container file (mp4, MPEG-TS, mkv, …); owns the output
/// `AVFormatContext` and its file, closing and freeing them exactly once.
final class ClipMuxer {
    let context: UnsafeMutablePointer<AVFormatContext>
    let path: String
    /// Time base of the packets each stream is fed with, by stream index.
    private var packetTimeBases: [Rational] = []
    /// The output when it is written through our own callbacks; nil for FFmpeg's file protocol.
    private var streamed: StreamedOutput?

    /// Prepares an output at `path` in `formatName` (e.g. `mpegts`), or the format its extension names.
    init(path: String, formatName: String? = nil) throws(MediaError) {
        var context: UnsafeMutablePointer<AVFormatContext>?
        guard avformat_alloc_output_context2(&context, nil, formatName, path) >= 0, let context else {
            throw MediaError(.invalidArgument, "choosing a container for", subject: path,
                             reason: "FFmpeg knows no container \(formatName ?? "for this extension"); use .mp4, .ts or .mkv")
        }
        self.context = context
        self.path = path
    }

    deinit {
        if streamed != nil {
            context.pointee.pb = nil // `streamed` owns it and frees it after the context.
        } else if context.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            avio_closep(&context.pointee.pb)
        }
        avformat_free_context(context)
    }

    /// Whether the container wants codec headers in the extradata (mp4, mkv) rather than in-band.
    var wantsGlobalHeader: Bool { context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 }

    /// Adds a stream carrying `parameters`, fed with packets timed in `timeBase`; returns its index.
    func addStream(_ parameters: CodecParameters, timeBase: Rational) throws(MediaError) -> Int {
        guard let stream = avformat_new_stream(context, nil) else { fatalError("avformat_new_stream: out of memory") }
        try avcodec_parameters_copy(stream.pointee.codecpar, parameters.pointer)
            .check(.write, "adding a stream to", subject: path)
        stream.pointee.codecpar.pointee.codec_tag = 0
        stream.pointee.time_base = timeBase.av
        packetTimeBases.append(timeBase)
        return Int(stream.pointee.index)
    }

    /// Opens the file and writes the container header; call after adding every stream. With `tap`
    /// the file is written straight through, never seeked in, and `tap` sees every byte in order:
    /// only for containers that need no seeking (MPEG-TS).
    func writeHeader(tap: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(MediaError) {
        if let tap {
            let output = try StreamedOutput(path: path, tap: tap)
            streamed = output
            context.pointee.pb = output.context
        } else if context.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            try avio_open(&context.pointee.pb, path, AVIO_FLAG_WRITE).check(.write, "creating", subject: path)
        }
        // A written-through output is not seekable, which makes libavformat flush after every packet
        // by default: thousands of small writes. Fill the buffer instead.
        var options: OpaquePointer?
        if streamed != nil { av_dict_set(&options, "flush_packets", "0", 0) }
        defer { av_dict_free(&options) }
        try avformat_write_header(context, &options).check(.write, "writing the header of", subject: path)
    }

    /// Writes `packet` to `stream`, converting its times from the stream's packet time base.
    /// The muxer takes the payload: `packet` is empty afterwards.
    func write(_ packet: Packet, to stream: Int) throws(MediaError) {
        packet.streamIndex = stream
        guard let target = context.pointee.streams[stream] else { fatalError("no stream \(stream) in \(path)") }
        av_packet_rescale_ts(packet.pointer, packetTimeBases[stream].av, target.pointee.time_base)
        try av_interleaved_write_frame(context, packet.pointer).check(.write, "writing a packet to", subject: path)
    }

    /// Writes `packets`, in order, to `stream`.
    func write(_ packets: [Packet], to stream: Int) throws(MediaError) {
        for packet in packets { try write(packet, to: stream) }
    }

    /// Flushes interleaving buffers and writes the trailer (mp4 index, …); the file is complete
    /// (every byte written, and seen by the tap) after this.
    func finish() throws(MediaError) {
        try av_interleaved_write_frame(context, nil).check(.write, "flushing", subject: path)
        try av_write_trailer(context).check(.write, "finishing", subject: path)
        try streamed?.finish()
    }
}
