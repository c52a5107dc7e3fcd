import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite

/// A site's `templates/` overrides the bundled theme one file at a time: templates (pages,
/// layouts, partials), translation keys and assets; everything else comes from the bundled theme.
@Suite struct ThemeOverrideTests {
    @Test func aSiteOverridesOnePartialOneStringAndOneAssetAndKeepsTheRestOfTheTheme() async throws {
        var config = TestSite.config()
        let theme = config.root.appending(path: "templates")
        config.templatesFolder = theme
        let overrides = try TemporaryFolder("paddock-override")
        defer { overrides.remove() }
        try overrides.write("<li class=\"my-card\">{{name}} <a href=\"{{root}}{{href}}\">{{t.see_all}}</a></li>\n", to: "partials/horse-card.mustache")
        try overrides.write(#"{"see_all": "Alles ansehen (eigen)"}"#, to: "i18n/de.json")
        try overrides.write("body { color: rebeccapurple }\n", to: "assets/site.css")
        try overrides.write("extra", to: "assets/extra.txt")
        try FileManager.default.createDirectory(at: config.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: overrides.url, to: theme)

        let (_, pages) = try await TestSite.render(config: config, catalogues: TestSite.catalogues())
        let byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // The overridden partial, in every listing, with the overridden string in German only.
        let german = try #require(byPath["de/horses/index.html"]?.text)
        #expect(german.contains("<li class=\"my-card\">"))
        #expect(german.contains("Alles ansehen (eigen)"))
        #expect(!german.contains("class=\"card-link\""))
        let english = try #require(byPath["en/horses/index.html"]?.text)
        #expect(english.contains("<li class=\"my-card\">"))
        #expect(!english.contains("(eigen)"))
        // The page template, the layout, the other partials and the other German strings are the bundled ones.
        #expect(german.contains("class=\"site-header\""))
        #expect(german.contains(">Pferde<"))
        let horse = try #require(byPath["en/horses/arko/index.html"]?.text)
        #expect(horse.contains("class=\"pedigree\"") || horse.contains("horsetelex-pedigree"))
        // Assets: the overridden stylesheet, the bundled script and logos, and the site's new file.
        #expect(byPath["assets/site.css"]?.text == "body { color: rebeccapurple }\n")
        let bundled = try BundledTheme.folder()
        #expect(byPath["assets/site.js"]?.bytes == Array(try Data(contentsOf: bundled.appending(path: "assets/site.js"))))
        #expect(byPath["assets/equicty-logo.svg"] != nil)
        #expect(byPath["assets/extra.txt"]?.text == "extra")
    }

    @Test func aSiteTemplateMayUseABundledPartialAndABundledPageMayUseASitePartial() throws {
        let site = try TemporaryFolder("paddock-override")
        defer { site.remove() }
        try site.write("{{>partials/pagination}}<p>{{>partials/mine}}</p>", to: "page.mustache")
        try site.write("mine", to: "partials/mine.mustache")
        let theme = try Theme.load(folder: site.url)
        #expect(theme.templates.contains("page") && theme.templates.contains("partials/mine"))
        #expect(theme.templates.contains("horse") && theme.templates.contains("layouts/base"))
        let rendered = String(decoding: try theme.templates.render("page", [:]), as: UTF8.self)
        #expect(rendered.trimmingCharacters(in: .whitespacesAndNewlines) == "<p>mine</p>", "\(rendered)")
    }

    @Test func theBundledThemeAloneIsLoadedOnce() throws {
        let bundled = try BundledTheme.folder()
        #expect(ThemeLayers(site: bundled, bundled: bundled).folders.count == 1)
        #expect(ThemeLayers(site: bundled.appending(path: "../site"), bundled: bundled).folders.count == 2)
    }

    @Test func aSitesTemplatesFolderIsUsedWithoutBeingNamedInTheConfig() throws {
        let site = try TemporaryFolder("paddock-override")
        defer { site.remove() }
        try site.write("title = \"A\"\nbase_url = \"https://a.example/\"\n", to: "paddock.toml")
        #expect(try SiteConfig.load(from: site.url.appending(path: "paddock.toml")).templatesFolder == nil)
        try site.write("{{! mine }}", to: "templates/partials/footer.mustache")
        let config = try SiteConfig.load(from: site.url.appending(path: "paddock.toml"))
        #expect(config.templatesFolder?.lastPathComponent == "templates")
    }
}
