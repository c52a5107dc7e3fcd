import Foundation

/// The one hop of picture work off the cooperative pool: a fixed set of threads, one per core,
/// each running one libvips pipeline at a time (libvips itself runs each pipeline on one thread).
/// A job whose task is cancelled before a thread takes it never starts; a running job reads the
/// cancellation through the flag it is handed.
package final class MediaThreads: @unchecked Sendable {
    /// One pool per process, as wide as the machine.
    package static let shared = MediaThreads(count: ProcessInfo.processInfo.activeProcessorCount)

    package let count: Int
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var threadIDs: Set<UInt> = []

    package init(count: Int) {
        self.count = max(1, count)
        for index in 0..<self.count {
            let thread = Thread { [unowned self] in
                Thread.current.name = "paddock-media-\(index)"
                self.serve()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `work` on one of the threads and waits for it without blocking the calling task's thread.
    /// - Parameter work: receives a function telling whether the task was cancelled.
    package func run<T: Sendable>(_ work: @escaping @Sendable (_ isCancelled: @Sendable () -> Bool) throws -> T) async throws -> T {
        try Task.checkCancellation()
        let flag = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                enqueue {
                    if flag.isSet { continuation.resume(throwing: CancellationError()); return }
                    continuation.resume(with: Result { try work { flag.isSet } })
                }
            }
        } onCancel: {
            flag.set()
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Whether the caller runs on one of these threads.
    package var isCurrentThreadOwn: Bool {
        condition.lock()
        defer { condition.unlock() }
        return threadIDs.contains(UInt(bitPattern: Int(bitPattern: pthread_self())))
    }

    private func serve() {
        condition.lock()
        threadIDs.insert(UInt(bitPattern: Int(bitPattern: pthread_self())))
        condition.unlock()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// Set once, read from any thread.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
