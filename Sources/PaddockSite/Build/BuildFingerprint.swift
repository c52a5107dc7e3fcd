#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import PaddockPublish
import PaddockSources

/// A digest of everything a build reads: the catalogue, the config, the theme, the pages, the
/// static files and the `paddock` binary itself.
///
/// It is recorded beside the published site after each successful publish. A later build whose
/// inputs digest the same while the site still points at that release has nothing to do: it
/// renders nothing and writes nothing, which makes a no-change rebuild cost little more than
/// reading the catalogue.
struct BuildFingerprint: Equatable {
    let digest: String

    /// - Parameter lifecycle: what of the site's history changes with time alone (``SiteHistory/stamp(_:now:)``).
    init(config: SiteConfig, supply: CatalogueSupply, themeFolder: URL, lifecycle: String = "") throws {
        var hasher = SHA256()
        func add(_ text: String) { hasher.update(data: Data(text.utf8)); hasher.update(data: Data([0])) }
        add("paddock-build-fingerprint-1")
        add(String(describing: config))
        add(lifecycle)
        add(supply.localMediaPaths.joined(separator: "\n"))
        if !supply.snapshotFiles.isEmpty {
            // The cache's snapshots hold exactly these catalogues: their bytes are cheaper to digest.
            for file in supply.snapshotFiles {
                add(file.lastPathComponent)
                hasher.update(data: try FileDigests.sha256(of: file, sidecar: true))
            }
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            hasher.update(data: try encoder.encode(supply.catalogues))
        }
        for file in supply.staticFiles.sorted(by: { $0.path < $1.path }) { add(Self.stamp(file.source, as: file.path)) }
        if config.media.enabled {
            // The mirrored pictures: a fetch that brought new ones changes the pages.
            let index = (supply.pictureFiles ?? .mirrored(cache: config.sources.cacheFolder)).stampFile
            if let index { add(Self.stamp(index, as: "media index")) }
        }
        // The site's theme is read over the bundled one (``ThemeLayers``): both count.
        for folder in ThemeLayers(site: themeFolder, bundled: try? BundledTheme.folder()).folders + [config.pagesFolder, config.staticFolder] {
            Self.addContents(of: folder, to: &hasher)
        }
        add(Self.binaryStamp)
        digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The running `paddock` binary's path, size and modification time: a rebuilt binary may
    /// render or sanitise differently.
    static let binaryStamp: String = Bundle.main.executableURL.map { stamp($0, as: "binary") } ?? "binary|unknown"

    /// Path, size and modification time: for files whose bytes are many (pictures, the binary).
    private static func stamp(_ url: URL, as name: String) -> String {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        return "\(name)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? -1)"
    }

    /// Every file below `folder`, by relative path and contents (themes and pages are small).
    private static func addContents(of folder: URL, to hasher: inout SHA256) {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            hasher.update(data: Data("absent:\(base)".utf8))
            return
        }
        var paths: [String] = []
        while let path = walker.nextObject() as? String { paths.append(path) }
        for path in paths.sorted() {
            let full = base + "/" + path
            // stat(2), not FileManager's attributes (which look the owner up in /etc/passwd, file after file).
            var info = stat()
            guard stat(full, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            hasher.update(data: Data(path.utf8))
            let size = Int(info.st_size)
            if size <= 1 << 20, let data = FileManager.default.contents(atPath: full) {
                hasher.update(data: data)
            } else {
                hasher.update(data: Data(stamp(URL(filePath: full), as: path).utf8))
            }
        }
    }
}

/// The fingerprint of the last published build and the release it produced, kept in
/// `.paddock/last-build` beside the config.
struct BuildRecordFile {
    let file: URL

    init(config: SiteConfig) { file = config.root.appending(path: ".paddock/last-build") }

    /// The number of files of the published site, when the build with `fingerprint` published the
    /// release the output link points at now; else `nil`.
    func currentFiles(_ fingerprint: BuildFingerprint, output: URL) -> Int? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count == 3, lines[0] == fingerprint.digest, let files = Int(lines[2]),
              let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output.path),
              target == lines[1], FileManager.default.fileExists(atPath: output.path + "/") else { return nil }
        return files
    }

    /// Records `fingerprint` for the release the output link points at (written atomically).
    func record(_ fingerprint: BuildFingerprint, files: Int, output: URL) {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output.path) else { return }
        // A record that cannot be written only costs a full build next time.
        try? AtomicFile.write(Array("\(fingerprint.digest)\n\(target)\n\(files)\n".utf8), to: file)
    }
}
