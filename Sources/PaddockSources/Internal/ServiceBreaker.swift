/// One service's circuit breaker for one run. It opens — the service is down for the rest of the
/// run, and no further request to it is sent — after `threshold` connection failures in a row
/// (refused, connect timeout, closed before an answer; any answer from the service resets the
/// count; a read timeout is a slow service, not a failed connection), when a request could not connect on any of its tries with no answer from
/// the service in between, or once the service's time bound for the run has passed (counted from
/// its first request). Items not fetched then stand in with their cached copies.
actor ServiceBreaker {
    let service: SourceService
    let threshold: Int
    let timeLimit: Duration
    private let clock = ContinuousClock()
    private var deadline: ContinuousClock.Instant?
    private(set) var consecutiveFailures = 0
    /// Why the service is down; `nil` while it is not.
    private(set) var openReason: String?

    init(service: SourceService, threshold: Int, timeLimit: Duration) {
        self.service = service
        self.threshold = max(1, threshold)
        self.timeLimit = timeLimit
    }

    /// Lets a request go when the service is not down, and tells how long it may take.
    /// - Returns: the time left of the service's bound (its clock starts with the first request).
    /// - Throws: ``SourcesError/serviceDown(service:item:reason:)`` when the breaker is open.
    func admit(_ item: String) throws(SourcesError) -> Duration {
        let now = clock.now
        let end = deadline ?? now + timeLimit
        deadline = end
        openIfPastBound(now)
        if let openReason { throw SourcesError.serviceDown(service: service, item: item, reason: openReason) }
        return end - now
    }

    private func openIfPastBound(_ now: ContinuousClock.Instant) {
        guard openReason == nil, let deadline, now >= deadline else { return }
        openReason = "it took longer than its time bound for the run (\(Self.describe(timeLimit)))"
    }

    /// Whether the service's time bound ends before `instant`.
    func boundEnds(before instant: ContinuousClock.Instant) -> Bool {
        deadline.map { $0 < instant } ?? false
    }

    /// The service answered (whatever the status): it is reachable.
    func recordAnswer() {
        consecutiveFailures = 0
    }

    /// A try failed before any answer came. Opens the breaker at the threshold (or, when the try
    /// was cut short by the time bound, for the time bound).
    func recordConnectionFailure(_ detail: String) {
        openIfPastBound(clock.now)
        consecutiveFailures += 1
        if openReason == nil, consecutiveFailures >= threshold {
            openReason = "\(consecutiveFailures) connection failures in a row, the last: \(detail)"
        }
    }

    /// Opens the breaker (a reason given first stays).
    func open(_ reason: String) {
        if openReason == nil { openReason = reason }
    }

    static func describe(_ duration: Duration) -> String {
        let seconds = Int((duration / .seconds(1)).rounded())
        return seconds % 60 == 0 && seconds >= 60 ? "\(seconds / 60) min" : "\(seconds) s"
    }
}
