/// One page that does not carry a provider's attribution visibly.
package struct AttributionFailure: Sendable, Equatable, CustomStringConvertible {
    /// The template that rendered the page, `nil` for generated files.
    package var template: String?
    /// The page's path in the site (`en/horses/arko/index.html`).
    package var page: String
    package var provider: AttributionProvider
    /// Why it fails, with the offending markup or CSS rule.
    package var reason: String

    package init(template: String?, page: String, provider: AttributionProvider, reason: String) {
        self.template = template; self.page = page; self.provider = provider; self.reason = reason
    }

    package var description: String {
        "template \(template.map { "\"\($0)\"" } ?? "(generated)") rendered \(page) without a visible \(provider.displayName) attribution: \(reason)"
    }
}
