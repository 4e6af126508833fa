import Foundation

/// Blocking work (FFmpeg, large disk reads) kept off Swift's cooperative pool.
enum OffPool {
    /// Runs `work` on a thread of its own and returns what it returns.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
