import Foundation
import Logging
import PaddockCatalogue
import PaddockHistory
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite

/// Whole builds against the sandbox while its catalogue changes between them: every address the
/// site ever published answers on disk, and the live pages are exactly what the sandbox says.
@Suite struct SandboxHistoryBuildTests {
    static let logger = Logger(label: "test.sandbox-history", factory: { _ in SwiftLogNoOpLogHandler() })

    private func build(_ site: TemporarySite, _ sandbox: SandboxServer, at date: Date) async throws -> BuiltSite {
        let sources = SourcesConfiguration(
            equicty: EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL),
            husbandry: HusbandrySourceConfiguration(version: .v1, baseURL: sandbox.husbandryV1BaseURL),
            languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"))
        var config = site.config(sources: sources)
        config.lifecycle.soldArchive = true
        let credentials = Credentials(equictyAPIKey: sandbox.options.equictyAPIKey, husbandryUserKeys: sandbox.husbandryUserKeys)
        let fetcher = CatalogueFetcher(configuration: sources, credentials: credentials, logger: Self.logger)
        var builder = SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: Self.logger)
        builder.now = { date }
        _ = try await builder.buildHoldingLock(refetch: true, wait: true)
        return try BuiltSite(output: config.outputFolder)
    }

    /// The English address of an item, from the site's history.
    private func address(_ site: TemporarySite, _ kind: ItemKind, _ id: String) throws -> String {
        let urls = try HistoryStore(file: site.root.appending(path: ".paddock/history.sqlite")).read().urls.values
        return try #require(urls.filter { $0.item == kind.key(id) && $0.language == "en" }.map(\.path).min(), "\(kind) \(id)")
    }

    /// The live item pages of the sitemap match the statement: every horse and offered animal, nothing else.
    private func expectSitemapMatches(_ built: BuiltSite, _ statement: SiteStatement, _ site: TemporarySite,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let listed = Set(HistoryBuildTests.sitemapPaths(built).map { String($0.dropFirst(site.config().baseURL.count)) + "index.html" })
        for id in statement.horses {
            #expect(listed.contains(try address(site, .horse, id)), "horse \(id) is live", sourceLocation: sourceLocation)
        }
        for id in statement.offeredAnimals.keys {
            let path = try address(site, .animal, id)
            #expect(listed.contains(path), "animal \(id) is live", sourceLocation: sourceLocation)
            #expect(!(built.text(path) ?? "").contains("sold-notice"), sourceLocation: sourceLocation)
        }
        let itemPages = listed.filter { $0.hasPrefix("en/horses/") && $0.split(separator: "/").count == 4 && !$0.contains("/page/")
            && !$0.contains("/studbook/") && !["stallions", "mares", "geldings", "fillies", "colts"].contains(String($0.split(separator: "/")[2])) }
        #expect(itemPages.count == statement.horses.count, sourceLocation: sourceLocation)
    }

    @Test func renamedRemovedSoldAndRestoredItemsKeepEveryAddressAnswering() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let first = try await build(site, sandbox, at: HistoryBuildTests.day(0))
            var published = Set(first.htmlPaths.filter { !$0.hasSuffix("404.html") })
            let statement = sandbox.statement()
            try expectSitemapMatches(first, statement, site)
            let horses = statement.horses.sorted { Int($0)! < Int($1)! }
            let animals = statement.offeredAnimals.keys.sorted()
            let (renamed, removed) = (horses[0], horses[1])
            let (sold, withdrawn) = (animals[0], animals[1])
            let renamedPath = try address(site, .horse, renamed), removedPath = try address(site, .horse, removed)
            let soldPath = try address(site, .animal, sold), withdrawnPath = try address(site, .animal, withdrawn)

            sandbox.serve(changes: [.renameHorse(id: Int(renamed)!, name: "Zz Renamed Horse"), .removeHorse(id: Int(removed)!),
                                    .sellAnimal(ids: sold), .withdrawAnimal(ids: withdrawn)])
            let second = try await build(site, sandbox, at: HistoryBuildTests.day(1))
            HistoryBuildTests.expectEveryAddressAnswers(published, in: second)
            try expectSitemapMatches(second, sandbox.statement(), site)
            #expect(second.text(renamedPath)?.contains("Zz Renamed Horse") == true, "renamed, same address")
            #expect(try address(site, .horse, renamed) == renamedPath)
            for path in [removedPath, soldPath, withdrawnPath] {
                let text = try #require(second.text(path))
                #expect(text.contains("sold-notice"), "\(path) is marked sold")
                #expect(text.contains("https://schema.org/SoldOut"), "\(path) is SoldOut")
                #expect(second.text("en/sold/index.html")?.contains(String(path.dropLast("index.html".count))) == true)
            }
            #expect(second.brokenReferences(baseURL: site.config().baseURL).isEmpty)
            published.formUnion(second.htmlPaths.filter { !$0.hasSuffix("404.html") })

            // Past the 60 days a sold page stands.
            let third = try await build(site, sandbox, at: HistoryBuildTests.day(70))
            HistoryBuildTests.expectEveryAddressAnswers(published, in: third)
            for path in [removedPath, soldPath, withdrawnPath] {
                #expect(third.text(path)?.contains("noindex") == true, "\(path) is a no-longer-available page")
            }
            published.formUnion(third.htmlPaths.filter { !$0.hasSuffix("404.html") })

            // Everything listed again: back at the addresses they were first published under.
            sandbox.serve(changes: [])
            let fourth = try await build(site, sandbox, at: HistoryBuildTests.day(71))
            HistoryBuildTests.expectEveryAddressAnswers(published, in: fourth)
            try expectSitemapMatches(fourth, sandbox.statement(), site)
            for path in [renamedPath, removedPath, soldPath, withdrawnPath] {
                let text = try #require(fourth.text(path))
                #expect(!text.contains("sold-notice") && !text.contains("noindex"), "\(path) is live again")
            }
            #expect(!(fourth.text(renamedPath) ?? "").contains("Zz Renamed Horse"))
        }
    }
}
