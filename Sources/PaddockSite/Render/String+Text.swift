import Foundation

extension String {
    /// Without leading and trailing whitespace and newlines (pure Swift: no bridging on the hot path).
    var trimmed: String {
        // Fast path: a string that starts and ends with an ASCII byte that is not whitespace is
        // already trimmed (a grapheme ending in an ASCII scalar is that scalar, or CR LF, or starts
        // with a Prepend scalar, none of which is whitespace).
        if let head = utf8.first, let tail = utf8.last, head < 0x80, tail < 0x80,
           !Self.isASCIIWhitespace(head), !Self.isASCIIWhitespace(tail) {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    /// `nil` when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
    /// At most `count` characters, with an ellipsis when cut.
    func prefixText(_ count: Int) -> String { self.count <= count ? self : String(prefix(count - 1)) + "…" }
    /// A key that sorts names case- and accent-insensitively, computed once per item.
    var sortKey: String { folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
}
