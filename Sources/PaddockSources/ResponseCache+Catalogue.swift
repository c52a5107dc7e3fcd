import Crypto
import Foundation
import PaddockCatalogue

extension ResponseCache {
    /// The file holding the assembled catalogue of `language` (it may not exist yet).
    package func catalogueURL(language: String) -> URL {
        folder.appending(path: "catalogue-\(CacheKey.safe(language)).json", directoryHint: .notDirectory)
    }

    /// The binary copy of ``catalogueURL(language:)`` that builds read (quicker than the JSON);
    /// it names the digest of the JSON it mirrors, and is remade from the JSON when it does not
    /// match it.
    package func binaryCatalogueURL(language: String) -> URL {
        folder.appending(path: "catalogue-\(CacheKey.safe(language)).bin", directoryHint: .notDirectory)
    }

    /// Keeps the catalogue of one language as assembled by the last fetch that completed its
    /// listings, as JSON and as its binary copy. The binary copy is made from the JSON read back,
    /// so both give the same catalogue to the last bit (the JSON keeps dates to the second).
    package func storeCatalogue(_ catalogue: Catalogue) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(catalogue)
        try CacheFile.write(json, to: catalogueURL(language: catalogue.language))
        if let stored = try? CatalogueSnapshotDecoding.decode(json, makeDecoder: Self.makeDecoder) {
            storeBinaryCatalogue(stored, mirroring: json)
        }
    }

    /// The last assembled catalogue of `language`, or `nil` when the cache has none: from the
    /// binary copy when it mirrors the JSON, else from the JSON (and the binary copy is remade).
    /// - Throws: ``SourcesError/cache(path:detail:)`` when the JSON is there but unreadable.
    package func catalogue(language: String) throws -> Catalogue? {
        let file = catalogueURL(language: language)
        // Mapped, not read: the JSON is only digested (once, then its digest is kept beside it; see
        // FileDigests) when its binary copy is current, and the copy's strings are copied out while decoding.
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let json: Data, source: [UInt8]
        do { json = try Data(contentsOf: file, options: .alwaysMapped); source = try FileDigests.sha256(of: file, sidecar: true) }
        catch { throw SourcesError.cache(path: file.path, detail: "unreadable catalogue (\(error.localizedDescription))") }
        if let binary = try? Data(contentsOf: binaryCatalogueURL(language: language), options: .alwaysMapped),
           let catalogue = try? binary.withUnsafeBytes({ raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: source) }),
           catalogue.language == language {
            return catalogue
        }
        let catalogue: Catalogue
        do {
            catalogue = try CatalogueSnapshotDecoding.decode(json, makeDecoder: Self.makeDecoder)
        } catch {
            throw SourcesError.cache(path: file.path, detail: "unreadable catalogue (\(error))")
        }
        storeBinaryCatalogue(catalogue, mirroring: json)
        return catalogue
    }

    /// Writes the binary copy of `catalogue`, decoded from `json`; a failure only costs the next
    /// read the slower JSON decode.
    private func storeBinaryCatalogue(_ catalogue: Catalogue, mirroring json: Data) {
        let bytes = catalogue.binarySnapshot(source: Array(SHA256.hash(data: json)))
        try? CacheFile.write(Data(bytes), to: binaryCatalogueURL(language: catalogue.language))
    }
}
