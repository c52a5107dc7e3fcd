/// Counts the builds of one builder, to show that they never overlapped.
package actor BuildStatistics {
    package private(set) var startedCount = 0
    package private(set) var finishedCount = 0
    package private(set) var running = 0
    /// The most builds that ever ran at the same time (1 when they never overlapped).
    package private(set) var maxConcurrent = 0

    package init() {}

    func started() {
        startedCount += 1
        running += 1
        maxConcurrent = max(maxConcurrent, running)
    }

    func finished() {
        finishedCount += 1
        running -= 1
    }
}
