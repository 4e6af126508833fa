import Foundation

/// Work the server does in the background, such as copying a provider's file into the library.
public struct Job: Sendable, Hashable, Codable {
    /// What a job does.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Copy `sourceURL` into the library as asset `assetId`.
        case ingest
    }

    /// Where a job stands: queued → running → done or failed; queued or running → cancelled;
    /// failed or cancelled → queued again by a retry.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case queued, running, done, failed, cancelled
    }

    public var id: Int64
    public var kind: Kind
    public var sourceURL: String
    public var provider: String
    /// The asset the job fills (nil once that asset was deleted).
    public var assetId: Int64?
    public var state: State
    /// Percent done, 0–100.
    public var progress: Double
    /// Bytes read from the source so far.
    public var bytes: Int64
    /// Media seconds copied per wall-clock second.
    public var speed: Double?
    /// Why the job failed or was cancelled.
    public var error: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    /// Whether the source can be fetched again (an http or https URL), so the job can be retried.
    /// Uploads and watch-folder files (`upload:…`, `incoming:…`) are deleted once filed.
    public var canRefetch: Bool {
        ["http", "https"].contains(URLComponents(string: sourceURL)?.scheme?.lowercased() ?? "")
    }
}
