import Foundation

/// Values a one-shot process keeps until it exits instead of freeing them.
///
/// Freeing a 10,000-horse build's catalogue, plan, page contexts and publish index one object
/// at a time keeps one core busy for tens of milliseconds at the end of `paddock build`, while
/// nothing else runs (keeping them saves about 37 ms a build: docs/PERFORMANCE.md). A process
/// that exits right after the build (``SiteBuilder/freesBuildStateOnReturn`` `false`) hands them
/// here and the kernel reclaims the memory at exit; a long-running one (`serve`, `webhook`) never
/// does, so it does not grow from build to build.
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
