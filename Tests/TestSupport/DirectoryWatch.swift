#if canImport(Glibc)
import Foundation
import Glibc

/// Waits for a file to appear in a folder, with Linux's inotify: it wakes within microseconds of
/// the creation, so a test can act while the writer is still writing the file (a SIGKILL mid-segment).
public enum DirectoryWatch {
    /// Blocks until a file whose name ends in `suffix` is created in `folder`, at most `timeout`
    /// seconds. Returns the file's name, or nil when none was created in time.
    public static func waitForCreation(in folder: URL, suffix: String, timeout: TimeInterval) throws -> String? {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw ServerProcessError("inotify_init1: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard inotify_add_watch(descriptor, folder.path, UInt32(IN_CREATE)) >= 0 else {
            throw ServerProcessError("inotify_add_watch \(folder.path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while Date() < deadline {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { continue }
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes of NUL-padded name.
            var offset = 0
            while offset + 16 <= count {
                let length = buffer[(offset + 12)..<(offset + 16)].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
                let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                if name.hasSuffix(suffix) { return name }
                offset += 16 + length
            }
        }
        return nil
    }
}
#endif
