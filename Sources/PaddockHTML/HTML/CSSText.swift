/// Reading CSS text, shared by the attribution check's stylesheets and the pedigree's.
enum CSSText {
    /// The index of the `}` that closes the `{` at `open`, or `nil` when it is never closed.
    static func matchingBrace(in text: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 } else if text[index] == "}" { depth -= 1; if depth == 0 { return index } }
            index = text.index(after: index)
        }
        return nil
    }

    /// The text without `/* … */` comments; an unclosed comment runs to the end. A comment between
    /// two name characters becomes a space, so it never joins them into one name (`a/**/b`); one
    /// elsewhere simply goes (`.a/**/.b` stays the compound `.a.b`).
    static func stripComments(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "/*") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return result }
            rest = rest[end.upperBound...]
            if let before = result.last, let after = rest.first, isNameCharacter(before), isNameCharacter(after) {
                result += " "
            }
        }
        return result + rest
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }
}
