/// One simple selector of a HorseTelex pedigree's stylesheet: compounds of an optional tag name,
/// `.class` and `#id` parts, joined by white space (descendant) or `>` (child). Nothing else is
/// read: `*`, attribute selectors, pseudo-classes and the sibling combinators make it `nil`.
///
/// Matching looks at an element and its ancestors once per compound (no backtracking), so a
/// hostile selector of many descendant steps over deep markup stays cheap.
struct PedigreeSelector {
    struct Compound {
        var tag: String?
        var ids: [String] = []
        var classes: [String] = []

        func matches(_ element: PedigreeSelectorSubject) -> Bool {
            if let tag, tag != element.name { return false }
            if !ids.isEmpty, !ids.allSatisfy({ $0 == element.id }) { return false }
            return classes.allSatisfy { name in element.classes.contains { $0 == name } }
        }
    }

    /// Subject last.
    private(set) var compounds: [Compound] = []
    /// `isChild[i]` joins `compounds[i]` and `compounds[i + 1]` with `>` (else white space).
    private(set) var isChild: [Bool] = []
    /// Ids, classes and tags, weighted 10 000 / 100 / 1 (at most 99 of each are counted).
    private(set) var specificity = 0

    /// Compounds beyond this make the selector `nil` (a pedigree's have two or three).
    static let maximumCompounds = 16

    init?(_ text: Substring) {
        var ids = 0, classes = 0, tags = 0
        var pendingChild = false
        var index = text.startIndex
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") }
        func name(from start: Substring.Index) -> String { String(text[start..<index]) }
        while index < text.endIndex {
            let character = text[index]
            if isSpace(character) { index = text.index(after: index); continue }
            if character == ">" {
                guard !compounds.isEmpty, !pendingChild else { return nil }
                pendingChild = true
                index = text.index(after: index)
                continue
            }
            var compound = Compound()
            if isNameCharacter(character) {
                guard character.isLetter else { return nil }
                let start = index
                while index < text.endIndex, isNameCharacter(text[index]) { index = text.index(after: index) }
                compound.tag = name(from: start).lowercased()
                tags += 1
            }
            while index < text.endIndex, text[index] == "." || text[index] == "#" {
                let isClass = text[index] == "."
                index = text.index(after: index)
                let start = index
                while index < text.endIndex, isNameCharacter(text[index]) { index = text.index(after: index) }
                guard index > start, !text[start].isNumber else { return nil }
                if isClass { compound.classes.append(name(from: start)); classes += 1 } else { compound.ids.append(name(from: start)); ids += 1 }
            }
            guard compound.tag != nil || !compound.ids.isEmpty || !compound.classes.isEmpty,
                  index == text.endIndex || isSpace(text[index]) || text[index] == ">",
                  compounds.count < Self.maximumCompounds else { return nil }
            if !compounds.isEmpty { isChild.append(pendingChild) }
            compounds.append(compound)
            pendingChild = false
        }
        guard !compounds.isEmpty, !pendingChild else { return nil }
        specificity = min(ids, 99) * 10_000 + min(classes, 99) * 100 + min(tags, 99)
    }

    /// Whether the selector matches `chain[0]`, whose ancestors follow it, nearest first.
    ///
    /// Works from the subject outwards, keeping every ancestor at which the compounds so far can
    /// end: a child step moves each one up by one, a descendant step keeps every ancestor above
    /// the nearest of them.
    func matches(_ chain: [PedigreeSelectorSubject]) -> Bool {
        guard let subject = compounds.last, let element = chain.first, subject.matches(element) else { return false }
        var positions = [0]
        for index in stride(from: compounds.count - 2, through: 0, by: -1) {
            let compound = compounds[index]
            if isChild[index] {
                positions = positions.map { $0 + 1 }.filter { $0 < chain.count && compound.matches(chain[$0]) }
            } else {
                let nearest = positions[0]
                positions = ((nearest + 1)..<chain.count).filter { compound.matches(chain[$0]) }
            }
            if positions.isEmpty { return false }
        }
        return true
    }
}

/// What a selector reads of an element: its name, id and classes, read once per element.
struct PedigreeSelectorSubject {
    let name: String
    let id: String?
    let classes: [Substring]

    init(_ element: PedigreeElement) {
        name = element.name
        id = element.attribute("id")
        // Classes are separated by ASCII white space (HTML's "split on ASCII whitespace").
        classes = element.attribute("class").map { list in
            list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" || $0 == "\r\n" })
        } ?? []
    }
}
