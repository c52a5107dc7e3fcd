/// One step of a compiled template, as the renderer walks it: plain numbers only (indices into
/// the tables of its ``Program``), so walking a template copies no reference and retains nothing.
///
/// A section's or inverted section's body is the steps right after it, up to `end`; a block's
/// default body and a parent's argument bodies also follow their step, and the walk goes on at
/// the `end` their table entry gives.
enum Step {
    /// `count` bytes of ``Program/bytes`` from `start`.
    case text(start: Int32, count: Int32)
    case lineStart
    case variable(name: Int32, escaped: Bool, at: SourceLocation)
    /// `lambda` indexes ``Program/sections`` (what a lambda receives and parses with).
    case section(name: Int32, end: Int32, lambda: Int32)
    case inverted(name: Int32, end: Int32)
    case partial(Int32)
    case parent(Int32)
    case block(Int32)
}

/// The steps of a range of a ``Program`` and the indentation a block adds where it expands.
struct StepBody {
    var start: Int32
    var end: Int32
    var indentation: [UInt8]
}

/// A block body together with the program its steps belong to (a lambda's result is a program of
/// its own), as passed down to the templates a parent tag expands.
struct BoundBody {
    let program: Program
    let body: StepBody
}

/// Which template a partial or parent step names.
enum StepReference {
    case resolved(Int)
    case missing
    /// `{{>*name}}`: the value of this name of the program, looked up while rendering.
    case dynamic(Int32)
}

/// The flat form of one or more node trees: steps, their text bytes and names, and the few
/// details that only partials, parents, blocks and lambdas need.
///
/// Immutable once built; the step, byte and name tables are kept in buffers of their own, so the
/// renderer reads them through plain pointers.
final class Program: @unchecked Sendable {
    struct SectionInfo { let raw: String; let delimiters: Delimiters; let at: SourceLocation }
    struct PartialInfo { let reference: StepReference; let indentation: [UInt8]?; let at: SourceLocation }
    struct ParentInfo {
        let reference: StepReference
        let arguments: [String: StepBody]
        let indentation: [UInt8]?
        let at: SourceLocation
        let end: Int32
    }
    struct BlockInfo { let name: String; let body: StepBody; let standalone: Bool }

    let steps: UnsafeMutableBufferPointer<Step>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Every name's components, one after the other; ``nameRanges`` says where each name's are.
    let nameParts: UnsafeMutableBufferPointer<String>
    /// Each part's `hashValue`, the hash ``TemplateMap`` files its keys under: found once here,
    /// so a look-up hashes nothing.
    let nameHashes: UnsafeMutableBufferPointer<Int>
    let nameRanges: UnsafeMutableBufferPointer<(start: Int32, count: Int32)>
    let sections: [SectionInfo]
    let partials: [PartialInfo]
    let parents: [ParentInfo]
    let blocks: [BlockInfo]
    /// The steps of each node tree the program was built from, in order.
    let entries: [Range<Int>]

    /// Flattens `trees` (each a template's linked nodes) into one program.
    init(trees: [[Node]]) {
        var builder = ProgramBuilder()
        entries = trees.map { tree in
            let start = builder.steps.count
            builder.append(tree)
            return start..<builder.steps.count
        }
        steps = Self.buffer(builder.steps)
        bytes = Self.buffer(builder.bytes)
        nameParts = Self.buffer(builder.nameParts)
        nameHashes = Self.buffer(builder.nameParts.map(\.hashValue))
        nameRanges = Self.buffer(builder.nameRanges)
        sections = builder.sections; partials = builder.partials; parents = builder.parents; blocks = builder.blocks
    }

    deinit {
        steps.deallocate()
        bytes.deallocate()
        nameParts.deinitialize().deallocate()
        nameHashes.deallocate()
        nameRanges.deallocate()
    }

    private static func buffer<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, elements.count))
        _ = buffer.initialize(from: elements)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<elements.count])
    }
}

/// Appends node trees to the tables of a ``Program``.
struct ProgramBuilder {
    var steps: [Step] = []
    var bytes: [UInt8] = []
    var nameParts: [String] = []
    var nameRanges: [(start: Int32, count: Int32)] = []
    var sections: [Program.SectionInfo] = []
    var partials: [Program.PartialInfo] = []
    var parents: [Program.ParentInfo] = []
    var blocks: [Program.BlockInfo] = []
    private var nameIndex: [String: Int32] = [:]

    mutating func append(_ nodes: [Node]) {
        for node in nodes { append(node) }
    }

    private mutating func append(_ node: Node) {
        switch node {
        case .text(let text):
            steps.append(.text(start: Int32(bytes.count), count: Int32(text.count)))
            bytes.append(contentsOf: text)
        case .lineStart:
            steps.append(.lineStart)
        case .variable(let name, let escaped, let at):
            steps.append(.variable(name: index(of: name), escaped: escaped, at: at))
        case .section(let name, let body, let raw, let delimiters, let location):
            let at = steps.count
            steps.append(.lineStart)   // replaced once the body's end is known
            sections.append(.init(raw: raw, delimiters: delimiters, at: location))
            let lambda = Int32(sections.count - 1), nameIndex = index(of: name)
            append(body)
            steps[at] = .section(name: nameIndex, end: Int32(steps.count), lambda: lambda)
        case .inverted(let name, let body):
            let at = steps.count
            steps.append(.lineStart)
            let nameIndex = index(of: name)
            append(body)
            steps[at] = .inverted(name: nameIndex, end: Int32(steps.count))
        case .partial(let reference, let indentation, let at):
            partials.append(.init(reference: stepReference(reference), indentation: indentation, at: at))
            steps.append(.partial(Int32(partials.count - 1)))
        case .parent(let reference, let arguments, let indentation, let at):
            let step = steps.count
            steps.append(.lineStart)
            let resolved = stepReference(reference)
            var bodies: [String: StepBody] = [:]
            for (name, argument) in arguments.sorted(by: { $0.key < $1.key }) { bodies[name] = body(argument) }
            parents.append(.init(reference: resolved, arguments: bodies, indentation: indentation, at: at, end: Int32(steps.count)))
            steps[step] = .parent(Int32(parents.count - 1))
        case .block(let name, let body, let standalone):
            let step = steps.count
            steps.append(.lineStart)
            blocks.append(.init(name: name, body: self.body(body), standalone: standalone))
            steps[step] = .block(Int32(blocks.count - 1))
        }
    }

    /// Appends a block body's steps and says where they are.
    private mutating func body(_ body: BlockBody) -> StepBody {
        let start = Int32(steps.count)
        append(body.nodes)
        return StepBody(start: start, end: Int32(steps.count), indentation: body.indentation)
    }

    private mutating func index(of name: Name) -> Int32 {
        let key = name.text
        if let known = nameIndex[key] { return known }
        nameRanges.append((start: Int32(nameParts.count), count: Int32(name.components.count)))
        nameParts.append(contentsOf: name.components)
        let index = Int32(nameRanges.count - 1)
        nameIndex[key] = index
        return index
    }

    private mutating func stepReference(_ reference: TemplateReference) -> StepReference {
        switch reference {
        case .resolved(let index): .resolved(index)
        case .missing, .named: .missing
        case .dynamic(let name): .dynamic(index(of: name))
        }
    }
}
