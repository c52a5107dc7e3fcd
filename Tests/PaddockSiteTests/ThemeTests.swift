import Foundation
import Logging
import PaddockCatalogue
import PaddockSandbox
import PaddockTemplate
import Testing
@testable import PaddockSite

@Suite struct ThemeTests {
    let folder: URL
    let theme: Theme

    init() throws {
        folder = try BundledTheme.folder()
        theme = try Theme.load(folder: folder)
    }

    @Test func everyLanguageTranslatesEveryString() {
        let english = Set(theme.translations.tables["en"]?.keys ?? [:].keys)
        #expect(english.count > 100)
        for language in ["fr", "de", "nl"] {
            let keys = Set(theme.translations.tables[language]?.keys ?? [:].keys)
            #expect(english.subtracting(keys).isEmpty, "\(language) lacks \(english.subtracting(keys).sorted())")
            let copied = english.filter { theme.translations.tables[language]?[$0] == theme.translations.tables["en"]?[$0] }
            #expect(copied.count < english.count / 5, "\(language) copies English: \(copied.sorted())")
        }
    }

    @Test func everyStringATemplateUsesExists() throws {
        let english = theme.translations.tables["en"] ?? [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        let pattern = try Regex(#"\{\{\s*[#^/]?\s*t\.([A-Za-z0-9_]+)"#)
        var used = 0
        for case let file as URL in walker where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(match.output[1].substring ?? "")
                used += 1
                #expect(english[key] != nil, "\(file.lastPathComponent) uses t.\(key), which en.json lacks")
            }
        }
        #expect(used > 50)
    }

    @Test func theStylesheetIsSmallAndUsesNoThirdPartyResources() throws {
        let css = try #require(theme.assets["assets/site.css"])
        let js = try #require(theme.assets["assets/site.js"])
        // The one stylesheet every page loads: listings, pictures, herd, lifecycle badges and the
        // filter panel (about 4 KB gzipped); the filter and gallery scripts load only where used.
        #expect(css.count < 18_000 && js.count < 3_000)
        let text = String(decoding: css + js, as: UTF8.self)
        #expect(!text.contains("@import") && !text.contains("url(http") && !text.contains("fonts.googleapis"))
    }

    @Test func theExampleSiteLoadsAndRendersItsPagesPerLanguage() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "site/paddock.toml")
        var config = try SiteConfig.load(from: file)
        // The build's own files (the pedigree memo) go to a temporary folder, never into the repository.
        config.root = FileManager.default.temporaryDirectory.appending(path: "paddock-example-\(UUID().uuidString)")
        config.sources.cacheFolder = config.root.appending(path: ".paddock/cache")
        defer { try? FileManager.default.removeItem(at: config.root) }
        #expect(config.languages == ["en", "nl", "de", "fr"])
        let pages = try MarkdownPages.load(folder: config.pagesFolder)
        #expect(pages.names == ["about", "index"])
        let catalogues = try DemoData.catalogues(languages: config.languages, mediaBaseURL: config.baseURL + "media/demo",
                                                 today: CalendarDate(year: 2026, month: 6, day: 1))
        let sink = CollectedSite()
        let builder = SiteBuilder(config: config, provider: FixedCatalogues(supply: CatalogueSupply(catalogues: catalogues, origin: "tests")),
                                  logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        _ = try await builder.render(refetch: false, into: sink)
        let rendered = sink.pages
        let text = { (path: String) in rendered.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "" }
        #expect(text("nl/index.html").contains("<h1>Welkom bij Stal De Vries</h1>"))
        #expect(text("fr/index.html").contains("<h1>Bienvenue chez Stal De Vries</h1>"))
        #expect(text("de/ueber-uns/index.html").isEmpty, "the page slug comes from the file name, not the title")
        #expect(text("de/about/index.html").contains("Familienbetrieb"))
        #expect(text("de/index.html").contains(">Über uns</a>"))
    }

    @Test func aBrokenThemeIsReportedWithTheTemplateAndLine() throws {
        var templates = try Self.sources(folder)
        templates["horse"] = "{{<layouts/base}}{{$main}}\n{{#facts}}\n{{/main}}{{/layouts/base}}"
        #expect { try TemplateSet(templates: templates) } throws: { error in
            "\(error)".contains("horse:")
        }
    }

    @Test func aRenderErrorNamesThePageAndTheTemplate() throws {
        let config = TestSite.config(languages: ["en"])
        var templates = try Self.sources(folder)
        templates["partials/facts"] = "{{>partials/loop}}"
        templates["partials/loop"] = "{{#facts}}{{>partials/loop}}{{/facts}}"
        let set = try TemplateSet(templates: templates)
        let broken = Theme(templates: set, translations: theme.translations, assets: theme.assets)
        let plan = SitePlan(config: config, catalogues: TestSite.catalogues(languages: ["en"]))
        do {
            try SiteRenderer(config: config, theme: broken, pages: MarkdownPages(sources: [:])).render(plan: plan) { _ in }
            Issue.record("rendering a recursive partial succeeded")
        } catch SiteRenderError.renderFailed(let page, let template, _) {
            #expect(page.hasSuffix("index.html") && ["horse", "animal"].contains(template))
        }
    }

    /// Every template of a theme folder by name, as the engine names them.
    static func sources(_ folder: URL) throws -> [String: String] {
        var sources: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! where file.pathExtension == "mustache" {
            let path = file.standardizedFileURL.path
            sources[String(path.dropFirst(base.count + 1).dropLast(".mustache".count))] = try String(contentsOf: file, encoding: .utf8)
        }
        return sources
    }
}
