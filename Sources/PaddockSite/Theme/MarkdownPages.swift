import Foundation
import Ink

/// The site's own Markdown pages (`pages/index.md`, `pages/index.de.md`, `pages/about.md`),
/// rendered once with Ink.
///
/// `name.lang.md` is the version of `name` for `lang`; `name.md` serves every language that has
/// none. The HTML is the site owner's own and is inserted as it is.
package struct MarkdownPages: Sendable {
    /// One rendered Markdown file.
    package struct Page: Sendable, Equatable {
        /// The first top-level heading or the `title` metadata.
        package var title: String?
        /// The `description` metadata.
        package var description: String?
        package var html: String
    }

    /// Pages by base name, then language (`""` for the file without a language).
    private var pages: [String: [String: Page]]

    /// Renders `sources`: file names without `.md` (`index`, `index.de`) → Markdown text.
    package init(sources: [String: String]) {
        let parser = MarkdownParser()
        var pages: [String: [String: Page]] = [:]
        for (file, text) in sources {
            let (name, language) = Self.split(file)
            let markdown = parser.parse(text)
            pages[name, default: [:]][language] = Page(
                title: markdown.metadata["title"] ?? markdown.title, description: markdown.metadata["description"],
                html: markdown.html)
        }
        self.pages = pages
    }

    /// Base names of all pages, sorted (`about`, `index`).
    package var names: [String] { pages.keys.sorted() }

    /// The page `name` for `language`: its own version, else the plain file, else the default language's.
    package func page(_ name: String, language: String, defaultLanguage: String) -> Page? {
        guard let versions = pages[name] else { return nil }
        return versions[language] ?? versions[""] ?? versions[defaultLanguage] ?? versions.sorted { $0.key < $1.key }.first?.value
    }

    static let languageSuffixes: Set<String> = ["en", "fr", "de", "nl"]

    static func split(_ file: String) -> (name: String, language: String) {
        guard let dot = file.lastIndex(of: ".") else { return (file, "") }
        let suffix = String(file[file.index(after: dot)...]).lowercased()
        guard languageSuffixes.contains(suffix) else { return (file, "") }
        return (String(file[..<dot]), suffix)
    }
}

extension MarkdownPages {
    /// Reads every `*.md` directly in `folder`; a missing folder gives no pages.
    package static func load(folder: URL) throws -> MarkdownPages {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return MarkdownPages(sources: [:])
        }
        var sources: [String: String] = [:]
        for name in names where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let file = folder.appending(path: name)
            do { sources[String(name.dropLast(3))] = try String(contentsOf: file, encoding: .utf8) } catch {
                throw SiteRenderError.pageUnreadable(path: file.path, reason: "\(error)")
            }
        }
        return MarkdownPages(sources: sources)
    }
}
