/// Decides, per request, which fault (if any) it gets: the deterministic rules first, then the
/// seeded random failures, and a running Retry-After window of the service above both.
actor FaultPlan {
    struct Decision: Sendable {
        var kind: SandboxFault.Kind?
        /// Seconds left of a running Retry-After window (answer 429 again).
        var retryAfterRemaining: Int?
        var violation: Bool
        var label: String? {
            if retryAfterRemaining != nil { return "retryAfterWindow" }
            return kind.map { "\($0)" }
        }
    }

    private let faults: [SandboxFault]
    private let failureRate: Double
    private let failureStatus: Int
    private let grace: Duration
    private var matchCounts: [Int]
    private var random: SplitMix64
    fileprivate var windows: [SandboxService: (sentAt: ContinuousClock.Instant, until: ContinuousClock.Instant)] = [:]

    init(options: SandboxOptions) {
        faults = options.faults
        failureRate = options.randomFailureRate
        failureStatus = options.randomFailureStatus
        grace = options.retryAfterGrace
        matchCounts = Array(repeating: 0, count: options.faults.count)
        random = SplitMix64(seed: options.seed)
    }

    func decide(method: String, path: String, service: SandboxService, at now: ContinuousClock.Instant) -> Decision {
        if let window = windows[service], now < window.until {
            let left = window.until - now
            let seconds = Int((Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18).rounded(.up))
            return Decision(kind: nil, retryAfterRemaining: max(1, seconds), violation: now > window.sentAt + grace)
        }
        var chosen: SandboxFault.Kind?
        for (i, fault) in faults.enumerated() where fault.matches(method: method, path: path) {
            if fault.pathContains == nil && service == .media { continue }
            matchCounts[i] += 1
            if chosen == nil && fault.fires(onMatch: matchCounts[i]) { chosen = fault.kind }
        }
        if chosen == nil, failureRate > 0, service != .media, random.nextUnit() < failureRate {
            chosen = .status(failureStatus)
        }
        return Decision(kind: chosen, retryAfterRemaining: nil, violation: false)
    }
}

extension FaultPlan {
    /// Opens the Retry-After window of `service` when its 429 is sent: requests arriving before the
    /// window opened were legitimately in flight and are never violations.
    func openRetryAfterWindow(_ service: SandboxService, seconds: Int, at instant: ContinuousClock.Instant) {
        windows[service] = (instant, instant + .seconds(seconds))
    }
}
