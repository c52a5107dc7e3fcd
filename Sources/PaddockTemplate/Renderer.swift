/// Walks a compiled template with a context stack, appending bytes to its output.
///
/// One renderer serves one `render` call; the set it reads is immutable and shared.
struct Renderer: ~Copyable {
    /// Block bodies passed down by parent tags, by block name.
    typealias Arguments = [String: BoundBody]

    let set: TemplateSet
    var output: OutputBuffer
    private var stack: [TemplateValue] = []
    private var indentation: [UInt8] = []
    private var chain: [Int] = []
    private var steps = 0
    /// Nested `run` calls (sections, partials, blocks), bounded to keep the stack small.
    private var nesting = 0
    static let maxNesting = 600

    init(set: TemplateSet, capacity: Int) {
        self.set = set
        self.output = OutputBuffer(capacity: capacity)
        stack.reserveCapacity(16)
        chain.reserveCapacity(16)
    }

    mutating func render(template index: Int, context: TemplateValue) throws {
        stack.removeAll(keepingCapacity: true)
        stack.append(context)
        chain.removeAll(keepingCapacity: true)
        chain.append(index)
        try run(set.program, set.program.entries[index], in: index, arguments: [:])
    }

    /// Walks `range` of `program`'s steps; `template` is the set's template they belong to (for messages).
    private mutating func run(_ program: Program, _ range: Range<Int>, in template: Int, arguments: Arguments) throws {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Renderer.maxNesting {
            throw TemplateError(kind: .recursionTooDeep(limit: Renderer.maxNesting, chain: chain.map { set.templates[$0].name }),
                                template: set.templates[template].name, line: 1, column: 1, lineText: "")
        }
        let code = program.steps, bytes = program.bytes
        var i = range.lowerBound
        while i < range.upperBound {
            steps &+= 1
            if steps > set.limits.maxSteps || output.count > set.limits.maxOutputBytes { try budgetExceeded(in: template) }
            switch code[i] {
            case .text(let start, let count):
                output.append(bytes.baseAddress! + Int(start), count: Int(count))
            case .lineStart:
                if !indentation.isEmpty { output.append(indentation) }
            case .variable(let name, let escaped, let at):
                try interpolate(lookup(name, in: program), escaped: escaped, in: template, at: at, arguments: arguments)
            case .section(let name, let end, let lambda):
                let body = (i + 1)..<Int(end)
                i = Int(end)
                guard let value = lookup(name, in: program) else { continue }
                switch value {
                case .array(let items):
                    for item in items {
                        stack.append(item)
                        try run(program, body, in: template, arguments: arguments)
                        stack.removeLast()
                    }
                case .lambda(let function):
                    let info = program.sections[Int(lambda)]
                    try renderLambdaResult(function.body(info.raw), delimiters: info.delimiters, escaped: false, in: template,
                                           at: info.at, arguments: arguments)
                default:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    try run(program, body, in: template, arguments: arguments)
                    stack.removeLast()
                }
                continue
            case .inverted(let name, let end):
                if !(lookup(name, in: program)?.isTruthy ?? false) { try run(program, (i + 1)..<Int(end), in: template, arguments: arguments) }
                i = Int(end)
                continue
            case .partial(let index):
                let partial = program.partials[Int(index)]
                if let target = resolve(partial.reference, in: program) {
                    try include(target, indentation: partial.indentation, from: template, at: partial.at, arguments: arguments)
                }
            case .parent(let index):
                let parent = program.parents[Int(index)]
                i = Int(parent.end)
                guard let target = resolve(parent.reference, in: program) else { continue }
                // Arguments from further out take precedence over this tag's own.
                var merged = arguments
                for (name, body) in parent.arguments where merged[name] == nil { merged[name] = BoundBody(program: program, body: body) }
                try include(target, indentation: parent.indentation, from: template, at: parent.at, arguments: merged)
                continue
            case .block(let index):
                let block = program.blocks[Int(index)]
                i = Int(block.body.end)
                let content = arguments[block.name] ?? BoundBody(program: program, body: block.body)
                let saved = indentation
                indentation.append(contentsOf: block.body.indentation)
                if block.standalone, !indentation.isEmpty { output.append(indentation) }
                try run(content.program, Int(content.body.start)..<Int(content.body.end), in: template, arguments: arguments)
                indentation = saved
                continue
            }
            i += 1
        }
    }

    private mutating func include(_ target: Int, indentation extra: [UInt8]?, from template: Int, at: SourceLocation, arguments: Arguments) throws {
        guard chain.count < set.limits.maxDepth else {
            throw set.templates[template].error(.recursionTooDeep(limit: set.limits.maxDepth, chain: chain.map { set.templates[$0].name }), at: at)
        }
        let saved = indentation
        if let extra { indentation.append(contentsOf: extra) } else { indentation = [] }
        chain.append(target)
        try run(set.program, set.program.entries[target], in: target, arguments: arguments)
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
        let program = Program(trees: [nodes])
        chain.append(template)
        defer { chain.removeLast() }
        if !escaped {
            try run(program, program.entries[0], in: template, arguments: arguments)
            return
        }
        var inner = Renderer(set: set, capacity: 256)
        inner.stack = stack
        inner.chain = chain
        inner.steps = steps
        try inner.run(program, program.entries[0], in: template, arguments: arguments)
        steps = inner.steps
        output.appendEscapingHTML(String(decoding: inner.output.bytes, as: UTF8.self))
    }

    private func resolve(_ reference: StepReference, in program: Program) -> Int? {
        switch reference {
        case .resolved(let index): return index
        case .missing: return nil
        case .dynamic(let name):
            guard case .string(let target)? = lookup(name, in: program) else { return nil }
            return set.indexByName[target]
        }
    }

    /// Looks name `index` of `program` up the context stack; the rest of a dotted name resolves
    /// within the first part's value.
    ///
    /// The name's parts and their hashes are read in place from the program (not copied out, not
    /// hashed again), and the first value found is returned at once: a copy is a retain and a release.
    private func lookup(_ index: Int32, in program: Program) -> TemplateValue? {
        let range = program.nameRanges[Int(index)]
        guard range.count > 0 else { return stack.last }
        let first = program.nameParts.baseAddress! + Int(range.start)
        let hashes = program.nameHashes.baseAddress! + Int(range.start)
        var i = stack.count - 1
        while i >= 0 {
            if let value = Self.entry(of: stack[i], first.pointee, hash: hashes.pointee) {
                return range.count == 1 ? value : Self.resolve(rest: first + 1, hashes: hashes + 1, count: Int(range.count) - 1, in: value)
            }
            i -= 1
        }
        return nil
    }

    /// The value `count` names from `parts` lead to, from `value` down (nil where one is missing).
    private static func resolve(rest parts: UnsafeMutablePointer<String>, hashes: UnsafeMutablePointer<Int>, count: Int,
                                in value: TemplateValue) -> TemplateValue? {
        var value = value
        for k in 0..<count {
            guard let next = entry(of: value, parts[k], hash: hashes[k]) else { return nil }
            value = next
        }
        return value
    }

    /// `value[key]` when `value` is a map, read in place (borrowed, not copied out of the stack).
    @inline(__always)
    private static func entry(of value: borrowing TemplateValue, _ key: String, hash: Int) -> TemplateValue? {
        switch value {
        case .map(let map): return map[key, hash: hash]
        default: return nil
        }
    }

    private func budgetExceeded(in template: Int) throws -> Never {
        let what = output.count > set.limits.maxOutputBytes
            ? "more than \(set.limits.maxOutputBytes) bytes of output" : "more than \(set.limits.maxSteps) steps"
        throw TemplateError(kind: .renderBudgetExceeded(what), template: set.templates[template].name, line: 1, column: 1, lineText: "")
    }
}
