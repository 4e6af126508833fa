import Foundation

/// Blocking work run on a thread of its own while the caller does something else (for an ingest,
/// the thumbnail and checksum beside the loudness pass); `result()` waits for it.
final class Alongside<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var outcome: Result<Value, any Error>?

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let ended = Result { try work() }
            condition.withLock {
                outcome = ended
                condition.broadcast()
            }
        }
        thread.name = "sretv-alongside"
        thread.start()
    }

    /// Waits for the work to end; returns what it returned or throws what it threw.
    func result() throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return try outcome!.get()
    }
}
