import Foundation
import Logging

/// Collects a run's warnings and failures from its concurrent tasks, and logs them as they come.
actor FetchJournal {
    private(set) var warnings: [String] = []
    private(set) var failures: [String] = []
    private let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func warn(_ message: String) {
        warnings.append(message)
        logger.warning("\(message)")
    }

    func fail(_ message: String) {
        failures.append(message)
        logger.error("\(message)")
    }

    /// Notes where a loaded item came from: a fallback to the cache is a warning naming the item.
    func note(_ origin: ResponseStore.Origin, item: String) {
        if case .fallback(let fetchedAt, let error) = origin {
            warn("used the cached copy of \(item) from \(fetchedAt.formatted(.iso8601)) because: \(error)")
        }
    }
}
