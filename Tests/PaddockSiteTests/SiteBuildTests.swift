import Foundation
import Logging
import PaddockDemo
import PaddockSandbox
import PaddockSources
import PaddockTemplate
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// Whole builds: the real fetcher against the sandbox over loopback (or the demo data), the real
/// theme, the attribution check and the publisher, into temporary folders read back from disk.
@Suite struct SiteBuildTests {
    static let logger = Logger(label: "test.build", factory: { _ in SwiftLogNoOpLogHandler() })

    private func sandboxBuilder(_ site: TemporarySite, _ sandbox: SandboxServer, templates: URL? = nil) -> SiteBuilder {
        let sources = SourcesConfiguration(
            equicty: EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL),
            husbandry: HusbandrySourceConfiguration(version: .v1, baseURL: sandbox.husbandryV1BaseURL),
            languages: ["en", "de"], cacheFolder: site.root.appending(path: ".paddock/cache"))
        let config = site.config(sources: sources, templates: templates)
        let credentials = Credentials(equictyAPIKey: sandbox.options.equictyAPIKey, husbandryUserKeys: sandbox.husbandryUserKeys)
        let fetcher = CatalogueFetcher(configuration: sources, credentials: credentials, logger: Self.logger)
        return SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: Self.logger)
    }

    @Test func buildsAWholeSiteFromTheSandboxWithEveryLinkResolvingOnDisk() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let builder = sandboxBuilder(site, sandbox)
            let report = try await builder.buildHoldingLock(refetch: true, wait: true)
            #expect(report.publish.written == report.files)
            let built = try BuiltSite(output: builder.config.outputFolder)
            #expect(built.files.count == report.files)
            #expect(built.htmlPaths.count > 60)
            for path in built.htmlPaths {
                #expect(ParsedHTML(built.files[path]!).parsed, "\(path) does not parse")
            }
            #expect(built.brokenReferences(baseURL: builder.config.baseURL).isEmpty)
            for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "en/index.html", "de/horses/index.html", "en/for-sale/index.html", "en/feed.xml"] {
                #expect(built.files[path] != nil, "missing \(path)")
            }
            // Names from the sandbox's German fetch reach the German tree.
            let german = try #require(built.text("de/horses/index.html"))
            #expect(german.contains("lang=\"de\""))
        }
    }

    @Test func rebuildWithNothingChangedWritesNoFileAndSwapsNothing() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let builder = sandboxBuilder(site, sandbox)
            _ = try await builder.buildHoldingLock(refetch: true, wait: true)
            let release = try FileManager.default.destinationOfSymbolicLink(atPath: builder.config.outputFolder.path)
            let again = try await builder.buildHoldingLock(refetch: false, wait: true)
            #expect(again.publish.written == 0)
            #expect(again.publish.removed == 0)
            #expect(again.publish.unchanged == again.files)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: builder.config.outputFolder.path) == release)
            #expect(again.upToDate)

            // A catalogue that changed in the cache (a renamed horse) is rendered again.
            let snapshot = builder.config.sources.cacheFolder.appending(path: "catalogue-en.json")
            let text = try String(contentsOf: snapshot, encoding: .utf8)
            let renamed = try #require(text.range(of: "\"name\":\"")).upperBound
            try Data((text[..<renamed] + "Renamed " + text[renamed...]).utf8).write(to: snapshot)
            let changed = try await builder.buildHoldingLock(refetch: false, wait: true)
            #expect(!changed.upToDate)
            #expect(changed.publish.written > 0)
        }
    }

    @Test func rebuildRendersAgainOnlyWhenSomethingItReadsChanged() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try site.write("pages/index.md", "# Welcome\n\nOur horses.\n")
        let config = site.config()
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let first = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(!first.upToDate)
        let second = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(second.upToDate)
        #expect(second.publish.written == 0 && second.files == first.files)

        try site.write("pages/index.md", "# Welcome\n\nOur horses and ponies.\n")
        let edited = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(!edited.upToDate)
        #expect(edited.publish.written >= 2)   // the English and German home pages
        let home = try #require(try BuiltSite(output: config.outputFolder).text("en/index.html"))
        #expect(home.contains("Our horses and ponies."))

        // A different catalogue (other horses) renders again too; the horses that left keep their
        // pages, marked sold (docs/history.md).
        let smaller = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 12), logger: Self.logger)
        let rebuilt = try await smaller.buildHoldingLock(refetch: false, wait: true)
        #expect(!rebuilt.upToDate)
        #expect(rebuilt.publish.written > 0)
        let built = try BuiltSite(output: config.outputFolder)
        let soldPages = built.htmlPaths.filter { $0.hasPrefix("en/horses/") && (built.text($0) ?? "").contains("sold-notice") }
        #expect(soldPages.count == 30, "the 30 demo horses left the catalogue")
        #expect(!(built.text("sitemap.xml") ?? "").contains(String(try #require(soldPages.first).dropLast("index.html".count))))
    }

    @Test func hostileCatalogueBuildsIntoASafeSite() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.includeHostile = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            let builder = sandboxBuilder(site, sandbox)
            _ = try await builder.buildHoldingLock(refetch: true, wait: true)
            let built = try BuiltSite(output: builder.config.outputFolder)
            #expect(built.brokenReferences(baseURL: builder.config.baseURL).isEmpty)
            for path in built.files.keys {
                #expect(!path.contains(".."), "\(path)")
                #expect(path.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII path \(path)")
            }
            for path in built.htmlPaths {
                let page = ParsedHTML(built.files[path]!)
                #expect(page.parsed, "\(path)")
                for element in page.elements {
                    #expect(element.isThemeFilterPanel || (element.name != "iframe" && element.name != "form" && element.name != "object"),
                            "\(path) carries <\(element.name)>")
                    for (name, value) in element.attributes {
                        #expect(!name.lowercased().hasPrefix("on"), "\(path) carries the event handler \(name) on <\(element.name)>")
                        if ["href", "src", "action", "formaction"].contains(name) {
                            #expect(!value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:"), "\(path): \(value)")
                        }
                    }
                }
                // Scripts are the theme's own file and JSON-LD, whose text cannot close its element.
                for script in page.all("script") {
                    #expect(script.attributes["type"] == "application/ld+json" || script.attributes["src"] != nil, "\(path)")
                    #expect(!script.text.contains("</"), "\(path)")
                }
            }
            // The sandbox's hostile names show up as text.
            #expect(built.htmlPaths.contains { built.text($0)!.contains("&lt;script&gt;alert(1)&lt;/script&gt;") })
        }
    }

    @Test func brokenThemeFailsNamingFileLineAndColumnAndLeavesThePublishedSite() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let good = sandboxBuilder(site, sandbox)
            _ = try await good.buildHoldingLock(refetch: true, wait: true)
            let before = try BuiltSite(output: good.config.outputFolder)

            let theme = site.root.appending(path: "theme")
            try FileManager.default.copyItem(at: try BundledTheme.folder(), to: theme)
            try Data("<main>\n  {{#horses}}<li>{{name}}</li>\n</main>\n".utf8).write(to: theme.appending(path: "horses.mustache"))
            let broken = sandboxBuilder(site, sandbox, templates: theme)
            do {
                _ = try await broken.buildHoldingLock(refetch: false, wait: true)
                Issue.record("a broken theme built")
            } catch let error as SiteBuildError {
                #expect("\(error)".contains("horses:2:3: unclosed section 'horses'"), "\(error)")
            }
            let after = try BuiltSite(output: good.config.outputFolder)
            #expect(after.files == before.files)
        }
    }

    @Test func themeThatHidesTheAttributionFailsTheBuildNamingTheTemplate() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let theme = site.root.appending(path: "theme")
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try BundledTheme.folder(), to: theme)
        let css = theme.appending(path: "assets/site.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n.paddock-attribution { display: none }\n").utf8).write(to: css)
        let config = site.config(templates: theme)
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        do {
            _ = try await builder.buildHoldingLock(refetch: false, wait: true)
            Issue.record("a theme hiding the attribution built")
        } catch SiteBuildError.attribution(let underlying) {
            #expect("\(underlying)".contains("template horse") || "\(underlying)".contains("horse"), "\(underlying)")
        }
        #expect(!FileManager.default.fileExists(atPath: config.outputFolder.path))
    }

    @Test func demoDataBuildsOfflineWithItsPicturesLinkedRelatively() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config(languages: ["en", "fr", "de", "nl"])
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let report = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(report.origin == "bundled demo data")
        let built = try BuiltSite(output: config.outputFolder)
        #expect(built.brokenReferences(baseURL: config.baseURL).isEmpty)
        #expect(built.files.keys.contains { $0.hasPrefix("media/demo/horses/") })
        let home = try #require(built.text("en/index.html"))
        #expect(home.contains("src=\"../media/demo/"))
        #expect(!home.contains("src=\"https://stal-devries.example/media/"))
    }

    @Test func aSecondBuildThatMayNotWaitReportsTheBusyLock() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        let builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let held = try BuildLock.acquire(at: builder.lockFile, wait: false)
        await #expect(throws: SiteBuildError.self) { try await builder.buildHoldingLock(refetch: false, wait: false) }
        held.release()
        _ = try await builder.buildHoldingLock(refetch: false, wait: false)
    }

    @Test func itemsThatFailWithoutACachedCopyStopTheBuildBeforePublishing() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(500), pathContains: "/public/web/horses/1")]
        try await SandboxServer.withRunning(options: options) { sandbox in
            let builder = sandboxBuilder(site, sandbox)
            do {
                _ = try await builder.buildHoldingLock(refetch: true, wait: true)
                Issue.record("an incomplete fetch was published")
            } catch let error as SiteBuildError {
                #expect("\(error)".contains("could not be fetched"), "\(error)")
            }
            #expect(!FileManager.default.fileExists(atPath: builder.config.outputFolder.path))
        }
    }

    /// A one-shot process (`paddock build`) keeps the build's state until exit; a builder left as
    /// it is frees it, so `serve` and `webhook` do not grow from build to build. The two builds
    /// run one after the other and no other test sets the flag, so the count is this test's own.
    @Test func onlyABuilderToldSoKeepsItsStateUntilExit() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        let config = site.config()
        var builder = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config), logger: Self.logger)
        let before = KeptUntilExit.count
        _ = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(KeptUntilExit.count == before)

        try site.write("pages/index.md", "# Changed\n")   // so that the second build renders again
        builder.freesBuildStateOnReturn = false
        let report = try await builder.buildHoldingLock(refetch: false, wait: true)
        #expect(!report.upToDate)
        // The page environment (kept by the renderer) and the builder's own state.
        #expect(KeptUntilExit.count == before + 2)
    }
}
