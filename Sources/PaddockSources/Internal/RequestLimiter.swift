/// A counting semaphore for requests in flight, shared by every client of a run.
actor RequestLimiter {
    private var available: Int
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0
    /// The highest number of permits held at once (the benchmark and tests read it).
    private(set) var peakInUse = 0
    private let capacity: Int

    init(limit: Int) {
        capacity = max(1, limit)
        available = capacity
    }

    /// Waits for a permit. - Throws: `CancellationError` when the task is cancelled while waiting.
    func acquire() async throws {
        try Task.checkCancellation()
        if available > 0 {
            available -= 1
            peakInUse = max(peakInUse, capacity - available)
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Returns a permit, handing it straight to the longest waiter.
    func release() {
        if waiters.isEmpty {
            available = min(capacity, available + 1)
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancel(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
