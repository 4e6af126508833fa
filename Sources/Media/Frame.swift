import CFFmpeg

/// One uncompressed picture (yuv420p) or block of audio samples (planar float); owns its `AVFrame`
/// and frees it exactly once.
final class Frame {
    let pointer: UnsafeMutablePointer<AVFrame>

    /// Allocates an empty frame with no buffers.
    private init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        pointer = frame
    }

    /// A yuv420p picture of `format`'s size with freshly allocated (uninitialised) planes.
    convenience init(picture format: VideoFormat) throws(MediaError) {
        self.init()
        pointer.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        pointer.pointee.width = Int32(format.width)
        pointer.pointee.height = Int32(format.height)
        try av_frame_get_buffer(pointer, 0).check(.codec, "allocating picture", subject: format.description)
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
