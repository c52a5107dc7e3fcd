/// Escaping for HTML text and double-quoted attribute values, and for XML (sitemap, feeds).
///
/// One pass over the scalars: `&`, `<` and `>` always become entities, quotes where asked; NUL and
/// the other characters XML 1.0 forbids are dropped, so the output is valid HTML and XML alike.
public enum HTMLEscaping {
    /// Element content.
    public static func text(_ text: String) -> String { escape(text, quotes: nil) }

    /// A double- or single-quoted attribute value.
    public static func attribute(_ text: String) -> String { escape(text, quotes: "&#39;") }

    /// - Parameter apostrophe: the entity for `'` (and `"` becomes `&quot;`); `nil` leaves both quotes.
    public static func escape(_ text: String, quotes apostrophe: String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where apostrophe != nil: out += "&quot;"
            case "'" where apostrophe != nil: out += apostrophe!
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
