import Foundation
import Logging
import PaddockCatalogue
import PaddockTemplate

/// The whole build of a site: catalogue → theme → plan → render → attribution check → publish.
///
/// ```swift
/// let builder = SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
/// let report = try await builder.buildHoldingLock(refetch: false, wait: true)
/// print(report)
/// ```
/// Every failure leaves the published site as it was (see ``Publisher``).
public struct SiteBuilder: Sendable {
    public let config: SiteConfig
    public let provider: any CatalogueProvider
    public let logger: Logger
    /// `false` in a process that exits right after one build (`paddock build`): the build's
    /// catalogue, plan, renderer and publish session are then kept until exit rather than freed
    /// object by object before ``build(refetch:)`` returns (see ``KeptUntilExit``). Leave it
    /// `true` wherever a process builds more than once.
    public var freesBuildStateOnReturn = true

    public init(config: SiteConfig, provider: any CatalogueProvider, logger: Logger) {
        self.config = config; self.provider = provider; self.logger = logger
    }

    /// The lock every build of this site takes (cron, webhook, preview).
    public var lockFile: URL { config.root.appending(path: ".paddock/build.lock") }

    /// The theme folder in use: the site's own or the bundled one.
    public func themeFolder() throws -> URL { try config.templatesFolder ?? BundledTheme.folder() }

    /// Takes the build lock, then builds.
    /// - Parameter wait: `false` throws ``SiteBuildError/busy(lock:)`` at once when another build runs.
    public func buildHoldingLock(refetch: Bool, wait: Bool) async throws -> SiteBuildReport {
        let lock = try await acquireLock(wait: wait)
        defer { lock.release() }
        return try await build(refetch: refetch)
    }

    /// Builds and publishes; the caller holds the build lock.
    ///
    /// Pages are rendered on every core and each one is checked for attribution and handed to a
    /// ``PublishSession`` as soon as it is ready (written at once when changed), so the site is
    /// never held in memory. `renderTime` covers rendering, checking and writing pages;
    /// `publishTime` the static files and the swap.
    public func build(refetch: Bool) async throws -> SiteBuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let folder = try themeFolder()
        let record = BuildRecordFile(config: config)
        // Nothing read has changed since the site was last published: nothing to decode, render or write.
        if let unread = provider.unreadSnapshot(refetch: refetch),
           let fingerprint = try? BuildFingerprint(config: config, supply: unread, themeFolder: folder),
           let files = record.currentFiles(fingerprint, output: config.outputFolder) {
            return upToDate(files: files, supply: unread, since: start, catalogueTime: .zero)
        }
        let supply: CatalogueSupply
        do { supply = try await provider.catalogues(refetch: refetch) }
        catch let error as SiteBuildError { throw error }
        catch { throw SiteBuildError.catalogue(underlying: error) }
        let fetched = clock.now
        var phaseStart = start
        func phase(_ name: String) {
            let now = clock.now
            logger.debug("build phase", metadata: ["build.phase": "\(name)", "build.seconds": "\(now - phaseStart)",
                                                   "build.resident": "\(ProcessMemory.residentDescription)"])
            phaseStart = now
        }
        phase("catalogue")

        // The same once read (a provider without snapshot files, or a fetch that changed nothing).
        let fingerprint = try? BuildFingerprint(config: config, supply: supply, themeFolder: folder)
        if let fingerprint, let files = record.currentFiles(fingerprint, output: config.outputFolder) {
            return upToDate(files: files, supply: supply, since: fetched, catalogueTime: fetched - start)
        }
        phase("fingerprint")
        let theme: Theme
        do { theme = try Theme.load(folder: folder) } catch { throw SiteBuildError.theme(folder: folder.path, underlying: error) }
        let pages: MarkdownPages
        do { pages = try MarkdownPages.load(folder: config.pagesFolder) }
        catch { throw SiteBuildError.pages(folder: config.pagesFolder.path, underlying: error) }
        phase("theme and pages")
        // The memo of sanitised pedigrees is read (megabytes) while the site is planned.
        async let loadedMemo = SanitizedHTMLMemo(file: HorseTelexMemo.file(config), version: SanitizedHTMLMemo.currentVersion)
        let plan = SitePlan(config: config, catalogues: supply.catalogues, markdownPages: pages.names)
        phase("plan")
        let staticFiles = try siteStaticFiles() + supply.staticFiles
        let memo = await loadedMemo
        var renderer = SiteRenderer(config: config, theme: theme, pages: pages,
                                    sanitizeHorseTelex: { memo.sanitized($0, by: HorseTelexSanitizer.sanitize) },
                                    localMediaPaths: supply.localMediaPaths, logger: logger)
        renderer.keepsEnvironmentUntilExit = !freesBuildStateOnReturn
        let attribution = try pageChecker(plan: plan, theme: theme, staticFiles: staticFiles)
        phase("renderer and checker")
        let session: PublishSession
        do { session = try Publisher(output: config.outputFolder, logger: logger).begin() }
        catch { throw SiteBuildError.publish(underlying: error) }
        do {
            try renderer.render(plan: plan) { page in
                attribution.check(page)
                do { try session.add(page) } catch { throw PublishStepError(underlying: error) }
            }
        } catch let error as PublishStepError {
            throw SiteBuildError.publish(underlying: error.underlying)
        } catch {
            throw SiteBuildError.render(underlying: error)
        }
        let renderedAt = clock.now
        phase("render, check and write pages")
        logger.debug("HorseTelex pedigrees sanitised", metadata: ["build.sanitised": "\(memo.misses)"])
        memo.save(keepingUnused: supply.isDemo)

        let summary: BuildSummary
        do {
            for file in staticFiles { try session.add(file) }
            do { try attribution.verify() } catch { throw SiteBuildError.attribution(underlying: error) }
            phase("static files")
            summary = try session.finish()
            phase("seal and swap")
        } catch let error as SiteBuildError {
            throw error
        } catch {
            throw SiteBuildError.publish(underlying: error)
        }
        if let fingerprint { record.record(fingerprint, files: session.addedCount, output: config.outputFolder) }
        let report = SiteBuildReport(publish: summary, files: session.addedCount, origin: supply.origin,
                                     warnings: supply.warnings + summary.warnings, catalogueTime: fetched - start,
                                     renderTime: renderedAt - fetched, publishTime: clock.now - renderedAt)
        logger.info("built", metadata: ["build.files": "\(report.files)", "build.written": "\(summary.written)",
                                        "build.origin": "\(supply.origin)"])
        if !freesBuildStateOnReturn {
            KeptUntilExit.keep((supply, plan, renderer, session, memo, attribution, theme, pages, staticFiles))
        }
        return report
    }

    /// The report of a build that found the published site up to date.
    private func upToDate(files: Int, supply: CatalogueSupply, since: ContinuousClock.Instant, catalogueTime: Duration) -> SiteBuildReport {
        let elapsed = ContinuousClock.now - since
        var report = SiteBuildReport(publish: BuildSummary(unchanged: files, duration: elapsed, swapped: false), files: files,
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

    /// A publish failure inside the render sink, told apart from a render failure.
    private struct PublishStepError: Error { let underlying: any Error }

    /// The site's own `static/` folder, copied as it is (absent is fine).
    private func siteStaticFiles() throws -> [StaticFile] {
        guard FileManager.default.fileExists(atPath: config.staticFolder.path) else { return [] }
        do { return try SiteOutput.staticFiles(in: config.staticFolder) }
        catch { throw SiteBuildError.publish(underlying: error) }
    }

    /// Polls the lock, so that a waiting build does not block a thread of the concurrency pool.
    private func acquireLock(wait: Bool) async throws -> BuildLock {
        while true {
            do {
                return try BuildLock.acquire(at: lockFile, wait: false)
            } catch BuildLockError.busy {
                guard wait else { throw SiteBuildError.busy(lock: lockFile.path) }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
