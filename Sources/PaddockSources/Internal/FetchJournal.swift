import Foundation
import Logging

/// Collects a run's warnings and failures from its concurrent tasks, and logs them as they come.
actor FetchJournal {
    private(set) var warnings: [String] = []
    private(set) var failures: [String] = []
    /// Answers that stood in with their cached copy because their service was down, per service.
    private(set) var standIns: [SourceService: Int] = [:]
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

    /// Notes where a loaded item came from: a fallback to the cache is a warning naming the item,
    /// except when its service was down (counted, and told once per service: ``serviceDown(_:reason:)``).
    func note(_ origin: ResponseStore.Origin, item: String) {
        guard case .fallback(let fetchedAt, let error) = origin else { return }
        if error.isServiceDown, let service = error.service {
            standIns[service, default: 0] += 1
            return
        }
        warn("used the cached copy of \(item) from \(fetchedAt.formatted(.iso8601)) because: \(error)")
    }

    /// Counts answers of `service` read from the cache because it was down.
    func noteStandIns(_ service: SourceService, count: Int) {
        standIns[service, default: 0] += count
    }

    /// Says that `service` was down and how much of the run the cache stood in for.
    func serviceDown(_ service: SourceService, reason: String) {
        let count = standIns[service] ?? 0
        let cached = count == 1 ? "1 answer came" : "\(count) answers came"
        warn("\(service) is down (\(reason)): nothing more was asked of it in this run, and \(cached) from the cache instead")
    }
}
