import Foundation

/// A set of Mustache templates, parsed once into an immutable compiled form.
///
/// Partial (`{{>name}}`) and parent (`{{<name}}`) names are resolved when the set is built, so
/// rendering does no parsing (lambdas excepted) and appends bytes to a buffer. A set is `Sendable`:
/// render it from as many tasks at once as you like.
///
/// ```swift
/// let set = try TemplateSet(templates: [
///     "layout": "<title>{{$title}}Paddock{{/title}}</title>",
///     "horse": "{{<layout}}{{$title}}{{name}}{{/title}}{{/layout}}",
/// ])
/// let page = try set.render("horse", ["name": "Arko"])   // [UInt8]
/// ```
public struct TemplateSet: Sendable {
    let templates: [CompiledTemplate]
    let indexByName: [String: Int]
    /// Every template's steps, in the order of ``templates`` (what rendering walks).
    let program: Program
    /// Unknown partials and parents are load errors (otherwise they render as the empty string).
    public let strict: Bool
    public let limits: RenderLimits

    /// Parses and links `templates` (name → source text).
    /// - Parameter strict: when true, a partial or parent not in the set is an error.
    /// - Throws: ``TemplateSetError`` listing every broken template.
    public init(templates sources: [String: String], strict: Bool = true, limits: RenderLimits = RenderLimits()) throws {
        let names = sources.keys.sorted()
        var indexByName: [String: Int] = [:]
        for (i, name) in names.enumerated() { indexByName[name] = i }
        var errors: [TemplateError] = []
        var parsed: [[Node]] = []
        for name in names {
            do {
                parsed.append(try Parser(name: name, source: sources[name]!).parse())
            } catch let error as TemplateError {
                errors.append(error)
                parsed.append([])
            }
        }
        var linked: [CompiledTemplate] = []
        for (i, name) in names.enumerated() {
            let linker = Linker(template: name, source: sources[name]!, indexByName: indexByName, strict: strict)
            linked.append(CompiledTemplate(name: name, nodes: linker.link(parsed[i]), source: sources[name]!))
            errors.append(contentsOf: linker.errors)
        }
        if errors.isEmpty { errors = CycleFinder(templates: linked).cycles() }
        guard errors.isEmpty else { throw TemplateSetError(errors: errors) }
        self.templates = linked
        self.indexByName = indexByName
        self.program = Program(trees: linked.map(\.nodes))
        self.strict = strict
        self.limits = limits
    }

    /// The names of the templates in the set, sorted.
    public var names: [String] { templates.map(\.name) }

    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// Renders template `name` with `context` into a new byte buffer.
    /// - Throws: ``TemplateRenderError/unknownTemplate(_:)`` when `name`
    ///   is not in the set, or a ``TemplateError`` when rendering passes a limit.
    public func render(_ name: String, _ context: TemplateValue) throws -> [UInt8] {
        var buffer: [UInt8] = []
        try render(name, context, into: &buffer)
        return buffer
    }

    /// Renders template `name` with `context`, appending to `buffer`.
    public func render(_ name: String, _ context: TemplateValue, into buffer: inout [UInt8]) throws {
        guard let index = indexByName[name] else { throw TemplateRenderError.unknownTemplate(name) }
        // The renderer writes into memory of its own (appends there are cheaper), then the page
        // is copied into `buffer` once, also when rendering stopped at an error.
        var renderer = Renderer(set: self, capacity: max(buffer.capacity - buffer.count, 4096))
        defer { buffer.append(contentsOf: renderer.output.bytes) }
        try renderer.render(template: index, context: context)
    }

    /// Renders template `name` with `context` into a `String`.
    public func renderString(_ name: String, _ context: TemplateValue) throws -> String {
        String(decoding: try render(name, context), as: UTF8.self)
    }
}

/// Limits that keep any template from rendering without end.
public struct RenderLimits: Sendable, Equatable {
    /// Partials and parents nested deeper than this are an error.
    public var maxDepth: Int
    /// Output larger than this is an error.
    public var maxOutputBytes: Int
    /// Node visits (sections iterations included) beyond this are an error.
    public var maxSteps: Int

    public init(maxDepth: Int = 100, maxOutputBytes: Int = 64 << 20, maxSteps: Int = 20_000_000) {
        self.maxDepth = maxDepth; self.maxOutputBytes = maxOutputBytes; self.maxSteps = maxSteps
    }
}

/// Asking a set for something it does not have.
public enum TemplateRenderError: Error, CustomStringConvertible, Equatable {
    case unknownTemplate(String)

    public var description: String {
        switch self {
        case .unknownTemplate(let name): "no template named '\(name)' in the set"
        }
    }
}
