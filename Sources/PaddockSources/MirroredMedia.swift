import Foundation

/// The mirrored pictures in the cache: `media/originals/<sha256>` holds each picture once, keyed
/// by its content; `media/index.json` maps every picture URL to its file, its validators (for
/// `If-None-Match`/`If-Modified-Since`) or the reason it was refused.
package struct MirroredMedia: Sendable, Codable, Equatable {
    package struct Entry: Sendable, Codable, Equatable {
        /// The SHA-256 of the picture's bytes (hex); `nil` when it was refused.
        package var sha256: String?
        package var etag: String?
        package var lastModified: String?
        package var fetchedAt: Date
        /// The last fetch that referred to it (pruning).
        package var seenAt: Date
        /// Why the picture was refused, for the build's warning ("not a picture", "redirect loop").
        package var refused: String?
        /// What it belongs to.
        package var item: String

        enum CodingKeys: String, CodingKey {
            case sha256, etag, item, refused
            case lastModified = "last_modified"
            case fetchedAt = "fetched_at"
            case seenAt = "seen_at"
        }
    }

    package var entries: [String: Entry] = [:]

    package init(entries: [String: Entry] = [:]) { self.entries = entries }

    package static func folder(in cache: URL) -> URL { cache.appending(path: "media", directoryHint: .isDirectory) }
    package static func indexURL(in cache: URL) -> URL { folder(in: cache).appending(path: "index.json") }
    package static func originalsFolder(in cache: URL) -> URL { folder(in: cache).appending(path: "originals", directoryHint: .isDirectory) }

    /// The mirrored file of `url` in `cache`, when it was mirrored.
    package func file(for url: String, in cache: URL) -> URL? {
        guard let sha = entries[url]?.sha256 else { return nil }
        return Self.originalsFolder(in: cache).appending(path: sha)
    }

    /// The index in `cache`; empty when there is none or it cannot be read.
    package static func load(from cache: URL) -> MirroredMedia {
        guard let data = FileManager.default.contents(atPath: indexURL(in: cache).path),
              let index = try? ResponseCache.decoder.decode(MirroredMedia.self, from: data) else { return MirroredMedia() }
        return index
    }

    func save(to cache: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        try CacheFile.write(try encoder.encode(self), to: Self.indexURL(in: cache))
    }
}
