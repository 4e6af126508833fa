import Foundation
import Logging
import ServiceLifecycle
import Store

/// Files copied into `MEDIA/incoming/<provider>/` join the library: once a file's size is the same
/// on two polls in a row (it has stopped growing) it is filed like an upload (remuxed, probed,
/// checksummed) as an asset of that provider titled by its name, and removed from the folder.
/// Hidden files and folders that name no provider are left alone. Runs until graceful shutdown.
public struct WatchFolder: Service {
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
                var sizes: [URL: Int64] = [:]
                while true {
                    let previous = sizes
                    sizes = try await OffPool.run { [self] in poll(previous) }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {}
    }

    /// One poll (it blocks): files ingested when their size equals `previous`'s; returns the sizes of the rest.
    func poll(_ previous: [URL: Int64]) -> [URL: Int64] {
        var sizes: [URL: Int64] = [:]
        for (provider, file) in files() {
            guard let size = (try? file.resourceValues(forKeys: [.fileSizeKey]))?.fileSize.map(Int64.init) else { continue }
            guard size > 0, previous[file] == size else {
                sizes[file] = size
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
        return sizes
    }

    /// The visible regular files in the folders of known providers.
    private func files() -> [(provider: String, file: URL)] {
        let providers = (try? ingest.database.providers()) ?? []
        return providers.flatMap { provider in
            let contents = (try? FileManager.default.contentsOfDirectory(
                at: folder.appendingPathComponent(provider.name), includingPropertiesForKeys: [.isRegularFileKey], options: .skipsHiddenFiles
            )) ?? []
            return contents.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }.map { (provider.name, $0) }
        }
    }
}
