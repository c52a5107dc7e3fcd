import Foundation
import TOMLKit

/// One table of `paddock.toml` being read: typed getters that name the full key and its line in
/// every error, and a final check that no key was left unread (unknown keys are errors).
struct TOMLSection {
    let table: TOMLTable
    let path: [String]
    let locator: TOMLKeyLocator
    let file: String
    private(set) var read: Set<String> = []

    init(table: TOMLTable, path: [String], locator: TOMLKeyLocator, file: String) {
        self.table = table; self.path = path; self.locator = locator; self.file = file
    }

    /// Keys whose presence means a secret was written into the file.
    static let secretKeys: Set<String> = [
        "api_key", "apikey", "equicty_api_key", "client_id", "client_secret", "refresh_token", "access_token",
        "user_keys", "husbandry_user_keys", "user_key", "webhook_secret", "secret", "password", "token",
        "husbandry_client_id", "husbandry_client_secret", "husbandry_refresh_token", "credentials", "secrets",
    ]

    func dotted(_ key: String) -> String { (path + [key]).joined(separator: ".") }

    func error(_ kind: SiteConfigError.Kind, _ key: String?, _ message: String) -> SiteConfigError {
        let keyPath = key.map { path + [$0] } ?? path
        return SiteConfigError(
            kind: kind, key: keyPath.isEmpty ? nil : keyPath.joined(separator: "."),
            line: locator.line(of: keyPath), file: file, message: message)
    }

    private mutating func value(_ key: String, _ expected: TOMLType...) throws -> TOMLValueConvertible? {
        read.insert(key)
        guard let value = table[key] else { return nil }
        guard expected.contains(value.type) else {
            let names = expected.map { Self.article($0) }.joined(separator: " or ")
            throw error(.wrongType, key, "expected \(names), found \(Self.article(value.type))")
        }
        return value
    }

    mutating func string(_ key: String) throws -> String? {
        try value(key, .string)?.string
    }

    mutating func int(_ key: String) throws -> Int? {
        try value(key, .int)?.int
    }

    mutating func bool(_ key: String) throws -> Bool? {
        try value(key, .bool)?.bool
    }

    /// A positive integer (counts, sizes).
    mutating func positiveInt(_ key: String) throws -> Int? {
        guard let number = try int(key) else { return nil }
        guard number > 0 else { throw error(.invalidValue, key, "must be a positive whole number, found \(number)") }
        return number
    }

    /// Seconds as an integer or a float, greater than zero.
    mutating func seconds(_ key: String) throws -> Duration? {
        guard let value = try value(key, .int, .double) else { return nil }
        let seconds = value.int.map(Double.init) ?? value.double ?? 0
        guard seconds > 0, seconds.isFinite else {
            throw error(.invalidValue, key, "must be a number of seconds greater than zero, found \(seconds)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    mutating func stringArray(_ key: String) throws -> [String]? {
        guard let array = try value(key, .array)?.array else { return nil }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string else {
                throw error(.wrongType, key, "item \(index + 1) must be a string, found \(Self.article(element.type))")
            }
            strings.append(text)
        }
        return strings
    }

    mutating func section(_ key: String) throws -> TOMLSection? {
        guard let table = try value(key, .table)?.table else { return nil }
        return TOMLSection(table: table, path: path + [key], locator: locator, file: file)
    }

    /// Throws for the first key of this table that no getter asked for, secrets first.
    func finish() throws {
        let keys = table.keys.sorted { (locator.line(of: path + [$0]) ?? 0) < (locator.line(of: path + [$1]) ?? 0) }
        if let secret = keys.first(where: { Self.secretKeys.contains($0.lowercased()) }) {
            throw error(.secretInConfig, secret,
                "secrets belong in the environment or the credentials file, never in paddock.toml (see docs/configuration.md); remove this key")
        }
        guard let unknown = keys.first(where: { !read.contains($0) }) else { return }
        var message = "unknown key"
        if let guess = Self.closest(to: unknown, in: read) { message += "; did you mean `\(guess)`?" }
        message += " Known keys here: " + read.sorted().joined(separator: ", ")
        throw error(.unknownKey, unknown, message)
    }

    private static func article(_ type: TOMLType) -> String {
        switch type {
        case .int: "an integer"
        case .array: "an array"
        case .double: "a floating-point number"
        case .dateTime: "a date-time"
        default: "a \(type)"
        }
    }

    /// The known key within edit distance 2 of `key`, if any.
    private static func closest(to key: String, in known: Set<String>) -> String? {
        known.map { ($0, distance(key, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
