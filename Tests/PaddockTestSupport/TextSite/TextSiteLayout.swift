/// The text site builder's layout: HTML with `{{title}}`, `{{content}}` and `{{site}}` placeholders.
struct TextSiteLayout: Sendable {
    enum Part: Sendable { case text(String), placeholder(String) }
    static let names: Set<String> = ["title", "content", "site"]
    let parts: [Part]

    /// Parses `source`; errors carry the file, line, column and the line's text.
    init(source: String, name: String) throws {
        var parts: [Part] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            parts.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw Self.error(in: source, file: name, at: open.lowerBound, "unclosed {{: expected }}")
            }
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Self.names.contains(key) else {
                throw Self.error(in: source, file: name, at: open.lowerBound,
                                 "unknown placeholder {{\(key)}}; known: {{content}}, {{site}}, {{title}}")
            }
            parts.append(.placeholder(key))
            rest = rest[close.upperBound...]
        }
        parts.append(.text(String(rest)))
        self.parts = parts
    }

    /// Fills the placeholders; `title` and `site` are HTML-escaped, `content` is HTML already.
    func render(_ values: [String: String]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .placeholder("content"): out += values["content"] ?? ""
            case .placeholder(let key): out += Self.escape(values[key] ?? "")
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func error(in source: String, file: String, at index: String.Index, _ message: String) -> TextSiteError {
        let before = source[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
        let column = source[lineStart..<index].count + 1
        let lineEnd = source[index...].firstIndex(of: "\n") ?? source.endIndex
        return .template(file: file, line: line, column: column, lineText: String(source[lineStart..<lineEnd]), message: message)
    }
}
