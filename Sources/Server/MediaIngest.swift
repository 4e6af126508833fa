import Crypto
import Foundation
import Media
import Playout
import Store

/// Copies providers' files into the media library: checks a URL against its provider's hosts,
/// records the ingest, and runs it (copy without re-encoding, probe, checksum, verdict against the
/// channel's profile, thumbnail). Used by the server's `IngestWorker` and `WatchFolder`, and by
/// `sretv media ingest`.
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

    /// The parts of an ingest, timed for whoever watches its speed (`sretv media ingest --timings`).
    public enum Phase: String, Sendable {
        /// Copying the source into the library, with the checksum of an MPEG-TS file taken as it is written.
        case copy
        /// Probing the copy (duration, keyframes): from the packets as written for MPEG-TS.
        case probe
        /// Checksumming an MP4 copy (its index is patched in after writing, so it is read again).
        case checksum
        /// Measuring the loudness and judging the file.
        case verdict
        case thumbnail
    }

    /// The width of asset thumbnails in pixels.
    static let thumbnailWidth = 320

    public let database: AppDatabase
    /// The folder asset URIs are relative to.
    public let mediaRoot: URL
    /// What assets are judged against.
    public let profile: ChannelProfile
    /// Told how long each phase of every ingest took.
    public var timing: @Sendable (Phase, Duration) -> Void = { _, _ in }

    public init(database: AppDatabase, mediaRoot: URL, profile: ChannelProfile = ChannelProfile()) {
        self.database = database
        self.mediaRoot = mediaRoot
        self.profile = profile
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
        return try finish(job: id, asset: asset) { destination, written in
            try copy(job, to: destination, written: written, started: started, progress: progress)
        }
    }

    /// Files `upload` (a complete file on this machine, deleted afterwards) into the library as a new
    /// asset of `order` (its `url` names the upload, e.g. `upload:clip.mp4`): remuxed without
    /// re-encoding and examined like any ingest, on the calling thread (it blocks). The upload is
    /// data only: read as a self-contained container, it cannot make the reader open another file.
    /// Returns the asset as it ended: `ready`, `not-airable` or `failed`.
    /// Throws `MediaError` with `.refused`, before anything is recorded, for an upload whose
    /// container names other files (an HLS playlist, an ffconcat list).
    public func receive(_ upload: URL, as order: Order, actor: String) throws -> MediaAsset {
        defer { try? FileManager.default.removeItem(at: upload) }
        let source = try MediaSource.handedIn(upload.path, named: order.url)
        let request = AppDatabase.IngestRequest(
            sourceURL: order.url, provider: order.provider, title: order.title, category: order.category, tags: order.tags,
            fileExtension: Self.fileExtension(for: order.url)
        )
        let (job, asset) = try database.createIngest(request, actor: actor)
        _ = try database.startJob(id: job.id)
        _ = try finish(job: job.id, asset: asset, upload: (upload.path, order.url)) { destination, written in
            try MediaCopier.copy(from: source, to: destination.path, written: written) { _ in true }
        }
        guard let ended = try database.asset(id: asset.id) else { throw StoreError.notFound(.asset(asset.id)) }
        return ended
    }

    /// Runs `copy` to fill running job `id`'s library file for `asset` (handing it a checksum tap for
    /// MPEG-TS, which is written straight through), examines the file and ends the job with the
    /// outcome (failed when either throws, the error said as `message(for:upload:)` says it); a job
    /// that did not end done leaves no file and no thumbnail.
    private func finish(
        job id: Int64, asset: MediaAsset, upload: (path: String, name: String)? = nil, copy: (URL, ((UnsafeRawBufferPointer) -> Void)?) throws -> CopiedFile
    ) throws -> Job {
        let destination = mediaRoot.appendingPathComponent(asset.uri)
        let outcome: AppDatabase.IngestOutcome
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            let (copied, checksum) = try timed(.copy) { () throws -> (CopiedFile, String?) in
                guard destination.pathExtension == "ts" else { return (try copy(destination, nil), nil) }
                var hasher = SHA256()
                let copied = try copy(destination) { hasher.update(bufferPointer: $0) }
                return (copied, FileChecksum.hex(hasher.finalize()))
            }
            outcome = .copied(try examine(copied, checksum: checksum, thumbnail: asset.thumbnailPath))
        } catch {
            outcome = .failed(message(for: error, upload: upload))
        }
        let ended = try database.finishIngest(job: id, outcome: outcome)
        if ended.state != .done {
            for file in [destination, mediaRoot.appendingPathComponent(asset.thumbnailPath)] { try? FileManager.default.removeItem(at: file) }
        }
        return ended
    }

    /// What `error` says, as an asset and its job record it for the API: paths under the media root
    /// relative to it, and the handed-in file `upload` by the name its sender knows, never the path
    /// it waited at on this machine.
    private func message(for error: any Error, upload: (path: String, name: String)? = nil) -> String {
        let text = String(describing: error)
        return (upload.map { text.replacingOccurrences(of: $0.path, with: $0.name) } ?? text).replacingOccurrences(of: mediaRoot.path + "/", with: "")
    }

    /// Copies the job's source into `destination`, handing `written` every byte written.
    private func copy(
        _ job: Job, to destination: URL, written: ((UnsafeRawBufferPointer) -> Void)?, started: (InputMonitor) -> Void, progress: (CopyProgress) -> Void
    ) throws -> CopiedFile {
        let source = try source(job.sourceURL, provider: job.provider)
        let monitor = InputMonitor(source: source, readsAhead: true)
        started(monitor)
        return try MediaCopier.copy(from: source, to: destination.path, monitor: monitor, written: written) { report in
            progress(report)
            // A job cancelled meanwhile is no longer running: stop copying.
            let running = (try? database.recordProgress(job: job.id, percent: report.percent ?? 0, bytes: report.bytesRead, speed: report.speed)) ?? false
            return running
        }
    }

    /// Examines a library file that is in place: probes it, checksums it unless `checksum` was taken
    /// while it was written and makes its thumbnail at `thumbnail` (under the media root) when it
    /// has video, on a thread of their own while its loudness is measured here (the longest part:
    /// it decodes all the audio), then judges it against the profile.
    private func examine(_ copied: CopiedFile, checksum: String?, thumbnail: String) throws -> AppDatabase.Examination {
        let file = URL(fileURLWithPath: copied.path)
        let side = Alongside { [self] () throws -> (info: MediaInfo, checksum: String, thumbnail: String?) in
            let info = try timed(.probe) { try copied.probe() }
            let checksum = try checksum ?? timed(.checksum) { try FileChecksum.sha256(of: file.path) }
            return (info, checksum, timed(.thumbnail) { makeThumbnail(of: file, info: info, at: thumbnail) })
        }
        let loudness = timed(.verdict) { MediaVerdict.measureLoudness(of: file.path) }
        let (info, checksum, thumbnail) = try side.result()
        let verdict = MediaVerdict.judge(info, measured: loudness, profile: profile)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return AppDatabase.Examination(
            duration: info.duration, facts: String(decoding: try encoder.encode(info), as: UTF8.self),
            checksum: checksum, verdict: String(decoding: try encoder.encode(verdict), as: UTF8.self),
            problems: verdict.problems, thumbnail: thumbnail
        )
    }

    /// Runs `work` and reports how long it took as `phase`.
    private func timed<T>(_ phase: Phase, _ work: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let started = clock.now
        defer { timing(phase, clock.now - started) }
        return try work()
    }

    /// Writes a JPEG of the keyframe at or before a tenth of the file to `path` under the media root
    /// and returns `path`; nil for a file without video or whose picture cannot be decoded (a
    /// thumbnail is a convenience: its absence does not fail the ingest).
    private func makeThumbnail(of file: URL, info: MediaInfo, at path: String) -> String? {
        guard let video = info.streams.first(where: { $0.type == .video }), let width = video.width else { return nil }
        let jpeg = mediaRoot.appendingPathComponent(path).path
        do throws(MediaError) {
            try Thumbnail.write(from: file.path, at: info.duration / 10, width: min(Self.thumbnailWidth, width & ~1), to: jpeg)
            return path
        } catch {
            return nil
        }
    }
}
