import Foundation
import PaddockCatalogue
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// A whole site built from data an attacker could put into the APIs.
@Suite struct HostileCorpusTests {
    static let longName = String(repeating: "Very long name ", count: 400)
    static let names = [
        "<script>alert('x')</script>", "\" onmouseover=\"alert(1)", "{{site.title}} {{{t}}}", "../../etc/passwd",
        "con", "index", "🐴 Pégase 🦄", "حصان عربي", "Arko", "ARKO", "arko", longName, "javascript:alert(1)", "</textarea><img src=x onerror=alert(1)>",
    ]

    static let hostileHorseTelex = """
        <table onclick="alert(1)"><tr><td style="display:none">hidden</td><td>Sire <script>alert(1)</script></td></tr></table>
        <iframe src="https://evil.example/"></iframe><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>
        <a href="https://www.horsetelex.com/"><img src="https://www.horsetelex.com/logo.png" alt="HorseTelex"></a>
        """

    static func catalogue(_ language: String) -> Catalogue {
        let horses = names.enumerated().map { index, name in
            Horse(id: String(900 + index), name: name, officialName: name, sex: name, gender: index % 2 == 0 ? .mare : .stallion,
                  studbook: name, color: name, breeder: name, horsetelex: index % 3 == 0,
                  pedigree: Pedigree(names: ["v": name, "m": "</li><script>x()</script>"]),
                  profileURL: ["javascript:alert(1)", "data:text/html,<b>x</b>", "https://ok.example/\(index)", " java\tscript:x"][index % 4],
                  miniatureURL: ["javascript:alert(1)", "https://cdn.example/\(index).jpg\" onerror=\"x", "//evil.example/x.jpg"][index % 3],
                  pictures: [Media(name: name, url: "javascript:alert(2)"), Media(name: name, url: "https://cdn.example/p\(index).jpg", miniatureURL: "vbscript:x")],
                  videos: [Media(name: name, url: "https://www.youtube.com/watch?v=\"><script>"), Media(url: "javascript:alert(3)")],
                  info: name, additional: AdditionalInfo(breedingAssociations: [name], semenAvailability: [name], wffsTestResult: name, semenPrice: name, salesContent: name),
                  horsetelexHTML: index % 2 == 0 ? hostileHorseTelex : "<script>alert(1)</script><p>no logo</p>")
        }
        let species = Species(id: "<s>", commonName: "<b>Python</b>", scientificName: "{{x}}")
        let animals = names.enumerated().map { index, name in
            SaleAnimal(id: "z\(index)", reference: name, name: name, descriptor: name, species: species, sex: .male,
                       sireGenetics: [Gene(name: name, trait: name)], photos: ["javascript:alert(1)", "https://cdn.example/a\(index).jpg"],
                       tags: [name], price: index % 2 == 0 ? Decimal(1000 + index) : nil, pricingNotes: name, buyerNotes: name)
        }
        // The same ids twice, as a paginated API can send them.
        return Catalogue(language: language, horses: horses + [horses[0], horses[8]], animals: animals + [animals[1]])
    }

    let pages: [RenderedPage]

    init() async throws {
        var config = TestSite.config(perPage: 5)
        config.title = "Stable <b>&</b> \"Quotes\""
        (_, pages) = try await TestSite.render(config: config, catalogues: [Self.catalogue("en"), Self.catalogue("de")],
                                         markdown: ["index": "# Hello"])
    }

    @Test func noMarkupFromTheAPIsBecomesAnElementOrAnAttribute() {
        for page in pages where page.path.hasSuffix(".html") {
            let html = ParsedHTML(page.bytes)
            #expect(html.parsed)
            #expect(html.elements.filter(\.isThemeFilterPanel).count <= 1, "\(page.path): more than one filter panel")
            for element in html.elements {
                #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(page.path): event handler on <\(element.name)>")
                #expect(element.isThemeFilterPanel || !["textarea", "b", "s", "iframe", "object", "embed", "form"].contains(element.name),
                        "\(page.path): injected <\(element.name)>")
                if element.name == "script" {
                    let theme = ["assets/site.js", "assets/gallery.js"].contains { element.attributes["src"]?.hasSuffix($0) == true }
                    let allowed = theme || element.attributes["type"] == "application/ld+json"
                    #expect(allowed, "\(page.path): injected script")
                }
                if element.name == "img" { #expect(element.attributes["src"] != "x", "\(page.path): injected img") }
            }
        }
    }

    @Test func onlyHTTPAddressesFromTheAPIsSurvive() {
        for page in pages where page.path.hasSuffix(".html") {
            for reference in ParsedHTML(page.bytes).references {
                let lower = reference.lowercased().replacingOccurrences(of: "\t", with: "")
                // The sale sheet's QR code of the page's own address, drawn by the build (no API text in it).
                if lower.hasPrefix("data:image/svg+xml,"),
                   let canonical = ParsedHTML(page.bytes).elements.first(where: { $0.name == "link" && $0.attributes["rel"] == "canonical" })?.attributes["href"],
                   reference == (try? QRCode.encode(canonical).svgDataURL) { continue }
                #expect(!lower.hasPrefix("javascript:") && !lower.hasPrefix("data:") && !lower.hasPrefix("vbscript:") && !lower.hasPrefix("//"),
                        "\(page.path) refers to \(reference)")
            }
        }
    }

    @Test func mustacheTagsInDataRenderAsText() throws {
        let horse = try #require(pages.first { $0.path.hasPrefix("en/horses/") && $0.text.contains("<h1>{{site.title}} {{{t}}}</h1>") })
        #expect(horse.showsEquictyData)
    }

    @Test func traversalReservedAndCollidingNamesGetSafeUniquePaths() {
        let paths = pages.map(\.path)
        #expect(Set(paths).count == paths.count)
        for path in paths {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!segments.contains { $0 == ".." || $0 == "." || $0.isEmpty }, "\(path)")
            #expect(path.allSatisfy { $0.isASCII }, "\(path)")
            #expect(segments.allSatisfy { $0.count <= Slug.maxLength + 8 || $0 == "index.html" }, "\(path)")
        }
        for expected in ["en/horses/etc-passwd/index.html", "en/horses/con-1/index.html", "en/horses/index-1/index.html",
                         "en/horses/arko/index.html", "en/horses/arko-910/index.html", "en/horses/arko-909/index.html"] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
    }

    @Test func jsonLDCannotCloseItsScriptElement() throws {
        for page in pages where page.text.contains("application/ld+json") {
            let text = page.text
            let start = try #require(text.range(of: "<script type=\"application/ld+json\">")).upperBound
            let end = try #require(text.range(of: "</script>", range: start..<text.endIndex)).lowerBound
            let json = String(text[start..<end])
            #expect(!json.contains("<") && !json.contains(">"), "\(page.path)")
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(page.path): JSON-LD does not parse")
        }
    }

    @Test func horseTelexHTMLIsShownOnlySanitisedAndOnlyWithItsLogo() {
        for page in pages { #expect(!page.text.contains("alert(1)") || !page.text.contains("<script>alert"), "\(page.path)") }
        let shown = pages.filter { $0.text.contains("class=\"horsetelex-pedigree\"") }
        #expect(!shown.isEmpty)
        for page in shown {
            #expect(page.text.contains("https://www.horsetelex.com/logo.png") && !page.text.contains("evil.example"), "\(page.path)")
            #expect(page.showsHorseTelexData)
        }
        #expect(!pages.contains { $0.text.contains("no logo") }, "HorseTelex HTML without a logo is never shown")
    }

    @Test func feedsAndSitemapStayWellFormed() throws {
        for path in ["sitemap.xml", "en/feed.xml", "de/feed.xml"] {
            let page = try #require(pages.first { $0.path == path })
            #expect(XMLCheck.isWellFormed(page.bytes), "\(path)")
        }
    }
}
