import Foundation
import PaddockSources

/// Where a build finds the original of each picture URL: the pictures a fetch mirrored into the
/// cache, or files of the site's own below its base URL (the bundled demo data).
package struct PictureFiles: Sendable {
    enum Source: Sendable {
        case mirror(cache: URL, index: MirroredMedia)
        case local(prefix: String, folder: URL, generated: URL?)
    }

    let source: Source

    /// The pictures mirrored into `cache` (``MirroredMedia``).
    package static func mirrored(cache: URL) -> PictureFiles {
        PictureFiles(source: .mirror(cache: cache, index: MirroredMedia.load(from: cache)))
    }

    /// Files of `folder` that the catalogue links to as `prefix` + their relative path; those under
    /// `generated/` are in `generated` (``GeneratedPicture``, made by the demo provider).
    package static func local(prefix: String, folder: URL, generated: URL? = nil) -> PictureFiles {
        PictureFiles(source: .local(prefix: prefix, folder: folder, generated: generated))
    }

    /// The original of `url` and its content key, or why there is none.
    func original(for url: String) -> Result<(file: URL, key: String?), PictureUnavailable> {
        switch source {
        case .mirror(let cache, let index):
            guard let entry = index.entries[url] else { return .failure(.init(reason: "not mirrored yet (run `paddock fetch`)")) }
            if let sha = entry.sha256, let file = index.file(for: url, in: cache) { return .success((file, sha)) }
            return .failure(.init(reason: entry.refused ?? "not mirrored"))
        case .local(let prefix, let folder, let generated):
            guard url.hasPrefix(prefix) else { return .failure(.init(reason: "not one of the site's own pictures", isForeign: true)) }
            let relative = String(url.dropFirst(prefix.count))
            let parts = relative.split(separator: "/")
            guard !parts.isEmpty, parts.allSatisfy({ $0 != ".." && $0 != "." }) else { return .failure(.init(reason: "not a picture path")) }
            if let generated, parts.count == 2, parts[0] == "generated" { return .success((generated.appending(path: String(parts[1])), nil)) }
            return .success((parts.reduce(folder) { $0.appending(path: String($1)) }, nil))
        }
    }

    /// A file whose bytes a build should stamp into its fingerprint (the mirror's index).
    var stampFile: URL? {
        if case .mirror(let cache, _) = source { return MirroredMedia.indexURL(in: cache) }
        return nil
    }
}

struct PictureUnavailable: Error {
    var reason: String
    /// The build never has this picture (the demo data is not mirrored): nothing to warn about.
    var isForeign = false
}
