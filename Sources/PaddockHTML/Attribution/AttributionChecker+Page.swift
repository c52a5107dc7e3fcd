import Foundation
import PaddockPublish

extension AttributionChecker {
    /// For each of `providers`, why `page` lacks a visible attribution of it, or `nil` when it has one.
    ///
    /// The page is read once for all of them: strict markup (every page of the default theme) in
    /// one pass, anything else with libxml2, which repairs it as browsers do.
    func problems(with providers: [AttributionProvider], on page: RenderedPage, site: AttributionSiteIndex) -> [String?] {
        if readsStrictMarkupDirectly, let scan = StrictPageScan(bytes: page.bytes, marker: "data-attribution") {
            // Pages of one template mostly differ only in what the check never reads: a projection
            // that passed once passes again (see `attributionProjection(pagePath:)`).
            var projection = passKey(providers)
            projection += scan.attributionProjection(pagePath: page.path)
            if site.passed(projection) { return providers.map { _ in nil } }
            let marked = scan.marked.map { ScannedElement(scan: scan, index: $0) }
            let links = scan.links.map { ScannedElement(scan: scan, index: $0) }
            let sheets = stylesheets(of: page, styleTexts: scan.styles.map { scan.text(of: $0) }, links: links, site: site)
            let problems = providers.map { problem(with: $0, marked: marked, page: page, sheets: sheets, site: site) }
            if problems.allSatisfy({ $0 == nil }) { site.rememberPassed(projection) }
            return problems
        }
        let document = HTMLDocument(bytes: page.bytes)
        return withExtendedLifetime(document) {
            guard let root = document.root else { return providers.map(Self.removed) }
            let scan = root.scan(markedBy: "data-attribution")
            let sheets = stylesheets(of: page, styleTexts: scan.styles.map { $0.children.map(\.text).joined() }, links: scan.links, site: site)
            return providers.map { problem(with: $0, marked: scan.marked, page: page, sheets: sheets, site: site) }
        }
    }

    private func problem<Element: PageElement>(with provider: AttributionProvider, marked: [Element], page: RenderedPage,
                                               sheets: [(String, CSSStylesheet)], site: AttributionSiteIndex) -> String? {
        let candidates = marked.filter { $0.attribute("data-attribution")?.lowercased() == provider.dataAttribute }
        guard !candidates.isEmpty else { return Self.removed(provider) }
        var firstProblem: String? = nil
        for candidate in candidates {
            guard let problem = problem(with: provider, link: candidate, page: page, sheets: sheets, site: site) else { return nil }
            if firstProblem == nil { firstProblem = problem }
        }
        return firstProblem
    }

    /// What a passing verdict depends on besides the page: the providers checked and this
    /// checker's settings (a site index could be shared by checkers with other logos).
    private func passKey(_ providers: [AttributionProvider]) -> [UInt8] {
        var key = Array(providers.map(\.rawValue).joined(separator: ",").utf8) + [0] + Array(baseURL.utf8) + [0]
        for provider in AttributionProvider.allCases { key += logoDigests[provider] ?? [] }
        key.append(0)
        return key
    }

    static func removed(_ provider: AttributionProvider) -> String {
        "no element with data-attribution=\"\(provider.dataAttribute)\" (the attribution was removed)"
    }

    private func problem<Element: PageElement>(with provider: AttributionProvider, link: Element, page: RenderedPage,
                         sheets: [(String, CSSStylesheet)], site: AttributionSiteIndex) -> String? {
        guard link.name == "a" else { return "the data-attribution element is a <\(link.name)>, not a link <a>" }
        guard let href = link.attribute("href"), let host = site.host(of: href), provider.owns(host: host) else {
            return "the attribution link must point to \(provider.homepage), found href=\"\(link.attribute("href") ?? "")\""
        }
        let logos = link.descendantElements.filter { $0.name == "img" }
        guard let logo = logos.first else { return "the attribution link holds no <img> logo" }
        guard let alt = logo.attribute("alt"), ByteSearch.contains(alt.lowercased(), Array(provider.displayName.lowercased().utf8)) else {
            return "the logo's alt text must name \(provider.displayName)"
        }
        guard let src = logo.attribute("src"), let path = site.resolve(src, from: page.path) else {
            return "the logo's src \"\(logo.attribute("src") ?? "")\" is not a file of the site"
        }
        guard let digest = site.digest(at: path) else { return "the logo \(path) is missing from the site" }
        if let expected = logoDigests[provider], digest != expected {
            return "the logo \(path) differs from the bundled \(provider.logoPath) (the logo must not be altered)"
        }
        for element in [logo] + link.selfAndAncestors {
            let isSubject = element.identity == logo.identity || element.identity == link.identity
            if let reason = element.hiddenByOwnMarkup(isSubject: isSubject) { return "hidden by \(reason)" }
            for (sheetName, sheet) in sheets {
                for rule in sheet.hidingRules {
                    guard let declaration = rule.hidingDeclaration(sizeCounts: isSubject) else { continue }
                    if rule.selectors.contains(where: { $0.matches(element) }) {
                        return "hidden by the CSS rule `\(rule.selectorText) { \(declaration) }` in \(sheetName) (it matches <\(element.name)>)"
                    }
                }
            }
        }
        return nil
    }

    /// The page's `<style>` blocks and linked stylesheets (with their `@import`s), named for messages.
    private func stylesheets<Element: PageElement>(of page: RenderedPage, styleTexts: [String], links: [Element],
                                                   site: AttributionSiteIndex) -> [(String, CSSStylesheet)] {
        var sheets: [(String, CSSStylesheet)] = []
        var pending: [String] = []
        for text in styleTexts {
            sheets.append(("a <style> element of \(page.path)", CSSStylesheet(text)))
        }
        for element in links {
            guard (element.attribute("rel") ?? "").lowercased().split(separator: " ").contains("stylesheet"),
                  let href = element.attribute("href"), let path = site.resolve(href, from: page.path) else { continue }
            pending.append(path)
        }
        var seen = Set<String>()
        while let path = pending.popLast() {
            guard seen.insert(path).inserted, let sheet = site.stylesheet(at: path) else { continue }
            sheets.append((path, sheet))
            pending.append(contentsOf: sheet.imports.compactMap { site.resolve($0, from: path) })
        }
        return sheets
    }
}
