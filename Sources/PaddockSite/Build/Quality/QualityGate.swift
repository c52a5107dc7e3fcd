import Foundation
import PaddockHTML
import PaddockPublish

/// The build's quality gates, one page at a time as pages are rendered (safe from several threads
/// at once), then over the whole site in ``finish()``:
/// - JSON-LD that parses, with what Google's Product snippet requires (`name`, and `offers` with
///   `price`, `priceCurrency` and `availability`), a `BreadcrumbList` on horse and animal pages,
///   and the stable as an `Organization` on the home page;
/// - hreflang clusters that are reciprocal and carry `x-default`;
/// - every internal link and asset resolving to a file of the site;
/// - every image with an `alt` attribute;
/// - one `h1` per page.
///
/// Findings are warnings (``QualityWarning``); `paddock build --strict` fails on any.
package final class QualityGate: @unchecked Sendable {
    private let plan: SitePlan
    private let resolver: SitePathResolver
    private let lock = NSLock()
    private var warnings: [QualityWarning] = []
    /// Every file the build produced, by site path.
    private var produced: Set<String> = []
    /// Internal references to check once every file is known: page, element, target path.
    private var references: [(page: String, element: String, target: String)] = []
    /// Each page's hreflang cluster: its canonical address, and language → address.
    private var clusters: [(page: String, canonical: String, language: String, alternates: [String: String])] = []

    package init(plan: SitePlan) {
        self.plan = plan
        resolver = SitePathResolver(baseURL: plan.config.baseURL)
    }

    /// A file of the site that is not an HTML page (asset, static file, index): a link target.
    package func record(path: String) {
        lock.lock(); produced.insert(path); lock.unlock()
    }

    /// Checks one page and records it as a link target.
    package func inspect(_ page: RenderedPage) {
        guard page.path.hasSuffix(".html") else { record(path: page.path); return }
        let outline = PageOutline(bytes: page.bytes)
        var found: [QualityWarning] = []
        func warn(_ gate: QualityWarning.Gate, _ element: String, _ message: String) {
            found.append(QualityWarning(gate: gate, page: page.path, element: element, message: message))
        }
        let noindex = outline.all("meta").contains { $0["name"]?.lowercased() == "robots" && ($0["content"] ?? "").lowercased().contains("noindex") }
        // One h1.
        let headings = outline.all("h1").count
        if headings != 1 { warn(.heading, "<h1>", "the page has \(headings) h1 elements; it needs exactly one") }
        // Alt text.
        for image in outline.all("img") where image["alt"] == nil {
            warn(.alt, image.tag, "the image has no alt attribute (alt=\"\" for a decorative one)")
        }
        // Links and assets.
        var targets: [(String, String)] = []
        for element in outline.elements {
            var values: [String] = []
            switch element.name {
            case "a": values = [element["href"]].compactMap { $0 }
            case "link":
                let rel = (element["rel"] ?? "").lowercased()
                if !rel.contains("canonical") && !rel.contains("alternate") { values = [element["href"]].compactMap { $0 } }
            case "img", "script", "iframe", "video", "audio", "source":
                values = [element["src"]].compactMap { $0 }
                if let set = element["srcset"] {
                    values += set.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
                }
            case "meta":
                if element["http-equiv"]?.lowercased() == "refresh", let content = element["content"],
                   let range = content.range(of: "url=", options: .caseInsensitive) {
                    values = [String(content[range.upperBound...])]
                }
            default: break
            }
            for value in values {
                if let target = resolver.resolve(value, from: page.path) { targets.append((element.tag, target)) }
            }
        }
        // JSON-LD.
        var nodes: [[String: Any]] = []
        for (index, text) in outline.jsonLD.enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
                warn(.structuredData, "<script type=\"application/ld+json\"> #\(index + 1)", "not valid JSON")
                continue
            }
            nodes += StructuredDataCheck.nodes(object)
        }
        for problem in StructuredDataCheck.problems(nodes, kind: plan.page(at: page.path)?.kind, siteTitle: plan.config.title) {
            warn(.structuredData, problem.element, problem.message)
        }
        // hreflang cluster (pages that ask not to be indexed are no cluster's members).
        var alternates: [String: String] = [:]
        var canonical: String?
        for link in outline.all("link") {
            let rel = (link["rel"] ?? "").lowercased().split(separator: " ")
            if rel.contains("canonical") { canonical = link["href"] }
            if rel.contains("alternate"), let language = link["hreflang"], let href = link["href"] {
                if alternates[language] != nil { warn(.hreflang, link.tag, "hreflang \(language) is declared twice") }
                alternates[language] = href
            }
        }
        lock.lock()
        produced.insert(page.path)
        warnings += found
        references += targets.map { (page.path, $0.0, $0.1) }
        var isNotFound = false
        if case .notFound = plan.page(at: page.path)?.kind { isNotFound = true }
        if !noindex, !isNotFound, let canonical, !alternates.isEmpty {
            clusters.append((page.path, canonical, plan.page(at: page.path)?.language ?? "", alternates))
        }
        lock.unlock()
    }

    /// The site-wide gates (links, hreflang), then every warning, in page order.
    package func finish() -> [QualityWarning] {
        lock.lock(); defer { lock.unlock() }
        var all = warnings
        for reference in references where !produced.contains(reference.target) {
            all.append(QualityWarning(gate: .links, page: reference.page, element: reference.element,
                                      message: "leads to \(reference.target), which the site does not have"))
        }
        all += HreflangCheck.problems(clusters)
        let order = Dictionary(plan.pages.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return all.enumerated().sorted { a, b in
            let x = order[a.element.page] ?? Int.max, y = order[b.element.page] ?? Int.max
            return x != y ? x < y : (a.element.page != b.element.page ? a.element.page < b.element.page : a.offset < b.offset)
        }.map(\.element)
    }
}
