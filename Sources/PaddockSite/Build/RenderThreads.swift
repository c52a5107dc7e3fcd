import Foundation

/// The one hop of a build off the cooperative pool: CPU-bound rendering runs on threads of its
/// own (``ParallelWork``), and the calling task waits on a continuation instead of blocking one of
/// the pool's few threads. Cancelling the task raises `stop`, which the workers read before each
/// page, so a cancelled build ends within one page per worker.
enum RenderThreads {
    static func run<T: Sendable>(stop: StopFlag, _ work: @escaping @Sendable (StopFlag) throws -> T) async throws -> T {
        try await withTaskCancellationHandler {
            let result: T = try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    continuation.resume(with: Result { try work(stop) })
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            if stop.isSet { throw CancellationError() }
            return result
        } onCancel: {
            stop.set()
        }
    }

    /// Blocking work that must finish once begun (the publish's swap and its history record):
    /// the same hop, deaf to cancellation.
    static func run<T: Sendable>(uncancellable work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
