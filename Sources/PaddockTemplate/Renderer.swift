/// Walks a compiled template with a context stack, appending bytes to its output.
///
/// One renderer serves one `render` call; the set it reads is immutable and shared.
struct Renderer {
    typealias Arguments = [String: BlockBody]

    let set: TemplateSet
    var output: [UInt8]
    private var stack: [TemplateValue] = []
    private var indentation: [UInt8] = []
    private var chain: [Int] = []
    private var steps = 0
    /// Nested `render` calls (sections, partials, blocks), bounded to keep the stack small.
    private var nesting = 0
    static let maxNesting = 600

    init(set: TemplateSet, output: [UInt8]) {
        self.set = set
        self.output = output
        stack.reserveCapacity(16)
        chain.reserveCapacity(16)
    }

    mutating func render(template index: Int, context: TemplateValue) throws {
        stack.removeAll(keepingCapacity: true)
        stack.append(context)
        chain.removeAll(keepingCapacity: true)
        chain.append(index)
        try render(set.templates[index].nodes, in: index, arguments: [:])
    }

    private mutating func render(_ nodes: [Node], in template: Int, arguments: Arguments) throws {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Renderer.maxNesting {
            throw TemplateError(kind: .recursionTooDeep(limit: Renderer.maxNesting, chain: chain.map { set.templates[$0].name }),
                                template: set.templates[template].name, line: 1, column: 1, lineText: "")
        }
        for node in nodes {
            steps &+= 1
            if steps > set.limits.maxSteps || output.count > set.limits.maxOutputBytes { try budgetExceeded(in: template) }
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation) }
            case .variable(let name, let escaped, let at):
                try interpolate(lookup(name), escaped: escaped, in: template, at: at, arguments: arguments)
            case .section(let name, let body, let raw, let delimiters, let at):
                guard let value = lookup(name) else { continue }
                switch value {
                case .array(let items):
                    for item in items {
                        stack.append(item)
                        try render(body, in: template, arguments: arguments)
                        stack.removeLast()
                    }
                case .lambda(let lambda):
                    let source = lambda.body(raw)
                    try renderLambdaResult(source, delimiters: delimiters, escaped: false, in: template, at: at, arguments: arguments)
                default:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    try render(body, in: template, arguments: arguments)
                    stack.removeLast()
                }
            case .inverted(let name, let body):
                if !(lookup(name)?.isTruthy ?? false) { try render(body, in: template, arguments: arguments) }
            case .partial(let reference, let partialIndentation, let at):
                guard let target = resolve(reference) else { continue }
                try include(target, indentation: partialIndentation, from: template, at: at, arguments: arguments)
            case .parent(let reference, let own, let parentIndentation, let at):
                guard let target = resolve(reference) else { continue }
                // Arguments from further out take precedence over this tag's own.
                let merged = arguments.isEmpty ? own : own.merging(arguments) { _, outer in outer }
                try include(target, indentation: parentIndentation, from: template, at: at, arguments: merged)
            case .block(let name, let body, let standalone):
                let content = arguments[name] ?? body
                let saved = indentation
                indentation.append(contentsOf: body.indentation)
                if standalone, !indentation.isEmpty { output.append(contentsOf: indentation) }
                try render(content.nodes, in: template, arguments: arguments)
                indentation = saved
            }
        }
    }

    private mutating func include(_ target: Int, indentation extra: [UInt8]?, from template: Int, at: SourceLocation, arguments: Arguments) throws {
        guard chain.count < set.limits.maxDepth else {
            throw set.templates[template].error(.recursionTooDeep(limit: set.limits.maxDepth, chain: chain.map { set.templates[$0].name }), at: at)
        }
        let saved = indentation
        if let extra { indentation.append(contentsOf: extra) } else { indentation = [] }
        chain.append(target)
        try render(set.templates[target].nodes, in: target, arguments: arguments)
        chain.removeLast()
        indentation = saved
    }

    private mutating func interpolate(_ value: TemplateValue?, escaped: Bool, in template: Int, at: SourceLocation, arguments: Arguments) throws {
        guard let value else { return }
        switch value {
        case .string(let string):
            if escaped { output.appendEscapingHTML(string) } else { output.appendRaw(string) }
        case .int(let number):
            output.appendDecimal(number)
        case .lambda(let lambda):
            try renderLambdaResult(lambda.body(""), delimiters: .standard, escaped: escaped, in: template, at: at, arguments: arguments)
        case .null:
            return
        default:
            let text = value.interpolationText
            if escaped { output.appendEscapingHTML(text) } else { output.appendRaw(text) }
        }
    }

    /// A lambda's result is a template: parsed now, with the given delimiters, then rendered here.
    private mutating func renderLambdaResult(_ source: String, delimiters: Delimiters, escaped: Bool, in template: Int, at: SourceLocation, arguments: Arguments) throws {
        guard chain.count < set.limits.maxDepth else {
            throw set.templates[template].error(.recursionTooDeep(limit: set.limits.maxDepth, chain: chain.map { set.templates[$0].name }), at: at)
        }
        let name = set.templates[template].name + " (lambda result)"
        let parsed = try Parser(name: name, source: source, delimiters: delimiters).parse()
        let nodes = Linker(template: name, source: source, indexByName: set.indexByName, strict: false).link(parsed)
        chain.append(template)
        defer { chain.removeLast() }
        if !escaped {
            try render(nodes, in: template, arguments: arguments)
            return
        }
        var inner = Renderer(set: set, output: [])
        inner.stack = stack
        inner.chain = chain
        inner.steps = steps
        try inner.render(nodes, in: template, arguments: arguments)
        steps = inner.steps
        output.appendEscapingHTML(String(decoding: inner.output, as: UTF8.self))
    }

    private func resolve(_ reference: TemplateReference) -> Int? {
        switch reference {
        case .resolved(let index): return index
        case .missing, .named: return nil
        case .dynamic(let name):
            guard case .string(let target)? = lookup(name) else { return nil }
            return set.indexByName[target]
        }
    }

    /// Looks `name` up the context stack; the rest of a dotted name resolves within the first part's value.
    private func lookup(_ name: Name) -> TemplateValue? {
        let components = name.components
        guard let first = components.first else { return stack.last }
        var found: TemplateValue? = nil
        var i = stack.count - 1
        while i >= 0 {
            if case .map(let map) = stack[i], let value = Self.entry(map, first) { found = value; break }
            i -= 1
        }
        guard var value = found else { return nil }
        var k = 1
        while k < components.count {
            guard case .map(let map) = value, let next = Self.entry(map, components[k]) else { return nil }
            value = next
            k += 1
        }
        return value
    }

    /// `map[key]`; small maps (most section items) are scanned instead of hashed: comparing a few
    /// short keys is cheaper than hashing one, and lookups that miss inner levels are common.
    @inline(__always)
    private static func entry(_ map: [String: TemplateValue], _ key: String) -> TemplateValue? {
        guard map.count <= 6 else { return map[key] }
        var index = map.startIndex
        while index != map.endIndex {
            if map.keys[index] == key { return map.values[index] }
            map.formIndex(after: &index)
        }
        return nil
    }

    private func budgetExceeded(in template: Int) throws -> Never {
        let what = output.count > set.limits.maxOutputBytes
            ? "more than \(set.limits.maxOutputBytes) bytes of output" : "more than \(set.limits.maxSteps) steps"
        throw TemplateError(kind: .renderBudgetExceeded(what), template: set.templates[template].name, line: 1, column: 1, lineText: "")
    }
}
