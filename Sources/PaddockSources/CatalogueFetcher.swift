import AsyncHTTPClient
import Foundation
import Logging

/// Fetches the catalogue of every configured language from the configured sources, through one
/// shared HTTP client and one bound on requests in flight, into the response cache.
///
/// ```swift
/// let fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials,
///                                credentialsFile: credentialsURL, logger: logger)
/// let report = try await fetcher.fetch(mode: .network, progress: nil)
/// for catalogue in report.catalogues { … }          // one per language
/// let cached = try fetcher.loadCachedCatalogues()   // later, without the network
/// ```
package struct CatalogueFetcher: Sendable {
    package let configuration: SourcesConfiguration
    let credentials: Credentials
    let credentialsFile: URL?
    let logger: Logger
    /// The pictures the site's pages show of the fetched catalogues, mirrored after the catalogue
    /// when ``SourcesConfiguration/media`` is set (PaddockSite knows which pictures a page shows).
    package var mediaReferences: (@Sendable ([Catalogue]) -> [MediaReference])?

    /// - Parameters:
    ///   - credentials: the secrets (``Credentials/load(file:environment:)``).
    ///   - credentialsFile: where a rotated Husbandry refresh token is saved (0600); `nil` keeps it for this run only.
    package init(configuration: SourcesConfiguration, credentials: Credentials, credentialsFile: URL? = nil, logger: Logger) {
        self.configuration = configuration
        self.credentials = credentials
        self.credentialsFile = credentialsFile
        self.logger = logger
    }

    /// Fetches everything. Items that fail fall back to their cached copy (a warning) or are
    /// reported as failures; a listing that fails throws, and nothing should be published. A
    /// service that is down (its circuit breaker opened) is asked nothing more in the run, and
    /// everything of it not yet fetched, listings included, stands in with its cached copy.
    ///
    /// - Parameter progress: called as requests finish, with done/total per source (from any task).
    /// - Throws: ``SourcesError``: a missing credential, or ``SourcesError/listingFailed(service:listing:underlying:)``.
    package func fetch(mode: FetchMode = .network, progress: (@Sendable (FetchProgress) -> Void)? = nil) async throws -> FetchReport {
        let started = ContinuousClock.now
        let cache = ResponseCache(folder: configuration.cacheFolder)
        let journal = FetchJournal(logger: logger)
        var report: FetchReport
        switch mode {
        case .offline:
            let store = ResponseStore(mode: .offline, transport: nil, cache: cache, logger: logger)
            report = try await run(store: store, journal: journal, progress: progress)
        case .network:
            try checkCredentials()
            report = try await HTTPClient.withHTTPClient(configuration: HTTPTransport.clientConfiguration(for: configuration)) { client in
              try await HTTPClient.withHTTPClient(configuration: HTTPTransport.redirectlessConfiguration(for: configuration)) { redirectless in
                var transport = HTTPTransport(client: client, configuration: configuration,
                                              secrets: credentials.secretValues, logger: logger)
                transport.redirectlessClient = redirectless
                let store = ResponseStore(mode: .network, transport: transport, cache: cache, logger: logger)
                var report = try await run(store: store, journal: journal, progress: progress)
                if let media = configuration.media, let mediaReferences {
                    let mirror = MediaMirror(transport: transport, configuration: media, cache: configuration.cacheFolder, width: taskWidth)
                    let result = try await mirror.run(mediaReferences(report.catalogues), journal: journal, progress: progress)
                    report.pictures = PictureCounts(downloaded: result.downloaded, unchanged: result.unchanged,
                                                    refused: result.refused.count, failed: result.failed.count)
                }
                report.requests = await transport.statistics.totalSent
                report.revalidated = await transport.statistics.revalidated
                report.bytesSavedByRevalidation = await transport.statistics.bytesSavedByRevalidation
                for service in SourceService.allCases {
                    guard let reason = await transport.breakers[service]?.openReason else { continue }
                    report.servicesDown[service] = reason
                    await journal.serviceDown(service, reason: reason)
                }
                return report
              }
            }
            for catalogue in report.catalogues {
                do { try cache.storeCatalogue(catalogue) } catch { await journal.warn("\(error)") }
            }
        }
        report.mode = mode
        report.warnings = await journal.warnings
        report.failures = await journal.failures
        report.duration = ContinuousClock.now - started
        return report
    }

    /// The catalogues the last complete fetch assembled, read from the cache alone (for `serve`
    /// and rebuilds without the network); rebuilt from the cached answers when a snapshot is missing.
    /// - Throws: ``SourcesError/notCached(service:item:)`` when the cache has never been filled.
    package func loadCachedCatalogues() async throws -> [Catalogue] {
        let cache = ResponseCache(folder: configuration.cacheFolder)
        let snapshots = try (configuration.languages.isEmpty ? ["en"] : configuration.languages).map { try cache.catalogue(language: $0) }
        if snapshots.allSatisfy({ $0 != nil }) { return snapshots.compactMap { $0 } }
        return try await fetch(mode: .offline).catalogues
    }

    private func run(store: ResponseStore, journal: FetchJournal,
                     progress: (@Sendable (FetchProgress) -> Void)?) async throws -> FetchReport {
        let equicty = try equictyClient(store: store)
        let husbandry = try husbandryClient(store: store, journal: journal)
        let smaxtec = smaxtecClient(store: store)
        let languages = configuration.languages.isEmpty ? ["en"] : configuration.languages

        async let animalsResult = fetchAnimalsIfConfigured(husbandry, journal: journal, progress: progress)
        async let herdResult = fetchHerdIfConfigured(smaxtec, journal: journal, progress: progress)
        var horsesByLanguage: [String: EquictyFetch] = [:]
        if let equicty {
            try await withThrowingTaskGroup(of: (String, EquictyFetch).self) { group in
                for language in languages {
                    group.addTask { (language, try await fetchHorses(equicty, language: language, journal: journal, progress: progress)) }
                }
                for try await (language, result) in group { horsesByLanguage[language] = result }
            }
        }
        let animals = try await animalsResult
        let herd = try await herdResult

        var report = FetchReport()
        for language in languages {
            let horses = horsesByLanguage[language]
            let fetchedAt = [horses?.newest, animals?.newest, herd?.newest].compactMap { $0 }.max()
            report.catalogues.append(Catalogue(language: language, horses: horses?.horses ?? [],
                                               animals: animals?.animals ?? [], herd: herd?.animals ?? [], fetchedAt: fetchedAt))
            if let horses {
                report.counts.append(FetchCount(service: .equicty, language: language, items: horses.horses.count,
                                                fromCache: horses.fromCache, failed: horses.failed))
            }
        }
        if let animals {
            report.counts.append(FetchCount(service: .husbandry, language: nil, items: animals.animals.count,
                                            fromCache: animals.fromCache, failed: 0))
        }
        if let herd {
            report.counts.append(FetchCount(service: .smaxtec, language: nil, items: herd.animals.count,
                                            fromCache: herd.fromCache, failed: herd.failed))
        }
        return report
    }
}
