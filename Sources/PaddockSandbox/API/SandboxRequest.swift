import Foundation

/// One request the sandbox received, as recorded in its ``SandboxRequestLog``. Secrets are redacted:
/// `Authorization`, `Cookie`, `user_keys`, `code`, `refresh_token`, `client_secret` never appear in clear.
package struct SandboxRequest: Sendable, Identifiable {
    /// Order of arrival, from 1.
    package var id: Int
    package var service: SandboxService
    package var method: String
    /// The path without the query.
    package var path: String
    /// The query with secret values replaced by `<redacted>`.
    package var query: String
    /// Header names in lower case; several values joined by `, `; secrets replaced by `<scheme> <redacted>`.
    package var headers: [String: String]
    /// The request body for Equicty POSTs (filters and colours, never secret); `nil` elsewhere.
    package var body: String?
    /// `grant_type` of a token request.
    package var grantType: String?
    /// When its head arrived (wall clock, for display) and on the monotonic clock (for intervals).
    package var receivedAt: Date
    package var receivedInstant: ContinuousClock.Instant
    /// When the answer was handed to the server to write (after the latency); `nil` until then.
    package var answeredInstant: ContinuousClock.Instant?
    /// Requests in flight at arrival, this one included.
    package var inFlightAtArrival: Int
    /// Status of the answer, once it was given (a dropped connection has none).
    package var status: Int?
    /// The injected fault, if any (`"status(503)"`, `"tooManyRequests(2)"`, `"retryAfterWindow"`, …).
    package var fault: String?
    /// It arrived inside a running Retry-After window of its service (later than the grace after the window opened).
    package var violatedRetryAfter: Bool

    /// `Accept-Language` as the client sent it.
    package var acceptLanguage: String? { headers["accept-language"] }
}
