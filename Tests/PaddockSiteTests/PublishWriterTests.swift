import Foundation
import Logging
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// The writer threads of a publish: files handed over by the threads that render pages, written
/// in order, with errors that reach the build.
@Suite struct PublishWriterTests {
    static func job(_ path: String, _ text: String, unlink: Bool = false, folders: [String] = []) -> PublishWriter.Job {
        PublishWriter.Job(path: path, bytes: Array(text.utf8), unlink: unlink, newFolders: folders)
    }

    @Test(arguments: [0, 1, 3])
    func aSiteStreamedFromManyThreadsIsPublishedWholeWithAnyNumberOfWriters(writers: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        var publisher = PublisherTests.publisher(output)
        publisher.writerThreads = writers
        // Folders three deep, so files often arrive before another writer has made their parents.
        let site = (0..<1_500).reduce(into: ["index.html": "home"]) { site, index in
            site["horses/g\(index % 7)/h\(index)/index.html"] = "horse \(index)"
        }
        let summary = try PublishSessionTests.stream(publisher, site)
        #expect(summary.written == site.count && summary.swapped)
        #expect(PublisherTests.contents(of: output) == site)
    }

    @Test func oneWriterWritesInTheOrderFilesWereHandedOver() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sizes = Sizes()
        let writer = PublishWriter(threads: 1, byteLimit: 64, wrote: { sizes.add($0) })
        let base = folder.url.path
        try writer.write(Self.job(base + "/a/b/page.html", "first", folders: [base + "/a", base + "/a/b"]))
        try writer.write(Self.job(base + "/a/b/page.html", "second, longer", unlink: true))
        for index in 0..<50 { try writer.write(Self.job(base + "/a/\(index).txt", String(repeating: "x", count: index))) }
        try writer.finish()
        #expect(try String(contentsOfFile: base + "/a/b/page.html", encoding: .utf8) == "second, longer")
        #expect(sizes.all == [5, 14] + Array(0..<50))
    }

    @Test func aFailedWriteNamesItsPathAndStopsTheWriter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let base = folder.url.path
        try POSIXFileSystem.writeFile(Array("a file, not a folder".utf8), to: base + "/blocked")
        let writer = PublishWriter(threads: 2)
        try writer.write(Self.job(base + "/ok.html", "fine"))
        try writer.write(Self.job(base + "/blocked/page/index.html", "lost", folders: [base + "/blocked/page"]))
        let error = #expect(throws: PublishError.self) { try writer.finish() }
        guard case .io(_, let path, let code)? = error else { Issue.record("not an I/O error: \(String(describing: error))"); return }
        #expect(path == base + "/blocked/page" && code == ENOTDIR)
        // Every later hand-over fails at once with the same error.
        #expect(throws: PublishError.self) { try writer.write(Self.job(base + "/later.html", "never")) }
        #expect(!FileManager.default.fileExists(atPath: base + "/later.html"))
    }

    @Test func aFailingWriterStopsAStreamingPublishAndTheSiteStaysAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = PublisherTests.publisher(output)
        let first = ["index.html": "home", "horses/a/index.html": "a"]
        _ = try PublishSessionTests.stream(publisher, first)
        let session = try publisher.begin()
        try session.add(PublishSessionTests.page("index.html", "home, new"))
        // The writer finds a file where the next page's folder must go (a disk gone wrong).
        let staging = try #require(session.lock.withLock { session.staging?.path })
        try POSIXFileSystem.writeFile(Array("in the way".utf8), to: staging + "/blocked")
        #expect(throws: PublishError.self) {
            try session.add(PublishSessionTests.page("blocked/b/index.html", "b"))
            _ = try session.finish()
        }
        #expect(PublisherTests.contents(of: output) == first)
    }

    @Test func cancelDropsWhatWaitsAndRefusesMore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = PublishWriter(threads: 1)
        try writer.write(Self.job(folder.url.path + "/one.txt", "1"))
        writer.cancel()
        #expect(throws: PublishError.self) { try writer.write(Self.job(folder.url.path + "/two.txt", "2")) }
        #expect(!FileManager.default.fileExists(atPath: folder.url.path + "/two.txt"))
    }
}

/// Sizes the writer reports, in order (called on its thread).
private final class Sizes: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [Int] = []
    func add(_ size: Int) { lock.withLock { sizes.append(size) } }
    var all: [Int] { lock.withLock { sizes } }
}
