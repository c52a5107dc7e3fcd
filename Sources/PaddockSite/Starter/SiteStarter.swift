import Foundation
import PaddockPublish

/// Writes a working starter site (`paddock init DIR`): a commented `paddock.toml`, `pages/index.md`
/// and a `templates/` folder whose files override the bundled theme one by one (``ThemeLayers``):
/// empty but for a note by default, so the site keeps receiving the theme's updates; a complete
/// copy of the theme with `copyTheme`.
package enum SiteStarter {
    /// Creates the starter site in `folder` (created when missing).
    /// - Parameters:
    ///   - title: the site title written into the config.
    ///   - theme: the theme to copy; `nil` copies the bundled one (``BundledTheme/folder(environment:)``).
    ///   - copyTheme: copy every file of the theme into `templates/` instead of leaving it empty.
    /// - Returns: the files and folders written, relative to `folder`, sorted.
    /// - Throws: ``SiteStarterError/folderNotEmpty(_:)`` when `folder` holds anything (nothing is
    ///   touched), ``BundledThemeError`` or ``SiteStarterError/cannotWrite(_:reason:)``.
    @discardableResult
    package static func create(at folder: URL, title: String = "My Stable", theme: URL? = nil, copyTheme: Bool = false) throws -> [String] {
        let manager = FileManager.default
        let folder = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteStarterError.notAFolder(folder.path) }
            let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else { throw SiteStarterError.folderNotEmpty(folder.path) }
        }
        let themeFolder = try theme ?? BundledTheme.folder()
        var themeIsFolder: ObjCBool = false
        guard manager.fileExists(atPath: themeFolder.path, isDirectory: &themeIsFolder), themeIsFolder.boolValue else {
            throw BundledThemeError.notFound(searched: [themeFolder.path])
        }
        let existed = manager.fileExists(atPath: folder.path)
        var written: [String] = []
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try StarterFiles.config(title: title).write(to: folder.appending(path: "paddock.toml"), atomically: true, encoding: .utf8)
            written.append("paddock.toml")
            try manager.createDirectory(at: folder.appending(path: "pages"), withIntermediateDirectories: true)
            try StarterFiles.homePage(title: title).write(to: folder.appending(path: "pages/index.md"), atomically: true, encoding: .utf8)
            written.append("pages/index.md")
            try manager.createDirectory(at: folder.appending(path: "static"), withIntermediateDirectories: true)
            written.append("static/")
            let templates = folder.appending(path: "templates")
            if copyTheme {
                try manager.copyItem(at: themeFolder.resolvingSymlinksInPath(), to: templates)
                let theme = try SiteOutput.staticFiles(in: templates, under: "templates")
                written.append(contentsOf: theme.map(\.path))
            } else {
                try manager.createDirectory(at: templates, withIntermediateDirectories: true)
                try StarterFiles.themeNote.write(to: templates.appending(path: "README.md"), atomically: true, encoding: .utf8)
                written.append("templates/README.md")
            }
            try StarterFiles.gitignore.write(to: folder.appending(path: ".gitignore"), atomically: true, encoding: .utf8)
            written.append(".gitignore")
        } catch {
            // Leave the folder as it was: remove what this call wrote.
            if existed {
                for item in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    try? manager.removeItem(at: folder.appending(path: item))
                }
            } else {
                try? manager.removeItem(at: folder)
            }
            throw SiteStarterError.cannotWrite(folder.path, reason: error.localizedDescription)
        }
        return written.sorted()
    }
}
