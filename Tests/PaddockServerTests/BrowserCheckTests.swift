import Foundation
import Testing

/// Runs `scripts/browser-check` (headless Chromium against `paddock serve`) when Chromium is installed:
/// on the demo site builder, and on a copy of the example site built by the real site builder.
@Suite struct BrowserCheckTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let paddock = packageRoot.appending(path: ".build/debug/paddock")

    @Test(.enabled(if: findExecutable("chromium") != nil && pythonInterpreter != nil
                   && FileManager.default.isExecutableFile(atPath: paddock.path)),
          arguments: [false, true])
    func previewReloadsInARealBrowserAfterATemplateEdit(realSite: Bool) async throws {
        let screenshots = try TemporaryFolder()
        defer { screenshots.remove() }
        let process = Process()
        process.executableURL = pythonInterpreter
        process.arguments = [Self.packageRoot.appending(path: "scripts/browser-check").path, "--paddock", Self.paddock.path, "--out", screenshots.url.path]
            + (realSite ? ["--real-site"] : [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read and wait on a thread of its own: blocking the concurrency pool would starve other tests' servers.
        let text: String = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: text)
            }
        }
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("reload after a template edit: ok"))
        for name in ["home.png", "horse.png", "horse-after-edit.png", "error-page.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: screenshots.url.appending(path: name).path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name) missing or empty")
        }
    }
}
