import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// A 429 closes the service's gate for every request until its Retry-After has passed.
@Suite struct RateLimitTests {
    @Test func everyRequestToTheServiceWaitsOutRetryAfter() async throws {
        var options = SandboxOptions()
        options.latency = .milliseconds(10)
        // A generous grace: on a loaded machine the client may see the 429 a while after it was sent,
        // and requests it sent before then are not violations. The benchmark checks a quiet run.
        options.retryAfterGrace = .milliseconds(700)
        options.faults = [SandboxFault(.tooManyRequests(retryAfterSeconds: 2), trigger: .requestNumbers([6, 20]), pathContains: "/equicty/")]
        let concurrency = 8
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), maxConcurrentRequests: concurrency)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty)
            let log = await sandbox.requestLog.requests(to: .equicty)
            let injected = log.filter { $0.status == 429 && $0.fault?.hasPrefix("tooManyRequests") == true }
            #expect(injected.count == 2)
            // What a client that honours Retry-After can still let through: requests that passed the
            // gate before it saw the 429, at most one per other request in flight, which a starved
            // machine may deliver later than any grace. A client that ignores the window, or retries
            // early, sends requests every few milliseconds of it (10 ms latency, 8 in flight): hundreds.
            let stragglers = concurrency - 1
            let violations = await sandbox.requestLog.retryAfterViolations
            #expect(violations.count <= stragglers * injected.count, "requests inside a Retry-After window: \(violations.map(\.id))")
            // From the log's own timestamps: after each injected 429, what arrived after the client
            // could have seen it (later than the grace after the answer) and before the window ended.
            for hit in injected {
                let windowEnd = hit.receivedInstant + .seconds(2)
                let seen = hit.answeredInstant ?? hit.receivedInstant
                let inside = log.filter {
                    $0.receivedInstant > seen + options.retryAfterGrace && $0.receivedInstant < windowEnd
                }
                #expect(inside.count <= stragglers, "requests inside the Retry-After window of request \(hit.id): \(inside.map(\.id))")
                // A straggler is answered 429 too, and its client then waits out the whole window: so
                // nothing refused is asked for again inside it, the 429'd request least of all.
                let asked = inside.map(Self.identity)
                #expect(!asked.contains(Self.identity(hit)), "request \(hit.id) was sent again inside its own Retry-After window")
                #expect(Set(asked).count == asked.count, "a request was repeated inside the Retry-After window of request \(hit.id)")
            }
        }
    }

    /// What a request asks for: two requests with the same identity are a retry.
    static func identity(_ request: SandboxRequest) -> String {
        "\(request.method) \(request.path)?\(request.query) \(request.body ?? "")"
    }

    @Test func retryAfterParsesSecondsAndHTTPDates() {
        #expect(RetryPolicy.retryAfter("2") == .seconds(2))
        #expect(RetryPolicy.retryAfter("0.25") == .milliseconds(250))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("soon") == nil)
        #expect(RetryPolicy.retryAfter(nil) == nil)
    }

    @Test func backoffGrowsExponentiallyWithJitter() {
        let policy = RetryPolicy(maxTries: 5, baseDelay: .milliseconds(100))
        for _ in 0..<50 {
            let first = policy.backoff(afterFailedTries: 1), third = policy.backoff(afterFailedTries: 3)
            #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
            #expect(third >= .milliseconds(200) && third <= .milliseconds(400))
        }
    }
}
