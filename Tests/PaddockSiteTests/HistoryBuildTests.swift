import Foundation
import GRDB
import Logging
import PaddockCatalogue
import PaddockHistory
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// Whole builds across days with the site's history: items renamed, sold, gone and listed again,
/// every address ever published checked on disk after each build; a damaged and a locked history.
@Suite struct HistoryBuildTests {
    static let logger = Logger(label: "test.history", factory: { _ in SwiftLogNoOpLogHandler() })
    static let day0 = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01

    static func day(_ n: Double) -> Date { day0.addingTimeInterval(n * 86_400) }

    /// Builds and publishes `catalogues` as of `date`.
    @discardableResult
    static func build(_ config: SiteConfig, _ catalogues: [Catalogue], at date: Date,
                      busyTimeout: Duration = .seconds(5)) async throws -> BuiltSite {
        var builder = SiteBuilder(config: config, provider: FixedCatalogues(supply: CatalogueSupply(catalogues: catalogues, origin: "test")),
                                  logger: logger)
        builder.now = { date }
        builder.historyBusyTimeout = busyTimeout
        _ = try await builder.buildHoldingLock(refetch: false, wait: true)
        return try BuiltSite(output: config.outputFolder)
    }

    static func edit(_ catalogues: [Catalogue], _ change: (inout Catalogue) -> Void) -> [Catalogue] {
        catalogues.map { var copy = $0; change(&copy); return copy }
    }

    /// Every HTML page ever published answers on disk: the page itself, or a redirect whose target answers.
    static func expectEveryAddressAnswers(_ addresses: Set<String>, in site: BuiltSite, sourceLocation: SourceLocation = #_sourceLocation) {
        for path in addresses.sorted() {
            guard let text = site.text(path) else {
                Issue.record("\(path) was published before and no longer answers", sourceLocation: sourceLocation)
                continue
            }
            if let range = text.range(of: "http-equiv=\"refresh\" content=\"0; url=") {
                let target = text[range.upperBound...].prefix { $0 != "\"" }
                let resolved = SiteLinks.resolve(String(target), from: path, baseURL: TemporarySite().config().baseURL)
                #expect(resolved.map { site.files[$0] != nil } == true, "\(path) redirects to \(target), which is missing",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func sitemapPaths(_ site: BuiltSite) -> [String] {
        let text = site.text("sitemap.xml") ?? ""
        return text.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func renamedSoldGoneAndListedAgainItemsKeepEveryAddressAnswering() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var config = site.config()
        config.lifecycle = LifecycleSettings(newDays: 14, soldPageDays: 30, soldArchive: true)
        let first = TestSite.catalogues()
        var published = Set(try await Self.build(config, first, at: Self.day(0)).htmlPaths)
        published.remove("404.html"); published = published.filter { !$0.hasSuffix("/404.html") }
        #expect(published.contains("en/horses/bella/index.html"))
        #expect(published.contains("en/for-sale/tango/index.html"))
        #expect(published.contains("en/horses/studbook/holsteiner/index.html"))

        // Day 1: Bella renamed, Tango (a-3) and Dolly (105) sold, Sunny's price lowered, Eros new.
        let second = Self.edit(first) { catalogue in
            catalogue.horses = catalogue.horses.compactMap { horse in
                var horse = horse
                if horse.id == "102" { horse.name = "Bella Donna" }
                return horse.id == "105" ? nil : horse
            }
            catalogue.horses.append(Horse(id: "106", name: "Eros", gender: .stallion, studbook: "KWPN"))
            catalogue.animals = catalogue.animals.compactMap { animal in
                var animal = animal
                if animal.id == "a-1" { animal.price = 1200 }
                return animal.id == "a-3" ? nil : animal
            }
        }
        let built2 = try await Self.build(config, second, at: Self.day(1))
        Self.expectEveryAddressAnswers(published, in: built2)
        let bella = try #require(built2.text("en/horses/bella/index.html"))
        #expect(bella.contains("Bella Donna"), "the renamed horse keeps its first address")
        #expect(built2.files["en/horses/bella-donna/index.html"] == nil)
        let tango = try #require(built2.text("en/for-sale/tango/index.html"))
        #expect(tango.contains("status-sold"))
        #expect(tango.contains("https://schema.org/SoldOut"))
        #expect(!tango.contains("class=\"inquiry\""), "no inquiry on a sold page")
        #expect(tango.contains("class=\"section similar\""))
        #expect(!(built2.text("en/for-sale/index.html") ?? "").contains("for-sale/tango/"), "a sold animal leaves the listings")
        #expect(!Self.sitemapPaths(built2).contains { $0.hasSuffix("for-sale/tango/") }, "the sitemap lists live pages only")
        #expect(built2.text("en/horses/dolly/index.html")?.contains("status-sold") == true, "a horse gone from Equicty is sold too")
        #expect(!(built2.text("en/horses/index.html") ?? "").contains("horses/dolly/"))
        #expect(built2.text("en/sold/index.html")?.contains("for-sale/tango/") == true, "the sold archive lists it")
        #expect(built2.text("en/horses/eros/index.html")?.contains("status-new") == true)
        #expect(!(built2.text("en/horses/arko/index.html") ?? "").contains("status-new"), "items of the first build are not new")
        #expect(built2.text("en/for-sale/sunny/index.html")?.contains("status-price-reduced") == true)
        #expect(built2.text("de/for-sale/sunny/index.html")?.contains("Preis gesenkt") == true)
        #expect(built2.brokenReferences(baseURL: config.baseURL).isEmpty)
        published.formUnion(built2.htmlPaths.filter { !$0.hasSuffix("404.html") })

        // Day 40: the sold pages have stood their 30 days; Holsteiner has no horse left; Eros is no longer new.
        let third = Self.edit(second) { catalogue in catalogue.horses.removeAll { $0.id == "102" } }
        let built3 = try await Self.build(config, third, at: Self.day(40))
        Self.expectEveryAddressAnswers(published, in: built3)
        let gone = try #require(built3.text("en/for-sale/tango/index.html"))
        #expect(gone.contains("Tango is no longer available"))
        #expect(gone.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(built3.text("de/horses/dolly/index.html")?.contains("Dolly ist nicht mehr verfügbar") == true)
        #expect(built3.text("en/horses/bella/index.html")?.contains("status-sold") == true, "Bella's sold page stands")
        let studbook = try #require(built3.text("en/horses/studbook/holsteiner/index.html"))
        #expect(studbook.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../../en/horses/\">"))
        #expect(studbook.contains("<link rel=\"canonical\" href=\"https://stal-devries.example/en/horses/\">"))
        #expect(built3.text("_redirects")?.contains("/en/horses/studbook/holsteiner/ /en/horses/ 301\n") == true)
        #expect(built3.text("redirects.map")?.contains("\"/en/horses/studbook/holsteiner/\" \"/en/horses/\";") == true)
        #expect(!(built3.text("en/horses/eros/index.html") ?? "").contains("status-new"))
        for path in Self.sitemapPaths(built3) {
            let sitePath = String(path.dropFirst(config.baseURL.count)) + (path.hasSuffix("/") ? "index.html" : "")
            let text = built3.text(sitePath) ?? ""
            #expect(!text.contains("http-equiv=\"refresh\"") && !text.contains("noindex") && !text.contains("sold-notice"),
                    "\(sitePath) is in the sitemap but not live")
        }
        published.formUnion(built3.htmlPaths.filter { !$0.hasSuffix("404.html") })

        // Day 41: Tango is listed again, at its first address.
        let built4 = try await Self.build(config, Self.edit(third) { $0.animals += TestSite.animals(language: $0.language).filter { $0.id == "a-3" } },
                                          at: Self.day(41))
        Self.expectEveryAddressAnswers(published, in: built4)
        let back = try #require(built4.text("en/for-sale/tango/index.html"))
        #expect(!back.contains("status-sold") && !back.contains("no longer available"))
        #expect(back.contains("€") || back.contains("EUR"))

        let store = try HistoryStore(file: SiteHistory.file(config))
        #expect(try store.prices(of: ItemKind.animal.key("a-1")).map(\.price) == ["1500.5", "1200"])
        #expect(try store.statuses(of: ItemKind.animal.key("a-3")).map(\.status) == ["available", "gone", "available"])
        let contents = try store.read()
        #expect(contents.items[ItemKind.horse.key("102")]?.slug == "bella")
        #expect(contents.items[ItemKind.horse.key("106")]?.firstSeen == Self.day(1))
        #expect(contents.urls["en/horses/bella/index.html"]?.firstPublished == Self.day(0))
    }

    @Test func withKeepFirstURLOffARenamedItemMovesAndItsOldAddressRedirects() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var config = site.config()
        config.lifecycle.keepFirstURL = false
        config.lifecycle.forceRedirects = true
        let first = TestSite.catalogues()
        try await Self.build(config, first, at: Self.day(0))
        let renamed = Self.edit(first) { catalogue in
            catalogue.horses = catalogue.horses.map { var horse = $0; if horse.id == "103" { horse.name = "Caesar" }; return horse }
        }
        let built = try await Self.build(config, renamed, at: Self.day(1))
        #expect(built.text("en/horses/caesar/index.html")?.contains("Caesar") == true)
        let old = try #require(built.text("en/horses/cesar/index.html"))
        #expect(old.contains("content=\"0; url=../../../en/horses/caesar/\""))
        #expect(old.contains("<link rel=\"canonical\" href=\"https://stal-devries.example/en/horses/caesar/\">"))
        #expect(built.text("_redirects")?.contains("/de/horses/cesar/ /de/horses/caesar/ 301!\n") == true)
        #expect(built.text("_redirects")?.contains("/de/horses/cesar/index.html /de/horses/caesar/ 301!\n") == true)
        let item = try #require(try HistoryStore(file: SiteHistory.file(config)).read().items[ItemKind.horse.key("103")])
        #expect(item.firstSlug == "cesar" && item.slug == "caesar")
    }

    @Test func aDamagedHistoryStopsTheBuildNamingTheFileAndMovedAsideTheSiteRebuilds() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        try await Self.build(config, TestSite.catalogues(), at: Self.day(0))
        let release = try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path)
        let file = SiteHistory.file(config)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: file)
        let changed = Self.edit(TestSite.catalogues()) { $0.horses.removeLast() }
        do {
            try await Self.build(config, changed, at: Self.day(1))
            Issue.record("a damaged history must stop the build")
        } catch let SiteBuildError.history(error) {
            #expect(error.reason == .damaged)
            #expect(error.description.contains(file.path))
            #expect(error.description.contains("mv \(file.path) \(file.path).damaged"))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path) == release, "the site stays as it was")
        try FileManager.default.moveItem(at: file, to: file.appendingPathExtension("damaged"))
        let rebuilt = try await Self.build(config, changed, at: Self.day(1))
        #expect(rebuilt.files["en/horses/dolly/index.html"] == nil)
        #expect(try HistoryStore(file: file).read().firstBuild == Self.day(1))
    }

    @Test func aHistoryLockedByAnotherProgramStopsTheBuildAndTheSiteStays() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        try await Self.build(config, TestSite.catalogues(), at: Self.day(0))
        let release = try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path)
        // Another program (an sqlite3 shell, a backup) holds the write lock.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true   // the lock outlives one access, as an sqlite3 shell's BEGIN does
        let holder = try DatabaseQueue(path: SiteHistory.file(config).path, configuration: holding)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        let changed = Self.edit(TestSite.catalogues()) { $0.horses.removeLast() }
        do {
            try await Self.build(config, changed, at: Self.day(1), busyTimeout: .milliseconds(200))
            Issue.record("a locked history must stop the build")
        } catch let SiteBuildError.history(error) {
            #expect(error.reason == .locked)
            #expect(error.description.contains(SiteHistory.file(config).path))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path) == release)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        #expect(try HistoryStore(file: SiteHistory.file(config)).statuses(of: ItemKind.horse.key("105")).map(\.status) == ["listed"],
                "nothing was recorded")
        let built = try await Self.build(config, changed, at: Self.day(1))
        #expect(built.text("en/horses/dolly/index.html")?.contains("status-sold") == true)
    }

    @Test func aBuildThatFailsRecordsNothing() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try site.write("theme/home.mustache", "{{#unclosed}}")
        let config = site.config(templates: site.root.appending(path: "theme"))
        await #expect(throws: SiteBuildError.self) { try await Self.build(config, TestSite.catalogues(), at: Self.day(0)) }
        let contents = try HistoryStore(file: SiteHistory.file(config)).read()
        #expect(contents.firstBuild == nil && contents.items.isEmpty && contents.urls.isEmpty)
    }

    @Test func aPublishThatFailsAtTheSwapRecordsNothing() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        try await Self.build(config, TestSite.catalogues(), at: Self.day(0))
        let output = config.outputFolder
        let changed = Self.edit(TestSite.catalogues()) { catalogue in
            catalogue.horses.removeLast()
            catalogue.horses.append(Horse(id: "106", name: "Eros", gender: .stallion))
        }
        var builder = SiteBuilder(config: config, provider: FixedCatalogues(supply: CatalogueSupply(catalogues: changed, origin: "test")),
                                  logger: Self.logger)
        builder.now = { Self.day(1) }
        // Sealed, about to swap: the output becomes a folder, which the swap's rename cannot replace.
        builder.publishObserver = { phase in
            guard case .sealed = phase else { return }
            try? FileManager.default.moveItem(at: output, to: output.appendingPathExtension("aside"))
            try? FileManager.default.createDirectory(at: output.appending(path: "kept"), withIntermediateDirectories: true)
        }
        await #expect(throws: SiteBuildError.self) { _ = try await builder.buildHoldingLock(refetch: false, wait: true) }
        let store = try HistoryStore(file: SiteHistory.file(config))
        let contents = try store.read()
        #expect(contents.items[ItemKind.horse.key("106")] == nil, "the new horse was not recorded")
        #expect(try store.statuses(of: ItemKind.horse.key("105")).map(\.status) == ["listed"], "Dolly is not recorded gone")
        #expect(contents.urls["en/horses/eros/index.html"] == nil)
    }

    @Test func aNewDayRendersAgainOnlyWhenABadgeOrSoldPageExpires() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var config = site.config()
        config.lifecycle.newDays = 5
        let first = TestSite.catalogues()
        try await Self.build(config, first, at: Self.day(0))
        let second = Self.edit(first) { $0.horses.append(Horse(id: "106", name: "Eros", gender: .stallion)) }
        func build(_ date: Date) async throws -> SiteBuildReport {
            var builder = SiteBuilder(config: config, provider: FixedCatalogues(supply: CatalogueSupply(catalogues: second, origin: "test")),
                                      logger: Self.logger)
            builder.now = { date }
            return try await builder.buildHoldingLock(refetch: false, wait: true)
        }
        let day1 = try await build(Self.day(1)), day2 = try await build(Self.day(2))
        #expect(day1.upToDate == false)
        #expect(day2.upToDate == true, "nothing changed, Eros still new")
        #expect(try BuiltSite(output: config.outputFolder).text("en/horses/eros/index.html")?.contains("status-new") == true)
        let day7 = try await build(Self.day(7))
        #expect(day7.upToDate == false, "Eros's new badge expired")
        #expect(!(try BuiltSite(output: config.outputFolder).text("en/horses/eros/index.html") ?? "").contains("status-new"))
        let day8 = try await build(Self.day(8))
        #expect(day8.upToDate == true)
    }
}
