import CFFmpeg

/// An owned copy of a stream's codec parameters (codec, size, rate, extradata); freed exactly once.
public final class CodecParameters: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVCodecParameters>

    /// Copies `source`; the copy lives as long as this object, independent of the source's owner.
    init(copying source: UnsafePointer<AVCodecParameters>) {
        guard let copy = avcodec_parameters_alloc() else { fatalError("avcodec_parameters_alloc: out of memory") }
        avcodec_parameters_copy(copy, source)
        pointer = copy
    }

    /// Copies the parameters an opened encoder produces.
    init(encoder: UnsafePointer<AVCodecContext>) {
        guard let copy = avcodec_parameters_alloc() else { fatalError("avcodec_parameters_alloc: out of memory") }
        avcodec_parameters_from_context(copy, encoder)
        pointer = copy
    }

    deinit {
        var parameters: UnsafeMutablePointer<AVCodecParameters>? = pointer
        avcodec_parameters_free(&parameters)
    }

    /// Whether this is a video, audio or other stream.
    public var mediaType: MediaType {
        switch pointer.pointee.codec_type {
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_AUDIO: .audio
        default: .other
        }
    }

    /// FFmpeg's short codec name, e.g. `h264`, `aac`.
    public var codecName: String { String(cString: avcodec_get_name(pointer.pointee.codec_id)) }

    /// Picture width in pixels (video).
    public var width: Int { Int(pointer.pointee.width) }
    /// Picture height in pixels (video).
    public var height: Int { Int(pointer.pointee.height) }
    /// Samples per second (audio).
    public var sampleRate: Int { Int(pointer.pointee.sample_rate) }
    /// Samples per audio frame (0 when the codec does not say).
    public var frameSize: Int { Int(pointer.pointee.frame_size) }
    /// Channel count (audio).
    public var channels: Int { Int(pointer.pointee.ch_layout.nb_channels) }

    /// Whether a new source with `other` parameters can continue the same HLS discontinuity run
    /// (same codec, picture size and audio rate); otherwise a discontinuity is required.
    public func isCompatible(with other: CodecParameters) -> Bool {
        codecName == other.codecName && width == other.width && height == other.height
            && sampleRate == other.sampleRate && channels == other.channels
    }
}

/// The kinds of streams SREtv distinguishes.
public enum MediaType: String, Sendable, Codable {
    case video
    case audio
    case other
}
