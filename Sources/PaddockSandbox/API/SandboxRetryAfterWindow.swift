/// One `Retry-After` window the sandbox announced, on its own monotonic clock: from the instant
/// the 429 was handed to the server to write until the instant its `Retry-After` names. A request
/// to the same service that arrives inside it started before its client could honour the 429.
package struct SandboxRetryAfterWindow: Sendable {
    package var service: SandboxService
    /// The ``SandboxRequest/id`` of the request answered with the 429 that opened it.
    package var openedBy: Int
    /// When the 429 was handed to the server to write (after the latency).
    package var sentAt: ContinuousClock.Instant
    /// When the window ends: the seconds sent, or the HTTP date sent, on the monotonic clock.
    package var until: ContinuousClock.Instant
    /// The `Retry-After` value as sent (`"2"`, or `"Tue, 01 Dec 2026 20:15:02 GMT"`).
    package var retryAfter: String

    /// Whether `instant` falls inside the window (its start included, its end excluded).
    package func contains(_ instant: ContinuousClock.Instant) -> Bool {
        instant >= sentAt && instant < until
    }
}
