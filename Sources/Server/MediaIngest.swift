import Foundation
import Media
import Store

/// Copies providers' files into the media library: checks a URL against its provider's hosts,
/// records the ingest, and runs it (copy without re-encoding, probe, checksum). Used by the
/// server's `IngestWorker` and by `sretv media ingest`.
public struct MediaIngest: Sendable {
    /// What a new ingest needs.
    public struct Order: Sendable, Hashable {
        public var url: String
        public var provider: String
        public var title: String
        public var category: String?
        public var tags: [String]

        public init(url: String, provider: String, title: String, category: String? = nil, tags: [String] = []) {
            (self.url, self.provider, self.title, self.category, self.tags) = (url, provider, title, category, tags)
        }
    }

    public let database: AppDatabase
    /// The folder asset URIs are relative to.
    public let mediaRoot: URL

    public init(database: AppDatabase, mediaRoot: URL) {
        self.database = database
        self.mediaRoot = mediaRoot
    }

    /// Checks `order.url` against its provider's hosts (before anything is opened) and records a
    /// queued job with its `ingesting` asset. Throws `StoreError.notFound` for an unknown provider,
    /// `MediaError` (`.invalidArgument`, `.refused`) for a URL that may not be fetched.
    public func submit(_ order: Order, actor: String) throws -> (job: Job, asset: MediaAsset) {
        let source = try source(order.url, provider: order.provider)
        let request = AppDatabase.IngestRequest(
            sourceURL: source.url, provider: order.provider, title: order.title, category: order.category, tags: order.tags,
            fileExtension: Self.fileExtension(for: source.url)
        )
        return try database.createIngest(request, actor: actor)
    }

    /// `url` as a source of `provider`, checked against the provider's hosts as they are now.
    func source(_ url: String, provider name: String) throws -> MediaSource {
        guard let provider = try database.provider(named: name) else { throw StoreError.notFound(.provider(name)) }
        return try SourcePolicy(hosts: provider.hosts).source(url)
    }

    /// The library container for a source: MP4 stays MP4, everything else (HLS, MPEG-TS) becomes MPEG-TS.
    static func fileExtension(for url: String) -> String {
        let path = (URLComponents(string: url)?.path ?? url).lowercased()
        return [".mp4", ".m4v", ".mov"].contains { path.hasSuffix($0) } ? "mp4" : "ts"
    }

    /// Runs queued job `id` to its end on the calling thread (it blocks: call it off Swift's
    /// cooperative pool) and returns the job as it ended. `started` receives the input's monitor,
    /// which cancels the copy promptly; `progress` sees every progress report.
    /// A job that is not queued is returned unchanged.
    @discardableResult
    public func run(job id: Int64, started: (InputMonitor) -> Void = { _ in }, progress: (CopyProgress) -> Void = { _ in }) throws -> Job {
        guard let job = try database.startJob(id: id) else {
            guard let job = try database.job(id: id) else { throw StoreError.notFound(.job(id)) }
            return job
        }
        guard let assetID = job.assetId, let asset = try database.asset(id: assetID) else {
            return try database.finishIngest(job: id, outcome: .failed("its media asset was deleted; start a new ingest"))
        }
        return try finish(job: id, destination: mediaRoot.appendingPathComponent(asset.uri)) { destination in
            try copy(job, to: destination, started: started, progress: progress)
        }
    }

    /// Files `upload` (a complete file on this machine, deleted afterwards) into the library as a new
    /// asset of `order` (its `url` names the upload, e.g. `upload:clip.mp4`): remuxed without
    /// re-encoding like any ingest, probed and checksummed, on the calling thread (it blocks).
    /// Returns the asset as it ended: `ready`, `not-airable` or `failed`.
    public func receive(_ upload: URL, as order: Order, actor: String) throws -> MediaAsset {
        defer { try? FileManager.default.removeItem(at: upload) }
        let request = AppDatabase.IngestRequest(
            sourceURL: order.url, provider: order.provider, title: order.title, category: order.category, tags: order.tags,
            fileExtension: Self.fileExtension(for: order.url)
        )
        let (job, asset) = try database.createIngest(request, actor: actor)
        _ = try database.startJob(id: job.id)
        _ = try finish(job: job.id, destination: mediaRoot.appendingPathComponent(asset.uri)) { destination in
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try MediaCopier.copy(from: .local(upload.path), to: destination.path) { _ in true }
            return try Self.examine(destination)
        }
        guard let ended = try database.asset(id: asset.id) else { throw StoreError.notFound(.asset(asset.id)) }
        return ended
    }

    /// Runs `produce` for running job `id`'s library file and ends the job with its outcome (failed
    /// when it throws); a job that did not end done leaves no file.
    private func finish(job id: Int64, destination: URL, produce: (URL) throws -> AppDatabase.IngestOutcome) throws -> Job {
        let outcome: AppDatabase.IngestOutcome
        do {
            outcome = try produce(destination)
        } catch {
            try? FileManager.default.removeItem(at: destination)
            outcome = .failed(String(describing: error))
        }
        let ended = try database.finishIngest(job: id, outcome: outcome)
        if ended.state != .done { try? FileManager.default.removeItem(at: destination) }
        return ended
    }

    /// Copies, probes and checksums the job's source into `destination`.
    private func copy(
        _ job: Job, to destination: URL, started: (InputMonitor) -> Void, progress: (CopyProgress) -> Void
    ) throws -> AppDatabase.IngestOutcome {
        let source = try source(job.sourceURL, provider: job.provider)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let monitor = InputMonitor(source: source)
        started(monitor)
        try MediaCopier.copy(from: source, to: destination.path, monitor: monitor) { report in
            progress(report)
            // A job cancelled meanwhile is no longer running: stop copying.
            let running = (try? database.recordProgress(job: job.id, percent: report.percent ?? 0, bytes: report.bytesRead, speed: report.speed)) ?? false
            return running
        }
        return try Self.examine(destination)
    }

    /// Probes and checksums a library file that is in place.
    private static func examine(_ file: URL) throws -> AppDatabase.IngestOutcome {
        let info = try MediaProbe.probe(file.path)
        let facts = String(decoding: try JSONEncoder().encode(info), as: UTF8.self)
        return .copied(duration: info.duration, facts: facts, checksum: try FileChecksum.sha256(of: file.path), incompatibilities: info.incompatibilities)
    }
}
