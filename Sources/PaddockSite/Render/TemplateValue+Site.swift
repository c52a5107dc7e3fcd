import PaddockTemplate

/// A string value, or null when `text` is nil or blank (so `{{#key}}` sections skip it).
func tv(_ text: String?) -> TemplateValue {
    guard let text, !text.isEmpty else { return .null }
    return .string(text)
}

/// A map value.
func tv(_ map: TemplateMap) -> TemplateValue { .map(map) }

/// An array value, or null when empty.
func tv(_ items: [TemplateValue]) -> TemplateValue { items.isEmpty ? .null : .array(items) }

/// A boolean value.
func tv(_ flag: Bool) -> TemplateValue { .bool(flag) }

/// `{items: [{text}]}` for a list of plain strings, or null when empty.
func tvList(_ strings: [String]) -> TemplateValue {
    tvSection(strings.filter { !$0.isEmpty }.map { TemplateValue.map(["text": .string($0)]) })
}

/// A list for templates that wrap their items (`{{#gallery}}<ul>{{#items}}…{{/items}}</ul>{{/gallery}}`):
/// `{items, count}`, or null when empty.
func tvSection(_ items: [TemplateValue]) -> TemplateValue {
    items.isEmpty ? .null : .map(["items": .array(items), "count": .int(items.count)])
}
