import Foundation

extension String {
    /// Without leading and trailing whitespace and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    /// `nil` when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
    /// At most `count` characters, with an ellipsis when cut.
    func prefixText(_ count: Int) -> String { self.count <= count ? self : String(prefix(count - 1)) + "…" }
}
