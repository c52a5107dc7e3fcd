import PaddockCatalogue
import Testing
@testable import PaddockSite

@Suite struct SitePlanTests {
    let plan = SitePlan(config: TestSite.config(), catalogues: TestSite.catalogues(), markdownPages: ["index", "about"])

    @Test func plansOneTreePerLanguageAndTheRootFiles() {
        let paths = Set(plan.pages.map(\.path))
        for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "en/index.html", "de/index.html",
                     "en/horses/index.html", "en/horses/page/2/index.html", "en/horses/page/3/index.html",
                     "en/horses/stallions/index.html", "en/horses/mares/index.html", "en/horses/studbook/kwpn/index.html",
                     "en/horses/arko/index.html", "en/horses/arko-104/index.html", "de/horses/arko/index.html",
                     "en/for-sale/index.html", "en/for-sale/species/ball-python/index.html", "en/for-sale/sunny/index.html",
                     "en/feed.xml", "de/feed.xml", "en/about/index.html", "en/404.html"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(!paths.contains("en/horses/page/4/index.html"))
        #expect(!paths.contains("en/horses/fillies/index.html"), "no listing for a sex without horses")
    }

    @Test func pathsAreUniqueAndStayInsideTheSite() {
        let paths = plan.pages.map(\.path)
        #expect(Set(paths).count == paths.count)
        for path in paths {
            #expect(!path.hasPrefix("/"))
            #expect(!path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty })
        }
    }

    @Test func studbooksThatFoldAlikeShareOneListing() {
        #expect(plan.studbooks.keys.sorted() == ["holsteiner", "kwpn"])
        let listing = plan.pages.first { $0.path == "en/horses/studbook/kwpn/index.html" }
        #expect(listing?.kind == .horses(filter: .studbook("kwpn"), page: 1, pageCount: 2))
    }

    @Test func alternatesLinkTheSamePageInEveryLanguage() {
        let horse = plan.pages.first { $0.path == "en/horses/arko/index.html" }!
        #expect(horse.alternates == ["en": "en/horses/arko/index.html", "de": "de/horses/arko/index.html"])
        let root = plan.pages.first { $0.path == "index.html" }!
        #expect(root.kind == .languageRedirect)
    }

    @Test func horseOnlyInOneLanguageHasNoAlternateInTheOther() {
        var catalogues = TestSite.catalogues()
        catalogues[1].horses.removeAll { $0.id == "103" }
        let plan = SitePlan(config: TestSite.config(), catalogues: catalogues)
        let cesar = plan.pages.first { $0.path == "en/horses/cesar/index.html" }!
        #expect(cesar.alternates == ["en": "en/horses/cesar/index.html"])
        #expect(plan.page(at: "de/horses/cesar/index.html") == nil)
    }

    @Test func aRepeatedIDGetsOnePage() {
        var catalogues = TestSite.catalogues()
        catalogues[0].horses.append(Horse(id: "101", name: "Arko again"))
        catalogues[0].animals.append(catalogues[0].animals[0])
        let plan = SitePlan(config: TestSite.config(), catalogues: catalogues)
        let paths = plan.pages.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(!paths.contains { $0.contains("arko-again") })
        #expect(plan.pages.filter { $0.path.hasPrefix("en/horses/") && !$0.path.contains("/page/") && $0.kind == .horse(id: "101") }.count == 1)
    }

    @Test func thePlanIsTheSameFromBuildToBuild() {
        let again = SitePlan(config: plan.config, catalogues: TestSite.catalogues().map {
            var c = $0; c.horses.reverse(); c.animals.reverse(); return c
        }, markdownPages: ["about", "index"])
        #expect(again.pages == plan.pages)
        #expect(again.horseSlugs == plan.horseSlugs)
    }

    @Test func rootPrefixLeadsBackToTheSiteRoot() {
        #expect(PlannedPage(path: "index.html", language: "en", kind: .home).rootPrefix == "")
        #expect(PlannedPage(path: "en/horses/arko/index.html", language: "en", kind: .home).rootPrefix == "../../../")
        #expect(PlannedPage(path: "en/horses/arko/index.html", language: "en", kind: .home).urlPath == "en/horses/arko/")
    }
}
