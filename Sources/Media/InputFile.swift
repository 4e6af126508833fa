import CFFmpeg

/// An opened media file or URL (demuxer); owns its `AVFormatContext` and closes it exactly once.
public final class InputFile: @unchecked Sendable {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    /// The path or URL that was opened.
    public let url: String
    /// The streams found in the container, in container order.
    public let streams: [StreamInfo]
    /// Counts bytes, checks nested URLs and interrupts reads; lives as long as the context it is attached to.
    private let monitor: InputMonitor?

    /// Opens `url` and reads enough of it to know its streams. It is read as data only: as one of
    /// the self-contained containers (`MediaSource.selfContainedOptions`), so it opens no other file.
    /// - Parameter protocols: the libavformat protocols the input may use (rule S4); local files: `file`.
    public convenience init(url: String, protocols: String = "file") throws(MediaError) {
        try self.init(url: url, protocols: protocols, options: MediaSource.selfContainedOptions, monitor: nil)
    }

    /// Opens `source` with its protocol whitelist, `monitor` counting its bytes, checking every
    /// URL it opens and interrupting it when cancelled.
    public convenience init(source: MediaSource, monitor: InputMonitor) throws(MediaError) {
        try self.init(url: source.url, protocols: source.protocols, options: source.options, monitor: monitor)
    }

    private init(url: String, protocols: String, options extra: [String: String], monitor: InputMonitor?) throws(MediaError) {
        self.url = url
        self.monitor = monitor
        var options: OpaquePointer?
        av_dict_set(&options, "protocol_whitelist", protocols, 0)
        for (key, value) in extra { av_dict_set(&options, key, value, 0) }
        // The HLS demuxer otherwise asks a kept-alive connection for the next segment itself.
        if monitor?.readsAhead == true { av_dict_set(&options, "http_persistent", "0", 0) }
        defer { av_dict_free(&options) }
        var opened = avformat_alloc_context()
        if let opened { monitor?.attach(to: opened) }
        let result = avformat_open_input(&opened, url, nil, &options)
        if result < 0, let refusal = monitor?.refusedURL { throw refusal }
        try result.check(.open, "opening", subject: url)
        context = opened
        guard let context = opened else { throw MediaError(.open, "opening", subject: url, reason: "no context") }
        do {
            try avformat_find_stream_info(context, nil).check(.probe, "reading stream info of", subject: url)
        } catch {
            monitor?.detach()
            avformat_close_input(&self.context)
            throw monitor?.refusedURL ?? error
        }
        streams = (0..<Int(context.pointee.nb_streams)).map { StreamInfo(context.pointee.streams[$0]!, index: $0) }
    }

    deinit {
        monitor?.detach()
        avformat_close_input(&context)
    }

    /// The container's short name, e.g. `mov,mp4,m4a,3gp,3g2,mj2` or `mpegts`.
    public var formatName: String { String(cString: context!.pointee.iformat.pointee.name) }

    /// The container's duration in seconds, when it declares one (nil for live or unknown lengths).
    public var duration: Double? {
        let value = context!.pointee.duration
        return value == sretv_nopts_value() || value <= 0 ? nil : Double(value) / Double(AV_TIME_BASE)
    }

    /// The container's overall bit rate in bits per second (0 when unknown).
    public var bitRate: Int { Int(context!.pointee.bit_rate) }

    /// The first stream of `type`, if any.
    public func firstStream(_ type: MediaType) -> StreamInfo? { streams.first { $0.parameters.mediaType == type } }

    /// Reads the next packet into `packet`; returns false at the end of the input.
    /// A damaged input throws `MediaError.Code.read` with FFmpeg's reason.
    public func read(into packet: Packet) throws(MediaError) -> Bool {
        packet.unref()
        let result = av_read_frame(context, packet.pointer)
        if result == sretv_averror_eof() { return false }
        if result < 0, let refusal = monitor?.refusedURL { throw refusal }
        try result.check(.read, "reading a packet from", subject: url)
        return true
    }

    /// The container's sample index of `stream` (decode times and keyframe flags), as the demuxer
    /// read it from the header; empty for containers without one (MPEG-TS).
    public func indexEntries(of stream: StreamInfo) -> [IndexEntry] {
        guard let avStream = context?.pointee.streams[stream.index] else { return [] }
        return (0..<avformat_index_get_entries_count(avStream)).compactMap { position in
            avformat_index_get_entry(avStream, position).map {
                IndexEntry(timestamp: $0.pointee.timestamp, isKeyframe: $0.pointee.flags & AVINDEX_KEYFRAME != 0)
            }
        }
    }

    /// Makes the demuxer drop every stream but `kept` before reading it, where the container allows
    /// (mp4 skips their samples, MPEG-TS their PES): for readers that need one stream only.
    public func discardAll(except kept: StreamInfo) {
        for index in streams.indices where index != kept.index {
            context?.pointee.streams[index]?.pointee.discard = AVDISCARD_ALL
        }
    }

    /// Seeks so that the next packets of `stream` start at the keyframe at or before `timestamp`
    /// (in that stream's time base).
    public func seek(stream: StreamInfo, toKeyframeAtOrBefore timestamp: Int64) throws(MediaError) {
        try av_seek_frame(context, Int32(stream.index), timestamp, AVSEEK_FLAG_BACKWARD)
            .check(.read, "seeking in", subject: url)
    }
}

/// One sample of a container's index: its time (in the stream's time base) and whether it is a keyframe.
public struct IndexEntry: Sendable, Equatable {
    public var timestamp: Int64
    public var isKeyframe: Bool
}
