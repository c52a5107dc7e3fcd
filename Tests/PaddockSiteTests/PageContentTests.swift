import Foundation
import PaddockCatalogue
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct PageContentTests {
    let byPath: [String: RenderedPage]

    init() async throws {
        let (_, pages) = try await TestSite.render(config: TestSite.config(), catalogues: TestSite.catalogues())
        byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func page(_ path: String) throws -> String { try #require(byPath[path], "missing \(path)").text }

    @Test func horsePageShowsFactsAdditionalInformationAndMedia() throws {
        let html = try page("en/horses/arko/index.html")
        for text in ["<th scope=\"row\">Studbook</th><td>KWPN</td>", "<td>1.68 m</td>", "<td>12 years</td>", "<td><time datetime=\"2013-04-02\">2 April 2013</time></td>",
                     "Holsteiner Verband", "Frozen", "€ 950", "Negative", "Available for breeding.",
                     "loading=\"lazy\"", "href=\"https://cdn.example/arko.jpg\"", "src=\"https://cdn.example/arko-t.jpg\""] {
            #expect(html.contains(text), "horse page lacks \(text)")
        }
        #expect(try page("de/horses/cesar/index.html").contains("<td>172 cm</td>"))
        #expect(try page("de/horses/arko/index.html").contains("<td>1,68 m</td>"))
        #expect(try page("en/horses/bella/index.html").contains("<td>1 year</td>"))
    }

    @Test func videosMakeNoThirdPartyRequestBeforeTheClick() throws {
        let html = try page("en/horses/arko/index.html")
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("img.youtube.com") && !html.contains("ytimg"))
        #expect(html.contains("data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""))
        #expect(html.contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""))
        #expect(html.contains("<a href=\"https://video.example/arko.mp4\""), "other videos are plain links")
        let outside = ParsedHTML(Array(html.utf8)).elements.compactMap { e -> String? in
            ["img", "script", "iframe", "link"].contains(e.name) ? (e.attributes["src"] ?? (e.name == "link" && e.attributes["rel"] == "stylesheet" ? e.attributes["href"] : nil)) : nil
        }.filter { $0.hasPrefix("http") && !$0.hasPrefix("https://cdn.example/") && !$0.hasPrefix("https://www.horsetelex.com/") }
        #expect(outside.isEmpty, "requests to third parties on load: \(outside)")
    }

    @Test func horseTelexHorsesShowTheSanitisedPedigreeWhenItsLogoSurvives() throws {
        let html = try page("en/horses/arko/index.html")
        #expect(html.contains("<div class=\"horsetelex-pedigree\"><table><tbody><tr><td>Arko</td></tr></tbody></table>"))
        #expect(!html.contains("class=\"pedigree\""))
    }

    @Test func fallsBackToTheBuiltInPedigreeWhenTheLogoIsGone() async throws {
        var catalogues = TestSite.catalogues()
        catalogues[0].horses[0].horsetelexHTML = "<table><tr><td>Arko</td></tr></table>"
        let (_, pages) = try await TestSite.render(config: TestSite.config(), catalogues: catalogues)
        let horse = try #require(pages.first { $0.path == "en/horses/arko/index.html" })
        #expect(!horse.text.contains("horsetelex-pedigree"))
        #expect(horse.text.contains("class=\"pedigree\""))
        #expect(horse.showsHorseTelexData && horse.text.contains("data-attribution=\"horsetelex\""))
    }

    @Test func builtInPedigreeIsABracketWithTheSireLineOnTop() async throws {
        let (_, pages) = try await TestSite.render(config: TestSite.config(), catalogues: TestSite.withoutHorseTelexHTML(TestSite.catalogues()))
        let html = try #require(pages.first { $0.path == "en/horses/arko/index.html" }).text
        #expect(!html.contains("horsetelex-pedigree"), "no sanitiser: never the raw HorseTelex HTML")
        let cells = ParsedHTML(Array(html.utf8)).all("li").filter { $0.attributes["class"]?.hasPrefix("ped ") == true }
        #expect(cells.count == 14)
        #expect(cells.first?.attributes["class"] == "ped ped-v gen-1")
        #expect(cells.first?.text.contains("Cornet Obolensky") == true)
        #expect(cells[7].attributes["class"] == "ped ped-m gen-1 female")
        #expect(cells.last?.text.contains("Ursula") == true)
        let css = try #require(pages.first { $0.path == "assets/site.css" }).text
        #expect(css.contains(".ped-v { grid-area: 1 / 1 / 5 / 2; }") && css.contains(".ped-mmm { grid-area: 8 / 3 / 9 / 4; }"))
    }

    @Test func unknownAncestorsShowADashNotANameFromAnOuterContext() throws {
        let html = try page("en/horses/bella/index.html")
        let cells = ParsedHTML(Array(html.utf8)).all("li").filter { $0.attributes["class"]?.hasPrefix("ped ") == true }
        #expect(cells.count == 14)
        #expect(cells[0].text.contains("Casall") && cells[7].text.contains("Lady"))
        for cell in cells where cell.attributes["class"] != "ped ped-v gen-1" && cell.attributes["class"] != "ped ped-m gen-1 female" {
            #expect(!cell.text.contains("Bella") && cell.text.contains("–"), "\(cell.attributes["class"] ?? "")")
        }
    }

    @Test func inquiryLinkCarriesThePercentEncodedHorseName() throws {
        #expect(try page("en/horses/arko/index.html").contains("href=\"mailto:info@stable.example?subject=Inquiry%20about%20Arko&amp;body=Hello%2C%0A%0AI%20am%20interested%20in%20Arko%20%28reference%20101%29.%0Ahttps%3A%2F%2Fstable.example%2Fen%2Fhorses%2Farko%2F%0A"))
        #expect(try page("de/horses/arko/index.html").contains("subject=Anfrage%20zu%20Arko"))
    }

    @Test func forSaleGroupsBySpeciesWithGeneticsPricesAndRequests() throws {
        let html = try page("en/for-sale/index.html")
        #expect(html.contains("Ball python</a> <i class=\"scientific\" lang=\"la\">Python regius</i>"))
        #expect(html.contains("Leopard gecko"))
        #expect(html.contains("<span class=\"badge-name\">Clown</span> <span class=\"badge-trait\">Recessive</span>"))
        #expect(html.contains("€1,500.50"))
        #expect(html.contains("Price on request"))
        #expect(try page("de/for-sale/index.html").contains("1.500,50\u{00A0}€"))
        #expect(try page("de/for-sale/index.html").contains("Preis auf Anfrage"))
    }

    @Test func animalPageHasWhatABuyerNeedsAndAProductOffer() throws {
        let html = try page("en/for-sale/sunny/index.html")
        for text in ["Fire Leopard het Clown", "BP-0018", "1 June 2024", "Shipping within the EU.", "Sire&#39;s genetics", "Dam&#39;s genetics"] {
            #expect(html.contains(text) || html.contains(text.replacingOccurrences(of: "&#39;", with: "&#x27;")) || html.contains(text.replacingOccurrences(of: "&#39;", with: "'")), "animal page lacks \(text)")
        }
        let script = try #require(html.range(of: "<script type=\"application/ld+json\">")).upperBound
        let end = try #require(html.range(of: "</script>", range: script..<html.endIndex)).lowerBound
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[script..<end].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "Product")
        let offer = try #require(json["offers"] as? [String: Any])
        #expect(offer["price"] as? String == "1500.5" && offer["priceCurrency"] as? String == "EUR")
    }

    @Test func homeShowsTheIntroductionFeaturedHorsesAndNewestAnimals() throws {
        let en = try page("en/index.html"), de = try page("de/index.html")
        #expect(en.contains("<h1>Welcome to Stal De Vries</h1>") && en.contains("<strong>sport horses</strong>"))
        #expect(de.contains("<h1>Willkommen bei Stal De Vries</h1>"))
        #expect(en.contains("href=\"../en/horses/arko/\""))
        #expect(en.contains("Sunny"))
        #expect(try page("en/about/index.html").contains("A family stable."))
    }

    @Test func featuredHorsesFollowTheConfigElseTheNewest() async throws {
        var config = TestSite.config()
        config.featuredHorses = ["103", "999"]
        let (_, pages) = try await TestSite.render(config: config, catalogues: TestSite.catalogues())
        let home = try #require(pages.first { $0.path == "en/index.html" }).text
        let start = try #require(home.range(of: "featured-heading")).lowerBound
        let featured = home[start...]
        #expect(featured.contains(">Cesar<") && !featured.contains(">Bella<"))
        let many = (1...9).map { Horse(id: String($0), name: "H\($0)") }
        let (_, defaults) = try await TestSite.render(config: TestSite.config(languages: ["en"]),
                                                catalogues: [Catalogue(language: "en", horses: many)])
        let text = try #require(defaults.first { $0.path == "en/index.html" }).text
        #expect(text.contains(">H9<") && text.contains(">H4<") && !text.contains(">H3<"))
    }

    @Test func filtersArePreRenderedListingsWithPagination() throws {
        let mares = try page("en/horses/mares/index.html")
        #expect(mares.contains("Bella") && mares.contains("Dolly") && !mares.contains(">Cesar<"))
        #expect(mares.contains("aria-current=\"page\">Mares"))
        let first = try page("en/horses/index.html")
        #expect(first.contains("rel=\"next\""))
        #expect(first.contains("href=\"../../en/horses/page/2/\""))
        let cards = ParsedHTML(Array(first.utf8)).all("li").filter { $0.attributes["class"] == "card" }
        #expect(cards.count == 2, "horsesPerPage is 2")
    }

    @Test func notFoundPageUsesLinksThatWorkAtAnyDepth() throws {
        let html = try page("404.html")
        #expect(html.contains("href=\"/assets/site.css\""))
        #expect(html.contains("href=\"/en/\""))
    }
}
