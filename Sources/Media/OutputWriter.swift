import Foundation

/// Appends runs of bytes to a file on a thread of its own, and shows each to a tap after it is
/// written, so writing and checksumming a copy overlap with demuxing the next packets. A few
/// reusable buffers bound the memory: `enqueue` waits when all are in flight. Owns the thread,
/// the buffers and the file descriptor (closed on `deinit`).
final class OutputWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let bufferSize: Int
    private let tap: (UnsafeRawBufferPointer) -> Void
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var free: [UnsafeMutableRawBufferPointer]
    private var pending: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
    private var ending = false
    private var ended = false
    private var failure: Int32?

    /// Starts the writing thread for `descriptor` with four buffers of `bufferSize` bytes.
    init(descriptor: Int32, bufferSize: Int, tap: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.descriptor = descriptor
        self.bufferSize = bufferSize
        self.tap = tap
        free = (0..<4).map { _ in .allocate(byteCount: bufferSize, alignment: 64) }
        let thread = Thread { [self] in run() }
        thread.name = "sretv-output"
        thread.start()
    }

    deinit {
        for buffer in free { buffer.deallocate() }
        close(descriptor)
    }

    /// Copies `bytes` (at most the buffer size) into a free buffer, waiting for one, and queues it.
    /// - Returns: the `errno` of an earlier write that failed, in which case nothing is queued.
    func enqueue(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        precondition(bytes.count <= bufferSize, "a write larger than the output buffer")
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty, failure == nil { condition.wait() }
        if let failure { return failure }
        let buffer = free.removeLast()
        buffer.copyMemory(from: bytes)
        pending.append((buffer, bytes.count))
        condition.broadcast()
        return nil
    }

    /// Lets the thread end once the queue is written, waits for it, and returns the first failure.
    /// Call once.
    func finish() -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        ending = true
        condition.broadcast()
        while !ended { condition.wait() }
        return failure
    }

    /// The thread: writes queued buffers in order; after a failure it only recycles them.
    private func run() {
        while let (buffer, count) = next() {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            let failed = condition.withLock { failure != nil } ? nil : write(bytes)
            if failed == nil { tap(bytes) }
            condition.withLock {
                if failure == nil { failure = failed }
                free.append(buffer)
                condition.broadcast()
            }
        }
    }

    /// The next queued buffer; nil (and `ended`) once the queue is empty after `finish`.
    private func next() -> (UnsafeMutableRawBufferPointer, Int)? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty, !ending { condition.wait() }
        guard !pending.isEmpty else {
            ended = true
            condition.broadcast()
            return nil
        }
        return pending.removeFirst()
    }

    /// Writes all of `bytes` at the end of the file; the `errno` when that failed.
    private func write(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}
