import Dispatch
import Foundation
import Logging
import PaddockCatalogue
import PaddockTemplate

/// Cleans the HorseTelex pedigree HTML of a horse: ``HorseTelexSanitizer/sanitize(_:)`` by default.
public typealias HorseTelexSanitizing = @Sendable (_ html: String) -> SanitizedHTML

/// Renders every page of a ``SitePlan`` with a ``Theme``, in parallel, into memory.
///
/// ```swift
/// let theme = try Theme.load(folder: config.templatesFolder ?? BundledTheme.folder())
/// let renderer = SiteRenderer(config: config, theme: theme, pages: try MarkdownPages.load(folder: config.pagesFolder))
/// let files = try renderer.render(plan: SitePlan(config: config, catalogues: catalogues))
/// ```
/// The result holds the HTML pages, the feeds, `sitemap.xml`, `robots.txt` and the theme's assets.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    public let pages: MarkdownPages
    /// Cleans HorseTelex pedigree HTML; `nil` never shows it (horses get the built-in pedigree).
    public let sanitizeHorseTelex: HorseTelexSanitizing?
    public let logger: Logger

    public init(config: SiteConfig, theme: Theme, pages: MarkdownPages, sanitizeHorseTelex: HorseTelexSanitizing? = { HorseTelexSanitizer.sanitize($0) },
                logger: Logger = Logger(label: "paddock.site", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.config = config; self.theme = theme; self.pages = pages
        self.sanitizeHorseTelex = sanitizeHorseTelex; self.logger = logger
    }

    /// Renders the whole site: one ``RenderedPage`` per planned page, then the theme's assets,
    /// in the plan's order.
    /// - Throws: ``SiteRenderError/renderFailed(page:template:underlying:)`` naming the page and
    ///   template of the first failure, or ``SiteRenderError/missingTemplate(name:page:)``.
    public func render(plan: SitePlan) throws -> [RenderedPage] {
        for page in plan.pages {
            if let name = page.kind.template, !theme.templates.contains(name) {
                throw SiteRenderError.missingTemplate(name: name, page: page.path)
            }
        }
        let environment = RenderEnvironment(plan: plan, theme: theme, pages: pages, sanitize: sanitizeHorseTelex)
        let planned = plan.pages
        let chunks = min(planned.count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = ParallelSlots<Result<[RenderedPage], any Error>>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (planned.count * chunk / chunks)..<(planned.count * (chunk + 1) / chunks)
            var out: [RenderedPage] = []
            out.reserveCapacity(range.count)
            do {
                for index in range { out.append(try environment.render(planned[index])) }
                results.set(chunk, .success(out))
            } catch {
                results.set(chunk, .failure(error))
            }
        }
        var rendered: [RenderedPage] = []
        rendered.reserveCapacity(planned.count + theme.assets.count)
        for result in results.take() {
            switch result {
            case .success(let pages): rendered += pages
            case .failure(let error): throw error
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) where plan.page(at: path) == nil {
            rendered.append(RenderedPage(path: path, bytes: bytes))
        }
        logger.debug("rendered site", metadata: ["site.pages": "\(rendered.count)"])
        return rendered
    }
}
