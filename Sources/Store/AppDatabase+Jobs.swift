import Foundation
import GRDB

extension AppDatabase {
    /// What examining a file copied into the library found.
    public struct Examination: Sendable, Hashable {
        /// Probed playable length in seconds.
        public var duration: Double
        /// The probed facts, as JSON.
        public var facts: String
        /// SHA-256 of the file, 64 lowercase hex digits.
        public var checksum: String
        /// The verdict against the channel's profile, as JSON.
        public var verdict: String
        /// The verdict's problems: why the file cannot air (empty: it can).
        public var problems: [String]
        /// The thumbnail's path under the media root, when one was made.
        public var thumbnail: String?

        public init(duration: Double, facts: String, checksum: String, verdict: String, problems: [String], thumbnail: String?) {
            (self.duration, self.facts, self.checksum) = (duration, facts, checksum)
            (self.verdict, self.problems, self.thumbnail) = (verdict, problems, thumbnail)
        }
    }

    /// How an ingest ended, as the worker reports it.
    public enum IngestOutcome: Sendable, Hashable {
        /// Copied and examined; `ready` without problems, else `not-airable`.
        case copied(Examination)
        /// Failed with this reason; no file was left.
        case failed(String)
    }

    /// The job `id`, or nil.
    public func job(id: Int64) throws(StoreError) -> Job? {
        try read { db in try Job.fetchOne(db, key: id) }
    }

    /// Jobs in `state`, oldest first.
    public func jobs(in state: Job.State) throws(StoreError) -> [Job] {
        try read { db in try Job.filter(Job.Columns.state == state.rawValue).order(Column("id")).fetchAll(db) }
    }

    /// Moves queued job `id` to running and returns it; nil when it is no longer queued (cancelled meanwhile).
    public func startJob(id: Int64) throws(StoreError) -> Job? {
        try write { db in
            try db.execute(literal: "UPDATE job SET state = 'running', updatedAt = \(Self.now()) WHERE id = \(id) AND state = 'queued'")
            return db.changesCount == 0 ? nil : try Job.fetchOne(db, key: id)
        }
    }

    /// Records how far running job `id` has come; returns false (recording nothing) once it is no
    /// longer running, e.g. cancelled.
    @discardableResult
    public func recordProgress(job id: Int64, percent: Double, bytes: Int64, speed: Double) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(literal: """
                UPDATE job SET progress = \(min(100, max(0, percent))), bytes = \(bytes), speed = \(speed), updatedAt = \(Self.now())
                WHERE id = \(id) AND state = 'running'
                """)
            return db.changesCount > 0
        }
    }

    /// Ends running job `id` and its asset with `outcome`, in one transaction, and returns the job.
    /// A job cancelled meanwhile stays cancelled.
    @discardableResult
    public func finishIngest(job id: Int64, outcome: IngestOutcome) throws(StoreError) -> Job {
        try write { db in
            guard var job = try Job.fetchOne(db, key: id) else { throw StoreError.notFound(.job(id)) }
            guard job.state == .running else { return job }
            let now = Self.now()
            var asset = try job.assetId.flatMap { try MediaAsset.fetchOne(db, key: $0) }
            switch outcome {
            case .copied(let examination):
                (job.state, job.progress, job.error) = (.done, 100, nil)
                asset?.status = examination.problems.isEmpty ? .ready : .notAirable
                asset?.error = examination.problems.isEmpty ? nil : examination.problems.joined(separator: "; ")
                asset?.duration = examination.duration
                asset?.facts = examination.facts
                asset?.checksum = examination.checksum
                asset?.verdict = examination.verdict
                asset?.thumbnail = examination.thumbnail
            case .failed(let reason):
                (job.state, job.error) = (.failed, reason)
                asset?.status = .failed
                asset?.error = reason
            }
            job.updatedAt = now
            asset?.updatedAt = now
            try job.update(db)
            try asset?.update(db)
            return job
        }
    }

    /// Cancels queued or running job `id` (its asset fails with the reason) and returns it;
    /// `wrongState` for a job that already ended.
    @discardableResult
    public func cancelJob(id: Int64, actor: String) throws(StoreError) -> Job {
        try changeJob(id, actor: actor, from: [.queued, .running], action: .jobCancel) { job, asset in
            let reason = "cancelled by \(actor)"
            (job.state, job.error) = (.cancelled, reason)
            asset?.status = .failed
            asset?.error = reason
        }
    }

    /// Queues failed or cancelled job `id` again from the start (its asset back to `ingesting`) and
    /// returns it; `wrongState` for a job that is queued, running or done, or whose source cannot be
    /// fetched again (an upload or a watch-folder file: it is deleted once filed).
    @discardableResult
    public func retryJob(id: Int64, actor: String) throws(StoreError) -> Job {
        try changeJob(id, actor: actor, from: [.failed, .cancelled], action: .jobRetry) { job, asset in
            guard job.canRefetch else {
                throw StoreError.wrongState("job \(job.id) filed \(job.sourceURL), a file that was not kept once the job ended, so it cannot be retried; "
                    + "upload the file again or copy it into the watch folder again")
            }
            guard asset != nil else { throw StoreError.wrongState("job \(job.id)'s asset was deleted; start a new ingest") }
            (job.state, job.error, job.progress, job.bytes, job.speed) = (.queued, nil, 0, 0, nil)
            asset?.status = .ingesting
            asset?.error = nil
        }
    }

    /// Marks jobs left running by a stopped server as failed, so they can be retried.
    public func failInterruptedJobs() throws(StoreError) {
        for job in try jobs(in: .running) {
            try finishIngest(job: job.id, outcome: .failed("interrupted: the server stopped during the ingest; retry it"))
        }
    }

    /// Applies `change` to job `id` and its asset when the job is in one of `states`, audited.
    private func changeJob(
        _ id: Int64, actor: String, from states: Set<Job.State>, action: AuditEntry.Action,
        _ change: @escaping (inout Job, inout MediaAsset?) throws -> Void
    ) throws(StoreError) -> Job {
        let actor = try Self.validActor(actor)
        return try write { db in
            guard var job = try Job.fetchOne(db, key: id) else { throw StoreError.notFound(.job(id)) }
            guard states.contains(job.state) else {
                let allowed = states.map(\.rawValue).sorted().joined(separator: " or ")
                throw StoreError.wrongState("job \(id) is \(job.state.rawValue); only a \(allowed) job can be \(action == .jobCancel ? "cancelled" : "retried")")
            }
            var asset = try job.assetId.flatMap { try MediaAsset.fetchOne(db, key: $0) }
            try change(&job, &asset)
            let now = Self.now()
            job.updatedAt = now
            asset?.updatedAt = now
            try job.update(db)
            try asset?.update(db)
            try AuditEntry(at: now, actor: actor, action: action, detail: "job \(id)").insert(db)
            return job
        }
    }
}
