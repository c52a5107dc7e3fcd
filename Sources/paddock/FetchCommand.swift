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

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Use only the cache; send no request.")
    var offline = false

    @Flag(name: .long, help: "Log every request.")
    var verbose = false

    func validate() throws {
        _ = try site.requiredConfigFile()
    }

    func run() async throws {
        let site = try LoadedSite(self.site)
        let progress = FetchProgressDisplay()
        var log = Logger(label: "paddock.fetch", factory: { StreamLogHandler.standardError(label: $0) })
        log.logLevel = verbose ? .debug : (progress.isTerminal ? .warning : .info)
        let logger = log
        if site.config.sources.equicty == nil && site.config.sources.husbandry == nil && site.config.sources.smaxtec == nil {
            print("No sources are configured in \(site.configFile.path): nothing to fetch.")
            return
        }

        let report = try await site.fetcher(logger: logger).fetch(mode: offline ? .offline : .network) { update in
            progress.show(update, logger: logger)
        }
        progress.finish()
        // The next build then finds every pedigree sanitised (the network wait is over; this is CPU).
        let sanitised = HorseTelexMemo.prepare(for: report.catalogues, config: site.config)
        logger.info("HorseTelex pedigrees sanitised for the next build", metadata: ["fetch.sanitised": "\(sanitised)"])
        print(FetchSummary.text(report))
        if !report.isComplete { throw ExitCode(2) }
    }
}
