/// One page that does not carry a provider's attribution visibly.
public struct AttributionFailure: Sendable, Equatable, CustomStringConvertible {
    /// The template that rendered the page, `nil` for generated files.
    public var template: String?
    /// The page's path in the site (`en/horses/arko/index.html`).
    public var page: String
    public var provider: AttributionProvider
    /// Why it fails, with the offending markup or CSS rule.
    public var reason: String

    public init(template: String?, page: String, provider: AttributionProvider, reason: String) {
        self.template = template; self.page = page; self.provider = provider; self.reason = reason
    }

    public var description: String {
        "template \(template.map { "\"\($0)\"" } ?? "(generated)") rendered \(page) without a visible \(provider.displayName) attribution: \(reason)"
    }
}
