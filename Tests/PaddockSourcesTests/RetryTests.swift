import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// Retries with backoff on 5xx, truncated or cut bodies, invalid JSON and dropped connections.
@Suite struct RetryTests {
    static let faults: [(String, SandboxFault.Kind)] = [
        ("503", .status(503)), ("truncated body", .truncatedBody), ("invalid JSON", .invalidJSON),
        ("cut body with a matching Content-Length", .cutBody), ("dropped connection", .dropConnection),
    ]

    @Test(arguments: faults)
    func retriesAFailingDetailUntilItSucceeds(name: String, kind: SandboxFault.Kind) async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(kind, trigger: .firstRequests(2), pathContains: "/public/web/horses/1208", method: "GET")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty, "\(name): \(report.failures)")
            #expect(report.warnings.isEmpty)
            let tries = await sandbox.requestLog.requests(pathContaining: "/public/web/horses/1208").filter { $0.method == "GET" }
            #expect(tries.count == 3, "\(name): two failures, then the answer")
            let horse = try #require(report.catalogues[0].horses.first { $0.id == "1208" })
            #expect(!horse.pictures.isEmpty, "\(name): the details arrived")
        }
    }

    @Test func retriesAfterAReadTimeout() async throws {
        var options = SandboxOptions()
        // Only the first answer is delayed, far past the timeout. The timeout leaves an undelayed
        // answer time even while the whole suite runs on two busy cores; still, a loaded machine
        // has made a second try time out too (at 500 ms, and once at 1.5 s), so later tries may
        // be needed: what counts is that the timed-out try was retried and the item arrived.
        options.faults = [SandboxFault(.delay(.seconds(5)), trigger: .firstRequests(1), pathContains: "/public/web/horses/1208", method: "GET")]
        try await SourcesTest.withSandbox(options) { sandbox in
            var config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            config.readTimeout = .milliseconds(2_500)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty)
            let horse = try #require(report.catalogues[0].horses.first { $0.id == "1208" })
            #expect(!horse.pictures.isEmpty, "the details arrived after the timeout")
            let tries = await sandbox.requestLog.requests(pathContaining: "/public/web/horses/1208").filter { $0.method == "GET" }
            #expect(tries.count >= 2, "the slow answer timed out and a later try succeeded")
            #expect(tries.count <= config.maxTries, "no more tries than configured")
        }
    }

    @Test func retriesATruncatedHusbandryPage() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.invalidJSON, trigger: .firstRequests(1), pathContains: "/animals")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.catalogues[0].animals.count == (try SourcesTest.expected(sandbox)[0].animals.count))
            #expect(await sandbox.requestLog.requests(pathContaining: "/animals").count == 2)
        }
    }

    @Test func givesUpAfterMaxTriesAndReportsTheItem() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(500), trigger: .always, pathContains: "/public/web/horses/1208", method: "GET")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let cache = try SourcesTest.temporaryFolder()
            let config = SourcesTest.configuration(sandbox, cache: cache)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.count == 1)
            #expect(report.failures.first?.contains("horse 1208 (en)") == true)
            #expect(report.failures.first?.contains("HTTP 500") == true)
            #expect(!report.isComplete)
            #expect(await sandbox.requestLog.requests(pathContaining: "/public/web/horses/1208").filter { $0.method == "GET" }.count == 3)
            #expect(report.catalogues[0].horses.contains { $0.id == "1208" }, "the horse keeps its list data")
            let cached = ResponseCache(folder: cache).url(for: CacheKey(service: .equicty, language: "en", name: "horse-1208"))
            #expect(!FileManager.default.fileExists(atPath: cached.path), "failures are never cached")
        }
    }

    @Test func doesNotRetryAClientError() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(404), trigger: .always, pathContains: "/public/web/horses/1208", method: "GET")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.count == 1)
            #expect(await sandbox.requestLog.requests(pathContaining: "/public/web/horses/1208").filter { $0.method == "GET" }.count == 1)
        }
    }
}
