/// A per-service rate limit: more than `requests` accepted requests within any `window` get 429
/// with a `Retry-After` that runs until the oldest of them leaves the window.
public struct SandboxRateLimit: Sendable, Equatable {
    public var requests: Int
    public var window: Duration

    public init(requests: Int, per window: Duration) {
        self.requests = requests
        self.window = window
    }
}
