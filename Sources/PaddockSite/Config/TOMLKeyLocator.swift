import Foundation

/// Finds the line of a key in TOML source text.
///
/// TOMLKit reports lines for syntax errors only, so the config reader looks keys up here to
/// put a line in every error. It understands table headers (`[a.b]`, `[[a.b]]`), dotted keys
/// (`a.b = 1`), quoted keys and inline tables on one line (`c = { d = 1 }`); multi-line strings
/// are skipped. A key it cannot place resolves to the nearest ancestor it can.
struct TOMLKeyLocator: Sendable {
    private var lines: [String: Int] = [:]

    init(source: String) {
        var table: [String] = []
        var multiline: String? = nil
        for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let delimiter = multiline {
                if line.contains(delimiter) { multiline = nil }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.splitKey(String(inner))
                record(table, number)
                continue
            }
            guard let equals = Self.assignmentIndex(in: line) else { continue }
            let keyPath = table + Self.splitKey(String(line[..<equals]))
            record(keyPath, number)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("{") { recordInline(value, under: keyPath, number) }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { multiline = delimiter }
            }
        }
    }

    /// The line of `path` (dotted, as the reader names keys), or of its nearest known ancestor.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    private mutating func recordInline(_ value: String, under path: [String], _ line: Int) {
        let characters = Array(value)
        var scopes: [[String]] = []
        var token = ""
        var quote: Character? = nil
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if let open = quote {
                if character == open { quote = nil }
                token.append(character)
                continue
            }
            switch character {
            case "\"", "'": quote = character; token.append(character)
            case "{": scopes.append(scopes.isEmpty ? path : (scopes.last ?? path)); token = ""
            case "}": if !scopes.isEmpty { scopes.removeLast() }; token = ""
            case ",", "[", "]": token = ""
            case "=":
                guard let scope = scopes.last else { return }
                let key = scope + Self.splitKey(token)
                record(key, line)
                token = ""
                var next = index
                while next < characters.count, characters[next] == " " { next += 1 }
                if next < characters.count, characters[next] == "{" {
                    scopes.append(key); index = next + 1
                }
            default: token.append(character)
            }
        }
    }

    /// The index of the `=` of a key-value line, ignoring `=` inside quoted keys.
    private static func assignmentIndex(in line: String) -> String.Index? {
        var quote: Character? = nil
        for index in line.indices {
            let character = line[index]
            if let open = quote { if character == open { quote = nil }; continue }
            if character == "\"" || character == "'" { quote = character } else if character == "=" { return index }
        }
        return nil
    }

    /// Splits `a."b.c".d` into `["a", "b.c", "d"]`.
    static func splitKey(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts.filter { !$0.isEmpty }
    }
}
