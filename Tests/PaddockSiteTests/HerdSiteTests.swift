import Foundation
import Logging
import PaddockDemo
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite

/// Whole builds of a herd site from the sandbox's smaXtec API, compared with its statement.
@Suite(.serialized) struct HerdSiteTests {
    static let logger = Logger(label: "test.herd", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A site with only `[sources.smaxtec]`.
    static func builder(_ site: TemporarySite, _ sandbox: SandboxServer, herd: HerdSettings) -> SiteBuilder {
        var sources = SourcesConfiguration(languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"),
                                           retryBaseDelay: .milliseconds(20))
        sources.smaxtec = SmaxtecSourceConfiguration(baseURL: sandbox.smaxtecBaseURL)
        let credentials = Credentials(smaxtecEmail: sandbox.options.smaxtecEmail, smaxtecPassword: sandbox.options.smaxtecPassword)
        let fetcher = CatalogueFetcher(configuration: sources, credentials: credentials, logger: logger)
        var config = site.config(sources: sources)
        config.herd = herd
        return SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
    }

    /// The herd animal pages of one language: the JSON-LD `identifier` (ear tag) → page path.
    static func herdPages(_ built: BuiltSite, language: String) throws -> [String: String] {
        var pages: [String: String] = [:]
        for path in built.htmlPaths where path.hasPrefix("\(language)/herd/") {
            for script in ParsedHTML(built.files[path]!).all("script") where script.attributes["type"] == "application/ld+json" {
                guard let object = try JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any],
                      object["@type"] as? String == "Thing" else { continue }
                pages[object["identifier"] as? String ?? path] = path
            }
        }
        return pages
    }

    /// Every private value of the sandbox's herd that appears in any built file.
    static func leaks(_ built: BuiltSite, _ values: Set<String>) -> [String] {
        var found: [String] = []
        for (path, bytes) in built.files {
            let text = String(decoding: bytes, as: UTF8.self)
            for value in values where text.contains(value) { found.append("\(path): \(value)") }
        }
        return found.sorted()
    }

    @Test func aSiteWithOnlySmaxtecBuildsTheWholeHerdAndPublishesNothingPrivate() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let builder = Self.builder(site, sandbox, herd: HerdSettings(publishReproduction: true))
            _ = try await builder.build(refetch: true)
            let built = try BuiltSite(output: builder.config.outputFolder)
            let statement = sandbox.statement().herd
            #expect(!statement.privateValues.isEmpty)
            let leaked = Self.leaks(built, statement.privateValues)
            #expect(leaked.isEmpty, "private smaXtec data in the site: \(leaked.prefix(8))")
            // The same grep finds what is published (the ear tags, shown on this site): it can fail.
            #expect(Self.leaks(built, Set(statement.listed.values.map(\.officialID))).count >= statement.listed.count)
            for language in ["en", "de"] {
                let pages = try Self.herdPages(built, language: language)
                #expect(Set(pages.keys) == Set(statement.listed.values.map(\.officialID)), "\(language): herd pages differ from the statement")
                for cow in statement.listed.values {
                    guard let path = pages[cow.officialID] else { continue }
                    let page = ParsedHTML(built.files[path]!)
                    let events = page.elements.filter { $0.name == "li" && ($0.attributes["class"] ?? "").hasPrefix("timeline-") }
                    #expect(events.count == cow.reproductionEvents, "\(path): \(events.count) events, truth \(cow.reproductionEvents)")
                    #expect(page.all("svg").contains { $0.attributes["class"] == "breed-bar" } || page.all("h1").first != nil)
                }
                // Sold and archived animals leave every listing and have no page.
                for cow in statement.withheld.values {
                    #expect(!built.files.keys.contains { $0.hasPrefix("\(language)/herd/") && built.text($0)!.contains(cow.officialID) },
                            "withheld \(cow.officialID) is on a herd page")
                }
                // Animals tagged for sale join the animals for sale.
                let forSale = built.htmlPaths.filter { $0.hasPrefix("\(language)/for-sale/") && $0.split(separator: "/").count == 4 }
                    .filter { !$0.contains("/species/") }
                #expect(forSale.count == statement.listed.values.filter(\.forSale).count, "\(language): \(forSale)")
                for filter in ["herd/index.html", "herd/status/lactating/index.html", "herd/status/young-cow/index.html",
                               "herd/breed/fleckvieh/index.html", "herd/age/5-plus/index.html"] {
                    #expect(built.files["\(language)/\(filter)"] != nil, "\(language)/\(filter) missing")
                }
                let nav = built.text("\(language)/index.html") ?? ""
                #expect(nav.contains("href=\"../\(language)/herd/\""), "the home page links the herd")
            }
            #expect(built.text("sitemap.xml")?.contains("/en/herd/breed/fleckvieh/") == true)
            #expect(built.text("en/feed.xml") != nil, "animals for sale from the herd have a feed")
            #expect(built.brokenReferences(baseURL: builder.config.baseURL).isEmpty, "\(built.brokenReferences(baseURL: builder.config.baseURL).prefix(5))")
        }
    }

    @Test func hiddenEarTagsAndHistoryStayOffTheSite() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let builder = Self.builder(site, sandbox, herd: HerdSettings(hideEarTag: true, publishReproduction: false))
            _ = try await builder.build(refetch: true)
            let built = try BuiltSite(output: builder.config.outputFolder)
            let statement = sandbox.statement().herd
            let tags = Set(statement.listed.values.map(\.officialID) + statement.withheld.values.map(\.officialID))
            #expect(Self.leaks(built, tags).isEmpty, "ear tags on a site that hides them: \(Self.leaks(built, tags).prefix(5))")
            #expect(!built.files.values.contains { String(decoding: $0, as: UTF8.self).contains("class=\"timeline") })
            let pages = built.htmlPaths.filter { $0.hasPrefix("en/herd/") && !$0.contains("/breed/") && !$0.contains("/status/")
                && !$0.contains("/age/") && $0 != "en/herd/index.html" && !$0.contains("/page/") }
            #expect(pages.count == statement.listed.count)
        }
    }

    @Test func aHostileHerdBuildsSafely() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.includeHostile = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            let builder = Self.builder(site, sandbox, herd: HerdSettings(publishReproduction: true))
            _ = try await builder.build(refetch: true)
            let built = try BuiltSite(output: builder.config.outputFolder)
            #expect(Self.leaks(built, sandbox.statement().herd.privateValues).isEmpty)
            for path in built.files.keys {
                let segments = path.split(separator: "/").map { $0.lowercased() }
                #expect(!segments.contains("..") && !segments.contains { ["con", "nul", "com1.txt", "etc"].contains($0) }, "\(path)")
            }
            for path in built.htmlPaths {
                let text = built.text(path)!
                #expect(!text.contains("<script>alert") && !text.contains("<img src=x") && !text.contains("onmouseover=\"alert"), "\(path)")
            }
            let pages = try Self.herdPages(built, language: "en")
            for hostile in ["../../etc/passwd", "CON", "NUL", "AT/..%2F..", ".."] {
                #expect(pages[hostile] != nil, "the animal with ear tag \(hostile) has a page")
            }
        }
    }

    @Test func photosInStaticHerdAreShownByTheNamingConvention() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en"])
        let catalogues = try DemoData.catalogues(languages: ["en"], mediaBaseURL: "https://demo.example/media")
        let susi = try #require(catalogues[0].herd.first { $0.name == "Susi" })
        try site.write("static/herd/susi.jpg", "jpeg")
        try site.write("static/herd/\(susi.officialID.lowercased()).2.jpg", "jpeg")
        try site.write("static/herd/notes.txt", "not a photo")
        let builder = SiteBuilder(config: config, provider: FixedCatalogues(supply: CatalogueSupply(catalogues: catalogues, origin: "test")), logger: Self.logger)
        _ = try await builder.build(refetch: true)
        let built = try BuiltSite(output: config.outputFolder)
        let page = try #require(built.text("en/herd/susi/index.html"))
        #expect(page.contains("src=\"../../../herd/susi.jpg\""))
        #expect(page.contains("href=\"../../../herd/\(susi.officialID.lowercased()).2.jpg\""))
        #expect(built.files["herd/susi.jpg"] != nil)
        #expect(built.brokenReferences(baseURL: config.baseURL).isEmpty)
    }

    @Test func theEmbeddedDemoShowsTheHerd() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        _ = try await builder.build(refetch: true)
        let built = try BuiltSite(output: config.outputFolder)
        #expect(built.files["en/herd/index.html"] != nil && built.files["de/herd/index.html"] != nil)
        #expect(built.text("de/herd/index.html")?.contains("Unsere Herde") == true)
        #expect(built.text("en/index.html")?.contains("href=\"../en/herd/\"") == true)
    }
}
