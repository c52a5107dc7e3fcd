import Foundation

/// Screenshots of built pages in headless Chromium, and the colours in them (`scripts/png-colors`).
/// Tests that use it are enabled only where Chromium is installed (`scripts/bootstrap` installs it).
enum Screenshot {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let chromium: URL? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(executable).first

    /// A real Python interpreter (not a pyenv shim).
    static let python: URL? = ["/usr/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        .map { URL(fileURLWithPath: $0) } ?? executable("python3")

    static var isAvailable: Bool { chromium != nil && python != nil }

    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appending(path: name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Saves a screenshot of the file `page` as `png`, `width` × `height` CSS pixels at scale 1.
    /// Chromium resolves no host name (nothing leaves the machine).
    static func take(_ page: URL, to png: URL, width: Int = 1000, height: Int = 3000) async throws {
        let profile = png.deletingLastPathComponent().appending(path: "chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try await run(chromium!, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
            "--screenshot=\(png.path)", page.absoluteString,
        ])
        guard FileManager.default.fileExists(atPath: png.path) else { throw ScreenshotError(message: "chromium saved no screenshot: \(result.output)") }
    }

    /// How many pixels of `png` have each colour (six hex digits), each channel within `tolerance`.
    static func count(_ colors: [String], in png: URL, tolerance: Int = 0) async throws -> [String: Int] {
        let result = try await run(python!, [packageRoot.appending(path: "scripts/png-colors").path, png.path] + colors + ["--tolerance", "\(tolerance)"])
        guard result.status == 0 else { throw ScreenshotError(message: "png-colors failed: \(result.output)") }
        var counts: [String: Int] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let count = Int(parts[1]) { counts[String(parts[0])] = count }
        }
        return counts
    }

    /// Runs a program on a thread of its own (a blocking wait would starve the concurrency pool).
    static func run(_ executable: URL, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, text))
            }
        }
    }
}

struct ScreenshotError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
