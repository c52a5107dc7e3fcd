import Foundation
import Logging
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct PublisherTests {
    static func pages(_ files: [String: String]) -> SiteOutput {
        SiteOutput(pages: files.map { RenderedPage(path: $0.key, bytes: Array($0.value.utf8)) })
    }

    static func publisher(_ output: URL, keepPrevious: Int = 1) -> Publisher {
        Publisher(output: output, keepPrevious: keepPrevious, syncBeforeSwap: false, logger: Logger(label: "test"))
    }

    /// Every file below `folder` (following the output link) with its text.
    static func contents(of folder: URL) -> [String: String] {
        let root = folder.resolvingSymlinksInPath().path
        var result: [String: String] = [:]
        for file in POSIXFileSystem.walk(root).files {
            result[file] = String(decoding: (try? POSIXFileSystem.read(root + "/" + file)) ?? [], as: UTF8.self)
        }
        return result
    }

    static func modificationTime(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func publishesIntoALinkedReleaseAndReportsWhatItWrote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let site = ["index.html": "home", "en/horses/arko/index.html": "Arko", "assets/style.css": "body{}"]
        let summary = try Self.publisher(output).publishAll(Self.pages(site))
        #expect(summary.written == 3 && summary.unchanged == 0 && summary.removed == 0 && summary.swapped)
        #expect(POSIXFileSystem.status(output.path)?.isSymlink == true)
        #expect(POSIXFileSystem.readLink(output.path) == ".paddock/releases/public/r000001")
        #expect(Self.contents(of: output) == site)
    }

    @Test func keepsModificationTimesOfUnchangedFilesAndRemovesPagesNoLongerProduced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = Self.publisher(output)
        _ = try publisher.publishAll(Self.pages(["index.html": "v1", "a/index.html": "A", "b/index.html": "B", "c/index.html": "C"]))
        let before = try Self.modificationTime(output.appending(path: "a/index.html"))
        let inode = POSIXFileSystem.status(output.appending(path: "a/index.html").resolvingSymlinksInPath().path)?.inode
        for generation in 2...6 {
            let summary = try publisher.publishAll(Self.pages(["index.html": "v\(generation)", "a/index.html": "A", "c/index.html": "C\(generation)"]))
            #expect(summary.written == 2)
            #expect(summary.unchanged == 1)
            #expect(summary.removed == (generation == 2 ? 1 : 0))
            #expect(Self.contents(of: output) == ["index.html": "v\(generation)", "a/index.html": "A", "c/index.html": "C\(generation)"])
            #expect(try Self.modificationTime(output.appending(path: "a/index.html")) == before)
            #expect(POSIXFileSystem.status(output.appending(path: "a/index.html").resolvingSymlinksInPath().path)?.inode == inode)
            #expect(!FileManager.default.fileExists(atPath: output.appending(path: "b").path))
        }
        // The previous release is intact, and no more than current + previous + one spare remain.
        let releases = folder.url.appending(path: ".paddock/releases/public")
        #expect(Self.contents(of: releases.appending(path: "r000005")) == ["index.html": "v5", "a/index.html": "A", "c/index.html": "C5"])
        let names = try FileManager.default.contentsOfDirectory(atPath: releases.path).filter { !$0.hasSuffix(".manifest") }
        #expect(names.count <= 3)
    }

    @Test func rebuildWithNothingChangedWritesNoFileAndKeepsTheLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let site = Self.pages((0..<200).reduce(into: [:]) { $0["p/\($1)/index.html"] = "page \($1)" })
        let publisher = Self.publisher(output)
        _ = try publisher.publishAll(site)
        _ = try publisher.publishAll(Self.pages((0..<200).reduce(into: [:]) { $0["p/\($1)/index.html"] = "page \($1)!" }))
        let snapshot = try Self.snapshot(folder.url)
        let summary = try publisher.publishAll(Self.pages((0..<200).reduce(into: [:]) { $0["p/\($1)/index.html"] = "page \($1)!" }))
        #expect(summary.written == 0 && summary.unchanged == 200 && summary.removed == 0 && !summary.swapped)
        #expect(try Self.snapshot(folder.url) == snapshot)
    }

    /// Every entry below `folder`: path, inode, modification and change times in nanoseconds.
    static func snapshot(_ folder: URL) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let (files, folders) = POSIXFileSystem.walk(folder.path)
        for path in files + folders {
            var info = stat()
            guard lstat(folder.path + "/" + path, &info) == 0 else { continue }
            result[path] = [Int(info.st_ino), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                            info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec]
        }
        return result
    }

    @Test func aSessionLeftUnfinishedLeavesThePublishedSiteUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = Self.publisher(output)
        _ = try publisher.publishAll(Self.pages(["index.html": "good"]))
        let published = try Self.snapshot(output.resolvingSymlinksInPath())
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: output.path)
        do {
            // A build whose attribution check (or render) fails after writing pages never finishes its session.
            let session = try publisher.begin()
            try session.add(RenderedPage(path: "index.html", bytes: Array("bad".utf8)))
            try session.add(RenderedPage(path: "new/index.html", bytes: Array("new".utf8)))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.path) == link)
        #expect(try Self.snapshot(output.resolvingSymlinksInPath()) == published)
        #expect(try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8) == "good")
    }

    @Test func migratesAPlainOutputFolderKeepingUnchangedFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("same", to: "public/same.html")
        try folder.write("old", to: "public/changed.html")
        try folder.write("gone", to: "public/gone.html")
        let output = folder.url.appending(path: "public")
        let time = try Self.modificationTime(output.appending(path: "same.html"))
        let summary = try Self.publisher(output).publishAll(Self.pages(["same.html": "same", "changed.html": "new"]))
        #expect(summary.written == 1 && summary.unchanged == 1)
        #expect(summary.warnings.count == 1)
        #expect(POSIXFileSystem.status(output.path)?.isSymlink == true)
        #expect(Self.contents(of: output) == ["same.html": "same", "changed.html": "new"])
        #expect(try Self.modificationTime(output.appending(path: "same.html")) == time)
    }

    @Test func rejectsUnsafeAndConflictingPaths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = Self.publisher(folder.url.appending(path: "public"))
        for path in ["../escape.html", "/abs.html", "a//b.html", "a/./b", ".paddock/x", "a\nb", ""] {
            #expect(throws: PublishError.self) { try publisher.publishAll(Self.pages([path: "x"])) }
        }
        #expect(throws: PublishError.pathConflict(file: "a", folder: "a/index.html")) {
            try publisher.publishAll(Self.pages(["a": "file", "a-b": "x", "a/index.html": "page"]))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "public").path))
    }

    @Test func recycledStagingTurnsFilesIntoFoldersAndBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appending(path: "public")
        let publisher = Self.publisher(output)
        let sites: [[String: String]] = [
            ["a": "file a", "b/c.html": "c"], ["a/index.html": "folder a", "b/c.html": "c"], ["a": "file a again"],
            ["a/x/y.html": "deep", "b/c.html": "c"], ["a": "file a", "b/c.html": "c2", "d.html": "d"], ["z.html": "z"],
        ]
        for site in sites + sites {
            _ = try publisher.publishAll(Self.pages(site))
            #expect(Self.contents(of: output) == site)
        }
    }

    @Test func staticFilesArePublishedFromTheirSource() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("img-bytes", to: "static/images/logo.png")
        let staticFiles = try SiteOutput.staticFiles(in: folder.url.appending(path: "static"))
        #expect(staticFiles.map(\.path) == ["images/logo.png"])
        let output = folder.url.appending(path: "public")
        let summary = try Self.publisher(output).publishAll(SiteOutput(pages: [], staticFiles: staticFiles))
        #expect(summary.written == 1)
        #expect(Self.contents(of: output) == ["images/logo.png": "img-bytes"])
    }

    @Test func pagesWrittenFromManyThreadsIntoSharedNewFoldersAllArrive() throws {
        // Folders are made outside the session's lock: writers race to make shared parents.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var site: [String: String] = [:]
        for n in 0..<2_000 { site["l\(n % 3)/s\(n % 7)/deep\(n % 11)/p\(n)/index.html"] = "page \(n)" }
        for _ in 0..<2 {
            let target = folder.url.appending(path: "public-\(UUID().uuidString)")
            let summary = try Self.publisher(target).publishAll(Self.pages(site))
            #expect(summary.written == site.count)
            #expect(Self.contents(of: target) == site)
        }
    }
}
