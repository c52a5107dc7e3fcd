import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// A service that stops answering is down for the rest of the run after a few connection failures
/// in a row (or once its time bound has passed): nothing more is sent to it, and everything of it
/// not yet fetched, listings included, stands in with its cached copy.
@Suite struct BreakerTests {
    /// A warm cache from a complete fetch, and a configuration pointing at the stopped sandbox
    /// that filled it (its port refuses connections).
    static func warmCacheOfAStoppedSandbox(husbandry: Bool = true) async throws -> (FetchReport, SourcesConfiguration, Credentials) {
        let cache = try SourcesTest.temporaryFolder()
        return try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache, languages: ["en", "nl"], husbandry: husbandry ? .v1 : nil)
            let credentials = SourcesTest.credentials(sandbox)
            let report = try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
            try #require(report.failures.isEmpty && report.warnings.isEmpty)
            return (report, config, credentials)
        }
    }

    /// Every item of `warm` is there, with its details and pedigree: fresh (picture URLs then name
    /// the second sandbox's port) or from the cache.
    static func expectSameCatalogues(_ report: FetchReport, _ warm: FetchReport) {
        #expect(report.catalogues.map(\.language) == warm.catalogues.map(\.language))
        for (x, y) in zip(report.catalogues, warm.catalogues) {
            #expect(x.horses.map(\.id) == y.horses.map(\.id), "\(x.language): the same horses")
            #expect(x.horses.map(\.pictures.count) == y.horses.map(\.pictures.count), "\(x.language): every horse's details")
            #expect(x.horses.map { $0.horsetelexHTML != nil } == y.horses.map { $0.horsetelexHTML != nil }, "\(x.language): every pedigree")
            #expect(x.animals == y.animals, "\(x.language): the cached animals")
        }
    }

    @Test func aDeadServiceIsDownAtOnceAndTheCacheStandsInForEverything() async throws {
        let (warm, config, credentials) = try await Self.warmCacheOfAStoppedSandbox()
        let clock = ContinuousClock()
        let started = clock.now
        let report = try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
        let elapsed = clock.now - started
        #expect(elapsed < .seconds(5), "failed over in \(elapsed)")
        #expect(Set(report.servicesDown.keys) == [.equicty, .husbandry])
        #expect(report.failures.isEmpty && report.isComplete)
        Self.expectSameCatalogues(report, warm)
        let down = report.warnings.filter { $0.contains(" is down (") && $0.contains("from the cache instead") }
        #expect(down.count == 2, "one warning per service: \(report.warnings)")
        #expect(report.warnings.count == 2, "no warning per item: \(report.warnings)")
        // Equicty: the two lists' tries until five failed in a row; Husbandry: page 1's three tries.
        #expect(report.requests <= config.breakerFailures + 1 + config.maxTries, "requests sent to dead services: \(report.requests)")
    }

    @Test func aServiceStoppedMidFetchIsAskedNothingMoreAndTheCacheStandsIn() async throws {
        let (warm, warmConfig, _) = try await Self.warmCacheOfAStoppedSandbox(husbandry: false)
        var options = SandboxOptions()
        options.latency = .milliseconds(100)
        let sandbox = try await SandboxServer.start(options: options, logger: SourcesTest.logger)
        var config = SourcesTest.configuration(sandbox, cache: warmConfig.cacheFolder, languages: ["en", "nl"])
        config.retryBaseDelay = .milliseconds(250)
        let fetch = Task { [config] in try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network) }
        // Stop the service once the lists and a few details are in.
        while await sandbox.requestLog.requests.filter({ $0.status == 200 }).count < 12 {
            try await Task.sleep(for: .milliseconds(5))
        }
        let clock = ContinuousClock()
        let stopped = clock.now
        await sandbox.stop()
        let received = await sandbox.requestLog.requests.count
        let report = try await fetch.value
        let elapsed = clock.now - stopped
        #expect(elapsed < .seconds(5), "finished \(elapsed) after the service stopped")
        #expect(report.servicesDown[.equicty] != nil, "\(report.warnings)")
        #expect(report.failures.isEmpty)
        Self.expectSameCatalogues(report, warm)
        #expect(report.warnings.contains { $0.hasPrefix("Equicty is down (") && $0.contains("from the cache instead") }, "\(report.warnings)")
        // Once down, nothing more is sent: only the tries in flight, and those up to the breaker.
        let sentAfterStop = report.requests - received
        #expect(sentAfterStop <= config.breakerFailures + config.maxConcurrentRequests,
                "\(sentAfterStop) requests sent to a stopped service (each of the \(report.catalogues.count * 36 - received) items left would have been tried \(config.maxTries) times)")
    }

    @Test func aDeadServiceWithoutACacheFailsTheListingAtOnce() async throws {
        let cache = try SourcesTest.temporaryFolder()
        let (config, credentials) = try await SourcesTest.withSandbox { sandbox in
            (SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: SourcesError.self) {
            try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
        }
        #expect(clock.now - started < .seconds(5))
        guard case .listingFailed(.equicty, "horse list (en)", let underlying) = error, underlying.isServiceDown else {
            Issue.record("expected the list to fail because Equicty is down, got \(String(describing: error))")
            return
        }
        #expect("\(underlying)".contains("Equicty is down for this run"))
    }

    @Test func aServicePastItsTimeBoundIsDownAndTheCacheStandsIn() async throws {
        let (warm, warmConfig, _) = try await Self.warmCacheOfAStoppedSandbox(husbandry: false)
        var options = SandboxOptions()
        options.latency = .seconds(2)
        try await SourcesTest.withSandbox(options) { sandbox in
            var config = SourcesTest.configuration(sandbox, cache: warmConfig.cacheFolder, languages: ["en", "nl"])
            config.serviceTimeLimit = .milliseconds(1_500)
            let clock = ContinuousClock()
            let started = clock.now
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            // At 2 s an answer and 8 in flight, the whole fetch takes 20 s or more; a loaded machine
            // may add seconds to the bound of 1.5 s, never that much.
            #expect(clock.now - started < .seconds(10))
            #expect(report.servicesDown[.equicty]?.contains("longer than its time bound for the run") == true, "\(report.servicesDown)")
            #expect(report.failures.isEmpty)
            Self.expectSameCatalogues(report, warm)
        }
    }
}
