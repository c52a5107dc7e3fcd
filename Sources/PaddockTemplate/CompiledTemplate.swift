/// One parsed and linked template of a set.
struct CompiledTemplate: Sendable {
    let name: String
    let nodes: [Node]
    /// Kept for error messages raised while rendering (line text).
    let source: String

    func error(_ kind: TemplateError.Kind, at location: SourceLocation) -> TemplateError {
        SourceLocator(template: name, bytes: Array(source.utf8)).error(kind, at: location)
    }
}
