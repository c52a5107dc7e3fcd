/// Builds the node tree of one template from its tokens.
///
/// Template references stay ``TemplateReference/named(_:)`` here; ``TemplateSet`` links them.
struct Parser {
    let name: String
    let bytes: [UInt8]
    let locator: SourceLocator
    let delimiters: Delimiters
    /// Deeper nesting is refused: it would only come from generated or broken input.
    static let maxNesting = 200

    init(name: String, source: String, delimiters: Delimiters = .standard) {
        self.name = name
        self.delimiters = delimiters
        self.bytes = Array(source.utf8)
        self.locator = SourceLocator(template: name, bytes: bytes)
    }

    /// An open section, inverted section, parent or block, with the nodes gathered so far.
    private struct Frame {
        var tag: Tag?
        var nodes: [Node] = []
    }

    /// - Throws: ``TemplateError`` naming this template, line and column.
    func parse() throws -> [Node] {
        let tokens = try Lexer(bytes: bytes, locator: locator, initialDelimiters: delimiters).tokens()
        var stack = [Frame(tag: nil)]
        stack.reserveCapacity(16)
        for token in tokens {
            switch token {
            case .lineStart:
                stack[stack.count - 1].nodes.append(.lineStart)
            case .text(let s, let e):
                let text = Array(bytes[s..<e])
                if case .text(let previous)? = stack[stack.count - 1].nodes.last {
                    stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(previous + text)
                } else {
                    stack[stack.count - 1].nodes.append(.text(text))
                }
            case .tag(let tag):
                let at = locator.location(of: tag.start)
                switch tag.sigil {
                case UInt8(ascii: "!"), UInt8(ascii: "="):
                    continue
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                    try validate(tag.sigil == UInt8(ascii: "<") ? dynamicStripped(tag.content) : tag.content, tag)
                    guard stack.count <= Parser.maxNesting else {
                        throw locator.error(.nestingTooDeep(limit: Parser.maxNesting), at: tag.start)
                    }
                    stack.append(Frame(tag: tag))
                case UInt8(ascii: "/"):
                    guard stack.count > 1, let open = stack[stack.count - 1].tag else {
                        throw locator.error(.unexpectedClosingTag(tag.content), at: at)
                    }
                    guard open.content == tag.content else {
                        throw locator.error(.mismatchedSection(expected: open.content, found: tag.content), at: at)
                    }
                    let frame = stack.removeLast()
                    let node = close(frame, open: open, closing: tag)
                    stack[stack.count - 1].nodes.append(node)
                case UInt8(ascii: ">"):
                    let reference = try reference(tag)
                    stack[stack.count - 1].nodes.append(.partial(reference, indentation: tag.standalone ? tag.indentation : nil, at: at))
                default:
                    try validate(tag.content, tag)
                    let escaped = tag.sigil == nil
                    stack[stack.count - 1].nodes.append(.variable(Name(tag.content), escaped: escaped, at: at))
                }
            }
        }
        if stack.count > 1, let open = stack.last?.tag {
            throw locator.error(.unclosedSection(open.content), at: open.start)
        }
        return BlockIndentation.apply(to: stack[0].nodes)
    }

    private func close(_ frame: Frame, open: Tag, closing: Tag) -> Node {
        let at = locator.location(of: open.start)
        let name = Name(open.content)
        switch open.sigil {
        case UInt8(ascii: "#"):
            let raw = String(decoding: bytes[open.end..<closing.start], as: UTF8.self)
            return .section(name, body: frame.nodes, raw: raw, delimiters: open.delimiters, at: at)
        case UInt8(ascii: "^"):
            return .inverted(name, body: frame.nodes)
        case UInt8(ascii: "<"):
            var arguments: [String: BlockBody] = [:]
            for node in frame.nodes {
                if case .block(let blockName, let body, _) = node, arguments[blockName] == nil { arguments[blockName] = body }
            }
            let reference = referenceFor(open.content)
            return .parent(reference, arguments: arguments, indentation: open.standalone ? open.indentation : nil, at: at)
        default:
            // A block: its definition indentation is worked out once the whole tree is known.
            let tagIndentation = open.standalone ? open.indentation : (open.whitespacePrefix ?? [])
            return .block(name: open.content, body: BlockBody(nodes: frame.nodes, indentation: tagIndentation), standalone: open.standalone)
        }
    }

    private func reference(_ tag: Tag) throws -> TemplateReference {
        try validate(dynamicStripped(tag.content), tag)
        return referenceFor(tag.content)
    }

    private func referenceFor(_ content: String) -> TemplateReference {
        if content.hasPrefix("*") { return .dynamic(Name(dynamicStripped(content))) }
        return .named(content)
    }

    private func dynamicStripped(_ content: String) -> String {
        guard content.hasPrefix("*") else { return content }
        return String(decoding: Array(content.utf8.dropFirst()).trimmingWhitespace(), as: UTF8.self)
    }

    private func validate(_ content: String, _ tag: Tag) throws {
        guard !content.isEmpty else { throw locator.error(.emptyTag, at: tag.start) }
        if content.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw locator.error(.invalidName(content), at: tag.start)
        }
    }
}
