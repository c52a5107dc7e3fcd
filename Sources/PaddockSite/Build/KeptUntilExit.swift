import Foundation

/// Values a one-shot process keeps until it exits instead of freeing them.
///
/// Freeing a 10,000-horse build's catalogue, plan, page contexts and publish index one object
/// at a time took about 80 ms on one core at the end of `paddock build` (a profile of a warm
/// build: 172 samples of the last 0.3 s, while the other core idled), time in which nothing else
/// runs. A process that exits right after the build (``SiteBuilder/freesBuildStateOnReturn``
/// `false`) hands them here and the kernel reclaims the memory at exit; a long-running one
/// (`serve`, `webhook`) never does, so it does not grow from build to build.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: Any) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    /// How many values are kept (for tests).
    static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.count
    }
}
