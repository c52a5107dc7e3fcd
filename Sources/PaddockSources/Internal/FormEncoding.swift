import Foundation

/// Builds `application/x-www-form-urlencoded` text and query strings, with PHP-style `key[]`
/// for lists ("string or array" parameters).
enum FormEncoding {
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// One value as `key=value`, several as `key[]=a&key[]=b`.
    static func parameter(_ key: String, _ values: [String]) -> [(String, String)] {
        values.count == 1 ? [(key, values[0])] : values.map { ("\(key)[]", $0) }
    }

    /// Parses a query or form body (`+` as space), keeping the first value of each name.
    static func decode(_ text: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1
                ? String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1]) : ""
            if out[name] == nil { out[name] = value }
        }
        return out
    }
}
