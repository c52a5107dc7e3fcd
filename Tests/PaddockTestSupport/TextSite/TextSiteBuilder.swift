import Foundation
import PaddockServer

/// A small but real site builder: renders text pages through one HTML layout with `{{name}}`
/// placeholders and publishes them by an atomic symlink swap. It stands in for the site builder
/// of `PaddockSite` in server tests that need to hold a build (``BuildGate``) or count builds.
///
/// A site folder holds:
/// - `templates/layout.html`: the layout, with `{{title}}`, `{{content}}` and `{{site}}`;
///   an unknown placeholder or an unclosed `{{` fails the build with file, line, column and line text;
/// - `pages/*.txt`: one page each (first line the title, the rest paragraphs), `index.txt` is the home page;
/// - `static/`: copied as is.
///
/// The published site is `public`, a symlink to a release folder under `.paddock/releases/`.
package struct TextSiteBuilder: SiteBuilding {
    /// Knobs for tests.
    package struct Options: Sendable {
        /// Time each build takes on top of its work (before publishing), to make builds slow.
        package var delay: Duration
        /// Awaited before publishing, so that a test can hold a build while it looks at the queue.
        package var gate: BuildGate?

        package init(delay: Duration = .zero, gate: BuildGate? = nil) {
            self.delay = delay
            self.gate = gate
        }
    }

    package let root: URL
    package let options: Options
    /// Counts of this builder's builds (started, finished, most at once).
    package let statistics = BuildStatistics()

    package init(root: URL, options: Options = .init()) {
        self.root = root.standardizedFileURL
        self.options = options
    }

    package var outputFolder: URL { root.appending(path: "public") }
    package var templatesFolder: URL { root.appending(path: "templates") }
    package var pagesFolder: URL { root.appending(path: "pages") }
    package var staticFolder: URL { root.appending(path: "static") }
    package var watchedInputs: [URL] { [templatesFolder, pagesFolder, staticFolder] }

    package func build(refetch: Bool) async throws -> BuildOutcome {
        await statistics.started()
        do {
            let outcome = try await buildOnce()
            await statistics.finished()
            return outcome
        } catch {
            await statistics.finished()
            throw error
        }
    }

    private func buildOnce() async throws -> BuildOutcome {
        let layoutURL = templatesFolder.appending(path: "layout.html")
        guard let layoutText = try? String(contentsOf: layoutURL, encoding: .utf8) else {
            throw TextSiteError.missingTemplate(path: "templates/layout.html")
        }
        let layout = try TextSiteLayout(source: layoutText, name: "templates/layout.html")
        let pages = try TextSitePage.load(folder: pagesFolder)
        let release = try makeReleaseFolder()
        var written = 0
        for page in pages {
            let html = layout.render(["title": page.title, "content": page.html(siblings: pages), "site": "Paddock test site"])
            try Self.write(html, to: release.appending(path: page.outputPath))
            written += 1
        }
        try Self.write(layout.render(["title": "Not found", "content": "<p>There is no such page.</p>", "site": "Paddock test site"]),
                       to: release.appending(path: "404.html"))
        try Self.copyStatic(from: staticFolder, to: release)
        if options.delay > .zero { try await Task.sleep(for: options.delay) }
        if let gate = options.gate { await gate.pass() }
        try Task.checkCancellation()
        try publish(release)
        return BuildOutcome(summary: "\(written + 1) pages written", pagesWritten: written + 1)
    }
}
