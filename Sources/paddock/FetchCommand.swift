import ArgumentParser
import Foundation
import Logging
import PaddockSite
import PaddockSources

/// `paddock fetch`: fills the cache from the configured services and prints what came back.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the catalogue from Equicty and Husbandry Pro into the cache.",
        discussion: """
        Exits 0 when everything was fetched (or stood in for by its cached copy), 2 when some items \
        could not be fetched and had no cached copy, 1 when a listing failed or the config is wrong.
        """)

    @Option(name: .long, help: "The site's config file.")
    var config: String = SiteConfig.fileName

    @Option(name: .long, help: "The credentials file (default: PADDOCK_CREDENTIALS_FILE or .paddock/credentials.json beside the config).")
    var credentials: String?

    @Flag(name: .long, help: "Use only the cache; send no request.")
    var offline = false

    @Flag(name: .long, help: "Log every request.")
    var verbose = false

    func run() async throws {
        let configFile = URL(filePath: config, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)).standardizedFileURL
        let site = try SiteConfig.load(from: configFile)
        let credentialsFile = credentials.map { URL(filePath: $0).standardizedFileURL } ?? Credentials.defaultFile(siteRoot: site.root)
        let secrets = try Credentials.load(file: credentialsFile)
        let progress = FetchProgressDisplay()
        var log = Logger(label: "paddock.fetch", factory: { StreamLogHandler.standardError(label: $0) })
        log.logLevel = verbose ? .debug : (progress.isTerminal ? .warning : .info)
        let logger = log
        if site.sources.equicty == nil && site.sources.husbandry == nil {
            print("No sources are configured in \(configFile.path): nothing to fetch.")
            return
        }

        let fetcher = CatalogueFetcher(configuration: site.sources, credentials: secrets,
                                       credentialsFile: credentialsFile, logger: logger)
        let report = try await fetcher.fetch(mode: offline ? .offline : .network) { update in
            progress.show(update, logger: logger)
        }
        progress.finish()
        // The next build then finds every pedigree sanitised (the network wait is over; this is CPU).
        let sanitised = HorseTelexMemo.prepare(for: report.catalogues, config: site)
        logger.info("HorseTelex pedigrees sanitised for the next build", metadata: ["fetch.sanitised": "\(sanitised)"])
        print(FetchSummary.text(report))
        if !report.isComplete { throw ExitCode(2) }
    }
}
