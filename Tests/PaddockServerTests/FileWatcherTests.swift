import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockServer

@Suite struct FileWatcherTests {
    @Test func reportsAddedChangedAndRemovedFilesBetweenSnapshots() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a", to: "pages/a.txt")
        try folder.write("b", to: "pages/b.txt")
        let watcher = FileWatcher(paths: [folder.url.appending(path: "pages")])
        let before = watcher.snapshot()
        try folder.write("a, longer", to: "pages/a.txt")
        try FileManager.default.removeItem(at: folder.url.appending(path: "pages/b.txt"))
        try folder.write("c", to: "pages/sub/c.txt")
        let changed = FileWatcher.difference(before, watcher.snapshot()).map { $0.replacingOccurrences(of: folder.url.path + "/", with: "") }
        #expect(changed == ["pages/a.txt", "pages/b.txt", "pages/sub", "pages/sub/c.txt"])
    }

    @Test func reportsNothingWhenNothingChanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a", to: "pages/a.txt")
        let watcher = FileWatcher(paths: [folder.url.appending(path: "pages"), folder.url.appending(path: "missing")])
        #expect(FileWatcher.difference(watcher.snapshot(), watcher.snapshot()).isEmpty)
    }

    @Test func streamsAChangeMadeAfterItStarted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a", to: "templates/layout.html")
        let watcher = FileWatcher(paths: [folder.url.appending(path: "templates")])
        let changes = watcher.changes(every: .milliseconds(20), clock: ContinuousClock())
        try folder.write("changed", to: "templates/layout.html")
        var iterator = changes.makeAsyncIterator()
        let batch = await iterator.next()
        #expect(batch?.contains(folder.url.appending(path: "templates/layout.html").standardizedFileURL.path) == true)
    }
}
