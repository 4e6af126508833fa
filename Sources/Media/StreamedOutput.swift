import CFFmpeg
import Foundation

/// A muxer's output file written through callbacks of our own rather than FFmpeg's file protocol,
/// so every byte can be handed to `tap` (e.g. a checksum) as it is written, with no second read.
/// The context cannot seek: only for containers written straight through (MPEG-TS). Owns the
/// `AVIOContext`, its buffer and the file descriptor, freeing each once.
final class StreamedOutput {
    let context: UnsafeMutablePointer<AVIOContext>
    private let descriptor: Int32
    private let path: String
    private let tap: (UnsafeRawBufferPointer) -> Void

    /// Creates (or truncates) `path`; `tap` sees every byte written to it, in order.
    init(path: String, tap: @escaping (UnsafeRawBufferPointer) -> Void) throws(MediaError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw MediaError(.write, "creating", subject: path, reason: String(cString: strerror(errno))) }
        let size = 1 << 18
        guard let buffer = av_malloc(size) else { fatalError("av_malloc: out of memory") }
        self.descriptor = descriptor
        self.path = path
        self.tap = tap
        // The opaque pointer is set once self exists; the callback reads it back.
        guard let context = avio_alloc_context(buffer.assumingMemoryBound(to: UInt8.self), Int32(size), 1, nil, nil, Self.writePacket, nil) else {
            fatalError("avio_alloc_context: out of memory")
        }
        self.context = context
        context.pointee.opaque = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        av_freep(&context.pointee.buffer)
        var context: UnsafeMutablePointer<AVIOContext>? = context
        avio_context_free(&context)
        close(descriptor)
    }

    /// FFmpeg's write callback: writes the whole buffer to the file, then hands it to the tap.
    private static let writePacket: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int32) -> Int32 = { opaque, buffer, size in
        guard let opaque, let buffer else { return sretv_averror(EINVAL) }
        let output = Unmanaged<StreamedOutput>.fromOpaque(opaque).takeUnretainedValue()
        var written = 0
        while written < Int(size) {
            let result = write(output.descriptor, buffer + written, Int(size) - written)
            if result < 0 {
                if errno == EINTR { continue }
                return sretv_averror(errno)
            }
            written += result
        }
        output.tap(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
        return size
    }
}
