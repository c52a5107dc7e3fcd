import Foundation
import PaddockCatalogue
import PaddockDemo
import PaddockSandbox
import Testing
@testable import PaddockSite
@testable import PaddockPublish
@testable import PaddockHTML

/// The sandbox's bundled demo catalogue, rendered as a whole site in four languages and checked
/// like a build would: links, attribution, escaping.
@Suite struct DemoSiteTests {
    let plan: SitePlan
    let pages: [RenderedPage]
    let byPath: [String: RenderedPage]

    init() async throws {
        let config = TestSite.config(languages: ["en", "fr", "de", "nl"], perPage: 12)
        let catalogues = try DemoData.catalogues(languages: config.languages, mediaBaseURL: TestSite.baseURL + "media/demo",
                                                 includeHostile: true, today: CalendarDate(year: 2026, month: 6, day: 1))
        var (plan, pages) = try await TestSite.render(config: config, catalogues: catalogues,
                                                markdown: ["index": "# \(try DemoData.stableName)"])
        pages += try SiteOutput.staticFiles(in: DemoData.mediaFolder, under: "media/demo").map {
            RenderedPage(path: $0.path, bytes: Array(try Data(contentsOf: $0.source)))
        }
        // The generated photographs, as the demo provider adds them with mirroring off.
        let generated = try DemoCatalogueProvider.generatedPictures(in: catalogues, prefix: TestSite.baseURL + "media/demo/generated/")
        pages += try generated.map { RenderedPage(path: "media/demo/generated/\($0.lastPathComponent)", bytes: Array(try Data(contentsOf: $0))) }
        self.plan = plan
        self.pages = pages
        byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func rendersHorsesAndAnimalsInEveryLanguage() {
        for language in ["en", "fr", "de", "nl"] {
            #expect(plan.catalogues[language]?.horses.isEmpty == false)
            #expect(plan.catalogues[language]?.animals.isEmpty == false)
            #expect(byPath["\(language)/horses/index.html"] != nil && byPath["\(language)/for-sale/index.html"] != nil)
        }
        #expect(pages.filter { $0.template == "horse" }.count == plan.horseSlugs.count * 4)
    }

    @Test func everyInternalLinkPictureAndAssetResolves() {
        var broken: [String] = []
        for page in pages where page.path.hasSuffix(".html") {
            let html = ParsedHTML(page.bytes)
            #expect(html.parsed, "\(page.path)")
            for reference in html.references {
                guard let target = SiteLinks.resolve(reference, from: page.path, baseURL: TestSite.baseURL) else { continue }
                // The hostile pictures exist only in the sandbox (`/media/hostile/…`); with mirroring
                // on no page links to them (PictureBuildTests).
                if target.hasPrefix("media/demo/hostile/") { continue }
                if byPath[target] == nil { broken.append("\(page.path) → \(reference)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test func passesTheAttributionCheckOfTheBuild() throws {
        let checker = try AttributionChecker.bundled(baseURL: TestSite.baseURL)
        #expect(throws: Never.self) { try checker.checkEveryPage(SiteOutput(pages: pages)) }
        #expect(pages.contains { $0.showsHorseTelexData })
    }

    @Test func aThemeThatHidesTheAttributionFailsTheCheckNamingTheTemplate() throws {
        let checker = try AttributionChecker.bundled(baseURL: TestSite.baseURL)
        let hidden = pages.map { page -> RenderedPage in
            guard page.path == "assets/site.css" else { return page }
            var copy = page
            copy.bytes += Array(".attribution { display: none; }\n".utf8)
            return copy
        }
        do {
            try checker.checkEveryPage(SiteOutput(pages: hidden))
            Issue.record("hiding the attribution passed the check")
        } catch let error as AttributionError {
            #expect(error.failures.contains { $0.template == "horse" })
        }
    }

    @Test func hostileDemoItemsRenderAsText() {
        for page in pages where page.path.hasSuffix(".html") {
            for element in ParsedHTML(page.bytes).elements {
                #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(page.path) <\(element.name)>")
                if element.name == "script" {
                    let theme = ["assets/site.js", "assets/gallery.js"].contains { element.attributes["src"]?.hasSuffix($0) == true }
                    #expect(theme || element.attributes["type"] == "application/ld+json", "\(page.path)")
                }
                for key in ["href", "src"] {
                    #expect(element.attributes[key]?.lowercased().hasPrefix("javascript:") != true, "\(page.path)")
                }
            }
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() async throws {
        let config = TestSite.config(languages: ["en", "de"], perPage: 12)
        let catalogues = try DemoData.catalogues(languages: config.languages, mediaBaseURL: TestSite.baseURL + "media/demo",
                                                 today: CalendarDate(year: 2026, month: 6, day: 1))
        let first = try await TestSite.render(config: config, catalogues: catalogues).1
        let second = try await TestSite.render(config: config, catalogues: catalogues.reversed()).1
        #expect(first.map(\.path) == second.map(\.path))
        #expect(zip(first, second).allSatisfy { $0.bytes == $1.bytes })
    }
}
