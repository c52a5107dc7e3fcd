import Foundation
import Logging
import PaddockDemo
import PaddockServer
import PaddockSite
import PaddockSources

/// The site a command works on: its config and credentials, found through ``SiteOptions`` and
/// loaded; and the builder, fetcher and server-side builder made from them.
struct LoadedSite {
    let configFile: URL
    let config: SiteConfig
    let credentialsFile: URL
    let credentials: Credentials

    /// Loads the config and the credentials that `options` point at.
    /// - Throws: `ValidationError` when there is no config; the config's or the credentials' error.
    init(_ options: SiteOptions) throws {
        configFile = try options.requiredConfigFile()
        config = try SiteConfig.load(from: configFile)
        credentialsFile = options.credentialsFile(siteRoot: config.root)
        credentials = try Credentials.load(file: credentialsFile)
    }

    /// A fetcher of the configured services through the site's cache.
    func fetcher(logger: Logger) -> CatalogueFetcher {
        var fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials, credentialsFile: credentialsFile, logger: logger)
        fetcher.mediaReferences = config.pictureReferences
        return fetcher
    }

    /// The builder for this site, and a note to print when it does not ask the services.
    ///
    /// With credentials it uses the configured services through the cache. Without any, a site
    /// whose cache holds a fetched catalogue builds from that cache without asking the services (a
    /// cron job that lost its environment must not publish the demo stable over the real one);
    /// a site that never fetched builds from the bundled demo data, so a newcomer sees a complete
    /// site offline. `demo` always builds the demo data.
    func builder(offline: Bool, demo: Bool, logger: Logger) -> (builder: SiteBuilder, note: String?) {
        let demoBuilder = { SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: logger) }
        if demo { return (demoBuilder(), "Building from the bundled demo data (--demo).") }
        let fetcher = fetcher(logger: logger)
        guard credentials.isEmpty else {
            return (SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher, offline: offline), logger: logger), nil)
        }
        let missing = "No credentials configured (PADDOCK_EQUICTY_API_KEY, PADDOCK_HUSBANDRY_*, PADDOCK_SMAXTEC_* or \(credentialsFile.path))"
        // Any language's snapshot means the site has fetched: build from the cache (a language
        // added since then fails the build with the cache's error, and the published site stays).
        let cache = ResponseCache(folder: config.sources.cacheFolder)
        let snapshots = (config.sources.languages.isEmpty ? ["en"] : config.sources.languages).map { cache.catalogueURL(language: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        if !snapshots.isEmpty {
            return (SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher, offline: true), logger: logger),
                    "\(missing): building from the catalogue in the cache\(Self.fetchedWhen(snapshots)), without asking the services.")
        }
        return (demoBuilder(), "\(missing) and nothing fetched in the cache: building from the bundled demo data.")
    }

    /// The builder that `serve` and `webhook` run (from the cache or the services, never `--demo`).
    func servedSite(logger: Logger) -> (site: ServedSite, note: String?) {
        let (builder, note) = builder(offline: false, demo: false, logger: logger)
        return (ServedSite(builder: builder, configFile: configFile), note)
    }

    /// " (fetched 2026-12-02T21:40:00Z)": when the oldest of the cache's catalogue snapshots was written.
    private static func fetchedWhen(_ files: [URL]) -> String {
        let dates = files.compactMap { try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate }
        return dates.min().map { " (fetched \($0.ISO8601Format()))" } ?? ""
    }
}
