import Logging

/// The one owner of the preview's rebuild state: debounces bursts of file changes into one rebuild
/// (through the ``BuildCoordinator``, so under the shared lock), remembers whether the last build
/// failed, and tells subscribed browser tabs to reload after every finished build.
///
/// The clock is injected so that debouncing can be tested without waiting.
package actor PreviewSession<C: Clock> where C.Duration == Duration {
    /// What the preview shows now.
    package struct Status: Sendable, Equatable {
        /// Increases with every finished build (0 before the first).
        package var generation: Int
        /// The error of the last build, shown instead of every HTML page; `nil` when it succeeded.
        package var failure: String?
    }

    let coordinator: BuildCoordinator
    let clock: C
    let quietPeriod: Duration
    let logger: Logger

    package private(set) var status = Status(generation: 0, failure: nil)
    /// How many rebuilds file changes have asked for (after debouncing).
    package private(set) var rebuildsRequested = 0
    private var lastAppliedBuild = 0
    private var lastChange: C.Instant?
    private var debounce: Task<Void, Never>?
    private var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextSubscriber = 0
    private var isClosed = false

    /// - Parameter quietPeriod: A rebuild starts once no change was seen for this long.
    package init(coordinator: BuildCoordinator, clock: C, quietPeriod: Duration = .milliseconds(100), logger: Logger) {
        self.coordinator = coordinator
        self.clock = clock
        self.quietPeriod = quietPeriod
        self.logger = logger
    }

    /// Builds now and waits for it; returns the build's record (`nil` when the coordinator refused).
    @discardableResult
    package func rebuild(refetch: Bool = false) async -> BuildRecord? {
        guard let ticket = try? await coordinator.trigger(refetch: refetch) else { return nil }
        guard let record = await coordinator.finished(ticket.id) else { return nil }
        apply(record)
        return record
    }

    /// Notes changed input files; the rebuild follows once changes stop for the quiet period.
    package func filesChanged(_ paths: [String]) {
        guard !isClosed, !paths.isEmpty else { return }
        logger.debug("Input files changed", metadata: ["preview.changed": "\(paths.prefix(5))"])
        lastChange = clock.now
        if debounce == nil {
            debounce = Task { await self.settleThenRebuild() }
        }
    }

    private func settleThenRebuild() async {
        while let last = lastChange, clock.now < last.advanced(by: quietPeriod) {
            do { try await clock.sleep(until: last.advanced(by: quietPeriod), tolerance: nil) } catch { debounce = nil; return }
        }
        lastChange = nil
        debounce = nil
        rebuildsRequested += 1
        await rebuild(refetch: false)
    }

    private func apply(_ record: BuildRecord) {
        guard record.id > lastAppliedBuild, record.state.isFinished else { return }
        lastAppliedBuild = record.id
        status.generation += 1
        status.failure = record.state == .failed ? (record.error ?? "the build failed") : nil
        for continuation in subscribers.values { continuation.yield(status.generation) }
    }

    /// A stream of generations, one per finished build; it starts with the current generation when
    /// it differs from `since` (the page was built before the latest build).
    package func subscribe(since: Int?) -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(4))
        if isClosed {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        if let since, since != status.generation { continuation.yield(status.generation) }
        return stream
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    /// How many browser tabs listen for reloads.
    package var subscriberCount: Int { subscribers.count }

    /// Ends every subscription and ignores later changes (on shutdown).
    package func close() {
        isClosed = true
        debounce?.cancel()
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }
}
