import Foundation
import PaddockMedia
import Logging
import PaddockCatalogue
import PaddockTemplate
import PaddockPublish
import PaddockHTML
import PaddockHistory

/// The whole build of a site: catalogue → theme → plan → render → attribution check → publish.
///
/// ```swift
/// let builder = SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
/// let report = try await builder.buildHoldingLock(refetch: false, wait: true)
/// print(report)
/// ```
/// Every failure leaves the published site as it was (see ``Publisher``).
package struct SiteBuilder: Sendable {
    package let config: SiteConfig
    package let provider: any CatalogueProvider
    package let logger: Logger
    /// `false` in a process that exits right after one build (`paddock build`): the build's
    /// catalogue, plan, renderer and publish session are then kept until exit rather than freed
    /// object by object before ``build(refetch:)`` returns (see ``KeptUntilExit``). Leave it
    /// `true` wherever a process builds more than once.
    package var freesBuildStateOnReturn = true
    /// Told of each phase of the build's publish (progress; tests that act in the middle of one).
    package var publishObserver: (@Sendable (PublishPhase) -> Void)?
    /// Threads that render pages (``SiteRenderer/workers``) and that write a publish's files
    /// (``Publisher/writerThreads``; 0 writes on the render threads). Benchmarks vary them.
    package var renderWorkers = ProcessInfo.processInfo.activeProcessorCount
    package var publishWriters = PublishWriter.defaultThreads
    /// Fail the build, publishing nothing, when a quality gate finds anything (``QualityGate``);
    /// otherwise its findings are warnings of the report (`paddock build --strict`).
    package var strict = false
    /// "Now" for the site's lifecycle (new badges, how long sold pages stay): tests pass any date.
    package var now: @Sendable () -> Date = { Date() }
    /// How long a build waits for another program's lock on the history database.
    package var historyBusyTimeout: Duration = .seconds(5)

    package init(config: SiteConfig, provider: any CatalogueProvider, logger: Logger) {
        self.config = config; self.provider = provider; self.logger = logger
    }

    /// The lock every build of this site takes (cron, webhook, preview).
    package var lockFile: URL { config.root.appending(path: ".paddock/build.lock") }

    /// The theme folder in use: the site's own or the bundled one.
    package func themeFolder() throws -> URL { try config.templatesFolder ?? BundledTheme.folder() }

    /// Takes the build lock, then builds.
    /// - Parameter wait: `false` throws ``SiteBuildError/busy(lock:)`` at once when another build runs.
    package func buildHoldingLock(refetch: Bool, wait: Bool) async throws -> SiteBuildReport {
        let lock = try await acquireLock(wait: wait)
        defer { lock.release() }
        return try await build(refetch: refetch)
    }

    /// Builds and publishes; the caller holds the build lock.
    ///
    /// Pages are rendered on every core and each one is checked for attribution and handed to a
    /// ``PublishSession`` as soon as it is ready (written at once when changed), so the site is
    /// never held in memory. `renderTime` covers rendering, checking and writing pages;
    /// `publishTime` the static files and the swap. Cancelling the task stops the build within a
    /// page per core and publishes nothing: the published site stays as it was.
    package func build(refetch: Bool) async throws -> SiteBuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let folder = try themeFolder()
        let record = BuildRecordFile(config: config)
        let now = self.now()
        let (history, stamp) = try await openHistory(now: now)
        // Nothing read has changed since the site was last published: nothing to decode, render or write.
        if let unread = provider.unreadSnapshot(refetch: refetch),
           let fingerprint = try? BuildFingerprint(config: config, supply: unread, themeFolder: folder, lifecycle: stamp),
           let files = record.currentFiles(fingerprint, output: config.outputFolder) {
            return upToDate(files: files, supply: unread, since: start, catalogueTime: .zero)
        }
        let supply = try await catalogues(refetch: refetch)
        let fetched = clock.now
        // The same once read (a provider without snapshot files, or a fetch that changed nothing).
        let fingerprint = try? BuildFingerprint(config: config, supply: supply, themeFolder: folder, lifecycle: stamp)
        if let fingerprint, let files = record.currentFiles(fingerprint, output: config.outputFolder) {
            return upToDate(files: files, supply: supply, since: fetched, catalogueTime: fetched - start)
        }
        try Task.checkCancellation()
        let catalogues = supply.catalogues, config = self.config
        let lifecycle = try await historyHop { try history.lifecycle(catalogues: catalogues, config: config, now: now) }
        let session: PublishSession
        do {
            session = try Publisher(output: config.outputFolder, writerThreads: publishWriters, logger: logger,
                                    observer: publishObserver).begin()
        }
        catch { throw SiteBuildError.publish(underlying: error) }
        let produced = try await produce(supply, themeFolder: folder, into: session, lifecycle: lifecycle)
        if strict && !produced.quality.isEmpty { throw SiteBuildError.quality(warnings: produced.quality) }
        let renderedAt = clock.now
        // The swap and the history's record of it in one transaction: both happen, or neither.
        let plan = produced.plan
        let summary = try await historyHop {
            try history.record(plan: plan, at: now) {
                do { return try session.finish() } catch { throw SiteBuildError.publish(underlying: error) }
            }
        }
        logger.debug("build phase", metadata: ["build.phase": "seal and swap", "build.seconds": "\(clock.now - renderedAt)"])
        // Recorded with the lifecycle as this build left it, so that the next build finds it unchanged.
        let recordedStamp = try? await historyHop { try history.stamp(config.lifecycle, now: now) }
        if fingerprint != nil, let recordedStamp,
           let recorded = try? BuildFingerprint(config: config, supply: supply, themeFolder: folder, lifecycle: recordedStamp) {
            record.record(recorded, files: session.addedCount, output: config.outputFolder)
        }
        var report = SiteBuildReport(publish: summary, files: session.addedCount, origin: supply.origin,
                                     warnings: supply.warnings + produced.warnings + produced.quality.map(\.description) + summary.warnings,
                                     catalogueTime: fetched - start,
                                     renderTime: renderedAt - fetched, publishTime: clock.now - renderedAt)
        report.pictures = produced.pictures
        logger.info("built", metadata: ["build.files": "\(report.files)", "build.written": "\(summary.written)",
                                        "build.origin": "\(supply.origin)"])
        if !freesBuildStateOnReturn { KeptUntilExit.keep((produced, session)) }
        return report
    }

    /// The same build into `sink` instead of the published site (tests, benchmarks): every page
    /// rendered and checked, the static files, the attribution verified; nothing published and
    /// the build record left alone. The caller need not hold the build lock.
    /// - Returns: the site plan the pages were rendered from.
    package func render(refetch: Bool, into sink: some SiteSink) async throws -> SitePlan {
        try await renderChecked(refetch: refetch, into: sink).plan
    }

    /// ``render(refetch:into:)`` with the quality gates' findings (``QualityGate``).
    package func renderChecked(refetch: Bool, into sink: some SiteSink) async throws -> (plan: SitePlan, quality: [QualityWarning]) {
        let supply = try await catalogues(refetch: refetch)
        let produced = try await produce(supply, themeFolder: try themeFolder(), into: sink)
        return (produced.plan, produced.quality)
    }

    private func catalogues(refetch: Bool) async throws -> CatalogueSupply {
        do { return try await provider.catalogues(refetch: refetch) }
        catch let error as SiteBuildError { throw error }
        catch is CancellationError { throw CancellationError() }
        catch { throw SiteBuildError.catalogue(underlying: error) }
    }

    /// What one build made and may keep until the process exits (``KeptUntilExit``).
    struct Produced {
        var plan: SitePlan
        var state: Any
        /// Pictures not shown, with the reason (the build's warnings).
        var warnings: [String] = []
        var quality: [QualityWarning] = []
        var pictures: (decoded: Int, reused: Int)? = nil
    }

    /// Theme, pages, plan, rendering with the attribution check, static files: everything a build
    /// does between the catalogue and the publish, into `sink`.
    private func produce(_ supply: CatalogueSupply, themeFolder folder: URL, into sink: some SiteSink,
                         lifecycle: SiteLifecycle? = nil) async throws -> Produced {
        let clock = ContinuousClock()
        var pictureWarnings: [String] = []
        var pictureWork: (decoded: Int, reused: Int)? = nil
        var phaseStart = clock.now
        func phase(_ name: String) {
            let now = clock.now
            logger.debug("build phase", metadata: ["build.phase": "\(name)", "build.seconds": "\(now - phaseStart)",
                                                   "build.resident": "\(ProcessMemory.residentDescription)"])
            phaseStart = now
        }
        let theme: Theme
        do { theme = try Theme.load(folder: folder) } catch { throw SiteBuildError.theme(folder: folder.path, underlying: error) }
        let pages: MarkdownPages
        do { pages = try MarkdownPages.load(folder: config.pagesFolder) }
        catch { throw SiteBuildError.pages(folder: config.pagesFolder.path, underlying: error) }
        phase("theme and pages")
        // The memo of sanitised pedigrees is read (megabytes) while the site is planned.
        async let loadedMemo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        var planned = SitePlan(config: config, catalogues: supply.catalogues, markdownPages: pages.names, lifecycle: lifecycle)
        phase("plan")
        var staticFiles = try siteStaticFiles() + supply.staticFiles
        if config.media.enabled {
            let media = try await MediaStage(settings: config.media, cache: config.sources.cacheFolder, threads: MediaThreads.shared, logger: logger)
                .run(PictureReferences.all(in: supply.catalogues, settings: config.media),
                     files: supply.pictureFiles ?? .mirrored(cache: config.sources.cacheFolder))
            planned.pictures = media.pictures
            staticFiles += media.staticFiles
            pictureWarnings = media.warnings
            pictureWork = (media.decoded, media.reused)
            phase("pictures")
        }
        let plan = planned
        let memo = await loadedMemo
        var renderer = SiteRenderer(config: config, theme: theme, pages: pages,
                                    sanitizeHorseTelex: { memo.sanitized($0, by: HorseTelexSanitizer.sanitize) },
                                    localMediaPaths: supply.localMediaPaths, logger: logger)
        renderer.keepsEnvironmentUntilExit = !freesBuildStateOnReturn
        renderer.workers = renderWorkers
        let attribution = try pageChecker(plan: plan, theme: theme, staticFiles: staticFiles)
        let quality = QualityGate(plan: plan)
        phase("renderer and checker")
        try Task.checkCancellation()
        let rendering = renderer
        do {
            try await RenderThreads.run(stop: StopFlag()) { stop in
                try rendering.render(plan: plan, stop: stop) { page in
                    attribution.check(page)
                    quality.inspect(page)
                    do { try sink.add(page) } catch { throw SinkError(underlying: error) }
                }
            }
        } catch let error as SinkError {
            throw SiteBuildError.publish(underlying: error.underlying)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SiteBuildError.render(underlying: error)
        }
        phase("render, check and write pages")
        logger.debug("HorseTelex pedigrees sanitised", metadata: ["build.sanitised": "\(memo.misses)"])
        memo.save(keepingUnused: supply.isDemo)
        for file in staticFiles { quality.record(path: file.path) }
        do { for file in staticFiles { try sink.add(file) } }
        catch { throw SiteBuildError.publish(underlying: error) }
        do { try attribution.verify() } catch { throw SiteBuildError.attribution(underlying: error) }
        phase("static files")
        let findings = quality.finish()
        phase("quality gates")
        return Produced(plan: plan, state: (supply, renderer, memo, attribution, theme, pages, staticFiles),
                        warnings: pictureWarnings, quality: findings, pictures: pictureWork)
    }

    /// The report of a build that found the published site up to date.
    private func upToDate(files: Int, supply: CatalogueSupply, since: ContinuousClock.Instant, catalogueTime: Duration) -> SiteBuildReport {
        let elapsed = ContinuousClock.now - since
        var report = SiteBuildReport(publish: PublishSummary(unchanged: files, duration: elapsed, swapped: false), files: files,
                                     origin: supply.origin, warnings: supply.warnings, catalogueTime: catalogueTime,
                                     renderTime: elapsed, publishTime: .zero)
        report.upToDate = true
        return report
    }

    /// The per-page attribution check, against the files pages link to that exist before rendering:
    /// the theme's assets (stylesheets, logos) and the static files.
    private func pageChecker(plan: SitePlan, theme: Theme, staticFiles: [StaticFile]) throws -> AttributionPageChecker {
        let checker = try AttributionChecker.bundled(baseURL: config.baseURL)
        let assets = theme.assets.compactMap { path, bytes in plan.page(at: path) == nil ? RenderedPage(path: path, bytes: bytes) : nil }
        return AttributionPageChecker(checker: checker, linkedFiles: SiteOutput(pages: assets, staticFiles: staticFiles),
                                      pageOrder: plan.pages.map(\.path))
    }

    /// A failure of the sink inside the render, told apart from a render failure.
    private struct SinkError: Error { let underlying: any Error }

    /// The site's own `static/` folder, copied as it is (absent is fine).
    private func siteStaticFiles() throws -> [StaticFile] {
        guard FileManager.default.fileExists(atPath: config.staticFolder.path) else { return [] }
        do { return try SiteOutput.staticFiles(in: config.staticFolder) }
        catch { throw SiteBuildError.publish(underlying: error) }
    }

    /// Opens the site's history and reads what of it changes with time alone (for the fingerprint).
    private func openHistory(now: Date) async throws -> (SiteHistory, String) {
        let config = self.config, timeout = historyBusyTimeout
        return try await historyHop {
            let history = try SiteHistory(config: config, busyTimeout: timeout)
            return (history, try history.stamp(config.lifecycle, now: now))
        }
    }

    /// Database work, off the cooperative pool through the build's hop; its errors become
    /// ``SiteBuildError/history(_:)``.
    private func historyHop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do { return try await RenderThreads.run(uncancellable: work) }
        catch let error as HistoryError { throw SiteBuildError.history(error) }
    }

    /// Takes the lock without blocking a thread of the concurrency pool.
    private func acquireLock(wait: Bool) async throws -> BuildLock {
        guard wait else {
            do { return try BuildLock.acquire(at: lockFile, wait: false) }
            catch BuildLockError.busy { throw SiteBuildError.busy(lock: lockFile.path) }
        }
        return try await BuildLock.acquire(at: lockFile, pollingEvery: .milliseconds(100))
    }
}
