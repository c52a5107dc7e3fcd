import Foundation
import Logging
import PaddockSite

/// The build as `SiteBuilder.build` did it before streaming: render the whole site into memory,
/// check attribution over the whole `SiteOutput`, then publish it in one step. Kept here to
/// measure the difference (`--in-memory`).
struct InMemoryBuild {
    let config: SiteConfig
    let provider: any CatalogueProvider
    let logger: Logger

    func build() async throws -> BuildSummary {
        let supply = try await provider.catalogues(refetch: false)
        let folder = try config.templatesFolder ?? BundledTheme.folder()
        let theme = try Theme.load(folder: folder)
        let pages = try MarkdownPages.load(folder: config.pagesFolder)
        let plan = SitePlan(config: config, catalogues: supply.catalogues, markdownPages: pages.names)
        let rendered = try SiteRenderer(config: config, theme: theme, pages: pages, localMediaPaths: supply.localMediaPaths,
                                        logger: logger).render(plan: plan)
        let staticFiles = try SiteOutput.staticFiles(in: config.staticFolder) + supply.staticFiles
        let checker = try AttributionChecker.bundled(baseURL: config.baseURL)
        let site = SiteOutput(pages: rendered, staticFiles: staticFiles)
        return try Publisher(output: config.outputFolder, logger: logger).publish(site) { try checker.check($0) }
    }
}
