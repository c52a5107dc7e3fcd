/// A per-service rate limit: more than `requests` accepted requests within any `window` get 429
/// with a `Retry-After` that runs until the oldest of them leaves the window.
package struct SandboxRateLimit: Sendable, Equatable {
    package var requests: Int
    package var window: Duration

    package init(requests: Int, per window: Duration) {
        self.requests = requests
        self.window = window
    }
}
