import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension WatchFolder {
    /// Why a file of the folder was not taken although it looked fileable: it changed into
    /// something the folder refuses between the listing and the move.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Moves `file` (in a provider's folder) out of the watch folder into a hidden file beside the
    /// library, where only the server writes, and returns where it is now; nothing is followed:
    /// the provider folder and the file are opened with `O_NOFOLLOW`, the file must be a regular
    /// file with no other hard link, and what is moved must be that very file (it is moved back
    /// otherwise). When `incoming/` is on another file system the file is copied through the
    /// descriptor that was checked, then removed.
    /// - Throws: `Refusal` for a link or anything but a lone regular file; `POSIXError` when the
    ///   move or copy fails.
    func claim(_ file: URL) throws -> URL {
        let library = ingest.mediaRoot.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let staged = library.appendingPathComponent(".incoming-\(UUID().uuidString).partial")
        let name = file.lastPathComponent
        let provider = open(file.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard provider >= 0 else { throw Self.failure(errno, "its provider folder") }
        defer { close(provider) }
        let descriptor = openat(provider, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(errno, "it") }
        defer { close(descriptor) }
        var checked = stat()
        guard fstat(descriptor, &checked) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard checked.st_mode & S_IFMT == S_IFREG, checked.st_nlink == 1 else {
            throw Refusal(description: "it is no longer a lone regular file (it was replaced by a folder, a device or a hard link); it is left in place")
        }
        if renameat(provider, name, AT_FDCWD, staged.path) == 0 {
            var moved = stat()
            guard lstat(staged.path, &moved) == 0, moved.st_dev == checked.st_dev, moved.st_ino == checked.st_ino else {
                renameat(AT_FDCWD, staged.path, provider, name)
                throw Refusal(description: "it was replaced while it was being filed; it is left in place")
            }
            return staged
        }
        guard errno == EXDEV else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try Self.copy(from: descriptor, to: staged)
        unlinkat(provider, name, 0)
        return staged
    }

    /// `Refusal` for a symbolic link (`ELOOP` from `O_NOFOLLOW`), else the system's error.
    private static func failure(_ code: Int32, _ what: String) -> any Error {
        code == ELOOP ? Refusal(description: "\(what) is a symbolic link, and the watch folder never follows one; it is left in place")
            : POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    /// Copies what `descriptor` reads into a new file at `destination` (removed again on failure).
    private static func copy(from descriptor: Int32, to destination: URL) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil), let output = FileHandle(forWritingAtPath: destination.path) else {
            throw POSIXError(.EACCES)
        }
        defer { try? output.close() }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEndInChunks { try output.write(contentsOf: $0) }
        } catch {
            try? FileManager.default.removeItem(at: destination)
            throw error
        }
    }
}

private extension FileHandle {
    /// Hands `body` what is left to read, one megabyte at a time.
    func readToEndInChunks(_ body: (Data) throws -> Void) throws {
        while let chunk = try read(upToCount: 1 << 20), !chunk.isEmpty { try body(chunk) }
    }
}
