import CFFmpeg

extension Encoder {
    /// Bits per second the AAC encoder spends on each channel.
    static let aacBitRatePerChannel = 64_000

    /// FFmpeg's native AAC-LC encoder for planar float samples of `format`, counting time in samples.
    /// It always writes its AudioSpecificConfig to the extradata; `globalHeader` tells it the muxer wants it.
    convenience init(aac format: AudioFormat, globalHeader: Bool, subject: String) throws(MediaError) {
        try self.init(codecName: "aac", subject: subject) { context in
            context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            context.pointee.sample_rate = Int32(format.sampleRate)
            av_channel_layout_default(&context.pointee.ch_layout, Int32(format.channels))
            context.pointee.time_base = format.sampleTimeBase.av
            context.pointee.bit_rate = Int64(Encoder.aacBitRatePerChannel * format.channels)
            if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
    }
}
