import Foundation
import Testing
@testable import PaddockSite
@testable import PaddockPublish
@testable import PaddockHTML

@Suite struct AttributionCheckerTests {
    static let equictyLink = """
        <a class="paddock-attribution" data-attribution="equicty" href="https://www.equicty.com/">\
        <img src="/assets/equicty-logo.svg" alt="Equicty" width="120" height="32"> Data by Equicty</a>
        """
    static let horseTelexLink = """
        <a class="paddock-attribution" data-attribution="horsetelex" id="ht-credit" href="https://www.horsetelex.com/">\
        <img src="../../../assets/horsetelex-logo.svg" alt="HorseTelex" width="140" height="32"> Pedigree by HorseTelex</a>
        """

    static func page(body: String, head: String = "", horseTelex: Bool = false) -> RenderedPage {
        let html = """
            <!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/assets/style.css">\(head)</head>
            <body><main><h1>Arko</h1></main><footer class="site-footer">\(body)</footer></body></html>
            """
        return RenderedPage(path: "en/horses/arko/index.html", bytes: Array(html.utf8), template: "horse",
                            showsEquictyData: true, showsHorseTelexData: horseTelex)
    }

    static func site(_ pages: [RenderedPage], css: String = ".site-footer { color: #333 }") throws -> SiteOutput {
        let theme = try BundledTheme.folder()
        let assets = [
            StaticFile(path: "assets/equicty-logo.svg", source: theme.appending(path: "assets/equicty-logo.svg")),
            StaticFile(path: "assets/horsetelex-logo.svg", source: theme.appending(path: "assets/horsetelex-logo.svg")),
        ]
        let style = RenderedPage(path: "assets/style.css", bytes: Array(css.utf8))
        return SiteOutput(pages: pages + [style], staticFiles: assets)
    }

    let checker: AttributionChecker

    init() throws { checker = try AttributionChecker.bundled(baseURL: "https://stable.example/") }

    @Test func acceptsPagesCarryingBothVisibleAttributions() throws {
        try checker.checkEveryPage(try Self.site([Self.page(body: Self.equictyLink + Self.horseTelexLink, horseTelex: true)]))
    }

    @Test func ignoresPagesThatShowNoProviderData() throws {
        let page = RenderedPage(path: "404.html", bytes: Array("<p>Not found</p>".utf8), template: "404")
        try checker.checkEveryPage(try Self.site([page]))
    }

    static let hiddenCases: [(String, String, String)] = [
        ("", "", "removed"),
        (equictyLink.replacingOccurrences(of: "<a class", with: "<a style=\"display:none\" class"), "", "display:none"),
        (equictyLink.replacingOccurrences(of: "<a class", with: "<a hidden class"), "", "`hidden`"),
        (equictyLink.replacingOccurrences(of: "width=\"120\"", with: "width=\"0\""), "", "width=\"0\""),
        (equictyLink.replacingOccurrences(of: "<img ", with: "<img style=\"visibility: hidden\" "), "", "visibility:hidden"),
        ("<div style=\"display: none !important\">" + equictyLink + "</div>", "", "display:none"),
        ("<div style=\"height:0; overflow:hidden\">" + equictyLink + "</div>", "", "height:0"),
        ("<template>" + equictyLink + "</template>", "", "<template>"),
        (equictyLink, "<style>.paddock-attribution { opacity: 0 }</style>", ".paddock-attribution { opacity:0 }"),
        (equictyLink, "<style>footer a[data-attribution=\"equicty\"] img { width: 0 }</style>", "width:0"),
        (equictyLink, "<style>.site-footer { display: none }</style>", ".site-footer { display:none }"),
        (equictyLink, "<style>@media (max-width: 600px) { .paddock-attribution { display: none } }</style>", "display:none"),
        (equictyLink, "<style>.paddock-attribution { position: absolute; left: -9999px }</style>", "left:-9999px"),
        (equictyLink.replacingOccurrences(of: "https://www.equicty.com/", with: "https://evil.example/"), "", "must point to"),
        (equictyLink.replacingOccurrences(of: "<img src=\"/assets/equicty-logo.svg\" alt=\"Equicty\" width=\"120\" height=\"32\">", with: ""), "", "no <img>"),
        (equictyLink.replacingOccurrences(of: "equicty-logo.svg", with: "other.svg"), "", "missing"),
        (equictyLink.replacingOccurrences(of: "alt=\"Equicty\"", with: "alt=\"\""), "", "alt"),
    ]

    @Test(arguments: hiddenCases)
    func rejectsAnEquictyAttributionThatIsMissingOrHidden(_ body: String, _ head: String, _ reason: String) throws {
        let page = Self.page(body: body, head: head)
        let error = try #require(throws: AttributionError.self) { try checker.checkEveryPage(try Self.site([page])) }
        let failure = try #require(error.failures.first)
        #expect(failure.template == "horse")
        #expect(failure.page == "en/horses/arko/index.html")
        #expect(failure.provider == .equicty)
        #expect(failure.reason.contains(reason), "\(failure.reason)")
        #expect(error.description.contains("template \"horse\" rendered en/horses/arko/index.html"))
    }

    @Test func rejectsAHorseTelexAttributionHiddenByTheThemeStylesheet() throws {
        let page = Self.page(body: Self.equictyLink + Self.horseTelexLink, horseTelex: true)
        let error = try #require(throws: AttributionError.self) {
            try checker.checkEveryPage(try Self.site([page], css: "body .site-footer > #ht-credit { visibility: hidden }"))
        }
        #expect(error.failures.map(\.provider) == [.horsetelex])
        #expect(error.failures[0].reason.contains("assets/style.css"))
    }

    @Test func followsImportsOfLinkedStylesheets() throws {
        let page = Self.page(body: Self.equictyLink)
        var site = try Self.site([page], css: "@import url(\"extra.css\");")
        site.pages.append(RenderedPage(path: "assets/extra.css", bytes: Array("a.paddock-attribution{display:none}".utf8)))
        let error = try #require(throws: AttributionError.self) { try checker.checkEveryPage(site) }
        #expect(error.failures[0].reason.contains("assets/extra.css"))
    }

    @Test func allowsHidingOnPaperAndOnHover() throws {
        let css = "@media print { .paddock-attribution { display: none } } .paddock-attribution:hover img { opacity: 0 } .other { display: none }"
        try checker.checkEveryPage(try Self.site([Self.page(body: Self.equictyLink)], css: css))
    }

    @Test func rejectsAnAlteredLogo() throws {
        var site = try Self.site([Self.page(body: Self.equictyLink)])
        site.staticFiles.removeAll { $0.path == "assets/equicty-logo.svg" }
        site.pages.append(RenderedPage(path: "assets/equicty-logo.svg", bytes: Array("<svg>fake</svg>".utf8)))
        let error = try #require(throws: AttributionError.self) { try checker.checkEveryPage(site) }
        #expect(error.failures[0].reason.contains("differs from the bundled"))
    }

    @Test func reportsEveryFailingPageInOrder() throws {
        var pages: [RenderedPage] = []
        for index in 0..<50 {
            var page = Self.page(body: index % 10 == 3 ? "" : Self.equictyLink)
            page.path = "en/horses/h\(index)/index.html"
            pages.append(page)
        }
        let error = try #require(throws: AttributionError.self) { try checker.checkEveryPage(try Self.site(pages)) }
        #expect(error.failures.map(\.page) == [3, 13, 23, 33, 43].map { "en/horses/h\($0)/index.html" })
    }

    @Test func resolvesLinksThatClimbToTheSiteRootLikeAnyOther() {
        let site = AttributionSiteIndex(output: SiteOutput(pages: []), baseURL: "https://stable.example/")
        let page = "en/horses/arko/index.html"
        let cases: [(String, String?)] = [
            ("../../../assets/site.css", "assets/site.css"), ("../../../en/", "en/index.html"), ("../../../", "index.html"),
            ("../../../a//b", "a/b"), ("../../x.css", "en/x.css"), ("../../../../x", nil), ("../../../a/../b", "b"),
            ("../../../x.css?v=2#top", "x.css"), ("../../../mailto:x", nil), ("https://stable.example/assets/a.svg", "assets/a.svg"),
            ("/assets/a.svg", "assets/a.svg"), ("logo.svg", "en/horses/arko/logo.svg"),
        ]
        for (reference, expected) in cases {
            #expect(site.resolve(reference, from: page) == expected, "\(reference)")
        }
        #expect(site.resolve("assets/a.svg", from: "index.html") == "assets/a.svg")
    }
}
