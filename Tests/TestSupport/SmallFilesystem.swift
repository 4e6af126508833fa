import Foundation

/// A size-limited tmpfs mounted over a folder, for tests of a full disk (fault test 7 of
/// shared/design/hls-rules.md). Mounting needs root (CI runs as root); anywhere it is refused the
/// initializer throws a message that says so and how to skip such tests
/// (`SRETV_SKIP_MOUNT_TESTS=1`).
public final class SmallFilesystem: @unchecked Sendable {
    /// The folder the filesystem is mounted on.
    public let url: URL
    private var mounted = true

    /// Whether tests that mount filesystems are to be skipped (`SRETV_SKIP_MOUNT_TESTS=1`).
    public static var skipped: Bool { ProcessInfo.processInfo.environment["SRETV_SKIP_MOUNT_TESTS"] == "1" }

    /// Mounts a tmpfs of `size` (as mount(8) reads it: `4m`) on `url`, creating the folder.
    public init(at url: URL, size: String) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard geteuid() == 0 else {
            throw SmallFilesystemError("mounting a \(size) tmpfs on \(url.path) needs root; run the tests as root, or set SRETV_SKIP_MOUNT_TESTS=1 to skip the full-disk tests")
        }
        let result = try ProcessRunner.run("mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path])
        guard result.status == 0 else {
            throw SmallFilesystemError("mount -t tmpfs on \(url.path) was refused (\(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); set SRETV_SKIP_MOUNT_TESTS=1 to skip the full-disk tests")
        }
    }

    deinit { unmount() }

    /// Writes `name` until the filesystem has no byte left; returns the file, whose removal frees the space.
    public func fill(name: String = "filler") throws -> URL {
        let file = url.appendingPathComponent(name)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SmallFilesystemError("cannot create \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0xA5, count: 64 * 1024)
        var size = chunk.count
        // Shorter and shorter writes once a full chunk no longer fits, down to the last byte.
        while size > 0 {
            if chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, size) }) < size { size /= 2 }
        }
        return file
    }

    /// Unmounts the filesystem (lazily when something still holds it open).
    public func unmount() {
        guard mounted else { return }
        mounted = false
        if (try? ProcessRunner.run("umount", [url.path]))?.status != 0 { _ = try? ProcessRunner.run("umount", ["-l", url.path]) }
    }
}

/// A filesystem for a test could not be set up.
public struct SmallFilesystemError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
