import Foundation
import PaddockSources
@testable import PaddockSite

/// A site published to disk by a real build, read back file by file.
struct BuiltSite {
    let folder: URL
    /// Site path → bytes, for every regular file below the (resolved) output folder.
    let files: [String: [UInt8]]

    init(output: URL) throws {
        folder = output.resolvingSymlinksInPath()
        var files: [String: [UInt8]] = [:]
        let prefix = folder.path + "/"
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))] = Array(try Data(contentsOf: url))
        }
        self.files = files
    }

    var htmlPaths: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Every internal link, picture and asset of every page that leads nowhere on disk.
    func brokenReferences(baseURL: String) -> [String] {
        var broken: [String] = []
        for path in htmlPaths {
            for reference in ParsedHTML(files[path]!).references {
                guard let target = SiteLinks.resolve(reference, from: path, baseURL: baseURL) else { continue }
                if files[target] == nil { broken.append("\(path) → \(reference)") }
            }
        }
        return broken
    }
}

/// A temporary site folder with a config; removed by `cleanup()`.
struct TemporarySite {
    let root = FileManager.default.temporaryDirectory.appending(path: "paddock-build-\(UUID().uuidString)")

    func config(languages: [String] = ["en", "de"], sources: SourcesConfiguration? = nil, templates: URL? = nil) -> SiteConfig {
        SiteConfig(root: root, title: "Stal De Vries", baseURL: "https://stal-devries.example/", description: "Warmbloods.",
                   languages: languages, contactEmail: "info@stal-devries.example", currency: "EUR", templatesFolder: templates,
                   horsesPerPage: 6, sources: sources)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func cleanup() { try? FileManager.default.removeItem(at: root) }
}
