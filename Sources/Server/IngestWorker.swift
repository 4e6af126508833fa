import Foundation
import Logging
import Media
import Store

/// Runs ingest jobs one at a time, in the order they were queued, on a thread of its own (the
/// copy loop blocks on the network and the disk, so it stays off Swift's cooperative pool).
/// Jobs a stopped server left running are marked failed, and queued ones are picked up, when
/// the worker starts. The thread ends when the worker is released.
public final class IngestWorker: Sendable {
    /// The queue and the monitors of running copies, shared with the thread.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var queue: [Int64] = []
        var monitors: [Int64: InputMonitor] = [:]
        var stopped = false
    }

    private let state = State()
    private let ingest: MediaIngest

    /// Starts the worker's thread for `ingest`'s database and media root.
    public init(ingest: MediaIngest, logger: Logger) throws(StoreError) {
        self.ingest = ingest
        try ingest.database.failInterruptedJobs()
        state.queue = try ingest.database.jobs(in: .queued).map(\.id)
        let thread = Thread { [state, ingest] in Self.work(state, ingest, logger) }
        thread.name = "sretv-ingest"
        thread.start()
    }

    deinit {
        state.condition.withLock { state.stopped = true }
        state.condition.signal()
    }

    /// Checks the order against its provider's hosts, records it and queues it.
    public func submit(_ order: MediaIngest.Order, actor: String) throws -> Job {
        let job = try ingest.submit(order, actor: actor).job
        enqueue(job.id)
        return job
    }

    /// Queues failed or cancelled job `id` again.
    public func retry(job id: Int64, actor: String) throws(StoreError) -> Job {
        let job = try ingest.database.retryJob(id: id, actor: actor)
        enqueue(job.id)
        return job
    }

    /// Cancels job `id`: a queued one never starts, a running copy is interrupted and leaves no file.
    public func cancel(job id: Int64, actor: String) throws(StoreError) -> Job {
        let job = try ingest.database.cancelJob(id: id, actor: actor)
        state.condition.withLock { state.monitors[id] }?.cancel()
        return job
    }

    private func enqueue(_ id: Int64) {
        state.condition.withLock { state.queue.append(id) }
        state.condition.signal()
    }

    private static func work(_ state: State, _ ingest: MediaIngest, _ logger: Logger) {
        while let id = next(state) {
            do {
                let job = try ingest.run(job: id, started: { monitor in state.condition.withLock { state.monitors[id] = monitor } })
                logger.info("ingest \(job.state.rawValue)", metadata: ["job": "\(id)", "asset": "\(job.assetId.map(String.init) ?? "-")", "error": "\(job.error ?? "")"])
            } catch {
                logger.error("ingest job could not be run: \(error)", metadata: ["job": "\(id)"])
            }
            _ = state.condition.withLock { state.monitors.removeValue(forKey: id) }
        }
    }

    /// The next queued job id; nil once the worker is released.
    private static func next(_ state: State) -> Int64? {
        state.condition.withLock {
            while state.queue.isEmpty, !state.stopped { state.condition.wait() }
            return state.stopped ? nil : state.queue.removeFirst()
        }
    }
}
