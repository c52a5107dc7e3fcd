/// Works out how blocks are indented, once a template's tree is complete.
///
/// A block's lines lose their definition indentation where it is defined and gain the indentation
/// of the site where it is expanded. The definition indentation is the leading whitespace of the
/// block's first line when its opening tag stands alone, else the whitespace before the tag. Outer
/// blocks are stripped first, so nested blocks are indented relative to their surrounding block.
enum BlockIndentation {
    static func apply(to nodes: [Node]) -> [Node] {
        nodes.map(assign)
    }

    private static func assign(_ node: Node) -> Node {
        switch node {
        case .block(let name, let body, let standalone):
            var indentation = body.indentation
            if standalone, body.nodes.count >= 2, case .lineStart = body.nodes[0] {
                if case .text(let text) = body.nodes[1] {
                    indentation = Array(text.prefix(while: { $0 == Lexer.space || $0 == Lexer.tab }))
                } else {
                    indentation = []
                }
            }
            var nodes = strip(indentation, from: body.nodes)
            // The expansion site writes the first line's indentation itself.
            if case .lineStart? = nodes.first { nodes.removeFirst() }
            return .block(name: name, body: BlockBody(nodes: apply(to: nodes), indentation: indentation), standalone: standalone)
        case .section(let name, let body, let raw, let delimiters, let at):
            return .section(name, body: apply(to: body), raw: raw, delimiters: delimiters, at: at)
        case .inverted(let name, let body):
            return .inverted(name, body: apply(to: body))
        case .parent(let reference, let arguments, let indentation, let at):
            return .parent(reference, arguments: arguments.mapValues { argument in
                guard case .block(_, let body, _) = assign(.block(name: "", body: argument, standalone: argumentStandalone(argument))) else { return argument }
                return body
            }, indentation: indentation, at: at)
        default:
            return node
        }
    }

    /// Arguments keep their `standalone` flag in their first node: a leading line start.
    private static func argumentStandalone(_ body: BlockBody) -> Bool {
        if case .lineStart? = body.nodes.first { return true }
        return false
    }

    /// Removes `prefix` from the start of every line in `nodes`, nested bodies and tag indentation included.
    private static func strip(_ prefix: [UInt8], from nodes: [Node]) -> [Node] {
        guard !prefix.isEmpty else { return nodes }
        var result = nodes
        var i = 0
        while i < result.count {
            switch result[i] {
            case .lineStart:
                if i + 1 < result.count, case .text(let text) = result[i + 1], text.starts(with: prefix) {
                    result[i + 1] = .text(Array(text.dropFirst(prefix.count)))
                    i += 1
                }
            case .section(let name, let body, let raw, let delimiters, let at):
                result[i] = .section(name, body: strip(prefix, from: body), raw: raw, delimiters: delimiters, at: at)
            case .inverted(let name, let body):
                result[i] = .inverted(name, body: strip(prefix, from: body))
            case .block(let name, let body, let standalone):
                result[i] = .block(name: name, body: BlockBody(nodes: strip(prefix, from: body.nodes),
                                                               indentation: dropPrefix(prefix, body.indentation)), standalone: standalone)
            case .partial(let reference, let indentation?, let at):
                result[i] = .partial(reference, indentation: dropPrefix(prefix, indentation), at: at)
            case .parent(let reference, let arguments, let indentation, let at):
                result[i] = .parent(reference, arguments: arguments.mapValues {
                    BlockBody(nodes: strip(prefix, from: $0.nodes), indentation: dropPrefix(prefix, $0.indentation))
                }, indentation: indentation.map { dropPrefix(prefix, $0) }, at: at)
            default:
                break
            }
            i += 1
        }
        return result
    }

    private static func dropPrefix(_ prefix: [UInt8], _ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: prefix) ? Array(bytes.dropFirst(prefix.count)) : bytes
    }
}
