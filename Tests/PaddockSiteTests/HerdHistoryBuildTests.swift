import Foundation
import PaddockCatalogue
import PaddockHistory
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite

/// Whole builds of a herd site across days with the site's history: animals tagged sold,
/// archived, gone from the API, renamed and replaced by namesakes, every address ever published
/// checked on disk after each build, and nothing of the history's private key published.
@Suite struct HerdHistoryBuildTests {
    static let organisation = "5f1a0c2e9b3d4a0001hofb"

    static func cow(_ tag: String, _ name: String?, breed: String, tags: [String] = [], archived: Bool = false) -> HerdAnimal {
        HerdAnimal(organisationID: organisation, officialID: tag, name: name, birthday: CalendarDate(year: 2020, month: 3, day: 1),
                   breeds: [BreedShare(breed: breed)], lactationStatus: .lactating, tags: tags, archived: archived)
    }

    static let firstHerd = [
        cow("DE0100000001", "Bella", breed: "Fleckvieh"),
        cow("DE0100000002", "Clara", breed: "Fleckvieh"),
        cow("DE0100000003", "Dora", breed: "Holstein"),
        cow("DE0100000004", "Emma", breed: "Holstein"),
        cow("DE0100000005", "Frida", breed: "Fleckvieh", tags: ["for-sale"]),
        cow("DE0100000006", "Gina", breed: "Fleckvieh"),
        cow("DE0100000007", "Hanna", breed: "Holstein"),
    ]

    /// The herd of day 1: Bella tagged sold, Clara archived, Dora gone from the API, Emma renamed
    /// Emmy, Frida (for sale) archived, and a new cow named Bella.
    static let secondHerd: [HerdAnimal] = {
        var herd = firstHerd.filter { $0.officialID != "DE0100000003" }
        for index in herd.indices {
            switch herd[index].officialID {
            case "DE0100000001": herd[index].tags = ["sold"]
            case "DE0100000002", "DE0100000005": herd[index].archived = true
            case "DE0100000004": herd[index].name = "Emmy"
            default: break
            }
        }
        herd.append(cow("DE0100000099", "Bella", breed: "Holstein"))
        return herd
    }()

    static func catalogues(_ herd: [HerdAnimal]) -> [Catalogue] {
        ["en", "de"].map { Catalogue(language: $0, herd: herd, fetchedAt: HistoryBuildTests.day0) }
    }

    static func config(_ site: TemporarySite, keepFirstURL: Bool = true) -> SiteConfig {
        var sources = SourcesConfiguration(languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"))
        sources.smaxtec = SmaxtecSourceConfiguration()
        var config = site.config(sources: sources)
        config.herd = HerdSettings(hideEarTag: true)
        config.lifecycle = LifecycleSettings(newDays: 14, soldPageDays: 30, soldArchive: true)
        config.lifecycle.keepFirstURL = keepFirstURL
        config.lifecycle.forceRedirects = false
        return config
    }

    /// The text of a page's `<article>` (its own content, without navigation and footer).
    static func article(_ text: String?) -> String {
        guard let text else { return "" }
        return ParsedHTML(Array(text.utf8)).all("article").map(\.text).joined(separator: " ")
    }

    /// Files of the site that contain any of `values`.
    static func files(_ built: BuiltSite, containing values: [String]) -> [String] {
        built.files.compactMap { path, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            return values.contains { text.contains($0) } ? path : nil
        }.sorted()
    }

    /// What a sold page says (the badge, the notice, schema.org's SoldOut), in any language.
    static func claimsSold(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.contains("status-sold") || text.contains("sold-notice") || text.contains("SoldOut")
    }

    @Test func soldArchivedGoneRenamedAndReplacedHerdAnimalsKeepEveryAddressAndTellOnlyTheTruth() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = Self.config(site)
        let first = try await HistoryBuildTests.build(config, Self.catalogues(Self.firstHerd), at: HistoryBuildTests.day(0))
        var published = Set(first.htmlPaths.filter { !$0.hasSuffix("404.html") })
        for name in ["bella", "clara", "dora", "emma", "frida"] {
            #expect(published.contains("en/herd/\(name)/index.html"), "\(name) has a herd page")
        }
        #expect(published.contains("en/for-sale/frida/index.html"))
        #expect(first.text("de/for-sale/frida/index.html")?.contains("Rind") == true, "the species is translated")
        #expect(!(first.text("de/for-sale/frida/index.html") ?? "").contains(">Cattle<"))

        let second = try await HistoryBuildTests.build(config, Self.catalogues(Self.secondHerd), at: HistoryBuildTests.day(1))
        HistoryBuildTests.expectEveryAddressAnswers(published, in: second)
        #expect(second.brokenReferences(baseURL: config.baseURL).isEmpty)

        // (i) Tagged sold: a sold page at the same address, out of the listings, feed and sitemap.
        let bella = try #require(second.text("en/herd/bella/index.html"))
        #expect(bella.contains("status-sold") && bella.contains("sold-notice"))
        #expect(bella.contains("https://schema.org/SoldOut"))
        #expect(!bella.contains("noindex"))
        #expect(Self.article(bella).contains("Fleckvieh"), "rendered from the current record")
        #expect(bella.contains("class=\"section similar\""))
        let similar = ParsedHTML(Array(bella.utf8)).all("a").compactMap { $0.attributes["href"] }.filter { $0.contains("herd/") }
        #expect(similar.contains("../../../en/herd/gina/"), "a listed animal of the same breed is similar: \(similar)")
        for listing in ["en/herd/index.html", "en/herd/breed/fleckvieh/index.html"] {
            #expect(!(second.text(listing) ?? "").contains("herd/bella/"), "\(listing) lists a sold animal")
        }
        #expect(!HistoryBuildTests.sitemapPaths(second).contains { $0.hasSuffix("herd/bella/") })
        for feed in second.files.keys where feed.hasSuffix("feed.xml") { #expect(!(second.text(feed) ?? "").contains("bella")) }
        #expect(second.text("en/sold/index.html")?.contains("herd/bella/") == true, "the sold archive lists it")
        #expect(second.text("de/herd/bella/index.html")?.contains("Verkauft") == true)

        // (ii) Archived, gone from the API, or an archived animal for sale: "no longer available", never "sold".
        for path in ["en/herd/clara/index.html", "en/herd/dora/index.html", "en/for-sale/frida/index.html",
                     "de/herd/clara/index.html", "de/for-sale/frida/index.html"] {
            let text = try #require(second.text(path), "\(path) answers")
            #expect(text.contains("<meta name=\"robots\" content=\"noindex\">"), "\(path) is a no-longer-available page")
            #expect(!Self.claimsSold(text), "\(path) claims a sale")
            let body = Self.article(text).lowercased()
            #expect(!body.contains("sold") && !body.contains("verkauft"), "\(path) says sold: \(body)")
            #expect(!(second.text("en/sold/index.html") ?? "").contains(String(path.dropFirst(3).dropLast("index.html".count))))
        }
        #expect(Self.article(second.text("en/herd/clara/index.html")).contains("Clara is no longer available"))
        #expect(Self.article(second.text("en/herd/clara/index.html")).contains("no longer in our herd"))
        #expect(second.text("en/herd/clara/index.html")?.contains("href=\"../../../en/herd/\"") == true, "it leads to the herd")

        // (iii) Renamed: same address, new name.
        #expect(Self.article(second.text("en/herd/emma/index.html")).contains("Emmy"))
        #expect(second.files["en/herd/emmy/index.html"] == nil)

        // (v) A namesake never takes a published slug.
        let newBella = try #require(second.htmlPaths.first {
            $0.hasPrefix("en/herd/bella-") && Self.article(second.text($0)).contains("Holstein")
        })
        #expect(!Self.claimsSold(second.text(newBella)))
        #expect(second.text("en/herd/index.html")?.contains(String(newBella.dropFirst(3).dropLast("index.html".count))) == true)
        published.formUnion(second.htmlPaths.filter { !$0.hasSuffix("404.html") })

        // (iv) Past sold_page_days: the sold page becomes the "no longer available" page.
        let third = try await HistoryBuildTests.build(config, Self.catalogues(Self.secondHerd), at: HistoryBuildTests.day(40))
        HistoryBuildTests.expectEveryAddressAnswers(published, in: third)
        let expired = try #require(third.text("en/herd/bella/index.html"))
        #expect(expired.contains("noindex") && !Self.claimsSold(expired))
        #expect(!(third.text("en/sold/index.html") ?? "").contains("herd/bella/"))
        #expect(third.text(newBella) != nil, "the namesake keeps its own address")

        // The history's key (organisation/ear tag) and the hidden ear tags are in no file.
        let keys = Self.secondHerd.map(\.id) + Self.firstHerd.map(\.id)
        let tags = Self.firstHerd.map(\.officialID) + ["DE0100000099"]
        for built in [first, second, third] {
            #expect(Self.files(built, containing: keys + [Self.organisation]).isEmpty)
            #expect(Self.files(built, containing: tags).isEmpty, "hidden ear tags published")
        }
        let contents = try HistoryStore(file: SiteHistory.file(config)).read()
        #expect(contents.items[ItemKind.herdAnimal.key(Self.firstHerd[0].id)]?.goneSince == HistoryBuildTests.day(1))
        #expect(contents.items[ItemKind.herdAnimal.key(Self.firstHerd[3].id)]?.slug == "emma")
        #expect(contents.urls["en/herd/clara/index.html"]?.item == ItemKind.herdAnimal.key(Self.firstHerd[1].id))
    }

    @Test func withKeepFirstURLOffARenamedHerdAnimalMovesAndItsOldAddressRedirects() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = Self.config(site, keepFirstURL: false)
        try await HistoryBuildTests.build(config, Self.catalogues(Self.firstHerd), at: HistoryBuildTests.day(0))
        let built = try await HistoryBuildTests.build(config, Self.catalogues(Self.secondHerd), at: HistoryBuildTests.day(1))
        #expect(Self.article(built.text("en/herd/emmy/index.html")).contains("Emmy"))
        let old = try #require(built.text("en/herd/emma/index.html"))
        #expect(old.contains("content=\"0; url=../../../en/herd/emmy/\""))
        #expect(built.text("_redirects")?.contains("/en/herd/emma/ /en/herd/emmy/ 301\n") == true)
        #expect(built.text("redirects.map")?.contains("\"/en/herd/emma/\" \"/en/herd/emmy/\";") == true)
        // The sold animal keeps its address even so (no other animal takes it).
        #expect(built.text("en/herd/bella/index.html")?.contains("status-sold") == true)
    }

    @Test func aSiteThatStopsFetchingItsHerdKeepsTheAnimalsAndClaimsNoSale() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var config = Self.config(site)
        try await HistoryBuildTests.build(config, Self.catalogues(Self.firstHerd), at: HistoryBuildTests.day(0))
        config.sources = SourcesConfiguration(languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"))
        config.sources.husbandry = HusbandrySourceConfiguration()
        let built = try await HistoryBuildTests.build(config, TestSite.catalogues().map { var c = $0; c.horses = []; return c },
                                                      at: HistoryBuildTests.day(1))
        let statuses = try HistoryStore(file: SiteHistory.file(config)).statuses(of: ItemKind.herdAnimal.key(Self.firstHerd[0].id))
        #expect(statuses.map(\.status) == ["listed"], "not gone: the herd is no longer fetched")
        #expect(!Self.claimsSold(built.text("en/herd/bella/index.html")))
    }

    @Test func herdSlugsAvoidTheListingFoldersAndNeverShowTheKey() {
        var config = TestSite.config()
        config.herd = HerdSettings(hideEarTag: true)
        let herd = ["Breed", "Status", "Age", "Page", "Bella", "Bella"].enumerated().map { index, name in
            HerdAnimal(organisationID: "qorg", officialID: "ZQX\(index)", name: name)
        }
        let plan = SitePlan(config: config, catalogues: [Catalogue(language: "en", herd: herd)])
        let slugs = Set(plan.herd.slugs.values)
        #expect(slugs.count == herd.count)
        for reserved in ["breed", "status", "age", "page"] { #expect(!slugs.contains(reserved), "\(reserved) is a listing folder") }
        #expect(slugs.contains("bella"))
        for slug in slugs { #expect(!slug.contains("qorg") && !slug.contains("zqx"), "\(slug) shows the organisation or ear tag") }
    }
}

/// Whole builds from the sandbox's smaXtec API while its herd changes between them: every address
/// the site ever published answers, the live herd pages are exactly the statement's, and a page
/// says sold only for an animal the herd tags sold.
@Suite struct SandboxHerdHistoryBuildTests {
    private func build(_ site: TemporarySite, _ sandbox: SandboxServer, at date: Date) async throws -> BuiltSite {
        var sources = SourcesConfiguration(languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"),
                                           retryBaseDelay: .milliseconds(20))
        sources.smaxtec = SmaxtecSourceConfiguration(baseURL: sandbox.smaxtecBaseURL)
        let credentials = Credentials(smaxtecEmail: sandbox.options.smaxtecEmail, smaxtecPassword: sandbox.options.smaxtecPassword)
        let fetcher = CatalogueFetcher(configuration: sources, credentials: credentials, logger: HerdSiteTests.logger)
        var config = site.config(sources: sources)
        config.lifecycle.soldArchive = true
        config.herd = HerdSettings(saleTags: [SiteStatement.HerdStatement.saleTag])
        var builder = SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: HerdSiteTests.logger)
        builder.now = { date }
        _ = try await builder.buildHoldingLock(refetch: true, wait: true)
        return try BuiltSite(output: config.outputFolder)
    }

    /// The English address of a herd animal (`<organisation>/<ear tag>`), from the site's history.
    private func address(_ site: TemporarySite, _ key: String, kind: ItemKind = .herdAnimal) throws -> String {
        let urls = try HistoryStore(file: site.root.appending(path: ".paddock/history.sqlite")).read().urls.values
        return try #require(urls.filter { $0.item == kind.key(key) && $0.language == "en" }.map(\.path).min(), "\(key)")
    }

    /// The live herd animal pages of the sitemap are exactly the statement's listed animals.
    private func expectLiveHerdMatches(_ built: BuiltSite, _ statement: SiteStatement, _ site: TemporarySite,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let base = site.config().baseURL
        let live = Set(HistoryBuildTests.sitemapPaths(built).map { String($0.dropFirst(base.count)) + "index.html" })
        let expected = Set(try statement.herd.listed.keys.map { try address(site, $0) })
        let herdItems = live.filter { $0.hasPrefix("en/herd/") && $0.split(separator: "/").count == 4 }
        #expect(herdItems == expected, "live herd pages differ from the statement", sourceLocation: sourceLocation)
    }

    private func cow(_ statement: SiteStatement, named name: String) throws -> (key: String, tag: String) {
        let cow = try #require(statement.herd.listed.first { $0.value.name == name }, "\(name) is listed")
        return (cow.key, cow.value.officialID)
    }

    @Test func soldArchivedRemovedRenamedAndRestoredHerdAnimalsKeepEveryAddressAnswering() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let first = try await build(site, sandbox, at: HistoryBuildTests.day(0))
            var published = Set(first.htmlPaths.filter { !$0.hasSuffix("404.html") })
            let statement = sandbox.statement()
            try expectLiveHerdMatches(first, statement, site)
            let sold = try cow(statement, named: "Bella"), archived = try cow(statement, named: "Berta")
            let removed = try cow(statement, named: "Fanny"), renamed = try cow(statement, named: "Dora")
            let forSale = try cow(statement, named: "Lotte")
            #expect(statement.herd.listed[forSale.key]?.forSale == true)
            let soldPath = try address(site, sold.key), archivedPath = try address(site, archived.key)
            let removedPath = try address(site, removed.key), renamedPath = try address(site, renamed.key)
            let forSalePath = try address(site, HerdPlan.saleID(forSale.key), kind: .animal)

            sandbox.serve(changes: [.tagHerdAnimal(officialID: sold.tag, tag: "sold"), .archiveHerdAnimal(officialID: archived.tag),
                                    .removeHerdAnimal(officialID: removed.tag), .renameHerdAnimal(officialID: renamed.tag, name: "Dorothea"),
                                    .archiveHerdAnimal(officialID: forSale.tag)])
            let second = try await build(site, sandbox, at: HistoryBuildTests.day(1))
            let changed = sandbox.statement()
            #expect(changed.herd.withheld[sold.key] != nil && changed.herd.withheld[archived.key] != nil)
            #expect(changed.herd.listed[removed.key] == nil && changed.herd.withheld[removed.key] == nil)
            HistoryBuildTests.expectEveryAddressAnswers(published, in: second)
            try expectLiveHerdMatches(second, changed, site)
            let soldPage = try #require(second.text(soldPath))
            #expect(HerdHistoryBuildTests.claimsSold(soldPage) && soldPage.contains("https://schema.org/SoldOut"))
            #expect(second.text("en/sold/index.html")?.contains(String(soldPath.dropFirst(3).dropLast("index.html".count))) == true)
            for path in [archivedPath, removedPath, forSalePath] {
                let text = try #require(second.text(path))
                #expect(text.contains("noindex") && !HerdHistoryBuildTests.claimsSold(text), "\(path) claims a sale")
            }
            #expect(HerdHistoryBuildTests.article(second.text(renamedPath)).contains("Dorothea"), "renamed, same address")
            #expect(try address(site, renamed.key) == renamedPath)
            #expect(second.brokenReferences(baseURL: site.config().baseURL).isEmpty)
            let keys = Set(statement.herd.listed.keys).union(statement.herd.withheld.keys)
            let organisations = Set(keys.map { String($0.split(separator: "/")[0]) })
            #expect(HerdHistoryBuildTests.files(second, containing: Array(keys) + Array(organisations)).isEmpty,
                    "the history's key or an organisation id is published")
            #expect(HerdSiteTests.leaks(second, changed.herd.privateValues).isEmpty)
            published.formUnion(second.htmlPaths.filter { !$0.hasSuffix("404.html") })

            // Past the sold page's days: "no longer available".
            let third = try await build(site, sandbox, at: HistoryBuildTests.day(70))
            HistoryBuildTests.expectEveryAddressAnswers(published, in: third)
            #expect(third.text(soldPath).map { $0.contains("noindex") && !HerdHistoryBuildTests.claimsSold($0) } == true)
            published.formUnion(third.htmlPaths.filter { !$0.hasSuffix("404.html") })

            // The herd as it was: every animal back at the address it was first published under.
            sandbox.serve(changes: [])
            let fourth = try await build(site, sandbox, at: HistoryBuildTests.day(71))
            HistoryBuildTests.expectEveryAddressAnswers(published, in: fourth)
            try expectLiveHerdMatches(fourth, sandbox.statement(), site)
            for path in [soldPath, archivedPath, removedPath, renamedPath, forSalePath] {
                let text = try #require(fourth.text(path))
                #expect(!HerdHistoryBuildTests.claimsSold(text) && !text.contains("noindex"), "\(path) is live again")
            }
        }
    }
}
