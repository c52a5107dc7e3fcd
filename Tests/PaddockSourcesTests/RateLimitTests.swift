import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// A 429 closes the service's gate before its request gives up its slot, so no request starts
/// inside the Retry-After window: checked by the sandbox's own clock, which records each window
/// from the moment its 429 was handed over to be sent, and each request's arrival. With one slot
/// nothing else can be in flight, so any arrival inside a window is a request started too early.
@Suite struct RateLimitTests {
    @Test(arguments: [1, 8], [false, true])
    func noRequestStartsInsideARetryAfterWindow(concurrency: Int, retryAfterAsHTTPDate: Bool) async throws {
        var options = SandboxOptions()
        options.latency = .milliseconds(10)
        options.retryAfterAsHTTPDate = retryAfterAsHTTPDate
        // One at a time: four short windows, since a client that lets a request slip into one does
        // not always manage it. Eight at a time: two longer windows.
        let windowsOpened = concurrency == 1 ? [6, 14, 22, 30] : [6, 22]
        let retryAfter = concurrency == 1 ? 1 : 4
        options.faults = [SandboxFault(.tooManyRequests(retryAfterSeconds: retryAfter), trigger: .requestNumbers(Set(windowsOpened)),
                                       pathContains: "/equicty/")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), maxConcurrentRequests: concurrency)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty)
            #expect(report.catalogues[0].horses.count == (try SourcesTest.expected(sandbox)[0].horses.count))
            let log = await sandbox.requestLog.requests(to: .equicty)
            let windows = await sandbox.requestLog.retryAfterWindows
            #expect(windows.count == windowsOpened.count, "one window per injected 429")
            for window in windows {
                let inside = await sandbox.requestLog.arrivals(inside: window)
                let opener = try #require(log.first { $0.id == window.openedBy })
                let summary = Self.describe(inside, window)
                if concurrency == 1 {
                    // One request at a time: the next one can start only after the 429 came back.
                    #expect(inside.count == 0, "requests inside the Retry-After window (\(window.retryAfter)) of request \(opener.id): \(summary)")
                } else {
                    // Requests sent before the client read the 429 may arrive inside the window, and
                    // a starved machine delivers them seconds late, on any connection (even the
                    // 429's own, when the HTTP client had queued one for it). So the server's clock
                    // can only tell that the 429'd item itself waits; one slot above is the exact proof.
                    let asked = inside.map(Self.identity)
                    #expect(!asked.contains(Self.identity(opener)), "request \(opener.id) was sent again inside its own Retry-After window")
                }
                // The 429'd item was asked for again, after the window.
                let retried = log.first { $0.id > opener.id && Self.identity($0) == Self.identity(opener) && $0.status == 200 }
                #expect(retried.map { $0.receivedInstant >= window.until } == true, "request \(opener.id) retried after its window")
            }
        }
    }

    static func describe(_ requests: [SandboxRequest], _ window: SandboxRetryAfterWindow) -> String {
        requests.map { "#\($0.id) +\(($0.receivedInstant - window.sentAt).formatted(.units(allowed: [.milliseconds])))" }.joined(separator: ", ")
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
