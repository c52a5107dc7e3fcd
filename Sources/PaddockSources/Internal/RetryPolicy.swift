import Foundation

/// How hard a request is tried: exponential backoff with jitter, and how long a 429 may make it wait.
struct RetryPolicy: Sendable {
    /// Tries per request, the first included.
    var maxTries: Int
    /// The delay before the second try; each further try doubles it.
    var baseDelay: Duration
    /// The longest single backoff.
    var maxDelay: Duration = .seconds(10)
    /// A `Retry-After` longer than this fails the request instead of stalling the run.
    var maxRetryAfter: Duration = .seconds(300)
    /// How many 429 answers one request accepts before it gives up.
    var maxRateLimitWaits: Int = 10
    /// The largest body accepted.
    var maxBodyBytes: Int = 64 << 20

    /// The wait before try `failedTries + 1`: `base × 2^(failedTries-1)`, jittered to 50–100 %.
    func backoff(afterFailedTries failedTries: Int) -> Duration {
        let exponent = Double(max(0, failedTries - 1))
        let full = min(baseDelay * pow(2, exponent), maxDelay)
        return full * Double.random(in: 0.5...1.0)
    }

    /// Parses `Retry-After`: delta-seconds (fractions accepted) or an HTTP date; `nil` when unreadable.
    static func retryAfter(_ header: String?, now: Date = Date()) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        let interval = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64((interval * 1000).rounded(.up)))
    }
}
