/// A value that templates render: the data model of the engine.
///
/// JSON decodes into it directly, and Swift model types convert into it cheaply.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    case map(TemplateMap)
    case lambda(TemplateLambda)
}

/// A Mustache lambda: a Swift closure in the data.
///
/// For `{{name}}` it is called with an empty string; for `{{#name}}…{{/name}}` with the raw
/// section text. Its result is rendered as a template with the current delimiters.
public struct TemplateLambda: Sendable {
    public let body: @Sendable (String) -> String
    public init(_ body: @escaping @Sendable (String) -> String) { self.body = body }
}
