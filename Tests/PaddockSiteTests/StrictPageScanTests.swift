import Foundation
import PaddockTestSupport
import PaddockCatalogue
import PaddockSandbox
import Testing
@testable import PaddockSite
@testable import PaddockPublish
@testable import PaddockHTML

/// The attribution check's fast reading of strict pages (``StrictPageScan``) against libxml2's.
@Suite struct StrictPageScanTests {
    /// The hostile demo site, built once for the whole suite.
    static let demoSite = Task {
        let config = TestSite.config(languages: ["en", "de"], perPage: 12)
        let catalogues = try DemoData.catalogues(languages: config.languages, mediaBaseURL: TestSite.baseURL + "media/demo",
                                                 includeHostile: true, today: CalendarDate(year: 2026, month: 6, day: 1))
        return try await TestSite.render(config: config, catalogues: catalogues, markdown: ["index": "# Stable"]).1
    }

    static func checker(strict: Bool) throws -> AttributionChecker {
        var checker = try AttributionChecker.bundled(baseURL: TestSite.baseURL)
        checker.readsStrictMarkupDirectly = strict
        return checker
    }

    /// What each reading finds wrong with `page` (empty when it passes).
    static func verdicts(_ page: RenderedPage, site: AttributionSiteIndex) throws -> (strict: [String], libxml2: [String]) {
        (try checker(strict: true).failures(on: page, site: site).map(\.reason),
         try checker(strict: false).failures(on: page, site: site).map(\.reason))
    }

    static func siteIndex(_ pages: [RenderedPage]) -> AttributionSiteIndex {
        AttributionSiteIndex(output: SiteOutput(pages: pages), baseURL: TestSite.baseURL)
    }

    @Test func readsEveryPageOfTheDefaultThemeWithoutLibXML2() async throws {
        let demoPages = try await Self.demoSite.value
        let html = demoPages.filter { $0.path.hasSuffix(".html") && ($0.showsEquictyData || $0.showsHorseTelexData) }
        #expect(html.count > 50)
        let unread = html.filter { StrictPageScan(bytes: $0.bytes, marker: "data-attribution") == nil }.map(\.path)
        #expect(unread.isEmpty, "read by libxml2 instead: \(unread.prefix(5))")
    }

    @Test func findsTheSameElementsAsLibXML2OnTheThemesPages() async throws {
        let demoPages = try await Self.demoSite.value
        let site = Self.siteIndex(demoPages)
        for page in demoPages where page.showsEquictyData || page.showsHorseTelexData {
            let read = StrictPageScan(bytes: page.bytes, marker: "data-attribution")
            guard let scan = read else { Issue.record("\(page.path) is not read strictly"); continue }
            let document = HTMLDocument(bytes: page.bytes)
            let root = try #require(document.root)
            let libxml = root.scan(markedBy: "data-attribution")
            #expect(scan.marked.count == libxml.marked.count, "\(page.path)")
            #expect(scan.links.count == libxml.links.count, "\(page.path)")
            for (fast, slow) in zip(scan.marked.map { ScannedElement(scan: scan, index: $0) }, libxml.marked) {
                #expect(fast.selfAndAncestors.map(\.name) == slow.selfAndAncestors.map(\.name), "\(page.path)")
                #expect(fast.attributes.map(\.name) == slow.attributes.map(\.name))
                #expect(fast.attributes.map(\.value) == slow.attributes.map(\.value))
                #expect(fast.descendantElements.map(\.name) == slow.descendantElements.map(\.name))
                #expect(fast.previousElement?.name == slow.previousElement?.name)
            }
            let verdicts = try Self.verdicts(page, site: site)
            #expect(verdicts.strict == verdicts.libxml2, "\(page.path)")
            #expect(verdicts.strict.isEmpty, "\(page.path): \(verdicts.strict)")
        }
    }

    static let strictPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title><style>p { color: red }</style></head>
        <body><main><p>Text <a href="/x?a=1&amp;b=2">link</a> &lt; more</p></main>
        <footer><div class="credits"><a data-attribution="equicty" href="https://www.equicty.com/"><img src="/a.svg" alt="Equicty"></a></div></footer>
        <form><label>Sort <select name="sort"></select></label></form>
        <script>if (a < b && c) { document.write("</div>") }</script></body></html>
        """

    @Test func readsAStrictPageAndDecodesItsAttributes() throws {
        let scan = try #require(StrictPageScan(bytes: Array(Self.strictPage.utf8), marker: "data-attribution"))
        let link = ScannedElement(scan: scan, index: try #require(scan.marked.first))
        #expect(link.name == "a")
        #expect(link.selfAndAncestors.map(\.name) == ["a", "div", "footer", "body", "html"])
        #expect(link.parent?.previousElement == nil)
        #expect(link.parent?.parent?.previousElement?.name == "main")
        #expect(link.descendantElements.map(\.name) == ["img"])
        #expect(scan.text(of: try #require(scan.styles.first)) == "p { color: red }")
        let other = ScannedElement(scan: scan, index: 8)
        #expect(other.name == "a")
        #expect(other.attribute("href") == "/x?a=1&b=2")
    }

    /// Markup a browser would restructure (or that the scan does not model): left to libxml2.
    static let ambiguous: [(String, String)] = [
        ("<p>one<div>block in a paragraph</div></p>", "a block closes an open <p>"),
        ("<ul><li>one<li>two</li></ul>", "an <li> closes an open <li>"),
        ("<table><tr><td>cell</td></tr></table>", "a <tr> directly in a <table> gets an implied <tbody>"),
        ("<table><tbody>text<tr><td>x</td></tr></tbody></table>", "text in a table is moved out of it"),
        ("<div/>", "a self-closed div stays open in browsers"),
        ("<div class=\"a\" class=\"b\"></div>", "duplicate attributes"),
        ("<div title=\"&eacute;\"></div>", "a reference the scan does not decode"),
        ("<div><span></div></span>", "misnested end tags"),
        ("<a href=\"/a\"><a href=\"/b\">x</a></a>", "a link in a link"),
        ("<h2>title<h3>sub</h3></h2>", "a heading in a heading"),
        ("<template><p>inert</p></template>", "inert content"),
        ("<noscript><p>x</p></noscript>", "raw text for browsers with scripts"),
        ("<select><option>a</option></select>", "a select's content, parsed by its own rules"),
        ("<select> </select>", "text in a select"),
        ("<svg><path d=\"M0 0\"/></svg>", "foreign content"),
        ("<div>unclosed", "an element never closed"),
        ("<br/></br>", "an end tag for a void element"),
    ]

    @Test(arguments: ambiguous)
    func leavesAmbiguousMarkupToLibXML2(_ fragment: String, _ why: String) {
        let html = "<!doctype html><html><head><title>t</title></head><body>\(fragment)</body></html>"
        #expect(StrictPageScan(bytes: Array(html.utf8), marker: "data-attribution") == nil, "\(why)")
        let fine = "<!doctype html><html><head><title>t</title></head><body><div>fine</div></body></html>"
        #expect(StrictPageScan(bytes: Array(fine.utf8), marker: "data-attribution") != nil)
    }

    @Test func leavesPagesWithoutAnExplicitDocumentStructureToLibXML2() {
        for html in ["<p>no html element</p>", "<html><body><p>no head</p></body></html>",
                     "<html><head></head><body></body></html><p>after the end</p>",
                     "<html><head><div>in head</div></head><body></body></html>",
                     "<html><head></head>text<body></body></html>"] {
            #expect(StrictPageScan(bytes: Array(html.utf8), marker: "data-attribution") == nil, "\(html)")
        }
    }

    /// Pages of the theme with hostile or broken edits: whichever way a page is read, the verdict
    /// is the same as libxml2's.
    @Test func agreesWithLibXML2OnEditedThemePages() async throws {
        let demoPages = try await Self.demoSite.value
        let site = Self.siteIndex(demoPages)
        let source = try #require(demoPages.first { $0.path.hasPrefix("en/horses/") && $0.template == "horse" && $0.showsHorseTelexData })
        let html = String(decoding: source.bytes, as: UTF8.self)
        var strictReadings = 0
        for (target, replacement) in Self.edits {
            #expect(html.contains(target), "\(target)")
            let edited = html.replacingOccurrences(of: target, with: replacement)
            let page = RenderedPage(path: source.path, bytes: Array(edited.utf8), template: "horse",
                                    showsEquictyData: true, showsHorseTelexData: true)
            if StrictPageScan(bytes: page.bytes, marker: "data-attribution") != nil { strictReadings += 1 }
            let verdicts = try Self.verdicts(page, site: site)
            #expect(verdicts.strict == verdicts.libxml2, "\(replacement): \(verdicts)")
        }
        #expect(strictReadings > 5)   // the comparison covers the fast reading, not only the fallback
    }

    /// Hostile or broken edits of a theme page (target, replacement).
    static let edits: [(String, String)] = [
            ("<footer class=\"site-footer\">", "<footer class=\"site-footer\" hidden>"),
            ("<footer class=\"site-footer\">", "<footer class=\"site-footer\" style=\"display:none\">"),
            ("<footer class=\"site-footer\">", "<footer class=\"site-footer visually-hidden\">"),
            ("<footer class=\"site-footer\">", "<p><footer class=\"site-footer\">"),
            ("<footer class=\"site-footer\">", "<div hidden><footer class=\"site-footer\">"),
            ("<footer class=\"site-footer\">", "<template><footer class=\"site-footer\">"),
            ("<div class=\"footer-attribution\">", "<div class=\"footer-attribution\" style=\"opacity: 0\">"),
            ("<div class=\"footer-attribution\">", "<div class=\"footer-attribution\"/>"),
            ("<div class=\"footer-attribution\">", "<dialog><div class=\"footer-attribution\">"),
            ("</main>", "</main><style>.attribution { display: none }</style>"),
            ("</main>", "</main><style>main + footer { visibility: hidden }</style>"),
            ("</main>", "</main><style>main ~ footer .paddock-attribution img { width: 0 }</style>"),
            ("data-attribution=\"equicty\"", "data-attribution=\"equicty\" data-attribution=\"none\""),
            ("data-attribution=\"equicty\"", "DATA-ATTRIBUTION=\"EQUICTY\""),
            ("href=\"https://www.equicty.com/\"", "href=\"https://www.equicty.com/&#x3f;from=site\""),
            ("href=\"https://www.equicty.com/\"", "href=\"https://evil.example/&amp;\""),
            ("alt=\"Equicty\"", "alt=\"&#69;quicty\""),
            ("alt=\"Equicty\"", "alt=Equicty"),
            ("<img src=", "<img hidden src="),
            ("</body>", "<div>unclosed</body>"),
            ("</body>", "</body><p>after the body</p>"),
            ("<main id=\"main\"", "<MAIN id=\"main\""),
            ("</html>", ""),
        ]

    /// Passing pages are remembered by what the check reads of them: edits of anything it reads
    /// (all of `edits`) get the verdict of a check that remembers nothing, after the unedited page
    /// passed; pages of one template that differ only in what it does not read share one entry.
    @Test func remembersPassingPagesOnlyByWhatTheCheckReads() async throws {
        let demoPages = try await Self.demoSite.value
        let checker = try Self.checker(strict: true)
        let shared = Self.siteIndex(demoPages)
        let checked = demoPages.filter { $0.path.hasSuffix(".html") && ($0.showsEquictyData || $0.showsHorseTelexData) }
        for page in checked { #expect(checker.failures(on: page, site: shared).isEmpty, "\(page.path)") }
        #expect(shared.rememberedPasses > 0 && shared.rememberedPasses < checked.count)

        // Other text, other canonical and alternate links, another folder of the same depth: the same entry.
        let plain = try #require(demoPages.first { $0.path.hasPrefix("en/horses/") && $0.template == "horse" && !$0.showsHorseTelexData })
        let entries = shared.rememberedPasses
        let plainHTML = String(decoding: plain.bytes, as: UTF8.self)
        let folder = plain.path.split(separator: "/").dropLast().joined(separator: "/") + "/"
        for (target, replacement) in [("<h1>", "<h1>Another name "), ("<link rel=\"canonical\" href=\"", "<link rel=\"canonical\" href=\"x")] {
            #expect(plainHTML.contains(target))
            let page = RenderedPage(path: plain.path.replacingOccurrences(of: folder, with: "en/horses/another-horse/"),
                                    bytes: Array(plainHTML.replacingOccurrences(of: target, with: replacement).utf8),
                                    template: "horse", showsEquictyData: true)
            #expect(checker.failures(on: page, site: shared).isEmpty)
        }
        #expect(shared.rememberedPasses == entries)

        let source = try #require(demoPages.first { $0.path.hasPrefix("en/horses/") && $0.template == "horse" && $0.showsHorseTelexData })
        let html = String(decoding: source.bytes, as: UTF8.self)
        var failing = 0
        for (target, replacement) in Self.edits + [("</main>", "</main><style>.footer-attribution { display: none }</style>"),
                                                  ("<body>", "<body class=\"quiet\"><style>.quiet footer { visibility: hidden }</style>")] {
            let edited = html.replacingOccurrences(of: target, with: replacement)
            let page = RenderedPage(path: source.path, bytes: Array(edited.utf8), template: "horse",
                                    showsEquictyData: true, showsHorseTelexData: true)
            let remembered = checker.failures(on: page, site: shared).map(\.reason)
            let fresh = checker.failures(on: page, site: Self.siteIndex(demoPages)).map(\.reason)
            #expect(remembered == fresh, "\(replacement)")
            if !fresh.isEmpty { failing += 1 }
        }
        #expect(failing > 10)
    }

    /// Links resolve alike from every page of one depth only when they are absolute or climb to
    /// the root: otherwise the page's folder is part of what is remembered.
    @Test func remembersThePageFolderWhenLinksDependOnIt() throws {
        func projection(src: String, path: String) throws -> [UInt8] {
            let html = "<!doctype html><html><head><title>t</title></head><body><footer><a data-attribution=\"equicty\" "
                + "href=\"https://www.equicty.com/\"><img src=\"\(src)\" alt=\"Equicty\"></a></footer></body></html>"
            let scan = try #require(StrictPageScan(bytes: Array(html.utf8), marker: "data-attribution"))
            return scan.attributionProjection(pagePath: path)
        }
        let climbing = "../../assets/equicty-logo.svg"
        #expect(try projection(src: climbing, path: "en/a/index.html") == projection(src: climbing, path: "en/b/index.html"))
        #expect(try projection(src: climbing, path: "en/a/index.html") != projection(src: climbing, path: "en/a/b/index.html"))
        #expect(try projection(src: "/assets/equicty-logo.svg", path: "en/a/index.html") == projection(src: "/assets/equicty-logo.svg", path: "en/b/index.html"))
        #expect(try projection(src: "equicty-logo.svg", path: "en/a/index.html") != projection(src: "equicty-logo.svg", path: "en/b/index.html"))
        #expect(try projection(src: "../equicty-logo.svg", path: "en/a/index.html") != projection(src: "../equicty-logo.svg", path: "de/a/index.html"))
        #expect(try projection(src: climbing, path: "en/./index.html") != projection(src: climbing, path: "en/x/index.html"))
    }

    /// Random byte-level damage to a theme page: both readings agree on every variant.
    @Test func agreesWithLibXML2OnRandomlyDamagedPages() async throws {
        let demoPages = try await Self.demoSite.value
        let site = Self.siteIndex(demoPages)
        let source = try #require(demoPages.first { $0.template == "horse" && $0.showsHorseTelexData })
        var random = SeededGenerator(seed: 20261201)
        let pieces = ["<", ">", "</div>", "<div>", "<p>", "\"", "&amp;", "&", "<!--", "-->", " hidden", "/", "<td>", "<li>", "=", "'"]
        var strictReadings = 0
        for _ in 0..<300 {
            var bytes = source.bytes
            for _ in 0..<Int(random.next() % 3 + 1) {
                let at = Int(random.next() % UInt64(bytes.count))
                if random.next() % 2 == 0 {
                    bytes.insert(contentsOf: Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8), at: at)
                } else {
                    bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 12 + 1)))
                }
            }
            let page = RenderedPage(path: source.path, bytes: bytes, template: "horse", showsEquictyData: true, showsHorseTelexData: true)
            if StrictPageScan(bytes: bytes, marker: "data-attribution") != nil { strictReadings += 1 }
            let verdicts = try Self.verdicts(page, site: site)
            #expect(verdicts.strict == verdicts.libxml2, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(strictReadings > 20)
    }
}
