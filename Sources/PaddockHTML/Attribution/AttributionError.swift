/// The build's attribution check failed: the theme dropped or hid a provider's name or logo.
///
/// Equicty's terms (article 4.3) require the names and logos of Equicty and HorseTelex to stay
/// clearly visible; see docs/attribution.md for the markup the theme must keep.
package struct AttributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every failing page, in page order.
    package var failures: [AttributionFailure]

    package init(failures: [AttributionFailure]) { self.failures = failures }

    package var description: String {
        let shown = failures.prefix(10).map { "  - \($0)" }
        var text = "attribution check failed on \(failures.count) page\(failures.count == 1 ? "" : "s") "
            + "(Equicty terms, article 4.3; see docs/attribution.md):\n" + shown.joined(separator: "\n")
        if failures.count > shown.count { text += "\n  … and \(failures.count - shown.count) more" }
        return text
    }
}
