import Foundation

/// Decides, per request, which fault (if any) it gets: a running Retry-After window of the service
/// first, then the rate limit, then the deterministic rules, then the seeded random failures.
actor FaultPlan {
    struct Decision: Sendable {
        var kind: SandboxFault.Kind?
        /// The running Retry-After window the request arrived in (answer 429 again).
        var window: SandboxRetryAfterWindow?
        /// It arrived inside the window later than the grace after the window opened.
        var violation: Bool
        var label: String? {
            if window != nil { return "retryAfterWindow" }
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
    private let retryAfterAsHTTPDate: Bool
    private var accepted: [SandboxService: [ContinuousClock.Instant]] = [:]
    fileprivate var windows: [SandboxService: SandboxRetryAfterWindow] = [:]

    init(options: SandboxOptions) {
        faults = options.faults
        failureRate = options.randomFailureRate
        failureStatus = options.randomFailureStatus
        grace = options.retryAfterGrace
        matchCounts = Array(repeating: 0, count: options.faults.count)
        random = SplitMix64(seed: options.seed)
        rateLimit = options.rateLimit
        retryAfterAsHTTPDate = options.retryAfterAsHTTPDate
    }

    func decide(method: String, path: String, service: SandboxService, at now: ContinuousClock.Instant) -> Decision {
        if let window = windows[service], window.contains(now) {
            return Decision(kind: nil, window: window, violation: now >= window.sentAt + grace)
        }
        if let limit = rateLimit, service != .media {
            var recent = (accepted[service] ?? []).filter { now - $0 < limit.window }
            if recent.count >= limit.requests, let oldest = recent.first {
                accepted[service] = recent
                return Decision(kind: .tooManyRequests(retryAfterSeconds: max(1, Self.seconds(oldest + limit.window - now))),
                                window: nil, violation: false)
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
        return Decision(kind: chosen, window: nil, violation: false)
    }

    /// Whole seconds, rounded up.
    static func seconds(_ d: Duration) -> Int {
        Int((Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18).rounded(.up))
    }
}

extension FaultPlan {
    /// Opens the Retry-After window of `service` as its 429 is handed over to be sent: requests
    /// arriving before then were legitimately in flight. With an HTTP date, the date is rounded up
    /// to the second it names, and the window runs until that date.
    /// - Returns: the window, whose `retryAfter` is the header value to send.
    func openRetryAfterWindow(_ service: SandboxService, seconds: Int, openedBy id: Int,
                              at instant: ContinuousClock.Instant, wallClock now: Date) -> SandboxRetryAfterWindow {
        let window: SandboxRetryAfterWindow
        if retryAfterAsHTTPDate {
            let date = HTTPDate.ceilingSecond(now.addingTimeInterval(Double(seconds)))
            let wait = Duration.milliseconds(Int64((date.timeIntervalSince(now) * 1000).rounded(.up)))
            window = SandboxRetryAfterWindow(service: service, openedBy: id, sentAt: instant, until: instant + wait,
                                             retryAfter: HTTPDate.format(date))
        } else {
            window = SandboxRetryAfterWindow(service: service, openedBy: id, sentAt: instant, until: instant + .seconds(seconds),
                                             retryAfter: String(seconds))
        }
        windows[service] = window
        return window
    }

    /// The `Retry-After` of a request answered 429 inside `window`: the seconds left (at least 1),
    /// or the window's own HTTP date.
    func retryAfter(inside window: SandboxRetryAfterWindow, at now: ContinuousClock.Instant) -> String {
        retryAfterAsHTTPDate ? window.retryAfter : String(max(1, Self.seconds(window.until - now)))
    }
}
