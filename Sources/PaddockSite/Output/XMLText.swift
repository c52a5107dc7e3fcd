import PaddockHTML
/// Escapes text for XML element content and attribute values, dropping characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text, quotes: "&apos;") }
}
