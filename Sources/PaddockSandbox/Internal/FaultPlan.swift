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
    private var windows: [SandboxService: (sentAt: ContinuousClock.Instant, until: ContinuousClock.Instant)] = [:]

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
        if case .tooManyRequests(let seconds) = chosen {
            windows[service] = (now, now + .seconds(seconds))
        }
        return Decision(kind: chosen, retryAfterRemaining: nil, violation: false)
    }
}

/// A small seeded generator, so random failures repeat run after run.
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
