import Foundation
import Logging
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// Publishing seen from outside: readers during swaps, and builds killed with SIGKILL.
@Suite struct PublisherCrashTests {
    static let pageCount = 300

    /// The site PaddockPublishProbe publishes for `generation` (kept in step with its main.swift).
    static func site(_ generation: Int, count: Int = pageCount) -> SiteOutput {
        let files = generation % 2 == 1 ? count - count / 10 : count
        var pages = (0..<files).map { index in
            RenderedPage(path: "pages/\(index)/index.html", bytes: Array("generation \(generation) page \(index)\n".utf8))
        }
        let listing = pages.map(\.path).joined(separator: "\n")
        pages.append(RenderedPage(path: "index.html", bytes: Array("generation \(generation)\n\(listing)\n".utf8)))
        return SiteOutput(pages: pages)
    }

    /// Reads the site as one snapshot (resolving the link once) and returns its generation, or
    /// `nil` when it is not exactly one generation's complete file set.
    static func consistentGeneration(_ output: URL) -> Int? {
        guard let root = try? FileManager.default.destinationOfSymbolicLink(atPath: output.path) else { return nil }
        let folder = output.deletingLastPathComponent().appending(path: root).path
        guard let index = try? POSIXFileSystem.read(folder + "/index.html") else { return nil }
        let lines = String(decoding: index, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, first.hasPrefix("generation "), let generation = Int(first.dropFirst(11)) else { return nil }
        let listed = Set(lines.dropFirst().map(String.init))
        let present = Set(POSIXFileSystem.walk(folder).files).subtracting(["index.html"])
        guard listed == present else { return nil }
        for path in listed {
            guard let bytes = try? POSIXFileSystem.read(folder + "/" + path),
                  String(decoding: bytes, as: UTF8.self).hasPrefix("generation \(generation) ") else { return nil }
        }
        return generation
    }

    /// A reader on its own thread, walking the site until told to stop.
    final class Reader: @unchecked Sendable {
        private let lock = NSLock()
        private var stop = false
        private(set) var walks = 0
        private(set) var broken = 0
        private(set) var generations = Set<Int>()
        let firstWalk = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)

        func start(_ output: URL) {
            Thread.detachNewThread { [self] in
                while true {
                    let generation = PublisherCrashTests.consistentGeneration(output)
                    lock.lock()
                    walks += 1
                    if let generation { generations.insert(generation) } else { broken += 1 }
                    let done = stop
                    lock.unlock()
                    if walks == 1 { firstWalk.signal() }
                    if done { break }
                }
                finished.signal()
            }
        }

        func finish() {
            lock.lock(); stop = true; lock.unlock()
            finished.wait()
        }
    }

    @Test func readerDuringPublishesSeesOnlyWholeSites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        // Keep every release so a slow reader's snapshot is never recycled under it.
        let publisher = Publisher(output: output, keepPrevious: 1000, syncBeforeSwap: false, logger: Logger(label: "test"))
        _ = try publisher.publishAll(Self.site(1, count: 60))
        let reader = Reader()
        reader.start(output)
        reader.firstWalk.wait()
        for generation in 2...40 { _ = try publisher.publishAll(Self.site(generation, count: 60)) }
        reader.finish()
        #expect(reader.walks > 1)
        #expect(reader.broken == 0)
        #expect(reader.generations.allSatisfy { (1...40).contains($0) })
        #expect(Self.consistentGeneration(output) == 40)
    }

    static var probe: URL {
        let beside = URL(filePath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [beside, beside.deletingLastPathComponent(), beside.deletingLastPathComponent().deletingLastPathComponent()]
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in candidates + [repository.appending(path: ".build/debug")] {
            let url = folder.appending(path: "PaddockPublishProbe")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repository.appending(path: ".build/debug/PaddockPublishProbe")
    }

    /// Starts the probe and returns once it printed a line starting with `marker` at least `count`
    /// times (one read can bring several lines, so a looping probe may be a line or two ahead).
    /// A probe that does not get there within a minute is killed and the test fails.
    static func runProbe(_ output: URL, generation: Int, mode: String, until marker: String, count: Int = 1) throws -> ChildProcess {
        let child = try ChildProcess(probe, [output.path, String(generation), String(pageCount), mode])
        _ = try child.waitForOutput(timeout: .seconds(60)) { text in
            text.split(separator: "\n").filter { $0.hasPrefix(marker) }.count >= count
        }
        return child
    }

    static func kill9(_ probe: ChildProcess) throws {
        probe.signal(SIGKILL)
        let exit = try probe.waitForExit(timeout: .seconds(30))
        #expect(exit.signalled && exit.status == SIGKILL)
    }

    @Test func buildKilledWithSigkillLeavesThePreviousSiteIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = Publisher(output: output, syncBeforeSwap: false, logger: Logger(label: "test"))
        _ = try publisher.publishAll(Self.site(1))
        _ = try publisher.publishAll(Self.site(2))

        try Self.kill9(try Self.runProbe(output, generation: 3, mode: "pause-staging", until: "PAUSED"))
        #expect(Self.consistentGeneration(output) == 2)

        try Self.kill9(try Self.runProbe(output, generation: 4, mode: "pause-sealed", until: "PAUSED"))
        #expect(Self.consistentGeneration(output) == 2)

        try Self.kill9(try Self.runProbe(output, generation: 5, mode: "loop", until: "PUBLISHED", count: 3))
        let survived = try #require(Self.consistentGeneration(output))
        #expect(survived >= 7)

        // The next build cleans up after the killed ones and publishes normally.
        let summary = try publisher.publishAll(Self.site(100))
        #expect(summary.swapped)
        #expect(Self.consistentGeneration(output) == 100)
        let releases = try FileManager.default.contentsOfDirectory(atPath: folder.url.appending(path: ".paddock/releases/public").path)
        #expect(releases.filter { $0.hasPrefix(".staging-") }.isEmpty)
        #expect(releases.filter { !$0.hasSuffix(".manifest") }.count <= 3)
        let links = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("paddock-link") }
        #expect(links.isEmpty)
    }
}
