import Foundation

extension String {
    /// Without leading and trailing whitespace and newlines (pure Swift: no bridging on the hot path).
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
    /// `nil` when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
    /// At most `count` characters, with an ellipsis when cut.
    func prefixText(_ count: Int) -> String { self.count <= count ? self : String(prefix(count - 1)) + "…" }
    /// A key that sorts names case- and accent-insensitively, computed once per item.
    var sortKey: String { folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
}
