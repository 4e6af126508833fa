import CFFmpeg

extension Encoder {
    /// JPEG quantiser scale for stills: 2 is the best, 31 the worst; 3 is visually clean and small.
    static let jpegQuality: Int32 = 3

    /// FFmpeg's MJPEG encoder for full-range yuvj420p pictures of `width`×`height` (a JPEG file per
    /// packet), at the fixed quality `jpegQuality`. Frames must carry that quality too (`jpegFrameQuality`).
    convenience init(jpegWidth width: Int, height: Int, subject: String) throws(MediaError) {
        try self.init(codecName: "mjpeg", subject: subject) { context in
            context.pointee.width = Int32(width)
            context.pointee.height = Int32(height)
            context.pointee.pix_fmt = AV_PIX_FMT_YUVJ420P
            context.pointee.time_base = AVRational(num: 1, den: 25)
            context.pointee.flags |= AV_CODEC_FLAG_QSCALE
            context.pointee.global_quality = Encoder.jpegFrameQuality
        }
    }

    /// The `AVFrame.quality` (a lambda) a fixed-quality MJPEG encoder reads from each frame.
    static var jpegFrameQuality: Int32 { jpegQuality * FF_QP2LAMBDA }
}
