import Foundation
import Logging
import PaddockDemo
import PaddockTestSupport
import Synchronization
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// A cancelled build stops rendering within a page per core and publishes nothing.
@Suite struct BuildCancellationTests {
    static let logger = Logger(label: "test.cancel", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Counts pages, lets the test know when the first one arrives, and holds every worker in
    /// `add` until the test has cancelled, so the count does not depend on the machine's load.
    final class FirstPageSignal: SiteSink, @unchecked Sendable {
        let count = Atomic<Int>(0)
        let first: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        private let released = DispatchSemaphore(value: 0)
        init() { (first, continuation) = AsyncStream<Void>.makeStream() }
        func add(_ page: RenderedPage) throws {
            if count.add(1, ordering: .relaxed).newValue == 1 { continuation.yield(); continuation.finish() }
            released.wait()
            released.signal()
        }
        func add(_ file: StaticFile) throws {}
        func release() { released.signal() }
    }

    /// Waits for `stream`'s first element, failing the test after `seconds`.
    static func first(_ stream: AsyncStream<Void>, within seconds: Int) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { for await _ in stream { return true }; return false }
            group.addTask { try await Task.sleep(for: .seconds(seconds)); return false }
            let arrived = try await group.next() ?? false
            group.cancelAll()
            #expect(arrived, "no page within \(seconds) s")
        }
    }

    @Test func cancellingARenderStopsItEarly() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en"])
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 4000, animalCount: 0),
                                  logger: Self.logger)
        let sink = FirstPageSignal()
        let build = Task { try await builder.render(refetch: false, into: sink) }
        try await Self.first(sink.first, within: 120)
        build.cancel()
        sink.release()
        let result = await build.result
        #expect(throws: CancellationError.self) { try result.get() }
        // Of about 4,800 pages, each worker hands on the page it holds and stops at its next one.
        #expect(sink.count.load(ordering: .relaxed) <= ProcessInfo.processInfo.activeProcessorCount + 2)
    }

    @Test func aCancelledBuildLeavesThePublishedSiteAsItWas() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en"])
        // The large build's publish is held at its first progress report until the test has cancelled.
        let fixture = try await HeldDemoBuild(config: config, logger: Self.logger)
        let hold = fixture.hold, large = fixture.large
        let build = Task { [large] in try await large.buildHoldingLock(refetch: false, wait: true) }
        try await Self.first(hold.reached, within: 120)
        build.cancel()
        hold.release()
        let result = await build.result
        #expect(throws: CancellationError.self) { try result.get() }
        let now = try fixture.published()
        #expect(now.release == fixture.publishedRelease)
        #expect(now.listing == fixture.publishedListing)
        // The lock is free again: the next build runs.
        let again = try await fixture.small.buildHoldingLock(refetch: false, wait: false)
        #expect(again.files > 0)
    }
}
