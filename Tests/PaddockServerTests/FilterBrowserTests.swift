import Foundation
import PaddockTestSupport
import Testing

/// Real Chromium (Selenium with Debian's chromium-driver, installed by scripts/bootstrap) on the
/// demo site built by the real `paddock`: the listing filters (scripts/filter-check) and
/// axe-core's accessibility rules (scripts/axe-check). They skip only when Chromium is absent;
/// without the driver, Selenium or axe-core they fail, naming what scripts/bootstrap installs.
@Suite(.serialized) struct FilterBrowserTests {
    static let chromium = findExecutable("chromium")

    static func run(_ script: String, _ extra: [String] = []) async throws -> (ChildProcess.Exit, URL) {
        let python = try #require(pythonInterpreter, "python3 is needed (scripts/bootstrap)")
        #expect(findExecutable("chromedriver") != nil, "chromedriver is missing: run scripts/bootstrap (chromium-driver)")
        let selenium = try await ChildProcess.run(python, ["-c", "import selenium"], timeout: .seconds(60))
        #expect(selenium.succeeded, "python3 cannot import selenium: run scripts/bootstrap (python3-selenium)")
        let out = try TemporaryFolder("paddock-\(script)")
        let check = try ChildProcess(python, [BrowserCheckTests.packageRoot.appending(path: "scripts/\(script)").path,
                                              "--paddock", BrowserCheckTests.paddock.path, "--out", out.url.path] + extra,
                                     mergingErrorIntoOutput: true)
        // Each step waits a minute at most; fifteen minutes means it is stuck.
        return (try await check.waitForExit(timeout: .seconds(900)), out.url)
    }

    @Test(.enabled(if: chromium != nil))
    func filtersSearchSortURLStateNoLayoutShiftPrintAndQRWorkInChromium() async throws {
        let (exit, out) = try await Self.run("filter-check")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(exit.succeeded, "\(exit.stdoutText)")
        for line in ["ok: sex=mare&studbook=", "ok: the back button restores the previous filters", "ok: a shared URL shows the same results",
                     "ok: searching", "ok: youngest first", ":het shows", ":without shows", "ok: price, low to high",
                     "ok: without JavaScript the pre-rendered mares page", "ok: without JavaScript /en/horses/ shows no panel",
                     "ok: without the index the listing shows its filter links", "ok: the drawer is closed on a plain listing",
                     "ok: the drawer is open on a shared URL", "ok: the drawer is open on the mares page",
                     "ok: /en/horses/: cumulative layout shift", "ok: /en/for-sale/: cumulative layout shift",
                     "prints on one A4 page", "filter check passed"] {
            #expect(exit.stdoutText.contains(line), "missing: \(line)")
        }
        for name in ["filtered-listing.png", "print-sheet-horses.png", "print-sheet-for-sale.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: out.appending(path: name).path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name) missing or empty")
        }
    }

    @Test(.enabled(if: chromium != nil))
    func theDefaultThemeHasNoSeriousAxeViolationsNorTargetSizeOrContrastOnes() async throws {
        let (exit, out) = try await Self.run("axe-check")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(exit.succeeded, "\(exit.stdoutText)")
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appending(path: "axe-results.json"))) as? [String: Any]
        let pages = try #require(results?["pages"] as? [String: [String: Any]])
        #expect(pages.count >= 12)
        for (name, page) in pages {
            let violations = page["violations"] as? [[String: Any]] ?? []
            #expect(!violations.contains { ["serious", "critical"].contains($0["impact"] as? String) }, "\(name): \(violations)")
            #expect(!violations.contains { ["target-size", "color-contrast"].contains($0["id"] as? String) }, "\(name): \(violations)")
            let passes = page["passes"] as? [String] ?? []
            #expect(passes.contains("color-contrast"), "\(name): color contrast was not checked")
        }
    }
}
