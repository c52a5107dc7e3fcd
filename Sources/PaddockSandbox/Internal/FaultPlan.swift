/// Decides, per request, which fault (if any) it gets: a running Retry-After window of the service
/// first, then the rate limit, then the deterministic rules, then the seeded random failures.
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
    private let rateLimit: SandboxRateLimit?
    private var accepted: [SandboxService: [ContinuousClock.Instant]] = [:]
    fileprivate var windows: [SandboxService: (sentAt: ContinuousClock.Instant, until: ContinuousClock.Instant)] = [:]

    init(options: SandboxOptions) {
        faults = options.faults
        failureRate = options.randomFailureRate
        failureStatus = options.randomFailureStatus
        grace = options.retryAfterGrace
        matchCounts = Array(repeating: 0, count: options.faults.count)
        random = SplitMix64(seed: options.seed)
        rateLimit = options.rateLimit
    }

    func decide(method: String, path: String, service: SandboxService, at now: ContinuousClock.Instant) -> Decision {
        if let window = windows[service], now < window.until {
            return Decision(kind: nil, retryAfterRemaining: max(1, Self.seconds(window.until - now)), violation: now > window.sentAt + grace)
        }
        if let limit = rateLimit, service != .media {
            var recent = (accepted[service] ?? []).filter { now - $0 < limit.window }
            if recent.count >= limit.requests, let oldest = recent.first {
                accepted[service] = recent
                return Decision(kind: .tooManyRequests(retryAfterSeconds: max(1, Self.seconds(oldest + limit.window - now))),
                                retryAfterRemaining: nil, violation: false)
            }
            recent.append(now)
            accepted[service] = recent
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

    /// Whole seconds, rounded up.
    static func seconds(_ d: Duration) -> Int {
        Int((Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18).rounded(.up))
    }
}

extension FaultPlan {
    /// Opens the Retry-After window of `service` when its 429 is sent: requests arriving before the
    /// window opened were legitimately in flight and are never violations.
    func openRetryAfterWindow(_ service: SandboxService, seconds: Int, at instant: ContinuousClock.Instant) {
        windows[service] = (instant, instant + .seconds(seconds))
    }
}
