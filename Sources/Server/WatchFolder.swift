import Foundation
import Logging
import ServiceLifecycle
import Store

/// Files copied into `MEDIA/incoming/<provider>/` join the library: once a file's size is the same
/// on two polls in a row (it has stopped growing) it is moved out of the folder and filed like an
/// upload (remuxed, examined) as an asset of that provider titled by its name. Hidden files are left
/// alone; anything else that cannot be filed (a file outside a provider's folder, a folder naming no
/// provider, a file type that holds no media) is left in place with a warning, logged once.
/// The folder files only what was copied into it: a symbolic link (to a file or a provider folder),
/// a file with other hard links and anything but a regular file are left in place with a warning,
/// and no link is followed, also when an entry is swapped for one while it is filed.
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

    let ingest: MediaIngest
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
        for (provider, file, size) in candidates {
            guard size > 0, previous.sizes[file] == size else {
                memory.sizes[file] = size
                continue
            }
            let order = MediaIngest.Order(url: "incoming:\(file.lastPathComponent)", provider: provider, title: file.deletingPathExtension().lastPathComponent)
            do {
                let staged = try claim(file)
                let asset = try ingest.receive(staged, as: order, actor: "watch-folder")
                logger.info("watch folder: \(asset.status.rawValue)", metadata: ["asset": "\(asset.id)", "file": "\(file.path)", "error": "\(asset.error ?? "")"])
            } catch {
                logger.error("watch folder: \(file.path) could not be filed: \(error)")
            }
        }
        return memory
    }

    /// The visible media files in the folders of known providers with their sizes, and the visible
    /// entries that cannot be filed with why. Entries are looked at as they are (`lstat`), never
    /// through a link.
    private func entries() -> (candidates: [(provider: String, file: URL, size: Int64)], ignored: [(URL, String)]) {
        let providers = Set(((try? ingest.database.providers()) ?? []).map(\.name))
        let known = providers.sorted().joined(separator: ", ")
        var candidates: [(String, URL, Int64)] = []
        var ignored: [(URL, String)] = []
        for (entry, attributes) in Self.visibleEntries(of: folder) {
            if let refusal = Self.refusal(of: attributes, provider: "<provider>") {
                ignored.append((entry, refusal))
                continue
            }
            guard attributes[.type] as? FileAttributeType == .typeDirectory else {
                ignored.append((entry, "it is not in a provider's folder; move it into incoming/<provider>/ (providers: \(known))"))
                continue
            }
            let provider = entry.lastPathComponent
            guard providers.contains(provider) else {
                ignored.append((entry, "no provider is named \(String(reflecting: provider)); rename the folder to one of \(known) or add the provider"))
                continue
            }
            for (file, attributes) in Self.visibleEntries(of: entry) {
                if let refusal = Self.refusal(of: attributes, provider: provider) {
                    ignored.append((file, refusal))
                } else if attributes[.type] as? FileAttributeType == .typeDirectory {
                    ignored.append((file, "folders inside a provider's folder are not searched; move its files up into incoming/\(provider)/"))
                } else if attributes[.type] as? FileAttributeType != .typeRegular {
                    ignored.append((file, "it is not a regular file; copy the file itself into incoming/\(provider)/"))
                } else if ((attributes[.referenceCount] as? NSNumber)?.intValue ?? 1) > 1 {
                    ignored.append((file, "it has other hard links (another name for a file elsewhere); copy the file itself into incoming/\(provider)/"))
                } else if !Self.mediaExtensions.contains(file.pathExtension.lowercased()) {
                    let expected = Self.mediaExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    ignored.append((file, "\(file.pathExtension.isEmpty ? "a file without an extension" : "." + file.pathExtension) is not a media file type the library takes (\(expected))"))
                } else {
                    candidates.append((provider, file, (attributes[.size] as? NSNumber)?.int64Value ?? 0))
                }
            }
        }
        return (candidates, ignored)
    }

    /// Why an entry of the folder is refused whatever it is called: a symbolic link is never followed.
    private static func refusal(of attributes: [FileAttributeKey: Any], provider: String) -> String? {
        guard attributes[.type] as? FileAttributeType == .typeSymbolicLink else { return nil }
        return "it is a symbolic link, and the watch folder never follows one; copy the file itself into incoming/\(provider)/"
    }

    /// The visible entries of `folder`, by name, each with its own attributes (`lstat`: a link's, not its target's).
    private static func visibleEntries(of folder: URL) -> [(URL, [FileAttributeKey: Any])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let entry = folder.appendingPathComponent(name)
            return (try? FileManager.default.attributesOfItem(atPath: entry.path)).map { (entry, $0) }
        }
    }
}
