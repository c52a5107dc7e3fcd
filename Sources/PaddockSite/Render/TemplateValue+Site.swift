import PaddockTemplate

/// Factories for the values page contexts are made of.
extension TemplateValue {
    /// A string, or null when `text` is nil or empty (so `{{#key}}` sections skip it).
    static func nonEmpty(_ text: String?) -> TemplateValue {
        guard let text, !text.isEmpty else { return .null }
        return .string(text)
    }

    /// An array, or null when empty.
    static func nonEmpty(_ items: [TemplateValue]) -> TemplateValue { items.isEmpty ? .null : .array(items) }

    /// `{items: [{text}]}` for a list of plain strings, or null when empty.
    static func textList(_ strings: [String]) -> TemplateValue {
        section(strings.filter { !$0.isEmpty }.map { TemplateValue.map(["text": .string($0)]) })
    }

    /// A list for templates that wrap their items (`{{#gallery}}<ul>{{#items}}…{{/items}}</ul>{{/gallery}}`):
    /// `{items, count}`, or null when empty.
    static func section(_ items: [TemplateValue]) -> TemplateValue {
        items.isEmpty ? .null : .map(["items": .array(items), "count": .int(items.count)])
    }
}
