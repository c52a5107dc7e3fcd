import Foundation
import Logging
import PaddockSite
import PaddockPublish

extension BuildCoordinator {
    /// The worker: runs the current build, then the queued one, until none is left.
    func runQueue() async {
        while let id = currentID {
            await run(id)
            currentID = queuedID
            queuedID = nil
        }
        worker = nil
    }

    private func run(_ id: Int) async {
        let lock: BuildLock?
        do {
            lock = try await acquireLock(for: id)
        } catch {
            finish(id, outcome: nil, error: error is CancellationError ? "abandoned: the server shut down before the build could start" : "\(error)")
            return
        }
        defer { lock?.release() }
        records[id]?.waitingForLock = false
        records[id]?.state = .running
        records[id]?.startedAt = now()
        let refetch = records[id]?.refetch ?? false
        logger.info("Build started", metadata: ["build.id": "\(id)", "build.refetch": "\(refetch)"])
        do {
            let outcome = try await builder.build(refetch: refetch)
            finish(id, outcome: outcome, error: nil)
        } catch is CancellationError {
            finish(id, outcome: nil, error: "abandoned: the server shut down during the build; the published site is unchanged")
        } catch {
            finish(id, outcome: nil, error: "\(error)")
        }
    }

    /// Takes the shared lock without blocking a thread, telling the build's record while it waits.
    private func acquireLock(for id: Int) async throws -> BuildLock? {
        guard let lockFile else { return nil }
        return try await BuildLock.acquire(at: lockFile, pollingEvery: lockPollInterval) {
            records[id]?.waitingForLock = true
            logger.info("Waiting for the build lock held by another build", metadata: ["build.id": "\(id)", "lock.path": "\(lockFile.path)"])
        }
    }

    func finish(_ id: Int, outcome: BuildOutcome?, error: String?) {
        guard var record = records[id] else { return }
        record.state = error == nil ? .succeeded : .failed
        record.finishedAt = now()
        record.waitingForLock = false
        record.outcome = outcome
        record.error = error
        records[id] = record
        if let duration = record.durationSeconds { lastDuration = duration }
        if let error {
            logger.error("Build failed", metadata: ["build.id": "\(id)", "build.error": "\(error)"])
        } else {
            logger.info("Build succeeded", metadata: ["build.id": "\(id)", "build.summary": "\(outcome?.summary ?? "")"])
        }
        for waiter in waiters.removeValue(forKey: id) ?? [] { waiter.resume(returning: record) }
        prune()
    }

    private func prune() {
        let finished = records.values.filter(\.state.isFinished).map(\.id).sorted()
        for id in finished.dropLast(retainedRecords) { records[id] = nil }
    }

    /// Stops taking triggers, drops the queued follow-up build, and waits up to `gracePeriod` for the
    /// running build; after that the running build is cancelled (the publisher keeps the site intact).
    package func drain(gracePeriod: Duration) async {
        isDraining = true
        if let id = queuedID {
            queuedID = nil
            finish(id, outcome: nil, error: "abandoned: the server shut down before the build could start")
        }
        guard let worker else { return }
        let timer = Task {
            try await Task.sleep(for: gracePeriod)
            worker.cancel()
        }
        await worker.value
        timer.cancel()
    }
}
