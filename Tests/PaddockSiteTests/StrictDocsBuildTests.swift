import Foundation
import Logging
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite

/// Whole builds against the sandbox in `--strict-docs` mode, compared with the sandbox's own
/// statement of what a correct site contains: which animals get pages (flag and status in
/// conflict), what price each shows (every written form), which are reserved, and which horses'
/// pedigrees carry the HorseTelex attribution (framed and bare HTML).
@Suite struct StrictDocsBuildTests {
    static let logger = Logger(label: "test.strict", factory: { _ in SwiftLogNoOpLogHandler() })

    /// What the built site says about one animal, read from its page.
    struct AnimalPage {
        var path: String
        var offeredPrice: Decimal?
        var availability: String?
        var shownPrice: String
        var reservedBadge: Bool
    }

    static func builder(_ site: TemporarySite, _ sandbox: SandboxServer, husbandry version: Int, refreshToken: String?,
                        maxTries: Int = 3, maxConcurrentRequests: Int = 8) -> SiteBuilder {
        let husbandry = version == 2
            ? HusbandrySourceConfiguration(version: .v2, baseURL: sandbox.husbandryBaseURL)
            : HusbandrySourceConfiguration(version: .v1, baseURL: sandbox.husbandryV1BaseURL)
        let sources = SourcesConfiguration(
            equicty: EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL), husbandry: husbandry,
            languages: ["en", "de"], maxConcurrentRequests: maxConcurrentRequests, maxTries: maxTries,
            cacheFolder: site.root.appending(path: ".paddock/cache"),
            retryBaseDelay: .milliseconds(20))
        let credentials = Credentials(
            equictyAPIKey: sandbox.options.equictyAPIKey, husbandryClientID: sandbox.options.husbandryClientID,
            husbandryClientSecret: sandbox.options.husbandryClientSecret, husbandryRefreshToken: refreshToken,
            husbandryUserKeys: version == 1 ? sandbox.husbandryUserKeys : nil)
        let fetcher = CatalogueFetcher(configuration: sources, credentials: credentials, logger: logger)
        return SiteBuilder(config: site.config(sources: sources), provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
    }

    /// Every animal page of one language, by the `productID` of its JSON-LD.
    static func animalPages(_ built: BuiltSite, language: String) throws -> [String: AnimalPage] {
        var pages: [String: AnimalPage] = [:]
        for path in built.htmlPaths where path.hasPrefix("\(language)/") {
            let page = ParsedHTML(built.files[path]!)
            for script in page.all("script") where script.attributes["type"] == "application/ld+json" {
                guard let object = try JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any],
                      ["Product", "Thing"].contains(object["@type"] as? String),   // Thing: on price request, no offer
                      let id = object["productID"] as? String ?? object["identifier"] as? String else { continue }
                let offer = object["offers"] as? [String: Any]
                let shown = page.elements.first { ($0.attributes["class"] ?? "").split(separator: " ").contains("price-large") }
                #expect(pages[id] == nil, "two pages for animal \(id)")
                pages[id] = AnimalPage(
                    path: path, offeredPrice: (offer?["price"] as? String).flatMap { Decimal(string: $0) },
                    availability: offer?["availability"] as? String, shownPrice: shown?.text ?? "",
                    reservedBadge: page.elements.contains { ($0.attributes["class"] ?? "").contains("status-reserved") })
            }
        }
        return pages
    }

    /// Digits of `amount` with two decimals (`1250.5` → `125050`), as any locale writes them.
    static func digits(_ amount: Decimal) -> String {
        var value = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return "\(rounded)"
    }

    static func compare(_ built: BuiltSite, with statement: SiteStatement) throws {
        for language in ["en", "de"] {
            let pages = try animalPages(built, language: language)
            #expect(Set(pages.keys) == Set(statement.offeredAnimals.keys), "\(language): animal pages differ from the statement")
            for (id, truth) in statement.offeredAnimals {
                guard let page = pages[id] else { continue }
                #expect(page.offeredPrice == truth.price, "\(page.path): JSON-LD price \(String(describing: page.offeredPrice)), truth \(String(describing: truth.price))")
                let shownDigits = page.shownPrice.filter(\.isNumber)
                if let price = truth.price {
                    #expect(shownDigits == digits(price), "\(page.path) shows \(page.shownPrice) for \(price)")
                    #expect(page.availability == (truth.reserved ? "https://schema.org/Reserved" : "https://schema.org/InStock"))
                } else {
                    #expect(shownDigits.isEmpty, "\(page.path) shows \(page.shownPrice), truth: price on request")
                }
                #expect(page.reservedBadge == truth.reserved, "\(page.path): reserved badge")
            }
        }
        // Withheld animals appear nowhere: no page, no card, no feed entry, no sitemap line.
        let everything = built.files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for id in statement.withheldAnimals {
            #expect(!everything.contains(id), "withheld animal \(id) is published")
        }
        for language in ["en", "de"] {
            let horsePages = built.htmlPaths.filter { $0.hasPrefix("\(language)/horses/") }.compactMap { path -> (String, ParsedHTML)? in
                let page = ParsedHTML(built.files[path]!)
                return page.all("article").contains { $0.attributes["class"] == "wrap horse" } ? (path, page) : nil
            }
            #expect(horsePages.count == statement.horses.count, "\(language): \(horsePages.count) horse pages")
            var attributed = Set<String>()
            for (path, page) in horsePages {
                let marked = page.elements.contains { $0.attributes["data-attribution"] == "horsetelex" }
                let pedigreeLinks = page.all("a").compactMap { $0.attributes["href"] }
                    .filter { $0.hasPrefix("https://www.horsetelex.com/horses/pedigree/") }
                for link in pedigreeLinks { attributed.insert(String(link.split(separator: "/").last ?? "")) }
                #expect(marked == !pedigreeLinks.isEmpty, "\(path): attribution \(marked), pedigree links \(pedigreeLinks)")
            }
            #expect(attributed == statement.horseTelexHorses, "\(language): HorseTelex pedigrees differ from the statement")
        }
    }

    @Test(arguments: [1, 2])
    func aStrictDocsSiteMatchesTheSandboxStatement(husbandry version: Int) async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.variants = .strictDocs
        try await SandboxServer.withRunning(options: options) { sandbox in
            let token = version == 2 ? await sandbox.mintRefreshToken() : nil
            let builder = Self.builder(site, sandbox, husbandry: version, refreshToken: token)
            _ = try await builder.buildHoldingLock(refetch: true, wait: true)
            let statement = sandbox.statement(husbandryVersion: version)
            #expect(statement.offeredAnimals.values.contains { $0.reserved })
            #expect(statement.offeredAnimals.values.contains { $0.price == nil })
            #expect(statement.withheldAnimals.count > statement.offeredAnimals.count / 2)
            try Self.compare(try BuiltSite(output: builder.config.outputFolder), with: statement)
        }
    }

    /// The whole run: strict documents with latency, 10 % 5xx, a 429 every 7th request and
    /// 5 % of bodies cut short with a matching `Content-Length`. One request in flight, so that by
    /// the sandbox's clock no request may arrive inside any `Retry-After` window.
    @Test func aStrictDocsSiteBuiltThroughFaultsMatchesTheStatement() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.variants = .strictDocs
        options.latency = .milliseconds(2)
        options.randomFailureRate = 0.1
        options.faults = [
            SandboxFault(.tooManyRequests(retryAfterSeconds: 1), trigger: .everyNth(7), pathContains: "/api"),
            SandboxFault(.cutBody, trigger: .everyNth(20), pathContains: "/api"),
        ]
        try await SandboxServer.withRunning(options: options) { sandbox in
            let builder = Self.builder(site, sandbox, husbandry: 1, refreshToken: nil, maxTries: 10, maxConcurrentRequests: 1)
            _ = try await builder.buildHoldingLock(refetch: true, wait: true)
            let log = sandbox.requestLog
            #expect(await log.requests.contains { $0.status == 429 })
            #expect(await log.requests.contains { $0.fault?.contains("cutBody") == true }, "no body was cut")
            for window in await log.retryAfterWindows {
                let early = await log.arrivals(inside: window)
                #expect(early.isEmpty, "\(early.count) requests started inside the Retry-After window of \(window.service)")
            }
            try Self.compare(try BuiltSite(output: builder.config.outputFolder), with: sandbox.statement(husbandryVersion: 1))
        }
    }
}
