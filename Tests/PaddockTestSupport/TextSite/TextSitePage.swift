import Foundation

/// One page of a text site: `pages/NAME.txt`, first line the title, then paragraphs.
struct TextSitePage: Sendable {
    var slug: String
    var title: String
    var paragraphs: [String]

    /// `index.html` for the home page, `SLUG/index.html` for the others.
    var outputPath: String { slug == "index" ? "index.html" : "\(slug)/index.html" }
    var link: String { slug == "index" ? "/" : "/\(slug)/" }

    /// The page body; the home page also lists the other pages.
    func html(siblings: [TextSitePage]) -> String {
        var html = paragraphs.map { "<p>\(TextSiteLayout.escape($0))</p>" }.joined(separator: "\n")
        if slug == "index" {
            let items = siblings.filter { $0.slug != "index" }
                .map { "<li><a href=\"\($0.link)\">\(TextSiteLayout.escape($0.title))</a></li>" }
            html += "\n<ul class=\"pages\">\n" + items.joined(separator: "\n") + "\n</ul>"
        }
        return html
    }

    /// Every `*.txt` below `folder`, sorted by slug; slugs are limited to `[a-z0-9-]`.
    static func load(folder: URL) throws -> [TextSitePage] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var pages: [TextSitePage] = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let slug = String(name.dropLast(4)).lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard !slug.isEmpty else { continue }
            guard let text = try? String(contentsOf: folder.appending(path: name), encoding: .utf8) else {
                throw TextSiteError.unreadablePage(path: "pages/\(name)")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let title = lines.first?.trimmingCharacters(in: .whitespaces) ?? slug
            let paragraphs = lines.dropFirst().joined(separator: "\n").components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            pages.append(TextSitePage(slug: slug, title: title, paragraphs: paragraphs))
        }
        return pages
    }
}
