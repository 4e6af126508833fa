import CFFmpeg

/// One uncompressed picture (yuv420p, or what a decoder produced) or block of audio samples;
/// owns its `AVFrame` and frees it exactly once.
final class Frame {
    let pointer: UnsafeMutablePointer<AVFrame>

    /// Allocates an empty frame with no buffers, for a decoder or filter graph to fill.
    init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        pointer = frame
    }

    /// A yuv420p picture of `format`'s size with freshly allocated (uninitialised) planes.
    convenience init(picture format: VideoFormat) throws(MediaError) {
        try self.init(width: format.width, height: format.height, pixelFormat: AV_PIX_FMT_YUV420P)
    }

    /// A `width`×`height` picture in `pixelFormat` with freshly allocated (uninitialised) planes.
    convenience init(width: Int, height: Int, pixelFormat: AVPixelFormat) throws(MediaError) {
        self.init()
        pointer.pointee.format = pixelFormat.rawValue
        pointer.pointee.width = Int32(width)
        pointer.pointee.height = Int32(height)
        try av_frame_get_buffer(pointer, 0).check(.codec, "allocating picture", subject: "\(width)x\(height)")
    }

    /// Collects the frames `receive` hands out (it fills the frame it is given and returns 0)
    /// until it answers "need more input" or "end of stream"; any other failure throws.
    static func receiveAll(_ operation: String, subject: String,
                           _ receive: (UnsafeMutablePointer<AVFrame>) -> Int32) throws(MediaError) -> [Frame] {
        var frames: [Frame] = []
        while true {
            let frame = Frame()
            let result = receive(frame.pointer)
            if result == sretv_averror_eagain() || result == sretv_averror_eof() { return frames }
            try result.check(.codec, operation, subject: subject)
            frames.append(frame)
        }
    }

    /// `samples` planar float samples per channel of `format` (uninitialised).
    convenience init(samples: Int, format: AudioFormat) throws(MediaError) {
        self.init()
        pointer.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        pointer.pointee.sample_rate = Int32(format.sampleRate)
        pointer.pointee.nb_samples = Int32(samples)
        av_channel_layout_default(&pointer.pointee.ch_layout, Int32(format.channels))
        try av_frame_get_buffer(pointer, 0).check(.codec, "allocating audio frame", subject: format.description)
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    /// Presentation time in the encoder's time base (frames for video, samples for audio).
    var pts: Int64 {
        get { pointer.pointee.pts }
        set { pointer.pointee.pts = newValue }
    }

    /// Samples per channel this audio frame carries; may be lowered for a short last frame.
    var sampleCount: Int {
        get { Int(pointer.pointee.nb_samples) }
        set { pointer.pointee.nb_samples = Int32(newValue) }
    }

    /// The value a filter attached to this frame under `key` (e.g. `lavfi.r128.I`), if any.
    func metadata(_ key: String) -> String? {
        av_dict_get(pointer.pointee.metadata, key, nil, 0).map { String(cString: $0.pointee.value) }
    }

    /// Makes sure no encoder still references the buffers, copying them if needed, before drawing.
    func makeWritable() throws(MediaError) {
        try av_frame_make_writable(pointer).check(.codec, "making frame writable", subject: "frame")
    }

    /// Copies the pixels or samples of `other`, which must have the same size and format.
    func copyContent(of other: Frame) throws(MediaError) {
        try av_frame_copy(pointer, other.pointer).check(.codec, "copying frame", subject: "frame")
    }

    /// Start of plane `index` (Y, U, V for pictures; one channel for planar audio).
    func plane(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        withUnsafePointer(to: pointer.pointee.data) { data in
            data.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { $0[index]! }
        }
    }

    /// Bytes from one row of plane `index` to the next.
    func lineSize(_ index: Int) -> Int {
        withUnsafePointer(to: pointer.pointee.linesize) { sizes in
            sizes.withMemoryRebound(to: Int32.self, capacity: 8) { Int($0[index]) }
        }
    }
}
