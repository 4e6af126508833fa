import CFFmpeg

/// How libx264 shapes a stream: GOP structure, rate control and header placement.
struct H264Settings {
    /// Frames from one keyframe to the next; scene-cut detection is off, so this is exact.
    var gopLength: Int
    /// Consecutive B-frames between reference frames (0 for none).
    var bFrames: Int
    /// Average bit rate in bits per second, or nil for libx264's constant quality (CRF 23).
    var bitRate: Int?
    /// libx264 speed preset, e.g. `ultrafast`, `veryfast`.
    var preset: String
    /// Put SPS/PPS in the extradata (mp4, mkv) instead of repeating them in-band in every keyframe
    /// (Annex B, what MPEG-TS carries).
    var globalHeader: Bool
}

extension Encoder {
    /// An H.264 encoder for yuv420p pictures of `format`, counting time in frames (time base 1/fps).
    convenience init(h264 format: VideoFormat, settings: H264Settings, subject: String) throws(MediaError) {
        try self.init(codecName: "libx264", subject: subject,
                      options: ["preset": settings.preset, "sc_threshold": "0"]) { context in
            context.pointee.width = Int32(format.width)
            context.pointee.height = Int32(format.height)
            context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
            context.pointee.time_base = format.frameTimeBase.av
            context.pointee.framerate = AVRational(num: Int32(format.frameRate), den: 1)
            context.pointee.gop_size = Int32(settings.gopLength)
            context.pointee.keyint_min = Int32(settings.gopLength)
            context.pointee.max_b_frames = Int32(settings.bFrames)
            context.pointee.bit_rate = Int64(settings.bitRate ?? 0)
            context.pointee.thread_count = 0
            if settings.globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
    }
}
