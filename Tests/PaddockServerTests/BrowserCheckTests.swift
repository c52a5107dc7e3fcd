import Foundation
import PaddockTestSupport
import Testing

/// Runs `scripts/browser-check` (headless Chromium through Selenium and chromium-driver against
/// `paddock serve` on a copy of the example site, built by the real site builder) when Chromium
/// is installed; without the driver or Selenium it fails, naming what scripts/bootstrap installs.
@Suite struct BrowserCheckTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let paddock = packageRoot.appending(path: ".build/debug/paddock")

    @Test(.enabled(if: findExecutable("chromium") != nil && pythonInterpreter != nil
                   && FileManager.default.isExecutableFile(atPath: paddock.path)))
    func previewReloadsInARealBrowserAfterATemplateEdit() async throws {
        let screenshots = try TemporaryFolder("paddock-browser-check")
        defer { screenshots.remove() }
        #expect(findExecutable("chromedriver") != nil, "chromedriver is missing: run scripts/bootstrap (chromium-driver)")
        let check = try ChildProcess(
            try #require(pythonInterpreter),
            [Self.packageRoot.appending(path: "scripts/browser-check").path, "--paddock", Self.paddock.path, "--out", screenshots.url.path],
            mergingErrorIntoOutput: true)
        // The script gives each of its own steps a minute or two; ten minutes means it is stuck.
        let exit = try await check.waitForExit(timeout: .seconds(600))
        #expect(exit.succeeded, "\(exit.stdoutText)")
        #expect(exit.stdoutText.contains("reload after a template edit: ok"))
        for name in ["home.png", "horse.png", "horse-after-edit.png", "error-page.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: screenshots.url.appending(path: name).path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name) missing or empty")
        }
    }
}
