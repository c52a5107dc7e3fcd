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

    /// Loads a theme folder over the bundled default theme, file by file: a template (page,
    /// layout or partial), an asset or a translation key of `folder` replaces the bundled one of
    /// the same name; everything `folder` lacks comes from the bundled theme, so a site that
    /// changes one partial keeps receiving the rest of the theme's updates.
    /// - Parameter bundled: the theme underneath; `nil` is ``BundledTheme/folder(environment:)``
    ///   (none when it cannot be found). When `folder` is the bundled theme, it is loaded alone.
    /// - Throws: the engine's `TemplateSetError` (every broken template with line and column), or
    ///   ``SiteRenderError/themeUnreadable(path:reason:)``.
    package static func load(folder: URL, bundled: URL? = nil, strict: Bool = true) throws -> Theme {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteRenderError.themeUnreadable(path: folder.path, reason: "no such folder")
        }
        let layers = ThemeLayers(site: folder, bundled: bundled ?? (try? BundledTheme.folder()))
        var sources: [String: String] = [:]
        var translations = Translations(tables: [:])
        var assets: [String: [UInt8]] = [:]
        for layer in layers.folders {
            do { sources.merge(try TemplateSet.readTemplates(in: layer)) { _, over in over } }
            catch { throw SiteRenderError.themeUnreadable(path: layer.path, reason: "\(error)") }
            translations = try Translations.load(folder: layer.appending(path: "i18n")).overlaid(on: translations)
            assets.merge(try loadAssets(layer.appending(path: "assets"))) { _, over in over }
        }
        let templates = try TemplateSet(templates: sources, strict: strict)
        return Theme(templates: templates, translations: translations, assets: assets)
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
