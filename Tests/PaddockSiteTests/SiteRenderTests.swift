import Foundation
import PaddockCatalogue
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct SiteRenderTests {
    let plan: SitePlan
    let pages: [RenderedPage]
    let byPath: [String: RenderedPage]

    init() async throws {
        (plan, pages) = try await TestSite.render(config: TestSite.config(), catalogues: TestSite.catalogues())
        byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var htmlPages: [RenderedPage] { pages.filter { $0.path.hasSuffix(".html") } }

    @Test func rendersEveryPlannedPageAndTheThemeAssets() {
        #expect(pages.count == byPath.count, "no path is rendered twice")
        for planned in plan.pages { #expect(byPath[planned.path] != nil, "missing \(planned.path)") }
        for asset in ["assets/site.css", "assets/site.js", "assets/equicty-logo.svg", "assets/horsetelex-logo.svg"] {
            #expect(byPath[asset] != nil, "missing \(asset)")
        }
    }

    @Test func everyHTMLPageParsesWithLandmarksLanguageAndOneHeading() {
        for page in htmlPages where page.path != "index.html" {
            let html = ParsedHTML(page.bytes)
            #expect(html.parsed, "\(page.path) does not parse")
            #expect(html.all("html").first?.attributes["lang"] == plan.page(at: page.path)?.language, "\(page.path) lang")
            #expect(html.all("main").count == 1, "\(page.path) has one main")
            #expect(html.all("header").count >= 1 && html.all("footer").count == 1, "\(page.path) landmarks")
            #expect(html.all("h1").count == 1, "\(page.path) has one h1")
            #expect(html.all("a").first?.attributes["href"] == "#main", "\(page.path) starts with a skip link")
            for image in html.all("img") where image.attributes["src"]?.hasPrefix("https://www.horsetelex.com/") != true {
                #expect(image.attributes["alt"] != nil, "\(page.path): img without alt")
                #expect(image.attributes["width"] != nil && image.attributes["height"] != nil, "\(page.path): img without size")
            }
            let ids = html.elements.compactMap { $0.attributes["id"] }
            #expect(Set(ids).count == ids.count, "\(page.path) has duplicate ids")
        }
    }

    @Test func everyInternalLinkAndAssetResolves() {
        for page in htmlPages {
            for reference in ParsedHTML(page.bytes).references {
                guard let target = SiteLinks.resolve(reference, from: page.path, baseURL: TestSite.baseURL) else { continue }
                #expect(byPath[target] != nil, "\(page.path) links to \(reference) (\(target)), which is not rendered")
            }
        }
    }

    @Test func everyPageHasItsCanonicalURLAndHreflangAlternates() {
        for planned in plan.pages where planned.kind.isListedHTML {
            let html = ParsedHTML(byPath[planned.path]!.bytes)
            let links = html.all("link")
            #expect(links.first { $0.attributes["rel"] == "canonical" }?.attributes["href"] == TestSite.baseURL + planned.urlPath)
            let hreflangs = Dictionary(links.compactMap { link -> (String, String)? in
                guard link.attributes["rel"] == "alternate", let lang = link.attributes["hreflang"] else { return nil }
                return (lang, link.attributes["href"] ?? "")
            }, uniquingKeysWith: { a, _ in a })
            for (language, path) in planned.alternates {
                #expect(hreflangs[language] == TestSite.baseURL + PlannedPage.urlPath(path), "\(planned.path) hreflang \(language)")
            }
            #expect(hreflangs["x-default"] != nil, "\(planned.path) x-default")
            let og = html.all("meta").first { $0.attributes["property"] == "og:url" }
            #expect(og?.attributes["content"] == TestSite.baseURL + planned.urlPath)
        }
    }

    @Test func theSitemapCoversEveryPageInEveryLanguage() throws {
        let sitemap = try #require(byPath["sitemap.xml"]).text
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        for planned in plan.pages where planned.kind.isListedHTML {
            #expect(sitemap.contains("<loc>\(TestSite.baseURL + planned.urlPath)</loc>"), "sitemap lacks \(planned.path)")
        }
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"\(TestSite.baseURL)de/horses/arko/\"/>"))
        #expect(!sitemap.contains("404"))
        #expect(XMLCheck.isWellFormed(Array(sitemap.utf8)))
        #expect(byPath["robots.txt"]?.text.contains("Sitemap: \(TestSite.baseURL)sitemap.xml") == true)
    }

    @Test func theRootPageSendsVisitorsToTheDefaultLanguageWithoutScript() throws {
        let root = try #require(byPath["index.html"]).text
        #expect(root.contains("<meta http-equiv=\"refresh\" content=\"0; url=en/\">"))
        #expect(root.contains("<a href=\"en/\" hreflang=\"en\""))
        #expect(root.contains("hreflang=\"de\" href=\"\(TestSite.baseURL)de/\""))
        #expect(!root.contains("<script"))
    }

    @Test func theFeedListsNewlyListedAnimalsNewestFirst() throws {
        let feed = try #require(byPath["en/feed.xml"]).text
        #expect(XMLCheck.isWellFormed(Array(feed.utf8)))
        let sunny = try #require(feed.range(of: "<title>Sunny</title>")), normal = try #require(feed.range(of: "<title>Normal</title>"))
        #expect(normal.lowerBound < sunny.lowerBound, "acquired later, listed first")
        #expect(feed.contains("<id>\(TestSite.baseURL)en/for-sale/sunny/</id>"))
        #expect(byPath["de/feed.xml"]?.text.contains("xml:lang=\"de\"") == true)
    }

    @Test func flagsPagesThatShowEquictyAndHorseTelexData() throws {
        let horse = try #require(byPath["en/horses/arko/index.html"])
        #expect(horse.showsEquictyData && horse.showsHorseTelexData)
        #expect(horse.template == "horse")
        #expect(byPath["en/horses/index.html"]?.showsEquictyData == true)
        #expect(byPath["en/horses/cesar/index.html"]?.showsHorseTelexData == false)
        #expect(byPath["en/for-sale/sunny/index.html"]?.showsEquictyData == false)
        for page in pages where page.showsEquictyData {
            #expect(page.text.contains("class=\"paddock-attribution\" data-attribution=\"equicty\""), "\(page.path) lacks the Equicty attribution")
            #expect(page.text.contains("assets/equicty-logo.svg"))
        }
        for page in pages where page.showsHorseTelexData {
            #expect(page.text.contains("data-attribution=\"horsetelex\""), "\(page.path) lacks the HorseTelex attribution")
        }
    }

    @Test(arguments: [1, 3])
    func theRendererGivesTheBuildsFilesWithAnyNumberOfWorkers(_ workers: Int) throws {
        let config = TestSite.config()
        let theme = try Theme.load(folder: BundledTheme.folder())
        var renderer = SiteRenderer(config: config, theme: theme, pages: MarkdownPages(sources: TestSite.markdown))
        renderer.workers = workers
        let collected = Collected()
        try renderer.render(plan: plan) { collected.add($0) }
        let streamed = collected.pages.sorted { $0.path < $1.path }
        #expect(streamed.map(\.path) == pages.map(\.path).sorted())
        #expect(streamed.map(\.bytes) == pages.sorted { $0.path < $1.path }.map(\.bytes))
    }

    @Test func aFailingSinkStopsTheRender() throws {
        struct Full: Error {}
        let renderer = SiteRenderer(config: TestSite.config(), theme: try Theme.load(folder: BundledTheme.folder()),
                                    pages: MarkdownPages(sources: [:]))
        #expect(throws: Full.self) { try renderer.render(plan: plan) { _ in throw Full() } }
    }
}

/// Pages a sink received, from any thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [RenderedPage] = []
    func add(_ page: RenderedPage) { lock.lock(); storage.append(page); lock.unlock() }
    var pages: [RenderedPage] { lock.lock(); defer { lock.unlock() }; return storage }
}

@Suite struct RenderChunkTests {
    @Test(arguments: [1, 2, 3, 7, 8, 16, 33])
    func workersTakeEveryChunkOnceSpreadAcrossThePlan(_ chunks: Int) {
        let taken = (0..<chunks).map { SiteRenderer.spread($0, of: chunks) }
        #expect(Set(taken) == Set(0..<chunks))
        if chunks >= 4 { #expect(abs(taken[1] - taken[0]) >= chunks / 2) }
    }
}
