import Foundation
import Logging
import PaddockDemo
import Synchronization
import Testing
@testable import PaddockSite

/// A cancelled build stops rendering within a page per core and publishes nothing.
@Suite struct BuildCancellationTests {
    static let logger = Logger(label: "test.cancel", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Counts pages and lets the test know when the first one arrives.
    final class FirstPageSignal: SiteSink, @unchecked Sendable {
        let count = Atomic<Int>(0)
        let first: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        init() { (first, continuation) = AsyncStream<Void>.makeStream() }
        func add(_ page: RenderedPage) throws {
            if count.add(1, ordering: .relaxed).newValue == 1 { continuation.yield(); continuation.finish() }
        }
        func add(_ file: StaticFile) throws {}
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
        let result = await build.result
        #expect(throws: CancellationError.self) { try result.get() }
        // 4,000 horse pages and their listings; each worker stops at its next page.
        #expect(sink.count.load(ordering: .relaxed) < 2000)
    }

    @Test func aCancelledBuildLeavesThePublishedSiteAsItWas() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en"])
        let small = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 3, animalCount: 0), logger: Self.logger)
        _ = try await small.buildHoldingLock(refetch: false, wait: true)
        let release = try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path)
        let home = try Data(contentsOf: config.outputFolder.appending(path: "en/horses/index.html"))

        let large = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 4000, animalCount: 0), logger: Self.logger)
        let build = Task { try await large.buildHoldingLock(refetch: false, wait: true) }
        // The build is writing once a new release folder (its staging) appears beside the current one.
        let releases = config.outputFolder.resolvingSymlinksInPath().deletingLastPathComponent()
        let existing = Set(try FileManager.default.contentsOfDirectory(atPath: releases.path))
        let stream = AsyncStream<Void> { continuation in
            let watcher = Task {
                while !Task.isCancelled {
                    let now = Set((try? FileManager.default.contentsOfDirectory(atPath: releases.path)) ?? [])
                    if !now.subtracting(existing).isEmpty { continuation.yield(); break }
                    try? await Task.sleep(for: .milliseconds(5))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in watcher.cancel() }
        }
        try await Self.first(stream, within: 120)
        build.cancel()
        let result = await build.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path) == release)
        #expect(try Data(contentsOf: config.outputFolder.appending(path: "en/horses/index.html")) == home)
        // The lock is free again: the next build runs.
        let again = try await small.buildHoldingLock(refetch: false, wait: false)
        #expect(again.files > 0)
    }
}
