import Foundation
import Synchronization

/// Blocking work (FFmpeg, large disk reads, parsing and resolving documents) kept off Swift's
/// cooperative pool, whose few threads answer every request, playlists included.
///
/// `OffPool.run` gives each job a thread of its own. A pool (`OffPool.documents`) also bounds how
/// many of its jobs run at once: the others wait, suspended, for a turn, so that a flood of heavy
/// requests (validations, long guides) takes at most that many cores.
final class OffPool: Sendable {
    /// Validation, preview and guide work: one job at a time per two cores, at least one.
    static let documents = OffPool(width: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))

    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// How many jobs run at once.
    let width: Int
    private let state: Mutex<State>

    init(width: Int) {
        precondition(width >= 1, "an OffPool needs room for one job")
        self.width = width
        state = Mutex(State(free: width))
    }

    /// Runs `work` on a thread of its own and returns what it returns.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Runs `work` on a thread of its own once fewer than `width` of this pool's jobs are running.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await Self.run(work)
    }

    private func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state in
                guard state.free > 0 else {
                    state.waiting.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if admitted { continuation.resume() }
        }
    }

    /// Hands the turn to the longest waiting job, or frees it.
    private func leave() {
        let next = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.free += 1
                return nil as CheckedContinuation<Void, Never>?
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
