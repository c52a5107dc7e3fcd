import Foundation
import PaddockTemplate

/// A theme: compiled templates, UI strings and the assets copied into the site.
///
/// ```swift
/// let theme = try Theme.load(folder: config.templatesFolder ?? BundledTheme.folder())
/// ```
package struct Theme: Sendable {
    package var templates: TemplateSet
    package var translations: Translations
    /// Files copied as they are: site path (`assets/site.css`) → bytes.
    package var assets: [String: [UInt8]]

    package init(templates: TemplateSet, translations: Translations, assets: [String: [UInt8]] = [:]) {
        self.templates = templates; self.translations = translations; self.assets = assets
    }

    /// Loads a theme folder: `*.mustache` templates, `i18n/*.json`, and every file under `assets/`.
    /// Strings a custom theme lacks come from the bundled theme's `i18n/`.
    /// - Throws: the engine's `TemplateSetError` (every broken template with line and column), or
    ///   ``SiteRenderError/themeUnreadable(path:reason:)``.
    package static func load(folder: URL, strict: Bool = true) throws -> Theme {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteRenderError.themeUnreadable(path: folder.path, reason: "no such folder")
        }
        let templates = try TemplateSet.load(folder: folder, strict: strict)
        var translations = try Translations.load(folder: folder.appending(path: "i18n"))
        if let bundled = try? BundledTheme.folder(), bundled.standardizedFileURL.path != folder.standardizedFileURL.path,
           let base = try? Translations.load(folder: bundled.appending(path: "i18n")) {
            translations = translations.overlaid(on: base)
        }
        return Theme(templates: templates, translations: translations, assets: try loadAssets(folder.appending(path: "assets")))
    }

    static func loadAssets(_ folder: URL) throws -> [String: [UInt8]] {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var assets: [String: [UInt8]] = [:]
        let base = folder.standardizedFileURL.path
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.standardizedFileURL.path
            guard full.hasPrefix(base + "/"), !file.lastPathComponent.hasPrefix(".") else { continue }
            do { assets["assets/" + full.dropFirst(base.count + 1)] = Array(try Data(contentsOf: file)) } catch {
                throw SiteRenderError.themeUnreadable(path: full, reason: "\(error)")
            }
        }
        return assets
    }
}
