import Foundation
import Logging
import PaddockCatalogue
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite

/// The HorseTelex colours configured in paddock.toml show on the published horse page, in a real
/// browser: built sites are screenshot with headless Chromium and the colours counted in the PNG.
@Suite struct HorseTelexColorScreenshotTests {
    static let logger = Logger(label: "test.screenshot", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Colours found nowhere else on the default theme's pages.
    static let horseText = "b0127a", mareBackground = "9fe3ff", mareText = "1a4fd0"

    /// Where the pedigree's colours are declared.
    enum Shape: String, CaseIterable, CustomStringConvertible {
        /// `style` attributes, as the sandbox writes them after the pedigree request (its colours in the POST body).
        case sandboxStyleAttributes
        /// A `<style>` element of class rules, with unsafe rules among them.
        case styleElement
        var description: String { rawValue }
    }

    /// A site folder whose paddock.toml configures the three colours (and Equicty at `baseURL`).
    static func site(equicty baseURL: String) throws -> (TemporarySite, SiteConfig) {
        let site = TemporarySite()
        try site.write("paddock.toml", """
        title = "Colour Stable"
        base_url = "https://colour-stable.example/"
        languages = ["en"]

        [sources.equicty]
        base_url = "\(baseURL)"

        [sources.equicty.horsetelex_colors]
        horse_text = "#\(horseText)"
        mare_background = "\(mareBackground)"
        mare_text = "\(mareText)"
        """)
        return (site, try SiteConfig.load(from: site.root.appending(path: "paddock.toml")))
    }

    /// A pedigree whose colours are class rules of a `<style>` element, as HorseTelex may send it,
    /// with rules that must not survive: styling the whole page, positioning the table, hiding the
    /// page's own attribution (the build's attribution check would refuse the page if it did).
    static func styledPedigree(_ colors: HorseTelexColors) -> String {
        let logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNQcEgAAAFEAMELjZZCAAAAAElFTkSuQmCC"
        func cell(_ name: String, rows: Int, mare: Bool) -> String {
            "<td rowspan=\"\(rows)\" class=\"\(mare ? "ht-mare" : "ht-horse")\">\(name)</td>"
        }
        return """
        <style type="text/css">
        body, html { background-color: #ff0000 }
        .paddock-attribution, .attribution, footer { display: none }
        .ht-pedigree { border-collapse: collapse; width: 100%; position: absolute; top: 0; z-index: 99 }
        .ht-pedigree td { padding: 10px 14px; border: 1px solid #cccccc; font-size: 18px; font-weight: bold }
        .ht-pedigree td.ht-horse { color: #\(colors.horseTextColor) }
        .ht-pedigree td.ht-mare { background-color: #\(colors.mareBackgroundColor); color: #\(colors.mareTextColor) }
        </style>
        <div class="horsetelex-pedigree"><table class="ht-pedigree">
        <tr>\(cell("Cor de la Bryere", rows: 4, mare: false))\(cell("Zirocco Blue", rows: 2, mare: false))\(cell("Ferro", rows: 1, mare: false))</tr>
        <tr>\(cell("Amalia", rows: 1, mare: true))</tr>
        <tr>\(cell("Ulinda", rows: 2, mare: true))\(cell("Bordeaux", rows: 1, mare: false))</tr>
        <tr>\(cell("Jolanda", rows: 1, mare: true))</tr>
        <tr>\(cell("Feodora", rows: 4, mare: true))\(cell("Voltaire", rows: 2, mare: false))\(cell("Thunder", rows: 1, mare: false))</tr>
        <tr>\(cell("Hilde", rows: 1, mare: true))</tr>
        <tr>\(cell("Zaza", rows: 2, mare: true))\(cell("Diamant de Semilly", rows: 1, mare: false))</tr>
        <tr>\(cell("Tiara", rows: 1, mare: true))</tr>
        </table>
        <div class="ht-attribution"><a href="https://www.horsetelex.com/horses/pedigree/1208" target="_blank"><img src="\(logo)" alt="HorseTelex" width="160" height="40"></a></div></div>
        """
    }

    /// Hands the build a fixed catalogue.
    struct FixedCatalogues: CatalogueProvider {
        let fixed: [Catalogue]
        func catalogues(refetch: Bool) async throws -> CatalogueSupply { CatalogueSupply(catalogues: fixed, origin: "the test") }
    }

    /// Builds the site and returns the published horse page that embeds a HorseTelex pedigree.
    static func buildHorsePage(_ shape: Shape) async throws -> (site: TemporarySite, page: URL) {
        switch shape {
        case .styleElement:
            let (site, config) = try site(equicty: EquictySourceConfiguration.defaultBaseURL)
            let colors = try #require(config.sources.equicty?.horsetelexColors)
            let horse = Horse(id: "1208", name: "Quintero W", sex: "Stallion", gender: .stallion, studbook: "KWPN",
                              horsetelex: true, horsetelexHTML: styledPedigree(colors))
            let builder = SiteBuilder(config: config, provider: FixedCatalogues(fixed: [Catalogue(language: "en", horses: [horse])]), logger: logger)
            _ = try await builder.buildHoldingLock(refetch: false, wait: true)
            return (site, try horsePage(config))
        case .sandboxStyleAttributes:
            return try await SandboxServer.withRunning(options: SandboxOptions(), logger: logger) { sandbox in
                let (site, config) = try site(equicty: sandbox.equictyBaseURL)
                let credentials = Credentials(equictyAPIKey: sandbox.options.equictyAPIKey)
                let fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials, logger: logger)
                let builder = SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
                _ = try await builder.buildHoldingLock(refetch: true, wait: true)
                return (site, try horsePage(config))
            }
        }
    }

    static func horsePage(_ config: SiteConfig) throws -> URL {
        let built = try BuiltSite(output: config.outputFolder)
        let path = try #require(built.htmlPaths.sorted().first { $0.hasPrefix("en/horses/") && built.text($0)!.contains("class=\"horsetelex-pedigree\"") },
                                "no horse page embeds a HorseTelex pedigree")
        return config.outputFolder.appending(path: path)
    }

    @Test(.enabled(if: Screenshot.isAvailable, "needs Chromium and python3 (scripts/bootstrap installs them)"), arguments: Shape.allCases)
    func theConfiguredColoursShowOnThePublishedPage(_ shape: Shape) async throws {
        let (site, page) = try await Self.buildHorsePage(shape)
        defer { site.cleanup() }
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("ff0000") && !html.contains("position: absolute") && !html.contains("z-index"), "unsafe rules stayed")

        let png = site.root.appending(path: "horse.png")
        try await Screenshot.take(page, to: png)
        let exact = try await Screenshot.count([Self.mareBackground, "ff0000"], in: png)
        // The mares' cells: a background of the configured colour over thousands of pixels.
        #expect(exact[Self.mareBackground, default: 0] > 2_000, "mare background \(Self.mareBackground): \(exact)")
        // Nothing outside the pedigree took its styles: no red page.
        #expect(exact["ff0000", default: 0] == 0, "the pedigree's CSS styled the page: \(exact)")
        // Text: glyph edges are blended, so near the colour counts.
        let text = try await Screenshot.count([Self.horseText, Self.mareText], in: png, tolerance: 24)
        #expect(text[Self.horseText, default: 0] > 40, "horse text \(Self.horseText): \(text)")
        #expect(text[Self.mareText, default: 0] > 40, "mare text \(Self.mareText): \(text)")
    }
}
