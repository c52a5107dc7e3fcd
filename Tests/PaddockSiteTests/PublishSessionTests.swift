import Foundation
import Synchronization
import Logging
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish
@testable import PaddockHTML

/// The streaming publish: files added one by one (from several threads), written as they come.
@Suite struct PublishSessionTests {
    static func page(_ path: String, _ text: String, equicty: Bool = false) -> RenderedPage {
        RenderedPage(path: path, bytes: Array(text.utf8), template: equicty ? "horse" : nil, showsEquictyData: equicty)
    }

    /// Publishes `files` through one session, adding them from several threads at once.
    static func stream(_ publisher: Publisher, _ files: [String: String]) throws -> PublishSummary {
        let session = try publisher.begin()
        let pages = files.map { page($0.key, $0.value) }
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            do { try session.add(pages[index]) } catch { failure.withLock { $0 = $0 ?? error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return try session.finish()
    }

    static func site(_ count: Int, _ marker: String = "") -> [String: String] {
        (0..<count).reduce(into: [:]) { $0["horses/h\($1)/index.html"] = "horse \($1)\(marker)" }
    }

    @Test func pagesAddedFromManyThreadsArePublishedWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let site = Self.site(500).merging(["index.html": "home"]) { $1 }
        let summary = try Self.stream(PublisherTests.publisher(output), site)
        #expect(summary.written == 501 && summary.unchanged == 0 && summary.swapped)
        #expect(PublisherTests.contents(of: output) == site)
        let manifest = try String(contentsOfFile: folder.url.appending(path: ".paddock/releases/public/r000001.manifest").path,
                                  encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == 501)
    }

    @Test func noChangeRebuildWritesNothingAndLeavesTheLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        _ = try Self.stream(publisher, Self.site(300))
        _ = try Self.stream(publisher, Self.site(300, "!"))   // a second release, so one is recyclable
        let link = POSIXFileSystem.readLink(output.path)
        let snapshot = try PublisherTests.snapshot(folder.url)
        let summary = try Self.stream(publisher, Self.site(300, "!"))
        #expect(summary.written == 0 && summary.unchanged == 300 && summary.removed == 0 && !summary.swapped)
        #expect(try PublisherTests.snapshot(folder.url) == snapshot)   // inode, mtime and ctime of every entry
        #expect(POSIXFileSystem.readLink(output.path) == link)
    }

    @Test func changedPagesAreWrittenAndUnchangedOnesKeepTheirInode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        for generation in 1...4 {
            var site = Self.site(100)
            site["index.html"] = "generation \(generation)"
            let before = POSIXFileSystem.status(output.appending(path: "horses/h7/index.html").resolvingSymlinksInPath().path)
            let summary = try Self.stream(publisher, site)
            #expect(summary.written == (generation == 1 ? 101 : 1))
            #expect(PublisherTests.contents(of: output) == site)
            if generation > 1 {
                let after = POSIXFileSystem.status(output.appending(path: "horses/h7/index.html").resolvingSymlinksInPath().path)
                #expect(after?.inode == before?.inode)
            }
        }
    }

    @Test func aPageNoLongerProducedIsRemovedEvenWhenNothingElseChanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        _ = try Self.stream(publisher, Self.site(50))
        var smaller = Self.site(50)
        smaller["horses/h13/index.html"] = nil
        let summary = try Self.stream(publisher, smaller)
        #expect(summary.written == 0 && summary.unchanged == 49 && summary.removed == 1 && summary.swapped)
        #expect(PublisherTests.contents(of: output) == smaller)
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "horses/h13").path))
    }

    @Test func twoPagesOnOnePathAreAnErrorAndNothingIsPublished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        _ = try Self.stream(publisher, ["index.html": "old"])
        let session = try publisher.begin()
        try session.add(Self.page("index.html", "new"))
        #expect(throws: PublishError.duplicatePath("index.html")) { try session.add(Self.page("index.html", "again")) }
        #expect(throws: PublishError.pathConflict(file: "index.html", folder: "index.html/x")) {
            try session.add(Self.page("index.html/x", "x"))
        }
        // The build stops here: the session is never finished and the old site stays.
        #expect(PublisherTests.contents(of: output) == ["index.html": "old"])
    }

    @Test func aFailedAttributionCheckStopsTheSwapAndListsEveryFailureInPageOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        _ = try Self.stream(publisher, ["index.html": "good"])
        let snapshot = PublisherTests.contents(of: output)
        let link = POSIXFileSystem.readLink(output.path)
        let checker = try AttributionChecker.bundled(baseURL: "https://stable.example/")
        let order = (0..<40).map { "horses/h\($0)/index.html" }
        let check = AttributionPageChecker(checker: checker, linkedFiles: SiteOutput(pages: []), pageOrder: order)
        let session = try publisher.begin()
        DispatchQueue.concurrentPerform(iterations: order.count) { index in
            let page = Self.page(order[index], "<html><body><h1>Horse \(index)</h1></body></html>", equicty: true)
            check.check(page)
            try? session.add(page)
        }
        #expect(check.failures.map(\.page) == order)
        #expect(throws: AttributionError.self) { try check.verify() }
        // A build stops at the failed verify and never finishes the session.
        #expect(PublisherTests.contents(of: output) == snapshot)
        #expect(POSIXFileSystem.readLink(output.path) == link)
        // The next publish recycles what the abandoned session staged.
        let summary = try Self.stream(publisher, ["index.html": "better"])
        #expect(summary.swapped && PublisherTests.contents(of: output) == ["index.html": "better"])
    }

    @Test func aPageReplacesAStaticFileAtItsPathInEitherOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("from disk", to: "static/a.txt")
        try folder.write("from disk", to: "static/b.txt")
        let output = folder.url.appending(path: "public")
        let session = try PublisherTests.publisher(output).begin()
        try session.add(StaticFile(path: "a.txt", source: folder.url.appending(path: "static/a.txt")))
        try session.add(Self.page("a.txt", "page a"))
        try session.add(Self.page("b.txt", "page b"))
        try session.add(StaticFile(path: "b.txt", source: folder.url.appending(path: "static/b.txt")))
        let summary = try session.finish()
        #expect(summary.written == 2)
        #expect(PublisherTests.contents(of: output) == ["a.txt": "page a", "b.txt": "page b"])
        #expect(throws: PublishError.self) { try session.add(Self.page("c.txt", "late")) }
    }
}
