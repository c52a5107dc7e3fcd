/// A problem in a template, located by template name, line and column (both 1-based).
///
/// Its description reads like a compiler's: `partials/head:4:22: unclosed section 'horses'`,
/// followed by the offending line and a caret under the column.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        case unclosedTag
        case emptyTag
        case unclosedSection(String)
        case mismatchedSection(expected: String, found: String)
        case unexpectedClosingTag(String)
        case invalidDelimiters(String)
        case invalidName(String)
        case unknownPartial(String)
        case unknownParent(String)
        /// Templates that include each other unconditionally: the chain of names.
        case cycle([String])
        /// Sections, parents and blocks nested deeper than the parser allows.
        case nestingTooDeep(limit: Int)
        /// Partials or parents nested deeper than the limit while rendering.
        case recursionTooDeep(limit: Int, chain: [String])
        /// Rendering produced more output or did more work than the limits allow.
        case renderBudgetExceeded(String)
    }

    public var kind: Kind
    /// The template's name in its set (`partials/head`), or the file name for a single template.
    public var template: String
    public var line: Int
    public var column: Int
    /// The text of the offending line, without its line break.
    public var lineText: String

    public init(kind: Kind, template: String, line: Int, column: Int, lineText: String) {
        self.kind = kind; self.template = template; self.line = line; self.column = column; self.lineText = lineText
    }

    /// A one-line explanation without the location.
    public var message: String {
        switch kind {
        case .unclosedTag: "unclosed tag"
        case .emptyTag: "empty tag"
        case .unclosedSection(let name): "unclosed section '\(name)'"
        case .mismatchedSection(let expected, let found): "section '\(expected)' closed by '\(found)'"
        case .unexpectedClosingTag(let name): "closing tag '\(name)' without an opening tag"
        case .invalidDelimiters(let text): "invalid delimiter change '\(text)'"
        case .invalidName(let name): "invalid name '\(name)'"
        case .unknownPartial(let name): "unknown partial '\(name)'"
        case .unknownParent(let name): "unknown parent template '\(name)'"
        case .cycle(let chain): "templates include each other without end: \(chain.joined(separator: " -> "))"
        case .nestingTooDeep(let limit): "sections nested deeper than \(limit) levels"
        case .recursionTooDeep(let limit, let chain):
            "partials nested deeper than \(limit) levels: \(chain.suffix(6).joined(separator: " -> "))"
        case .renderBudgetExceeded(let what): "rendering exceeded its limit: \(what)"
        }
    }

    /// `template:line:column: message`, the line, and a caret under the column.
    public var description: String {
        let shown = lineText.count > 200 ? String(lineText.prefix(200)) + "…" : lineText
        let caretPad = String(repeating: " ", count: max(0, min(column - 1, 200)))
        return "\(template):\(line):\(column): \(message)\n  \(shown)\n  \(caretPad)^"
    }

    /// `template:line:column: message` on one line, for logs and command-line errors.
    public var summary: String { "\(template):\(line):\(column): \(message)" }
}

/// Loading a template set failed: every broken template is listed, not only the first.
public struct TemplateSetError: Error, CustomStringConvertible, Sendable, Equatable {
    public var errors: [TemplateError]

    public init(errors: [TemplateError]) { self.errors = errors }

    public var description: String {
        let count = errors.count == 1 ? "1 template error" : "\(errors.count) template errors"
        return count + ":\n" + errors.map(\.description).joined(separator: "\n")
    }
}
