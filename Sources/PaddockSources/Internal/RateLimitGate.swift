/// One service's 429 gate: after a `Retry-After`, no request to that service starts before it ends.
actor RateLimitGate {
    private var closedUntil: ContinuousClock.Instant?
    private let clock = ContinuousClock()
    /// Every window the gate was closed for, oldest first (for the benchmark's check).
    private(set) var windows: [(from: ContinuousClock.Instant, until: ContinuousClock.Instant)] = []

    /// Waits until the gate is open (returns at once when it is).
    func waitUntilOpen() async throws {
        while let until = closedUntil, until > clock.now {
            try await Task.sleep(until: until, clock: clock)
        }
    }

    /// When a closed gate opens again; `nil` when it is open.
    var reopening: ContinuousClock.Instant? {
        guard let until = closedUntil, until > clock.now else { return nil }
        return until
    }

    /// True when a request may start now.
    var isOpen: Bool {
        guard let until = closedUntil else { return true }
        return until <= clock.now
    }

    /// Closes the gate for `duration` from now (never shortens a longer closure already in force).
    func close(for duration: Duration) {
        let now = clock.now
        let until = now + duration
        if let current = closedUntil, current >= until { return }
        closedUntil = until
        windows.append((now, until))
    }
}
