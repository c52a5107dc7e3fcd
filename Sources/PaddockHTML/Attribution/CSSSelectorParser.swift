import Foundation

/// Parses the text of one complex selector for ``CSSSelector``.
struct CSSSelectorParser {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text.trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// `nil` when the selector can never match an element at rest (states, pseudo-elements) or is garbage.
    mutating func parse() -> ([CSSSelector.Compound], [CSSSelector.Combinator])? {
        var compounds: [CSSSelector.Compound] = []
        var combinators: [CSSSelector.Combinator] = []
        var current = CSSSelector.Compound()
        var hasContent = false
        var pendingCombinator: CSSSelector.Combinator? = nil
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || ">+~".contains(character) {
                var combinator = CSSSelector.Combinator.descendant
                while index < characters.count, characters[index].isWhitespace || ">+~".contains(characters[index]) {
                    switch characters[index] {
                    case ">": combinator = .child
                    case "+": combinator = .adjacent
                    case "~": combinator = .sibling
                    default: break
                    }
                    index += 1
                }
                if hasContent { compounds.append(current); current = .init(); hasContent = false; pendingCombinator = combinator }
                continue
            }
            if let combinator = pendingCombinator { combinators.append(combinator); pendingCombinator = nil }
            hasContent = true
            switch character {
            case "*": index += 1
            case "#": index += 1; current.ids.append(identifier())
            case ".": index += 1; current.classes.append(identifier())
            case "[":
                index += 1
                guard let attribute = attributeSelector() else { return nil }
                current.attributes.append(attribute)
            case ":":
                index += 1
                if index < characters.count, characters[index] == ":" { return nil }
                let pseudo = identifier().lowercased()
                if ["before", "after", "first-line", "first-letter", "placeholder", "marker", "selection"].contains(pseudo) { return nil }
                if CSSSelector.statePseudoClasses.contains(pseudo) { return nil }
                if index < characters.count, characters[index] == "(" { skipParentheses() }
            default:
                let name = identifier()
                guard !name.isEmpty else { return nil }
                current.tag = name.lowercased()
            }
        }
        if hasContent { compounds.append(current) }
        guard compounds.count == combinators.count + 1 else { return nil }
        return (compounds, combinators)
    }

    private mutating func identifier() -> String {
        var name = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count { name.append(characters[index + 1]); index += 2; continue }
            guard character.isLetter || character.isNumber || character == "-" || character == "_" || !character.isASCII else { break }
            name.append(character)
            index += 1
        }
        return name
    }

    private mutating func attributeSelector() -> (name: String, op: String, value: String)? {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        let name = identifier().lowercased()
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        var op = ""
        while index < characters.count, "~^$*|=".contains(characters[index]) { op.append(characters[index]); index += 1 }
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        var value = ""
        if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
            let quote = characters[index]
            index += 1
            while index < characters.count, characters[index] != quote { value.append(characters[index]); index += 1 }
            index += 1
        } else {
            while index < characters.count, characters[index] != "]", !characters[index].isWhitespace { value.append(characters[index]); index += 1 }
        }
        while index < characters.count, characters[index] != "]" { index += 1 }
        guard index < characters.count, !name.isEmpty else { return nil }
        index += 1
        return (name, op, value)
    }

    private mutating func skipParentheses() {
        var depth = 0
        while index < characters.count {
            if characters[index] == "(" { depth += 1 } else if characters[index] == ")" { depth -= 1; if depth == 0 { index += 1; return } }
            index += 1
        }
    }
}
