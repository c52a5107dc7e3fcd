import Foundation

/// The response cache: every successful answer, one file per item, with when and in which language
/// it was fetched and its validators, and the catalogue of each language as last assembled.
/// Failures are never written.
///
/// A response file is one line of JSON metadata, a newline, then the body byte for byte. Writes go
/// to a temporary file renamed over the old one, so a reader sees the old copy or the new one.
package struct ResponseCache: Sendable {
    /// The cache folder (`SourcesConfiguration.cacheFolder`).
    package let folder: URL

    /// A cache in `folder` (created on the first write).
    package init(folder: URL) {
        self.folder = folder
    }

    /// A cached answer.
    struct Entry: Sendable {
        var body: Data
        var metadata: Metadata
    }

    struct Metadata: Codable, Sendable {
        var service: String
        var item: String
        var language: String?
        var fetchedAt: Date
        var url: String
        /// The answer's `ETag` and `Last-Modified`, when it had them (revalidation).
        var etag: String?
        var lastModified: String?

        var validators: CacheValidators { CacheValidators(etag: etag, lastModified: lastModified) }

        enum CodingKeys: String, CodingKey {
            case service, item, language, url, etag
            case fetchedAt = "fetched_at"
            case lastModified = "last_modified"
        }
    }

    func url(for key: CacheKey) -> URL {
        folder.appending(path: key.relativePath, directoryHint: .notDirectory)
    }

    /// Stores a successful answer (or the cached one again, when a revalidation found it current).
    func store(_ body: Data, for key: CacheKey, item: String, url: String, fetchedAt: Date,
               validators: CacheValidators = CacheValidators()) throws {
        let metadata = Metadata(service: key.service.rawValue, item: item, language: key.language, fetchedAt: fetchedAt, url: url,
                                etag: validators.etag, lastModified: validators.lastModified)
        var bytes = try Self.encoder.encode(metadata)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(body)
        try CacheFile.write(bytes, to: self.url(for: key))
    }

    /// The cached answer for `key`, or `nil` when there is none.
    /// - Throws: ``SourcesError/cache(path:detail:)`` when the file exists but cannot be read.
    func entry(for key: CacheKey) throws -> Entry? {
        let file = url(for: key)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let metadata = try? Self.decoder.decode(Metadata.self, from: data[data.startIndex..<newline]) else {
            throw SourcesError.cache(path: file.path, detail: "not a Paddock cache file")
        }
        return Entry(body: Data(data[data.index(after: newline)...]), metadata: metadata)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = makeDecoder()

    /// A decoder for what the cache writes (ISO 8601 dates).
    @Sendable static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
