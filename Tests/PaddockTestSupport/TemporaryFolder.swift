import Foundation

/// A fresh folder under the system's temporary directory; `remove()` deletes it with everything in it.
package struct TemporaryFolder: Sendable {
    package let url: URL

    /// Creates `<tmp>/<label>-<UUID>`.
    package init(_ label: String = "paddock") throws {
        url = FileManager.default.temporaryDirectory.appending(path: "\(label)-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` (UTF-8) to `path` below the folder, creating the folders on the way.
    package func write(_ text: String, to path: String) throws {
        let file = url.appending(path: path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Whether `path` below the folder exists.
    package func contains(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appending(path: path).path)
    }

    package func remove() { try? FileManager.default.removeItem(at: url) }

    /// A fresh folder that lives until the test process exits, for tests that hand folders out
    /// to many helpers and cannot say when the last one is done with it.
    package static func removedAtExit(_ label: String = "paddock") throws -> URL {
        let url = runFolder.appending(path: "\(label)-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder per test process holding the ``removedAtExit(_:)`` folders; removed at exit.
    private static let runFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appending(path: "paddock-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.runFolder) }
        return url
    }()
}
