import Dispatch
import Foundation
import Logging
import PaddockCatalogue
import PaddockTemplate
import PaddockPublish
import PaddockHTML

/// Cleans the HorseTelex pedigree HTML of a horse: ``HorseTelexSanitizer/sanitize(_:)`` by default.
package typealias HorseTelexSanitizing = @Sendable (_ html: String) -> SanitizedHTML

/// Renders every page of a ``SitePlan`` with a ``Theme`` on every core, handing each to a sink as
/// it is ready: the HTML pages, the feeds, `sitemap.xml`, `robots.txt` and the theme's assets.
/// ``SiteBuilder`` drives it (off the cooperative pool, see ``RenderThreads``).
package struct SiteRenderer: Sendable {
    package let config: SiteConfig
    package let theme: Theme
    package let pages: MarkdownPages
    /// Cleans HorseTelex pedigree HTML; `nil` never shows it (horses get the built-in pedigree).
    package let sanitizeHorseTelex: HorseTelexSanitizing?
    /// Site folders (`media/demo/`) whose files the catalogue links to by absolute URL below the
    /// base URL; such links are made relative to each page (see `LocalMediaLinks`).
    package let localMediaPaths: [String]
    package let logger: Logger
    /// `true` in a process that exits right after rendering once: ``render(plan:stop:to:)`` then
    /// keeps its page environment until exit instead of freeing it (see ``KeptUntilExit``).
    var keepsEnvironmentUntilExit = false
    /// Threads that render pages: one per core. They do no file-system work (a publish writes on
    /// threads of its own, ``PublishWriter``), so one per core keeps every core busy.
    package var workers = ProcessInfo.processInfo.activeProcessorCount

    package init(config: SiteConfig, theme: Theme, pages: MarkdownPages, sanitizeHorseTelex: HorseTelexSanitizing? = { HorseTelexSanitizer.sanitize($0) },
                localMediaPaths: [String] = [],
                logger: Logger = Logger(label: "paddock.site", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.config = config; self.theme = theme; self.pages = pages
        self.sanitizeHorseTelex = sanitizeHorseTelex; self.localMediaPaths = localMediaPaths; self.logger = logger
    }

    /// Renders the whole site and hands every file to `sink` as soon as it is ready, keeping none:
    /// for writing thousands of pages without holding them all in memory.
    ///
    /// `sink` is called from several threads at once, in no particular order; the first error
    /// (of the renderer or of `sink`) stops every worker at its next page and is rethrown. Raising
    /// `stop` (a cancelled build) stops them too, and the theme's assets are then not handed on.
    package func render(plan: SitePlan, stop: StopFlag = StopFlag(), to sink: @Sendable (RenderedPage) throws -> Void) throws {
        let environment = try prepare(plan)
        let planned = plan.pages
        let chunks = Self.chunkCount(planned.count)
        // The sitemap, which lists the whole site, goes first, on one worker, while the others
        // start on the chunks: rendered last, it would keep one core busy after the others are done.
        let whole = planned.indices.filter { planned[$0].kind.listsWholeSite }
        let results = ParallelSlots<Result<Void, any Error>>(count: chunks + 1)
        let failed = StopFlag()
        ParallelWork.run(iterations: chunks + 1, workers: workers) { iteration in
            let indices: [Int]
            if iteration == 0 {
                indices = whole
            } else {
                indices = Self.range(Self.spread(iteration - 1, of: chunks), of: chunks, count: planned.count).filter { !planned[$0].kind.listsWholeSite }
            }
            var scratch: [UInt8] = []
            do {
                for index in indices where !failed.isSet && !stop.isSet {
                    // The page is handed on in the worker's buffer, which comes back for the next
                    // page once `sink` is done with it (no copy of each page).
                    var page = try environment.render(planned[index], scratch: &scratch, lend: true)
                    try sink(page)
                    swap(&scratch, &page.bytes)
                }
                results.set(iteration, .success(()))
            } catch {
                failed.set()
                results.set(iteration, .failure(error))
            }
        }
        // The filter indexes are made from the same cards, before the environment goes.
        let indexes = failed.isSet || stop.isSet ? [] : environment.filterIndexes()
        // The environment holds every page context's parts (tens of megabytes for a large site):
        // it is freed on another thread, while the caller goes on to seal and publish, or not at
        // all by a process about to exit.
        if keepsEnvironmentUntilExit {
            KeptUntilExit.keep(environment)
        } else {
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(environment) {} }
        }
        for case .failure(let error) in results.take() { throw error }
        if stop.isSet { return }
        for page in assetPages(plan) + indexes { try sink(page) }
    }

    private func prepare(_ plan: SitePlan) throws -> RenderEnvironment {
        for page in plan.pages {
            if let name = page.kind.template, !theme.templates.contains(name) {
                throw SiteRenderError.missingTemplate(name: name, page: page.path)
            }
        }
        return RenderEnvironment(plan: plan, theme: theme, pages: pages, sanitize: sanitizeHorseTelex,
                                 localMedia: LocalMediaLinks(baseURL: config.baseURL, sitePaths: localMediaPaths))
    }

    private func assetPages(_ plan: SitePlan) -> [RenderedPage] {
        theme.assets.sorted(by: { $0.key < $1.key }).compactMap { path, bytes in
            plan.page(at: path) == nil ? RenderedPage(path: path, bytes: bytes) : nil
        }
    }

    /// Many chunks per core (64: about 170 pages each for 21,000 pages on two cores), so that the
    /// last chunks end close together and no core idles at the end.
    static func chunkCount(_ pages: Int) -> Int {
        min(pages, max(1, ProcessInfo.processInfo.activeProcessorCount * 64))
    }

    /// The chunk the `iteration`-th worker takes: workers that run at the same time take chunks
    /// far apart in the plan (0, 4, 1, 5, …), so they write into different folders instead of
    /// queueing on one folder's lock in the kernel (horse pages all live in `horses/`).
    static func spread(_ iteration: Int, of chunks: Int) -> Int {
        let half = (chunks + 1) / 2
        return iteration % 2 == 0 ? iteration / 2 : half + iteration / 2
    }

    static func range(_ chunk: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
    }
}
