/// The compiled form of a template: a tree of nodes with every name already split and every
/// partial and parent already resolved to an index in its ``TemplateSet``.
indirect enum Node: Sendable {
    /// Literal bytes, copied to the output as they are.
    case text([UInt8])
    /// The start of a template line: writes the current indentation (partials, parents, blocks).
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(Name, escaped: Bool, at: SourceLocation)
    /// `{{#name}}…{{/name}}`; `raw` and `delimiters` are what a lambda receives and parses with.
    case section(Name, body: [Node], raw: String, delimiters: Delimiters, at: SourceLocation)
    /// `{{^name}}…{{/name}}`.
    case inverted(Name, body: [Node])
    /// `{{>name}}`; `indentation` is set when the tag stands alone on its line.
    case partial(TemplateReference, indentation: [UInt8]?, at: SourceLocation)
    /// `{{<name}}…{{/name}}`: the parent rendered with these block arguments.
    case parent(TemplateReference, arguments: [String: BlockBody], indentation: [UInt8]?, at: SourceLocation)
    /// `{{$name}}…{{/name}}`: a block, rendered from the arguments in force or from its default body.
    case block(name: String, body: BlockBody, standalone: Bool)
}

/// The body of a block, with its lines' definition indentation already removed.
struct BlockBody: Sendable {
    var nodes: [Node]
    /// Indentation added at the block's expansion site (for a block in a parent template) .
    var indentation: [UInt8]
}

/// Which template a partial or parent tag names.
enum TemplateReference: Sendable {
    /// Found at load time.
    case resolved(Int)
    /// Not in the set (only when the set is not strict): renders as the empty string.
    case missing(String)
    /// `{{>*name}}`: the template named by the value of `name`, looked up while rendering.
    case dynamic(Name)
    /// Parsed but not yet linked (only between parsing and linking).
    case named(String)
}

/// A dotted name split once at compile time; `.` is the implicit iterator.
struct Name: Sendable {
    let components: [String]
    var isImplicitIterator: Bool { components.isEmpty }
    var text: String { components.isEmpty ? "." : components.joined(separator: ".") }

    init(_ text: String) {
        components = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The tag delimiters in force (`{{` and `}}` by default).
struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// A 1-based line and column in a template's source.
struct SourceLocation: Sendable {
    var line: Int32
    var column: Int32
}
