import Foundation

/// One request the sandbox received, as recorded in its ``SandboxRequestLog``. Secrets are redacted:
/// `Authorization`, `Cookie`, `user_keys`, `code`, `refresh_token`, `client_secret` never appear in clear.
public struct SandboxRequest: Sendable, Identifiable {
    /// Order of arrival, from 1.
    public var id: Int
    public var service: SandboxService
    public var method: String
    /// The path without the query.
    public var path: String
    /// The query with secret values replaced by `<redacted>`.
    public var query: String
    /// Header names in lower case; several values joined by `, `; secrets replaced by `<scheme> <redacted>`.
    public var headers: [String: String]
    /// The request body for Equicty POSTs (filters and colours, never secret); `nil` elsewhere.
    public var body: String?
    /// `grant_type` of a token request.
    public var grantType: String?
    /// When its head arrived (wall clock, for display) and on the monotonic clock (for intervals).
    public var receivedAt: Date
    public var receivedInstant: ContinuousClock.Instant
    /// When the answer was handed to the server to write (after the latency); `nil` until then.
    public var answeredInstant: ContinuousClock.Instant?
    /// Requests in flight at arrival, this one included.
    public var inFlightAtArrival: Int
    /// Status of the answer, once it was given (a dropped connection has none).
    public var status: Int?
    /// The injected fault, if any (`"status(503)"`, `"tooManyRequests(2)"`, `"retryAfterWindow"`, …).
    public var fault: String?
    /// It arrived inside a running Retry-After window of its service (later than the grace after the window opened).
    public var violatedRetryAfter: Bool

    /// `Accept-Language` as the client sent it.
    public var acceptLanguage: String? { headers["accept-language"] }
}
