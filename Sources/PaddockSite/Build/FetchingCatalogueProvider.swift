import Foundation
import Logging
import PaddockSources

/// Catalogues from the configured services, through the response cache.
///
/// Without `refetch` the last complete fetch is read from the cache; an empty cache fetches.
/// A fetch that leaves any item without a fresh or cached copy fails the build, so nothing
/// incomplete is ever published.
package struct FetchingCatalogueProvider: CatalogueProvider {
    package let fetcher: CatalogueFetcher
    /// Never send a request: the cache or an error.
    package let offline: Bool

    package init(fetcher: CatalogueFetcher, offline: Bool = false) { self.fetcher = fetcher; self.offline = offline }

    package func catalogues(refetch: Bool) async throws -> CatalogueSupply {
        if offline {
            return withSnapshots(CatalogueSupply(catalogues: try await fetcher.loadCachedCatalogues(), origin: "the cache (offline)"))
        }
        if !refetch, let cached = try? await fetcher.loadCachedCatalogues(), !cached.isEmpty {
            return withSnapshots(CatalogueSupply(catalogues: cached, origin: "the cache"))
        }
        let started = Date()
        let report = try await fetcher.fetch(mode: .network)
        guard report.isComplete else { throw SiteBuildError.incompleteFetch(failures: report.failures) }
        return withSnapshots(CatalogueSupply(catalogues: report.catalogues, warnings: report.warnings, origin: "the configured services"),
                             writtenSince: started)
    }

    /// The snapshots of every configured language when a build would read them (offline, or no
    /// refetch asked) and all are there.
    package func unreadSnapshot(refetch: Bool) -> CatalogueSupply? {
        guard offline || !refetch else { return nil }
        let cache = ResponseCache(folder: fetcher.configuration.cacheFolder)
        let languages = fetcher.configuration.languages.isEmpty ? ["en"] : fetcher.configuration.languages
        let files = languages.map { cache.catalogueURL(language: $0) }
        guard files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
        var supply = CatalogueSupply(catalogues: [], origin: offline ? "the cache (offline)" : "the cache")
        supply.snapshotFiles = files
        return supply
    }

    /// The cache's snapshot of every language, when all are there: the catalogues were read from
    /// them, or (`writtenSince`) the fetch that assembled them has just written them.
    private func withSnapshots(_ supply: CatalogueSupply, writtenSince: Date? = nil) -> CatalogueSupply {
        let cache = ResponseCache(folder: fetcher.configuration.cacheFolder)
        let files = supply.catalogues.map { cache.catalogueURL(language: $0.language) }
        let fresh = files.allSatisfy { file in
            guard let written = (try? file.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate else { return false }
            return writtenSince.map { written >= $0.addingTimeInterval(-1) } ?? true
        }
        guard fresh else { return supply }
        var supply = supply
        supply.snapshotFiles = files
        return supply
    }
}
