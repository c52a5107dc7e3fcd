import Foundation
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
        #expect(css.count < 16_000 && js.count < 3_000)
        let text = String(decoding: css + js, as: UTF8.self)
        #expect(!text.contains("@import") && !text.contains("url(http") && !text.contains("fonts.googleapis"))
    }

    @Test func theExampleSiteLoadsAndRendersItsPagesPerLanguage() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "site/paddock.toml")
        let config = try SiteConfig.load(from: file)
        #expect(config.languages == ["en", "nl", "de", "fr"])
        let pages = try MarkdownPages.load(folder: config.pagesFolder)
        #expect(pages.names == ["about", "index"])
        let catalogues = try DemoData.catalogues(languages: config.languages, mediaBaseURL: config.baseURL + "media/demo",
                                                 today: CalendarDate(year: 2026, month: 6, day: 1))
        let plan = SitePlan(config: config, catalogues: catalogues, markdownPages: pages.names)
        let rendered = try SiteRenderer(config: config, theme: theme, pages: pages).render(plan: plan)
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
            _ = try SiteRenderer(config: config, theme: broken, pages: MarkdownPages(sources: [:])).render(plan: plan)
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

@Suite struct TranslationsTests {
    @Test func fallsBackToEnglishThenToTheKey() {
        let strings = Translations(tables: ["en": ["a": "A", "b": "B"], "de": ["a": "Ä"]])
        #expect(strings.string("a", language: "de") == "Ä")
        #expect(strings.string("b", language: "de") == "B")
        #expect(strings.string("c", language: "de") == "c")
        #expect(strings.string("a", language: "nl") == "A")
    }

    @Test func aCustomThemesStringsOverrideTheBundledOnesKeyByKey() {
        let bundled = Translations(tables: ["en": ["a": "A", "b": "B"], "de": ["a": "Ä", "b": "Bö"]])
        let custom = Translations(tables: ["de": ["b": "Eigenes B"]]).overlaid(on: bundled)
        #expect(custom.string("a", language: "de") == "Ä")
        #expect(custom.string("b", language: "de") == "Eigenes B")
        #expect(custom.string("b", language: "en") == "B")
    }

    @Test func aThemeWithoutTranslationsGetsTheBundledStrings() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "paddock-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "<p>{{t.nav_horses}}</p>".write(to: folder.appending(path: "home.mustache"), atomically: false, encoding: .utf8)
        let theme = try Theme.load(folder: folder)
        #expect(theme.translations.string("nav_horses", language: "de") == "Pferde")
        #expect(theme.assets.isEmpty)
    }
}

@Suite struct FillTests {
    @Test(arguments: [
        ("Page {n} of {count}", "Page 2 of 5"),
        ("{n}", "2"),
        ("no placeholders", "no placeholders"),
        ("{unknown} stays", "{unknown} stays"),
        ("open { without close", "open { without close"),
        ("{n} then {", "2 then {"),
    ])
    func fillsKnownPlaceholdersOnly(template: String, expected: String) {
        #expect(Translations.fill(template, ["n": "2", "count": "5"]) == expected)
    }

    @Test func valuesAreNotScannedAgain() {
        #expect(Translations.fill("Inquiry about {name}", ["name": "{n} <b>", "n": "X"]) == "Inquiry about {n} <b>")
    }
}

/// WCAG 2 contrast of the default theme's colour pairs (AA: 4.5 for text).
@Suite struct ContrastTests {
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func variables() throws -> [String: String] {
        let css = try String(contentsOf: BundledTheme.folder().appending(path: "assets/site.css"), encoding: .utf8)
        var result: [String: String] = [:]
        for match in css.matches(of: try Regex(#"--([a-z-]+):\s*(#[0-9a-fA-F]{6})"#)) {
            result[String(match.output[1].substring!)] = String(match.output[2].substring!)
        }
        return result
    }

    @Test(arguments: [("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("ink", "card"), ("muted", "card"),
                      ("green", "paper"), ("accent", "accent-soft"), ("green", "green-soft")])
    func textColoursMeetAA(foreground: String, background: String) throws {
        let colours = try Self.variables()
        let ratio = Self.contrast(try #require(colours[foreground]), try #require(colours[background]))
        #expect(ratio >= 4.5, "\(foreground) on \(background): \(ratio)")
    }

    @Test func whiteOnTheHeaderAndButtonsMeetsAA() throws {
        let colours = try Self.variables()
        #expect(Self.contrast("#ffffff", try #require(colours["green"])) >= 4.5)
        #expect(Self.contrast("#ffffff", try #require(colours["accent"])) >= 4.5)
        #expect(Self.contrast("#ffffff", try #require(colours["focus"])) >= 3, "focus ring against white")
    }
}
