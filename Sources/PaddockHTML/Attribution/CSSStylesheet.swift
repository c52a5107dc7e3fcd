import Foundation

/// The rules of one stylesheet that hide what they match, and its `@import`s.
///
/// Deliberately small: comments are stripped, `@media print` blocks are skipped (hiding on paper
/// is allowed), other at-rule blocks are read as if they always applied, which errs towards failing.
struct CSSStylesheet {
    struct HidingRule {
        let selectorText: String
        let selectors: [CSSSelector]
        let declarations: CSSDeclarations
        /// What hides the element itself (sizes count) and what hides an ancestor, computed once.
        let hidesSubject: String?
        let hidesAncestor: String?

        func hidingDeclaration(sizeCounts: Bool) -> String? { sizeCounts ? hidesSubject : hidesAncestor }
    }

    private(set) var hidingRules: [HidingRule] = []
    /// `@import` targets as written.
    private(set) var imports: [String] = []

    init(_ source: String) {
        let text = CSSText.stripComments(source)
        parseBlock(Substring(text))
    }

    private mutating func parseBlock(_ text: Substring) {
        var rest = text
        while let brace = rest.firstIndex(where: { $0 == "{" || $0 == ";" }) {
            let prelude = rest[..<brace].trimmingCharacters(in: .whitespacesAndNewlines)
            if rest[brace] == ";" {
                if prelude.lowercased().hasPrefix("@import") { imports.append(Self.importTarget(prelude)) }
                rest = rest[rest.index(after: brace)...]
                continue
            }
            guard let end = CSSText.matchingBrace(in: rest, from: brace) else { return }
            let body = rest[rest.index(after: brace)..<end]
            rest = rest[rest.index(after: end)...]
            if prelude.hasPrefix("@") {
                let lower = prelude.lowercased()
                if lower.hasPrefix("@media"), lower.contains("print"), !lower.contains("screen") { continue }
                if lower.hasPrefix("@media") || lower.hasPrefix("@supports") || lower.hasPrefix("@layer") || lower.hasPrefix("@container") {
                    parseBlock(body)
                }
                continue
            }
            let declarations = CSSDeclarations(String(body))
            guard let hidesSubject = declarations.hidingDeclaration(sizeCounts: true) else { continue }
            let selectors = prelude.split(separator: ",").compactMap { CSSSelector(String($0)) }
            if !selectors.isEmpty {
                hidingRules.append(HidingRule(selectorText: prelude, selectors: selectors, declarations: declarations, hidesSubject: hidesSubject,
                                              hidesAncestor: declarations.hidingDeclaration(sizeCounts: false)))
            }
        }
    }



    /// `@import url("a.css") screen` → `a.css`.
    private static func importTarget(_ prelude: String) -> String {
        var text = prelude.dropFirst("@import".count).trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("url(") { text = String(text.dropFirst(4)) }
        let quote = text.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        if let quote { text = String(text.dropFirst()); return String(text.prefix { $0 != quote }) }
        return String(text.prefix { $0 != ")" && $0 != " " })
    }
}
