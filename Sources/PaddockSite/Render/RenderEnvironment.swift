import Foundation
import PaddockCatalogue
import PaddockTemplate
import PaddockPublish

/// Everything a page's context is made from, shared read-only by all render workers (by
/// reference: every page's frame holds it).
final class RenderEnvironment: Sendable {
    let plan: SitePlan
    let theme: Theme
    let pages: MarkdownPages
    let sanitize: HorseTelexSanitizing?
    let localMedia: LocalMediaLinks
    let languages: [String: LanguageData]
    let markdownTitles: [String: [String: String]]
    /// ``PageFrame/navigationTable(language:plan:data:markdownTitles:)`` of every language.
    let navigation: [String: [PageFrame.NavigationCurrent: TemplateValue]]
    /// The herd of every language (empty when the site has none).
    let herdData: [String: HerdData]

    init(plan: SitePlan, theme: Theme, pages: MarkdownPages, sanitize: HorseTelexSanitizing?,
         localMedia: LocalMediaLinks = LocalMediaLinks(baseURL: "", sitePaths: [])) {
        self.plan = plan; self.theme = theme; self.pages = pages; self.sanitize = sanitize; self.localMedia = localMedia
        let ordered = plan.languages
        let built = ParallelSlots<LanguageData>(count: ordered.count)
        DispatchQueue.concurrentPerform(iterations: ordered.count) { index in
            built.set(index, LanguageData(language: ordered[index], plan: plan, translations: theme.translations))
        }
        var languages: [String: LanguageData] = [:]
        for (index, data) in built.take().enumerated() { languages[ordered[index]] = data }
        self.languages = languages
        let photos = plan.hasHerd ? HerdPhotos(staticFolder: plan.config.staticFolder) : .none
        herdData = languages.mapValues { HerdData(plan: plan, data: $0, photos: photos) }
        var titles: [String: [String: String]] = [:]
        for name in plan.markdownSlugs.keys {
            for language in ordered {
                titles[name, default: [:]][language] =
                    pages.page(name, language: language, defaultLanguage: ordered[0])?.title ?? name
            }
        }
        markdownTitles = titles
        var navigation: [String: [PageFrame.NavigationCurrent: TemplateValue]] = [:]
        for (language, data) in languages {
            navigation[language] = PageFrame.navigationTable(language: language, plan: plan, data: data, markdownTitles: titles)
        }
        self.navigation = navigation
    }

    /// Renders one planned page.
    func render(_ page: PlannedPage) throws -> RenderedPage {
        var scratch: [UInt8] = []
        return try render(page, scratch: &scratch)
    }

    /// Renders one planned page, using `scratch` (one per worker, reused page after page) as the
    /// engine's output buffer, so it grows once instead of page after page.
    ///
    /// - Parameter lend: `false`: the page gets an exact-size copy (pages that are kept); `true`:
    ///   the page takes the buffer itself and `scratch` is left empty, for a caller that hands the
    ///   page on and takes the buffer back (`swap(&scratch, &page.bytes)`) before the next one.
    func render(_ page: PlannedPage, scratch: inout [UInt8], lend: Bool = false) throws -> RenderedPage {
        let data = languages[page.language]!
        let frame = PageFrame(page: page, environment: self, data: data)
        switch page.kind {
        case .sitemap:
            return RenderedPage(path: page.path, bytes: Array(Sitemap.xml(plan: plan).utf8))
        case .robots:
            return RenderedPage(path: page.path, bytes: Array(Sitemap.robots(plan: plan).utf8))
        case .feed:
            return RenderedPage(path: page.path, bytes: Array(AtomFeed.xml(page: page, plan: plan, data: data).utf8))
        case .redirectsFile:
            return RenderedPage(path: page.path, bytes: Array(RedirectMaps.netlify(plan: plan).utf8))
        case .nginxRedirectMap:
            return RenderedPage(path: page.path, bytes: Array(RedirectMaps.nginx(plan: plan).utf8))
        default:
            let built = context(for: page, frame: frame, data: data)
            let template = page.kind.template!
            do {
                scratch.removeAll(keepingCapacity: true)
                try theme.templates.render(template, built.value, into: &scratch)
                var bytes: [UInt8]
                if lend {
                    bytes = scratch
                    scratch = []
                } else {
                    bytes = scratch.exactSizeCopy()
                }
                if !localMedia.isEmpty { bytes = localMedia.relativize(bytes, rootPrefix: page.rootPrefix) }
                return RenderedPage(path: page.path, bytes: bytes, template: template,
                                    showsEquictyData: built.equicty, showsHorseTelexData: built.horsetelex)
            } catch {
                throw SiteRenderError.renderFailed(page: page.path, template: template, underlying: error)
            }
        }
    }

    /// The filter indexes of every language (``FilterIndex``).
    func filterIndexes() -> [RenderedPage] {
        plan.languages.flatMap { language in
            languages[language].map { FilterIndex(data: $0, plan: plan, localMedia: localMedia).pages() } ?? []
        }
    }
}
