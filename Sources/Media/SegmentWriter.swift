import CFFmpeg
import Foundation

/// Writes one MPEG-TS segment: packets go to a temporary file that is renamed into place only when
/// the segment is complete, so no reader ever sees a partial segment (rule P1).
/// Owns its output `AVFormatContext`; freed exactly once.
public final class SegmentWriter {
    private let context: UnsafeMutablePointer<AVFormatContext>
    private let path: String
    private let temporaryPath: String
    private var finished = false

    /// Opens a segment at `path` with one output stream per entry of `streams`, whose packets
    /// carry timestamps on the 90 kHz clock. Stream `i` of the segment takes packets written with `stream: i`.
    public init(path: String, streams: [CodecParameters]) throws(MediaError) {
        self.path = path
        temporaryPath = path + ".partial"
        var allocated: UnsafeMutablePointer<AVFormatContext>?
        try avformat_alloc_output_context2(&allocated, nil, "mpegts", temporaryPath)
            .check(.write, "creating segment", subject: path)
        guard let context = allocated else { throw MediaError(.write, "creating segment", subject: path, reason: "no context") }
        self.context = context
        for parameters in streams {
            guard let stream = avformat_new_stream(context, nil) else {
                throw MediaError(.write, "adding a stream to", subject: path, reason: "out of memory")
            }
            avcodec_parameters_copy(stream.pointee.codecpar, parameters.pointer)
            stream.pointee.codecpar.pointee.codec_tag = 0
            stream.pointee.time_base = Rational.mpegTS.av
        }
        try avio_open(&context.pointee.pb, temporaryPath, AVIO_FLAG_WRITE).check(.write, "opening", subject: temporaryPath)
        var options: OpaquePointer?
        av_dict_set(&options, "mpegts_copyts", "1", 0)
        defer { av_dict_free(&options) }
        try avformat_write_header(context, &options).check(.write, "writing the header of", subject: path)
    }

    deinit {
        if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
        avformat_free_context(context)
        if !finished { unlink(temporaryPath) }
    }

    /// Writes `packet` (timestamps on the 90 kHz clock) to output stream `stream`. The packet's payload is consumed.
    public func write(_ packet: Packet, stream: Int) throws(MediaError) {
        packet.streamIndex = stream
        try av_interleaved_write_frame(context, packet.pointer).check(.write, "writing a packet to", subject: path)
    }

    /// Completes the segment and moves it to its final name.
    public func finish() throws(MediaError) {
        try av_write_trailer(context).check(.write, "finishing", subject: path)
        avio_closep(&context.pointee.pb)
        guard rename(temporaryPath, path) == 0 else {
            throw MediaError(.write, "publishing", subject: path, reason: String(cString: strerror(errno)))
        }
        finished = true
    }
}
