import Foundation

extension ResponseCache {
    /// The file holding the assembled catalogue of `language` (it may not exist yet).
    public func catalogueURL(language: String) -> URL {
        folder.appending(path: "catalogue-\(CacheKey.safe(language)).json", directoryHint: .notDirectory)
    }

    /// Keeps the catalogue of one language as assembled by the last fetch that completed its listings.
    public func storeCatalogue(_ catalogue: Catalogue) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(catalogue), to: catalogueURL(language: catalogue.language))
    }

    /// The last assembled catalogue of `language`, or `nil` when the cache has none.
    /// - Throws: ``SourcesError/cache(path:detail:)`` when the file is there but unreadable.
    public func catalogue(language: String) throws -> Catalogue? {
        let file = catalogueURL(language: language)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try CatalogueSnapshotDecoding.decode(data, makeDecoder: Self.makeDecoder)
        } catch {
            throw SourcesError.cache(path: file.path, detail: "unreadable catalogue (\(error))")
        }
    }
}
