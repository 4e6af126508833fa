import Foundation
import Logging
import ServiceLifecycle
import Store

/// Files copied into `MEDIA/incoming/<provider>/` join the library: once a file's size is the same
/// on two polls in a row (it has stopped growing) it is filed like an upload (remuxed, examined) as
/// an asset of that provider titled by its name, and removed from the folder. Hidden files are left
/// alone; anything else that cannot be filed (a file outside a provider's folder, a folder naming no
/// provider, a file type that holds no media) is left in place with a warning, logged once.
/// Runs until graceful shutdown.
public struct WatchFolder: Service {
    /// What the folder held at the last poll.
    struct Memory: Sendable, Equatable {
        /// The size of each file waiting to stop growing.
        var sizes: [URL: Int64] = [:]
        /// What is left alone, with why (already logged).
        var ignored: [URL: String] = [:]
    }

    /// Extensions of the containers the library files (remuxed to MP4 or MPEG-TS).
    static let mediaExtensions: Set = ["mp4", "m4v", "mov", "ts", "m2ts", "mts", "mkv", "mpg", "mpeg"]

    private let ingest: MediaIngest
    private let interval: Duration
    private let logger: Logger

    /// Watches `ingest`'s `MEDIA/incoming/`, polling every `interval`.
    public init(ingest: MediaIngest, interval: Duration = .seconds(3), logger: Logger) {
        (self.ingest, self.interval, self.logger) = (ingest, interval, logger)
    }

    /// The folder dropped files go into.
    public var folder: URL { ingest.mediaRoot.appendingPathComponent("incoming") }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var memory = Memory()
                while true {
                    let previous = memory
                    memory = try await OffPool.run { [self] in poll(previous) }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {}
    }

    /// One poll (it blocks): files ingested when their size equals `previous`'s; newly ignored
    /// entries logged. Returns what to remember for the next poll.
    func poll(_ previous: Memory) -> Memory {
        var memory = Memory()
        let (candidates, ignored) = entries()
        for (entry, reason) in ignored {
            if previous.ignored[entry] == nil { logger.warning("watch folder: \(entry.path) is left alone: \(reason)") }
            memory.ignored[entry] = reason
        }
        for (provider, file) in candidates {
            guard let size = (try? file.resourceValues(forKeys: [.fileSizeKey]))?.fileSize.map(Int64.init) else { continue }
            guard size > 0, previous.sizes[file] == size else {
                memory.sizes[file] = size
                continue
            }
            let order = MediaIngest.Order(url: "incoming:\(file.lastPathComponent)", provider: provider, title: file.deletingPathExtension().lastPathComponent)
            do {
                let asset = try ingest.receive(file, as: order, actor: "watch-folder")
                logger.info("watch folder: \(asset.status.rawValue)", metadata: ["asset": "\(asset.id)", "file": "\(file.path)", "error": "\(asset.error ?? "")"])
            } catch {
                logger.error("watch folder: \(file.path) could not be filed: \(error)")
            }
        }
        return memory
    }

    /// The visible media files in the folders of known providers, and the visible entries that
    /// cannot be filed with why.
    private func entries() -> (candidates: [(provider: String, file: URL)], ignored: [(URL, String)]) {
        let providers = Set(((try? ingest.database.providers()) ?? []).map(\.name))
        let known = providers.sorted().joined(separator: ", ")
        var candidates: [(String, URL)] = []
        var ignored: [(URL, String)] = []
        for entry in Self.visibleEntries(of: folder) {
            guard Self.isDirectory(entry) else {
                ignored.append((entry, "it is not in a provider's folder; move it into incoming/<provider>/ (providers: \(known))"))
                continue
            }
            let provider = entry.lastPathComponent
            guard providers.contains(provider) else {
                ignored.append((entry, "no provider is named \(String(reflecting: provider)); rename the folder to one of \(known) or add the provider"))
                continue
            }
            for file in Self.visibleEntries(of: entry) {
                if Self.isDirectory(file) {
                    ignored.append((file, "folders inside a provider's folder are not searched; move its files up into incoming/\(provider)/"))
                } else if !Self.mediaExtensions.contains(file.pathExtension.lowercased()) {
                    let expected = Self.mediaExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    ignored.append((file, "\(file.pathExtension.isEmpty ? "a file without an extension" : "." + file.pathExtension) is not a media file type the library takes (\(expected))"))
                } else {
                    candidates.append((provider, file))
                }
            }
        }
        return (candidates, ignored)
    }

    private static func visibleEntries(of folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: .skipsHiddenFiles)) ?? [])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
    }
}
