/// Resolves the partial and parent names of one parsed template to indices of its set.
final class Linker {
    let template: String
    let locator: SourceLocator
    let indexByName: [String: Int]
    let strict: Bool
    private(set) var errors: [TemplateError] = []

    init(template: String, source: String, indexByName: [String: Int], strict: Bool) {
        self.template = template
        self.locator = SourceLocator(template: template, bytes: Array(source.utf8))
        self.indexByName = indexByName
        self.strict = strict
    }

    func link(_ nodes: [Node]) -> [Node] { nodes.map(link) }

    private func link(_ node: Node) -> Node {
        switch node {
        case .section(let name, let body, let raw, let delimiters, let at):
            return .section(name, body: link(body), raw: raw, delimiters: delimiters, at: at)
        case .inverted(let name, let body):
            return .inverted(name, body: link(body))
        case .block(let name, let body, let standalone):
            return .block(name: name, body: BlockBody(nodes: link(body.nodes), indentation: body.indentation), standalone: standalone)
        case .partial(let reference, let indentation, let at):
            return .partial(resolve(reference, at: at, parent: false), indentation: indentation, at: at)
        case .parent(let reference, let arguments, let indentation, let at):
            return .parent(resolve(reference, at: at, parent: true),
                           arguments: arguments.mapValues { BlockBody(nodes: link($0.nodes), indentation: $0.indentation) },
                           indentation: indentation, at: at)
        default:
            return node
        }
    }

    private func resolve(_ reference: TemplateReference, at: SourceLocation, parent: Bool) -> TemplateReference {
        guard case .named(let name) = reference else { return reference }
        if let index = indexByName[name] { return .resolved(index) }
        if strict { errors.append(locator.error(parent ? .unknownParent(name) : .unknownPartial(name), at: at)) }
        return .missing(name)
    }
}

/// Finds templates that include each other unconditionally (outside any section or block), which
/// could never finish rendering.
struct CycleFinder {
    let templates: [CompiledTemplate]

    func cycles() -> [TemplateError] {
        let edges = templates.map { unconditionalEdges(in: $0.nodes) }
        var state = [UInt8](repeating: 0, count: templates.count)   // 0 new, 1 on path, 2 done
        var errors: [TemplateError] = []
        var path: [Int] = []
        func visit(_ t: Int) {
            state[t] = 1
            path.append(t)
            for (target, at) in edges[t] {
                if state[target] == 1 {
                    let start = path.firstIndex(of: target) ?? 0
                    let chain = path[start...].map { templates[$0].name } + [templates[target].name]
                    errors.append(templates[t].error(.cycle(chain), at: at))
                } else if state[target] == 0 {
                    visit(target)
                }
            }
            path.removeLast()
            state[t] = 2
        }
        for t in templates.indices where state[t] == 0 { visit(t) }
        return errors
    }

    private func unconditionalEdges(in nodes: [Node]) -> [(Int, SourceLocation)] {
        nodes.compactMap { node in
            switch node {
            case .partial(.resolved(let index), _, let at), .parent(.resolved(let index), _, _, let at): (index, at)
            default: nil
            }
        }
    }
}
