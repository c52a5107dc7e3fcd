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
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty)
            let log = await sandbox.requestLog.requests(to: .equicty)
            let limited = log.filter { $0.status == 429 }
            #expect(limited.count >= 2)
            #expect(await sandbox.requestLog.retryAfterViolations.isEmpty)
            // From the log's own timestamps: after each injected 429, nothing that was sent after the
            // client saw it (later than the sandbox's grace period) arrived before the second was up.
            // The client can see a 429 only once it was answered (on a loaded machine that can be
            // well after the request arrived), so the grace runs from the answer.
            for hit in limited where hit.fault?.hasPrefix("tooManyRequests") == true {
                let windowEnd = hit.receivedInstant + .seconds(2)
                let seen = hit.answeredInstant ?? hit.receivedInstant
                let inside = log.filter {
                    $0.receivedInstant > seen + options.retryAfterGrace && $0.receivedInstant < windowEnd
                }
                #expect(inside.isEmpty, "requests inside the Retry-After window of request \(hit.id): \(inside.map(\.id))")
            }
        }
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
