import Foundation

/// schema.org data as the text of a `<script type="application/ld+json">` element.
enum JSONLD {
    /// Serialises `object` with sorted keys and escapes `<`, `>`, `&` and the line separators, so
    /// no text from the APIs can close the script element or start markup.
    static func script(_ object: [String: Any]) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return escape(String(decoding: data, as: UTF8.self))
    }

    static func escape(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
