import Foundation
import Logging
import PaddockDemo
import PaddockTestSupport
import Testing
@testable import PaddockSite

/// The build's quality gates: the default theme passes them all; a theme that breaks each rule
/// gets a warning naming the page and the element; `strict` fails the build and publishes nothing.
@Suite struct QualityGateTests {
    static let logger = Logger(label: "test.quality", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func theDefaultThemePassesEveryGateOnTheDemoSite() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en", "fr", "de", "nl"])
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let (_, quality) = try await builder.renderChecked(refetch: false, into: CollectedSite())
        #expect(quality.isEmpty, "\(quality.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    /// A theme override that breaks every rule once.
    static func brokenTheme(in site: TemporarySite) throws -> URL {
        let bundled = try BundledTheme.folder()
        let head = try String(contentsOf: bundled.appending(path: "partials/head.mustache"), encoding: .utf8)
        var broken = head
            .replacingOccurrences(of: "{{#xDefault}}<link rel=\"alternate\" hreflang=\"x-default\" href=\"{{xDefault}}\">\n{{/xDefault}}", with: "")
            .replacingOccurrences(of: "{{#breadcrumbLD}}<script type=\"application/ld+json\">{{{breadcrumbLD}}}</script>\n{{/breadcrumbLD}}", with: "")
            .replacingOccurrences(of: "{{#jsonLD}}<script type=\"application/ld+json\">{{{jsonLD}}}</script>\n{{/jsonLD}}", with: "")
        #expect(broken.count < head.count - 150, "the head partial no longer has the lines this test removes")
        broken += "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Lonely\"}</script>\n"
        broken += "<script type=\"application/ld+json\">{\"@type\": \"Product\", </script>\n"
        try site.write("theme/partials/head.mustache", broken)
        try site.write("theme/partials/horse-card.mustache", """
            <li class="card"><a href="{{root}}{{href}}"><img src="{{root}}assets/placeholder.svg" width="320" height="240"> {{name}}</a>
            <a href="{{root}}no-such-page/">more</a></li>
            """)
        let footer = try String(contentsOf: bundled.appending(path: "partials/footer.mustache"), encoding: .utf8)
        try site.write("theme/partials/footer.mustache", footer + "<h1>A second heading</h1>\n")
        return site.root.appending(path: "theme")
    }

    @Test func aBrokenThemeOverrideSetsOffEveryGateNamingPageAndElement() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let theme = try Self.brokenTheme(in: site)
        let config = site.config(languages: ["en", "de"], templates: theme)
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let (_, quality) = try await builder.renderChecked(refetch: false, into: CollectedSite())
        func found(_ gate: QualityWarning.Gate, page: String, element: String, message: String? = nil) -> Bool {
            quality.contains { $0.gate == gate && $0.page == page && $0.element.contains(element) && (message.map($0.message.contains) ?? true) }
        }
        let listing = "en/horses/index.html"
        #expect(found(.alt, page: listing, element: "<img src=\"../../assets/placeholder.svg\">"), "\(quality.filter { $0.page == listing })")
        #expect(found(.links, page: listing, element: "<a href=\"../../no-such-page/\">", message: "no-such-page/index.html"))
        #expect(found(.heading, page: listing, element: "<h1>", message: "2 h1"))
        #expect(found(.hreflang, page: listing, element: "x-default", message: "no x-default"))
        #expect(found(.structuredData, page: listing, element: "#2", message: "not valid JSON"))
        #expect(found(.structuredData, page: listing, element: "Product \"Lonely\"", message: "needs offers"))
        let horse = try #require(quality.first { $0.page.hasPrefix("en/horses/") && $0.message.contains("BreadcrumbList") })
        #expect(horse.gate == .structuredData)
        #expect(found(.structuredData, page: "en/index.html", element: "ld+json", message: "as an Organization"))
        // Every finding names a page of the site.
        #expect(quality.allSatisfy { !$0.page.isEmpty && !$0.element.isEmpty })
    }

    @Test func strictFailsTheBuildAndLeavesThePublishedSiteAsItWas() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let good = site.config(languages: ["en"])
        let builder = SiteBuilder(config: good, provider: DemoCatalogueProvider(config: good), logger: Self.logger)
        var strictGood = builder
        strictGood.strict = true
        let first = try await strictGood.buildHoldingLock(refetch: false, wait: true)
        #expect(first.warnings.isEmpty, "\(first.warnings.prefix(5))")
        let before = try BuiltSite(output: good.outputFolder)

        let broken = site.config(languages: ["en"], templates: try Self.brokenTheme(in: site))
        var strict = SiteBuilder(config: broken, provider: DemoCatalogueProvider(config: broken), logger: Self.logger)
        strict.strict = true
        do {
            _ = try await strict.buildHoldingLock(refetch: false, wait: true)
            Issue.record("a strict build with a broken theme published")
        } catch SiteBuildError.quality(let warnings) {
            #expect(warnings.contains { $0.gate == .alt })
            #expect("\(SiteBuildError.quality(warnings: warnings))".contains("en/horses/index.html"))
        }
        #expect(try BuiltSite(output: good.outputFolder).files == before.files)
        // Without --strict the same build publishes, with the findings as warnings.
        let lenient = SiteBuilder(config: broken, provider: DemoCatalogueProvider(config: broken), logger: Self.logger)
        let report = try await lenient.buildHoldingLock(refetch: false, wait: true)
        #expect(report.warnings.contains { $0.hasPrefix("alt: en/horses/index.html") })
    }

    @Test func hreflangClustersMustBeReciprocal() {
        let en = "https://s.example/en/a/", de = "https://s.example/de/a/", nl = "https://s.example/nl/a/"
        let clusters: [(page: String, canonical: String, language: String, alternates: [String: String])] = [
            ("en/a/index.html", en, "en", ["en": en, "de": de, "x-default": en]),
            ("de/a/index.html", de, "de", ["de": de, "x-default": en]),            // forgets English
            ("nl/a/index.html", nl, "nl", ["nl": en, "en": en, "x-default": en]),  // lists English as itself
        ]
        let problems = HreflangCheck.problems(clusters)
        #expect(problems.contains { $0.page == "en/a/index.html" && $0.element.contains("hreflang=\"de\"") && $0.message.contains("not reciprocal") })
        #expect(problems.contains { $0.page == "nl/a/index.html" && $0.message.contains("does not list itself") })
        #expect(!problems.contains { $0.page == "de/a/index.html" && $0.message.contains("x-default") })
    }
}
