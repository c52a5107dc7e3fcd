import Foundation
import PaddockTestSupport
import Logging
import PaddockDemo
import Testing
@testable import PaddockSite
@testable import PaddockPublish

@Suite struct SiteStarterTests {
    @Test func byDefaultTheStarterSiteCopiesNoThemeFileAndBuildsWithTheBundledTheme() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appending(path: "stable")
        let written = try SiteStarter.create(at: site)
        #expect(written.filter { $0.hasPrefix("templates/") } == ["templates/README.md"])
        var config = try SiteConfig.load(from: site.appending(path: "paddock.toml"))
        #expect(config.templatesFolder?.lastPathComponent == "templates")
        config.languages = ["en"]
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config),
                                  logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let sink = CollectedSite()
        _ = try await builder.render(refetch: false, into: sink)
        let paths = Set(sink.pages.map(\.path))
        #expect(paths.contains("en/horses/index.html"))
        #expect(paths.contains("assets/site.css"))
    }

    @Test func writesAStarterSiteWhoseConfigLoadsAndWhoseThemeIsACompleteCopy() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appending(path: "stable")
        let written = try SiteStarter.create(at: site, title: "Stal \"De Wei\"", copyTheme: true)
        #expect(written.contains("paddock.toml"))
        #expect(written.contains("pages/index.md"))
        let config = try SiteConfig.load(from: site.appending(path: "paddock.toml"))
        #expect(config.title == "Stal \"De Wei\"")
        #expect(config.templatesFolder?.path == site.appending(path: "templates").standardizedFileURL.path)
        #expect(config.sources.equicty != nil)
        #expect(config.sources.husbandry == nil)
        let markdown = try String(contentsOf: site.appending(path: "pages/index.md"), encoding: .utf8)
        #expect(markdown.contains("Stal \"De Wei\""))

        let theme = try BundledTheme.folder()
        let bundled = try SiteOutput.staticFiles(in: theme)
        let copied = try SiteOutput.staticFiles(in: site.appending(path: "templates"))
        #expect(!bundled.isEmpty)
        #expect(copied.map(\.path) == bundled.map(\.path))
        for (original, copy) in zip(bundled, copied) {
            #expect(FileManager.default.contentsEqual(atPath: original.source.path, andPath: copy.source.path), "\(copy.path)")
        }
        #expect(copied.contains { $0.path == "assets/equicty-logo.svg" })
    }

    @Test func refusesANonEmptyFolderAndTouchesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("mine", to: "notes.txt")
        #expect(throws: SiteStarterError.folderNotEmpty(folder.url.standardizedFileURL.path)) {
            try SiteStarter.create(at: folder.url)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notes.txt"])
    }

    @Test func acceptsAnExistingEmptyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try SiteStarter.create(at: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "paddock.toml").path))
    }

    @Test func bundledThemeCanBeOverriddenByTheEnvironment() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try BundledTheme.folder(environment: ["PADDOCK_THEME": folder.url.path]).path == folder.url.standardizedFileURL.path)
        #expect(throws: BundledThemeError.self) {
            _ = try SiteStarter.create(at: folder.url.appending(path: "x"), theme: folder.url.appending(path: "missing"), copyTheme: true)
        }
    }
}
