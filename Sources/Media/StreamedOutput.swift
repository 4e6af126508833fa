import CFFmpeg
import Foundation

/// A muxer's output file written through callbacks of our own rather than FFmpeg's file protocol,
/// so every byte can be handed to `tap` (e.g. a checksum) as it is written, with no second read.
/// The writes and the tap run on a thread of their own (`OutputWriter`), beside the demuxing and
/// muxing. The context cannot seek: only for containers written straight through (MPEG-TS).
/// Owns the `AVIOContext`, its buffer and the writer (with the file descriptor), freeing each once.
final class StreamedOutput {
    let context: UnsafeMutablePointer<AVIOContext>
    private let path: String
    private let writer: OutputWriter
    private var finished = false

    /// Bytes the muxer fills before each hand-over to the writer.
    static let bufferSize = 1 << 18

    /// Creates (or truncates) `path`; `tap` sees every byte written to it, in order, on the writer's thread.
    init(path: String, tap: @escaping (UnsafeRawBufferPointer) -> Void) throws(MediaError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw MediaError(.write, "creating", subject: path, reason: String(cString: strerror(errno))) }
        guard let buffer = av_malloc(Self.bufferSize) else { fatalError("av_malloc: out of memory") }
        self.path = path
        writer = OutputWriter(descriptor: descriptor, bufferSize: Self.bufferSize, tap: tap)
        // The opaque pointer is set once self exists; the callback reads it back.
        guard let context = avio_alloc_context(buffer.assumingMemoryBound(to: UInt8.self), Int32(Self.bufferSize), 1, nil, nil, Self.writePacket, nil) else {
            fatalError("avio_alloc_context: out of memory")
        }
        self.context = context
        context.pointee.opaque = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        if !finished { _ = writer.finish() }
        av_freep(&context.pointee.buffer)
        var context: UnsafeMutablePointer<AVIOContext>? = context
        avio_context_free(&context)
    }

    /// Waits until every byte handed over is in the file and seen by the tap; throws the first
    /// write that failed (disk full, quota).
    func finish() throws(MediaError) {
        finished = true
        if let failure = writer.finish() { throw MediaError(.write, "writing", subject: path, reason: String(cString: strerror(failure))) }
    }

    /// FFmpeg's write callback: hands a copy of the buffer to the writer (or reports its failure).
    private static let writePacket: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int32) -> Int32 = { opaque, buffer, size in
        guard let opaque, let buffer else { return sretv_averror(EINVAL) }
        let output = Unmanaged<StreamedOutput>.fromOpaque(opaque).takeUnretainedValue()
        if let failure = output.writer.enqueue(UnsafeRawBufferPointer(start: buffer, count: Int(size))) { return sretv_averror(failure) }
        return size
    }
}
