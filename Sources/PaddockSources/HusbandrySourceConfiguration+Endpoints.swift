import Foundation

extension HusbandrySourceConfiguration {
    /// The documented v1 host (`https://api.husbandry.pro/v1/api.php/animals`), used when v1 keeps the default base URL.
    public static let defaultV1BaseURL = "https://api.husbandry.pro"

    /// `GET …/v2/api.php/animals` or `…/v1/api.php/animals`, as the documents place them under `baseURL`.
    public var animalsURL: String {
        let base = version == .v1 && baseURL == Self.defaultBaseURL ? Self.defaultV1BaseURL : baseURL
        return "\(base)/\(version.rawValue)/api.php/animals"
    }
    /// The OAuth authorize endpoint (v2): configured, or `…/v2/auth_code.php/authorize`.
    public var resolvedAuthorizeURL: String { authorizeURL ?? "\(baseURL)/v2/auth_code.php/authorize" }
    /// The OAuth token endpoint (v2): configured, or `…/v2/auth_code.php/access_token`.
    public var resolvedTokenURL: String { tokenURL ?? "\(baseURL)/v2/auth_code.php/access_token" }
    /// The scopes Paddock asks for: reading animals is all a catalogue needs.
    public static let scopes = ["animal.read"]
}

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
