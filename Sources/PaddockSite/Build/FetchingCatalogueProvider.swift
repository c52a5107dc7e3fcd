import Foundation
import Logging
import PaddockSources

/// Catalogues from the configured services, through the response cache.
///
/// Without `refetch` the last complete fetch is read from the cache; an empty cache fetches.
/// A fetch that leaves any item without a fresh or cached copy fails the build, so nothing
/// incomplete is ever published.
public struct FetchingCatalogueProvider: CatalogueProvider {
    public let fetcher: CatalogueFetcher
    /// Never send a request: the cache or an error.
    public let offline: Bool

    public init(fetcher: CatalogueFetcher, offline: Bool = false) { self.fetcher = fetcher; self.offline = offline }

    public func catalogues(refetch: Bool) async throws -> CatalogueSupply {
        if offline {
            return CatalogueSupply(catalogues: try await fetcher.loadCachedCatalogues(), origin: "the cache (offline)")
        }
        if !refetch, let cached = try? await fetcher.loadCachedCatalogues(), !cached.isEmpty {
            return CatalogueSupply(catalogues: cached, origin: "the cache")
        }
        let report = try await fetcher.fetch(mode: .network)
        guard report.isComplete else { throw SiteBuildError.incompleteFetch(failures: report.failures) }
        return CatalogueSupply(catalogues: report.catalogues, warnings: report.warnings, origin: "the configured services")
    }
}
