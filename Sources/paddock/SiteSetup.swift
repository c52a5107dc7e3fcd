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

    /// The builder for the site at `configFile`, and a note when it builds from the demo data.
    ///
    /// With no credentials at all the site builds from the bundled demo data, so a newcomer sees a
    /// complete site offline; with credentials it uses the configured services through the cache.
    static func builder(configFile: URL, credentialsFile: String?, offline: Bool, demo: Bool,
                        logger: Logger) throws -> (builder: SiteBuilder, note: String?) {
        let config = try SiteConfig.load(from: configFile)
        let file = credentialsFile.map { URL(filePath: $0).standardizedFileURL } ?? Credentials.defaultFile(siteRoot: config.root)
        let credentials = try Credentials.load(file: file)
        if demo || credentials.isEmpty {
            let note = demo ? "Building from the bundled demo data (--demo)."
                : "No credentials configured (PADDOCK_EQUICTY_API_KEY, PADDOCK_HUSBANDRY_* or \(file.path)): building from the bundled demo data."
            return (SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: logger), note)
        }
        let fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials, credentialsFile: file, logger: logger)
        return (SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher, offline: offline), logger: logger), nil)
    }
}
