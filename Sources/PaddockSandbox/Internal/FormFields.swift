import Foundation

/// `application/x-www-form-urlencoded` and query strings: `+` is a space, `%XX` decoded, and
/// `key[]=a&key[]=b` (or `key[0]=a`) gathered under `key`.
struct FormFields: Sendable {
    private(set) var pairs: [(String, String)] = []

    init(_ encoded: String) {
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var key = FormFields.decode(String(kv[0]))
            let value = kv.count > 1 ? FormFields.decode(String(kv[1])) : ""
            if let bracket = key.firstIndex(of: "["), key.hasSuffix("]") { key = String(key[..<bracket]) }
            pairs.append((key, value))
        }
    }

    static func decode(_ s: String) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    func first(_ key: String) -> String? { pairs.first { $0.0 == key }?.1 }

    /// Every value for `key`, comma-separated values split, empty ones dropped.
    func all(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    /// The same string with the values of `secrets` replaced by `<redacted>`.
    static func redact(_ encoded: String, secrets: Set<String>) -> String {
        encoded.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var key = decode(String(kv[0]))
            if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
            return secrets.contains(key) && kv.count > 1 ? "\(kv[0])=<redacted>" : String(part)
        }.joined(separator: "&")
    }
}
