import CFFmpeg

/// One compressed packet; owns its `AVPacket` and frees it exactly once.
public final class Packet: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVPacket>

    /// Allocates an empty packet.
    public init() {
        guard let packet = av_packet_alloc() else { fatalError("av_packet_alloc: out of memory") }
        pointer = packet
    }

    /// A new packet that references the same data as `other` (no copy of the payload).
    public convenience init(referencing other: Packet) {
        self.init()
        av_packet_ref(pointer, other.pointer)
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }

    /// Index of the stream the packet belongs to in its container.
    public var streamIndex: Int {
        get { Int(pointer.pointee.stream_index) }
        set { pointer.pointee.stream_index = Int32(newValue) }
    }

    /// Presentation time in the stream's time base, or nil when the container gave none.
    public var pts: Int64? {
        get { pointer.pointee.pts == sretv_nopts_value() ? nil : pointer.pointee.pts }
        set { pointer.pointee.pts = newValue ?? sretv_nopts_value() }
    }

    /// Decode time in the stream's time base, or nil when the container gave none.
    public var dts: Int64? {
        get { pointer.pointee.dts == sretv_nopts_value() ? nil : pointer.pointee.dts }
        set { pointer.pointee.dts = newValue ?? sretv_nopts_value() }
    }

    /// Duration in the stream's time base (0 when unknown).
    public var duration: Int64 {
        get { pointer.pointee.duration }
        set { pointer.pointee.duration = newValue }
    }

    /// Whether the packet holds a keyframe (a point a decoder can start from).
    public var isKeyframe: Bool { pointer.pointee.flags & AV_PKT_FLAG_KEY != 0 }

    /// Payload size in bytes.
    public var size: Int { Int(pointer.pointee.size) }

    /// Drops the payload so the packet can be reused.
    func unref() { av_packet_unref(pointer) }
}
