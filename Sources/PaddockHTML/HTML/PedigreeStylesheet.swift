/// The rules of a HorseTelex pedigree's `<style>` elements that the sanitiser applies.
///
/// The stylesheet itself never reaches the page. Its rules are matched against the pedigree's own
/// elements, and the declarations that ``PedigreeStylePolicy`` keeps are written into those
/// elements' `style` attributes. This way the pedigree's CSS cannot style anything outside the
/// pedigree, and the page's body gets no `<style>` element. Only simple selectors count
/// (``PedigreeSelector``): tag names, `.class` and `#id`, joined by descendant or child
/// combinators. Rules with anything else (`*`, attributes, pseudo-classes, `+`, `~`) are dropped,
/// as are at-rules (`@import`, `@font-face`, `@media` …) with their blocks. A stylesheet with a
/// backslash escape is dropped whole.
struct PedigreeStylesheet {
    struct Rule {
        let selector: PedigreeSelector
        let declarations: CSSDeclarations
    }

    /// In source order; a rule with a selector list becomes one rule per selector.
    private(set) var rules: [Rule] = []

    /// Bounds on what is read: a pedigree's stylesheet is a few rules.
    static let maximumLength = 65_536
    static let maximumRules = 64
    /// Ancestors looked at (the sanitiser writes 128 levels at most).
    static let maximumChain = 160

    var isEmpty: Bool { rules.isEmpty }

    init(_ source: String) {
        guard source.utf8.count <= Self.maximumLength, !source.contains("\\") else { return }
        var rest = Substring(CSSText.stripComments(source).replacingOccurrences(of: "<!--", with: " ").replacingOccurrences(of: "-->", with: " "))
        while rules.count < Self.maximumRules, let stop = rest.firstIndex(where: { $0 == "{" || $0 == ";" || $0 == "}" }) {
            let prelude = rest[..<stop].trimmingCharacters(in: .whitespacesAndNewlines)
            guard rest[stop] == "{" else {
                // A statement (`@import …;`, `@charset …;`) or a stray brace: skipped.
                rest = rest[rest.index(after: stop)...]
                continue
            }
            guard let end = CSSText.matchingBrace(in: rest, from: stop) else { return }
            let body = rest[rest.index(after: stop)..<end]
            rest = rest[rest.index(after: end)...]
            guard !prelude.hasPrefix("@"), !body.contains("{") else { continue }
            let declarations = CSSDeclarations(String(body))
            for text in prelude.split(separator: ",") {
                guard rules.count < Self.maximumRules, let selector = PedigreeSelector(text) else { continue }
                rules.append(Rule(selector: selector, declarations: declarations))
            }
        }
    }

    /// The declarations of every rule matching `node` (read with the `<tbody>` a browser implies),
    /// in cascade order (specificity, then source order), and the indices of those rules (which
    /// tell one combination from another).
    func declarations(for node: HTMLNode) -> (entries: [(property: String, value: String)], rules: [Int]) {
        var chain: [PedigreeSelectorSubject] = []
        var element: PedigreeElement? = .node(node)
        while let current = element, chain.count < Self.maximumChain {
            chain.append(PedigreeSelectorSubject(current))
            element = current.parent
        }
        var matched: [Int] = []
        for (index, rule) in rules.enumerated() where rule.selector.matches(chain) { matched.append(index) }
        guard !matched.isEmpty else { return ([], []) }
        matched.sort { (rules[$0].selector.specificity, $0) < (rules[$1].selector.specificity, $1) }
        return (matched.flatMap { rules[$0].declarations.entries }, matched)
    }


}
