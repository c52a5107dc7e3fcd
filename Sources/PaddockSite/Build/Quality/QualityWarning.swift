/// One finding of the build's quality gates: the page, the element and what is wrong.
package struct QualityWarning: Sendable, Hashable, CustomStringConvertible {
    package enum Gate: String, Sendable, Hashable, CaseIterable {
        case structuredData = "json-ld", hreflang, links = "link", alt, heading = "h1"
    }

    package var gate: Gate
    /// The page's path in the site (`en/horses/arko/index.html`).
    package var page: String
    /// The element concerned, as a short tag (`<img src="…">`), or what is missing.
    package var element: String
    package var message: String

    package var description: String { "\(gate.rawValue): \(page): \(element): \(message)" }
}
