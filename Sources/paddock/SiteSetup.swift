import ArgumentParser
import Foundation
import Logging
import PaddockDemo
import PaddockSite
import PaddockSources

/// How `build`, `serve` and `webhook` find a site and choose where its catalogue comes from.
enum SiteSetup {
    /// `--config`, else `paddock.toml` here, else `site/paddock.toml` (the example site of a checkout).
    static func configFile(_ option: String?) throws -> URL {
        let here = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        if let option { return URL(filePath: option, relativeTo: here).standardizedFileURL }
        for candidate in [SiteConfig.fileName, "site/" + SiteConfig.fileName] {
            let url = URL(filePath: candidate, relativeTo: here).standardizedFileURL
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw ValidationError("no \(SiteConfig.fileName) here or in site/; pass --config FILE (or create a site with `paddock init DIR`)")
    }

    /// The builder for the site at `configFile`, and a note when it does not ask the services.
    ///
    /// With credentials it uses the configured services through the cache. Without any, a site
    /// whose cache holds a fetched catalogue builds from that cache without asking the services (a
    /// cron job that lost its environment must not publish the demo stable over the real one);
    /// a site that never fetched builds from the bundled demo data, so a newcomer sees a complete
    /// site offline. `--demo` always builds the demo data.
    static func builder(configFile: URL, credentialsFile: String?, offline: Bool, demo: Bool,
                        logger: Logger) throws -> (builder: SiteBuilder, note: String?) {
        let config = try SiteConfig.load(from: configFile)
        let file = credentialsFile.map { URL(filePath: $0).standardizedFileURL } ?? Credentials.defaultFile(siteRoot: config.root)
        let credentials = try Credentials.load(file: file)
        let demoBuilder = { SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: logger) }
        if demo { return (demoBuilder(), "Building from the bundled demo data (--demo).") }
        let fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials, credentialsFile: file, logger: logger)
        guard credentials.isEmpty else {
            return (SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher, offline: offline), logger: logger), nil)
        }
        let missing = "No credentials configured (PADDOCK_EQUICTY_API_KEY, PADDOCK_HUSBANDRY_* or \(file.path))"
        // Any language's snapshot means the site has fetched: build from the cache (a language
        // added since then fails the build with the cache's error, and the published site stays).
        let cache = ResponseCache(folder: config.sources.cacheFolder)
        let snapshots = (config.sources.languages.isEmpty ? ["en"] : config.sources.languages).map { cache.catalogueURL(language: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        if !snapshots.isEmpty {
            return (SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher, offline: true), logger: logger),
                    "\(missing): building from the catalogue in the cache\(fetchedWhen(snapshots)), without asking the services.")
        }
        return (demoBuilder(), "\(missing) and nothing fetched in the cache: building from the bundled demo data.")
    }

    /// " (fetched 2026-12-02T21:40:00Z)": when the oldest of the cache's catalogue snapshots was written.
    private static func fetchedWhen(_ files: [URL]) -> String {
        let dates = files.compactMap { try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate }
        return dates.min().map { " (fetched \($0.ISO8601Format()))" } ?? ""
    }
}
