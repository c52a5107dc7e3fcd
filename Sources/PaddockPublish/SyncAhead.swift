import Foundation

/// Flushes a release to disk in the background while it is still being written, so the one sync
/// before the swap (``Publisher/syncBeforeSwap``) finds little left to write and the build does
/// not sit waiting for the disk at the end.
///
/// Every `threshold` bytes written, a dedicated thread runs `syncfs(2)` on the releases' file
/// system (never two at once); ``finish()`` waits for the one in flight. It only moves work
/// earlier: the sync before the swap still runs and is what makes the release durable.
final class SyncAhead: @unchecked Sendable {
    private let path: String
    private let threshold: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var unsynced = 0
    private var requested = false
    private var stopped = false
    private var running = false
    private var requests = 0
    private var started = 0

    /// Background syncs asked for so far (for tests).
    var syncsRequested: Int { condition.lock(); defer { condition.unlock() }; return requests }

    /// Background syncs started so far (for tests).
    var syncsStarted: Int { condition.lock(); defer { condition.unlock() }; return started }

    /// Waits until `count` background syncs have started; `false` when `deadline` came first (for tests).
    func waitForSyncsStarted(_ count: Int, deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while started < count {
            if !condition.wait(until: deadline) { return started >= count }
        }
        return true
    }

    init(path: String, threshold: Int = 24 << 20) {
        self.path = path
        self.threshold = threshold
        let thread = Thread { [self] in loop() }
        thread.name = "paddock.sync-ahead"
        thread.start()
    }

    /// Notes `count` bytes written; starts a background sync once enough have piled up (never
    /// after ``finish()``).
    func wrote(_ count: Int) {
        condition.lock()
        unsynced += count
        if unsynced >= threshold, !requested, !stopped {
            unsynced = 0
            requested = true
            requests += 1
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Stops the thread, after the sync in flight (if any) has finished.
    func finish() {
        condition.lock()
        stopped = true
        requested = false
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while !requested && !stopped { condition.wait() }
            if stopped { break }
            requested = false
            running = true
            started += 1
            condition.broadcast()
            condition.unlock()
            POSIXFileSystem.syncFileSystem(of: path)
            condition.lock()
            running = false
            condition.broadcast()
        }
        condition.unlock()
    }
}
