import Crypto
import Foundation

/// The files of one publish, validated and hashed: each with its site path and digest.
struct PublishPlan {
    enum Content {
        case bytes([UInt8])
        case file(URL)
    }

    struct File {
        let path: String
        let content: Content
        var digest = ""
        var size = 0
    }

    private(set) var files: [File]

    init(site: SiteOutput) throws {
        var byPath: [String: File] = [:]
        for file in site.staticFiles {
            try Self.validate(file.path)
            byPath[file.path] = File(path: file.path, content: .file(file.source))
        }
        var pagePaths = Set<String>()
        for page in site.pages {
            try Self.validate(page.path)
            guard pagePaths.insert(page.path).inserted else { throw PublishError.duplicatePath(page.path) }
            byPath[page.path] = File(path: page.path, content: .bytes(page.bytes))
        }
        files = byPath.values.sorted { $0.path < $1.path }
        for file in files {
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if byPath[String(folder)] != nil { throw PublishError.pathConflict(file: String(folder), folder: file.path) }
            }
        }
        try hash()
    }

    /// Digests every file, in parallel (static files are read from disk).
    private mutating func hash() throws {
        let results = ParallelResults<(digest: String, size: Int)>(count: files.count)
        let snapshot = files
        DispatchQueue.concurrentPerform(iterations: snapshot.count) { index in
            switch snapshot[index].content {
            case .bytes(let bytes):
                results.set(index, (PublishManifest.hex(SHA256.hash(data: bytes)), bytes.count))
            case .file(let url):
                guard let data = FileManager.default.contents(atPath: url.path) else { return }
                results.set(index, (PublishManifest.hex(SHA256.hash(data: data)), data.count))
            }
        }
        for (index, result) in results.all.enumerated() {
            guard let result else {
                guard case .file(let url) = files[index].content else { continue }
                throw PublishError.io(operation: "read static file", path: url.path, errno: ENOENT)
            }
            (files[index].digest, files[index].size) = result
        }
    }

    func manifest() -> PublishManifest {
        var entries: [String: PublishManifest.Entry] = [:]
        for file in files { entries[file.path] = .init(digest: file.digest, size: file.size) }
        return PublishManifest(entries: entries)
    }

    /// A relative `/`-separated path of plain names: no `..`, no hidden `.paddock`, no control characters.
    static func validate(_ path: String) throws {
        guard !path.isEmpty else { throw PublishError.invalidPath(path, reason: "the path is empty") }
        guard !path.hasPrefix("/") else { throw PublishError.invalidPath(path, reason: "the path must be relative") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else {
            throw PublishError.invalidPath(path, reason: "the path holds a control character or a backslash")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": throw PublishError.invalidPath(path, reason: "the path has an empty segment")
            case ".", "..": throw PublishError.invalidPath(path, reason: "the path must not contain . or .. segments")
            case ".paddock": throw PublishError.invalidPath(path, reason: ".paddock is reserved")
            default:
                if component.utf8.count > 255 { throw PublishError.invalidPath(path, reason: "a segment is longer than 255 bytes") }
            }
        }
    }
}
