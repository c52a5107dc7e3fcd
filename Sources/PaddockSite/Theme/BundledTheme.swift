import Foundation

/// Finds the default theme that ships with Paddock (the repository's `templates/` folder).
///
/// SwiftPM cannot bundle a folder outside a target as a resource, and copies symlinked resources
/// as links, so the theme stays at the repository root and is found at run time, in this order:
/// 1. `$PADDOCK_THEME` (a folder),
/// 2. `share/paddock/templates` beside the executable's `bin/` (an installed Paddock),
/// 3. `paddock-templates` next to the executable (a copied binary),
/// 4. the repository the binary was built from (`swift run`, `swift test`).
package enum BundledTheme {
    /// The folder of the bundled theme.
    /// - Throws: ``BundledThemeError/notFound(searched:)`` listing every place looked in.
    package static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let candidates = candidates(environment: environment)
        let manager = FileManager.default
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.standardizedFileURL
            }
        }
        throw BundledThemeError.notFound(searched: candidates.map(\.path))
    }

    static func candidates(environment: [String: String]) -> [URL] {
        var list: [URL] = []
        if let override = environment["PADDOCK_THEME"], !override.isEmpty { list.append(URL(filePath: override)) }
        // The running executable's folder: Bundle.main knows the file even when the command was
        // found through PATH (then `CommandLine.arguments[0]` is only "paddock").
        let executable = (Bundle.main.executableURL ?? URL(filePath: CommandLine.arguments.first ?? ""))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        list.append(executable.deletingLastPathComponent().appending(path: "share/paddock/templates"))
        list.append(executable.appending(path: "paddock-templates"))
        // Sources/PaddockSite/Theme/BundledTheme.swift → the repository root.
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        list.append(repository.appending(path: "templates"))
        return list
    }
}
