import Foundation

/// Everything one build publishes: rendered pages and static files, by site path.
///
/// A page wins over a static file at the same path. Paths are checked by ``Publisher``.
package struct SiteOutput: Sendable {
    package var pages: [RenderedPage]
    package var staticFiles: [StaticFile]

    package init(pages: [RenderedPage], staticFiles: [StaticFile] = []) {
        self.pages = pages; self.staticFiles = staticFiles
    }

    /// The static files of `folder` (recursively, hidden files skipped), placed under `prefix`.
    /// - Parameter prefix: site path they land in, `""` for the root or `"assets"`.
    package static func staticFiles(in folder: URL, under prefix: String = "") throws -> [StaticFile] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return [] }
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [StaticFile] = []
        guard let walker = manager.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey],
                                              options: [.skipsHiddenFiles]) else { return [] }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            var relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            while relative.hasPrefix("/") { relative.removeFirst() }
            files.append(StaticFile(path: prefix.isEmpty ? relative : prefix + "/" + relative, source: url))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The bytes at `path`: a page's, or a static file's read from disk; `nil` when absent.
    package func bytes(at path: String) -> [UInt8]? {
        if let page = pages.last(where: { $0.path == path }) { return page.bytes }
        guard let file = staticFiles.last(where: { $0.path == path }),
              let data = FileManager.default.contents(atPath: file.source.path) else { return nil }
        return Array(data)
    }
}
